#include "clioptions.h"

#include "domainerror.h"
#include "holidaycalendar.h"
#include "scheme.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

[[noreturn]] void badOption(const QString &name, const QString &message)
{
    throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--") + name, message);
}

} // namespace

int numberOption(const Invocation &invocation, const QString &name, int fallback, int minimum, int maximum)
{
    if (!invocation.parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = invocation.parser.value(name).toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        badOption(name, CliText::tr("“%1” is not a whole number from %2 to %3")
                            .arg(invocation.parser.value(name)).arg(minimum).arg(maximum));
    return value;
}

std::optional<QDate> dateOption(const Invocation &invocation, const QString &name)
{
    if (!invocation.parser.isSet(name))
        return std::nullopt;
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString text = invocation.parser.value(name);
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        badOption(name, CliText::tr("“%1” is not a date that exists; write it as YYYY-MM-DD, such as 2024-03-31").arg(text));
    return date;
}

QStringList vocabularyOption(const Invocation &invocation, const QString &name, const SchemeVocabulary &vocabulary)
{
    const QStringList values = invocation.parser.values(name);
    for (const QString &value : values) {
        if (!vocabulary.contains(value))
            badOption(name, CliText::tr("“%1” is not one of the scheme's values: %2")
                                .arg(value, vocabulary.ids().join(QStringLiteral(", "))));
    }
    return values;
}

QString singleVocabularyOption(const Invocation &invocation, const QString &name, const SchemeVocabulary &vocabulary)
{
    const QStringList values = vocabularyOption(invocation, name, vocabulary);
    if (values.size() > 1)
        badOption(name, CliText::tr("give it once: cases can be filtered by one value of it"));
    return values.value(0);
}

void addAsOfOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("as-of"),
                      CliText::tr("Judge deadlines and overdue questions as of this day, YYYY-MM-DD (default: today in Hong Kong)."),
                      QStringLiteral("date")});
}

QDate asOfDay(const Invocation &invocation)
{
    return dateOption(invocation, QStringLiteral("as-of"))
        .value_or(HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc()));
}

void inputError(const QString &where, const QString &message)
{
    throw DomainError(QStringLiteral("INPUT_ERROR"), where, message);
}

QString requiredPathOption(const Invocation &invocation, const QString &option)
{
    const QString path = invocation.parser.value(option);
    if (path.isEmpty())
        badOption(option, CliText::tr("this option is needed: --%1 FILE").arg(option));
    return path;
}

QByteArray fileOption(const Invocation &invocation, const QString &option)
{
    QFile file(requiredPathOption(invocation, option));
    if (!file.open(QIODevice::ReadOnly))
        badOption(option, CliText::tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
    return file.readAll();
}

} // namespace vd::cli
