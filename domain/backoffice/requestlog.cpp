#include "requestlog.h"

#include "recordjson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace vd {

void RequestLog::request(const Entry &entry)
{
    const QJsonObject line{
        {QStringLiteral("at"), record::instantText(QDateTime::currentDateTimeUtc())},
        {QStringLiteral("method"), entry.method},
        {QStringLiteral("path"), entry.path},
        {QStringLiteral("route"), entry.route},
        {QStringLiteral("status"), entry.status},
        {QStringLiteral("ms"), qRound(entry.milliseconds * 1000) / 1000.0},
        {QStringLiteral("user"), entry.user.isEmpty() ? QJsonValue() : QJsonValue(entry.user)},
        {QStringLiteral("client"), entry.client},
    };
    writeLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

void RequestLog::event(const QString &event, const QString &message, const QJsonObject &details)
{
    QJsonObject line = details;
    const QJsonObject fields{{QStringLiteral("at"), record::instantText(QDateTime::currentDateTimeUtc())},
                           {QStringLiteral("event"), event},
                           {QStringLiteral("message"), message}};
    for (auto field = fields.begin(); field != fields.end(); ++field)
        line.insert(field.key(), field.value());
    writeLine(QJsonDocument(line).toJson(QJsonDocument::Compact));
}

void RequestLog::writeLine(const QByteArray &line)
{
    const std::lock_guard lock(m_mutex);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace vd
