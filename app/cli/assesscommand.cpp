// voucherdesk-cli assess FILE|-: applies the scheme rules to one application
// (shared contract: formats/assess.md) and prints the assessment. Writes nothing.
#include "clicommand.h"

#include "assessment.h"
#include "assessmentjson.h"
#include "domainerror.h"
#include "jsonreader.h"
#include "rulebook.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace vd::cli {

namespace {

QByteArray readAll(const QString &name)
{
    QFile file;
    const bool opened = name == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(name), file.open(QIODevice::ReadOnly));
    if (!opened)
        throw DomainError(QStringLiteral("INPUT_ERROR"), name,
                          QCoreApplication::translate("vd::cli", "cannot be read: %1").arg(file.errorString()));
    return file.readAll();
}

int runAssess(Invocation &invocation)
{
    if (invocation.arguments.size() != 1) {
        invocation.err << "voucherdesk-cli assess: "
                       << QCoreApplication::translate("vd::cli", "give one file to assess, or - to read standard input") << '\n';
        return BadInput;
    }
    const QString name = invocation.arguments.first();
    const QString source = name == QLatin1String("-") ? QCoreApplication::translate("vd::cli", "standard input") : name;
    const QJsonObject document = JsonReader::parseDocument(readAll(name), source);
    const RuleBook &rules = RuleBook::technologyVoucher();
    const Assessment assessment = assess(readAssessmentInput(document, rules), rules);
    invocation.printJson(QJsonDocument(assessmentToJson(assessment)));
    return assessment.eligible ? Success : Findings;
}

} // namespace

Command assessCommand()
{
    return {QStringLiteral("assess"),
            QT_TRANSLATE_NOOP("vd::cli", "FILE|-"),
            QT_TRANSLATE_NOOP("vd::cli", "Apply the scheme rules to one application and print the assessment"),
            0, {}, runAssess};
}

} // namespace vd::cli
