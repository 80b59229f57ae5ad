// vd-json-parse-bench [RECORDS] [ROUNDS]: the two JSON parsers the desk could
// read a pulled page with, on the same page (issue 4): Qt's QJsonDocument and
// Poco's JSON::Parser. The page has the shape the back office sends
// (docs/sync.md): RECORDS applications of about 2 KB, as vd-sync-bench makes
// them (benchapplication.h). Each parser reads the page ROUNDS
// times and walks to every record's fields; prints one JSON line with the CPU
// milliseconds per page of each.
#include "benchapplication.h"
#include "uuid.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <ctime>
#include <functional>

using namespace vd;

namespace {

QByteArray page(int records)
{
    QByteArray out = "{\"changes\":[";
    for (int i = 0; i < records; ++i) {
        Application application = bench::benchApplication(i, newUuid(), 2048);
        application.id = newUuid();
        if (i > 0)
            out += ',';
        out += "{\"seq\":" + QByteArray::number(i + 1) + ",\"type\":\"application\",\"id\":\"" + application.id.toLatin1()
               + "\",\"revision\":1,\"deleted\":false,\"record\":" + record::toCompactJson(application) + '}';
    }
    return out + "],\"removed_cases\":[],\"cursor\":" + QByteArray::number(records) + ",\"more\":false,\"head\":1}";
}

double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

// CPU milliseconds per round, the best of the rounds.
double best(int rounds, const std::function<qsizetype()> &parse, qsizetype &fields)
{
    double fastest = 1e300;
    for (int round = 0; round < rounds; ++round) {
        const double start = cpuMs();
        fields = parse();
        fastest = std::min(fastest, cpuMs() - start);
    }
    return fastest;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int records = app.arguments().value(1, QStringLiteral("500")).toInt();
    const int rounds = app.arguments().value(2, QStringLiteral("20")).toInt();
    const QByteArray bytes = page(records);
    const std::string text = bytes.toStdString();
    qsizetype qtFields = 0, pocoFields = 0;
    const double qt = best(rounds, [&] {
        qsizetype fields = 0;
        const QJsonArray changes = QJsonDocument::fromJson(bytes).object().value(QStringLiteral("changes")).toArray();
        for (const QJsonValue &change : changes)
            fields += change.toObject().value(QStringLiteral("record")).toObject().size();
        return fields;
    }, qtFields);
    const double poco = best(rounds, [&] {
        qsizetype fields = 0;
        Poco::JSON::Parser parser;
        const Poco::JSON::Object::Ptr root = parser.parse(text).extract<Poco::JSON::Object::Ptr>();
        const Poco::JSON::Array::Ptr changes = root->getArray("changes");
        for (std::size_t i = 0; i < changes->size(); ++i)
            fields += qsizetype(changes->getObject(unsigned(i))->getObject("record")->size());
        return fields;
    }, pocoFields);
    std::printf("{\"records\":%d,\"pageBytes\":%lld,\"rounds\":%d,\"qtJsonCpuMs\":%.2f,\"pocoJsonCpuMs\":%.2f,"
                "\"fieldsQt\":%lld,\"fieldsPoco\":%lld}\n",
                records, qlonglong(bytes.size()), rounds, qt, poco, qlonglong(qtFields), qlonglong(pocoFields));
    return qtFields == pocoFields ? 0 : 1;
}
