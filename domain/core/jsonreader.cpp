#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <cmath>

namespace vd {

namespace {

// Gives lupdate the context the strings are looked up under at run time.
struct JsonReaderText
{
    Q_DECLARE_TR_FUNCTIONS(vd::JsonReader)
};

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return JsonReaderText::tr("null");
    case QJsonValue::Bool: return JsonReaderText::tr("true or false");
    case QJsonValue::Double: return JsonReaderText::tr("a number");
    case QJsonValue::String: return JsonReaderText::tr("text");
    case QJsonValue::Array: return JsonReaderText::tr("a list");
    case QJsonValue::Object: return JsonReaderText::tr("an object");
    case QJsonValue::Undefined: break;
    }
    return JsonReaderText::tr("nothing");
}

} // namespace

QString JsonReader::lineAndColumn(QByteArrayView bytes, qsizetype offset)
{
    qsizetype line = 1;
    qsizetype column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else if ((bytes[i] & 0xC0) != 0x80) {
            ++column;
        }
    }
    return JsonReaderText::tr("line %1, column %2").arg(line).arg(column);
}

QJsonObject JsonReader::parseDocument(const QByteArray &bytes, const QString &sourceName)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        throw DomainError(QStringLiteral("INPUT_ERROR"), sourceName + u' ' + lineAndColumn(bytes, error.offset),
                          JsonReaderText::tr("not valid JSON (%1)").arg(error.errorString()));
    if (!document.isObject())
        throw DomainError(QStringLiteral("INPUT_ERROR"), sourceName,
                          JsonReaderText::tr("expected a JSON object at the top level"));
    return document.object();
}

QString JsonReader::listOf(const QStringList &values)
{
    return values.join(JsonReaderText::tr(", ", "between values in a list"));
}

QString JsonReader::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void JsonReader::fail(const QString &key, const QString &message) const
{
    throw DomainError(QStringLiteral("INPUT_ERROR"), pathOf(key), message);
}

void JsonReader::failHere(const QString &message) const
{
    throw DomainError(QStringLiteral("INPUT_ERROR"), m_path, message);
}

QJsonObject JsonReader::asObject() const
{
    if (!m_value.isObject())
        failHere(JsonReaderText::tr("expected an object, found %1").arg(typeName(m_value)));
    return m_value.toObject();
}

bool JsonReader::has(const QString &key) const
{
    return asObject().contains(key);
}

bool JsonReader::isNull(const QString &key) const
{
    const QJsonValue value = asObject().value(key);
    return value.isNull() || value.isUndefined();
}

QJsonValue JsonReader::required(const QString &key) const
{
    const QJsonValue value = asObject().value(key);
    if (value.isUndefined() || value.isNull())
        fail(key, JsonReaderText::tr("is required"));
    return value;
}

JsonReader JsonReader::field(const QString &key) const
{
    return JsonReader(required(key), pathOf(key));
}

JsonReader JsonReader::object(const QString &key) const
{
    const QJsonValue value = required(key);
    if (!value.isObject())
        fail(key, JsonReaderText::tr("expected an object, found %1").arg(typeName(value)));
    return JsonReader(value, pathOf(key));
}

std::optional<JsonReader> JsonReader::optionalObject(const QString &key) const
{
    if (isNull(key))
        return std::nullopt;
    return object(key);
}

QList<JsonReader> JsonReader::array(const QString &key, bool mandatory) const
{
    if (!mandatory && isNull(key))
        return {};
    const QJsonValue value = required(key);
    if (!value.isArray())
        fail(key, JsonReaderText::tr("expected a list, found %1").arg(typeName(value)));
    QList<JsonReader> elements;
    const QJsonArray array = value.toArray();
    elements.reserve(array.size());
    const QString path = pathOf(key);
    for (qsizetype i = 0; i < array.size(); ++i)
        elements.append(JsonReader(array.at(i), path + u'[' + QString::number(i) + u']'));
    return elements;
}

QString JsonReader::string(const QString &key) const
{
    const QJsonValue value = required(key);
    if (!value.isString())
        fail(key, JsonReaderText::tr("expected text, found %1").arg(typeName(value)));
    return value.toString();
}

QString JsonReader::optionalString(const QString &key, const QString &fallback) const
{
    if (isNull(key))
        return fallback;
    return string(key);
}

QString JsonReader::oneOf(const QString &key, const QStringList &allowed) const
{
    const QString text = string(key);
    if (!allowed.contains(text))
        fail(key, JsonReaderText::tr("unknown value \"%1\"; expected one of: %2")
                      .arg(text, listOf(allowed)));
    return text;
}

bool JsonReader::boolean(const QString &key) const
{
    const QJsonValue value = required(key);
    if (!value.isBool())
        fail(key, JsonReaderText::tr("expected true or false, found %1").arg(typeName(value)));
    return value.toBool();
}

bool JsonReader::optionalBoolean(const QString &key, bool fallback) const
{
    return isNull(key) ? fallback : boolean(key);
}

qint64 JsonReader::integer(const QString &key, qint64 min, qint64 max) const
{
    const QJsonValue value = required(key);
    const double number = value.toDouble();
    if (!value.isDouble() || std::trunc(number) != number)
        fail(key, JsonReaderText::tr("expected a whole number, found %1").arg(typeName(value)));
    if (number < double(min) || number > double(max))
        fail(key, JsonReaderText::tr("must be from %1 to %2").arg(min).arg(max));
    return qint64(number);
}

std::optional<qint64> JsonReader::optionalInteger(const QString &key, qint64 min, qint64 max) const
{
    if (isNull(key))
        return std::nullopt;
    return integer(key, min, max);
}

Money JsonReader::money(const QString &key, bool mustBePositive) const
{
    const QJsonValue value = required(key);
    if (!value.isString())
        fail(key, JsonReaderText::tr("an amount of money must be written as text, such as \"1200.50\""));
    const QString text = value.toString();
    if (text.startsWith(u'-'))
        fail(key, JsonReaderText::tr("must not be negative"));
    QString reason;
    const auto amount = Money::parse(text, &reason);
    if (!amount)
        fail(key, reason);
    if (mustBePositive && amount->cents() <= 0)
        fail(key, JsonReaderText::tr("must be greater than zero"));
    // Formats carry at most 12 digits before the decimal point.
    if (*amount > Money::fromCents(99'999'999'999'999))
        fail(key, JsonReaderText::tr("is too large: at most 999999999999.99"));
    return *amount;
}

std::optional<Money> JsonReader::optionalMoney(const QString &key, bool mustBePositive) const
{
    if (isNull(key))
        return std::nullopt;
    return money(key, mustBePositive);
}

Percentage JsonReader::percentage(const QString &key) const
{
    const auto percentage = Percentage::parse(string(key));
    if (!percentage)
        fail(key, JsonReaderText::tr("must be a percentage from 0 to 100, such as \"40\""));
    return *percentage;
}

QDate JsonReader::date(const QString &key) const
{
    const QString text = string(key);
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        fail(key, JsonReaderText::tr("\"%1\" is not a date that exists; write it as YYYY-MM-DD").arg(text));
    return date;
}

std::optional<QDate> JsonReader::optionalDate(const QString &key) const
{
    if (isNull(key))
        return std::nullopt;
    return date(key);
}

BilingualText JsonReader::bilingual(const QString &key) const
{
    const JsonReader text = object(key);
    BilingualText result{text.optionalString(QStringLiteral("en")), text.optionalString(QStringLiteral("zh"))};
    if (result.en.trimmed().isEmpty() && result.zh.trimmed().isEmpty())
        fail(key, JsonReaderText::tr("needs text in English or Chinese"));
    return result;
}

} // namespace vd
