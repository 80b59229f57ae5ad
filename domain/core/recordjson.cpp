#include "recordjson.h"

#include <QCoreApplication>

#include <limits>

namespace vd::record {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vd::record", text);
}

// JSON numbers are doubles: whole numbers are exact up to 2^53.
constexpr qint64 kLargestExactInteger = qint64(1) << 53;

bool hasOffset(QStringView text)
{
    if (text.endsWith(u'Z'))
        return true;
    const qsizetype sign = text.size() - 6; // ±hh:mm
    return sign > 10 && (text[sign] == u'+' || text[sign] == u'-') && text[sign + 3] == u':';
}

} // namespace

QString instantText(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime utc = instant.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 0 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    // What Qt::ISODateWithMs writes, without its general formatter: every
    // record write and audit entry formats instants, so this is hot.
    char16_t text[25] = u"0000-00-00T00:00:00.000Z";
    const auto put = [&](int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, 4, date.year());
    put(5, 2, date.month());
    put(8, 2, date.day());
    put(11, 2, time.hour());
    put(14, 2, time.minute());
    put(17, 2, time.second());
    put(20, 3, time.msec());
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

QDateTime instantFromText(QStringView text)
{
    if (!hasOffset(text))
        return {};
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs).toUTC();
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate dateFromText(QStringView text)
{
    return text.size() == 10 ? QDate::fromString(text.toString(), Qt::ISODate) : QDate();
}

namespace detail {

QJsonValue encode(const QString &value) { return value; }
QJsonValue encode(bool value) { return value; }
QJsonValue encode(int value) { return value; }
QJsonValue encode(qint64 value) { return value; }
QJsonValue encode(Money value) { return value.toDecimalString(); }
QJsonValue encode(Percentage value) { return value.toString(); }
QJsonValue encode(const BilingualText &value) { return value.toJson(); }

QJsonValue encode(const QDate &value)
{
    return value.isValid() ? QJsonValue(dateText(value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue encode(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(instantText(value)) : QJsonValue(QJsonValue::Null);
}

void decode(const JsonReader &object, const QString &key, QString &value)
{
    value = object.string(key);
}

void decode(const JsonReader &object, const QString &key, bool &value)
{
    value = object.boolean(key);
}

void decode(const JsonReader &object, const QString &key, int &value)
{
    value = int(object.integer(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

void decode(const JsonReader &object, const QString &key, qint64 &value)
{
    value = object.integer(key, -kLargestExactInteger, kLargestExactInteger);
}

void decode(const JsonReader &object, const QString &key, Money &value)
{
    QString reason;
    const auto amount = Money::parse(object.string(key), &reason);
    if (!amount)
        object.fail(key, reason);
    value = *amount;
}

void decode(const JsonReader &object, const QString &key, Percentage &value)
{
    value = object.percentage(key);
}

void decode(const JsonReader &object, const QString &key, QDate &value)
{
    value = object.isNull(key) ? QDate() : object.date(key);
}

void decode(const JsonReader &object, const QString &key, QDateTime &value)
{
    if (object.isNull(key)) {
        value = QDateTime();
        return;
    }
    const QString text = object.string(key);
    value = instantFromText(text);
    if (!value.isValid())
        object.fail(key, tr("\"%1\" is not a point in time; write it as 2026-03-01T09:30:00Z").arg(text));
}

void decode(const JsonReader &object, const QString &key, BilingualText &value)
{
    decodeElement(object.object(key), value);
}

void decodeElement(const JsonReader &element, BilingualText &value)
{
    if (!element.value().isObject())
        element.failHere(tr("expected an object with \"en\" and \"zh\" text"));
    value.en = element.optionalString(QStringLiteral("en"));
    value.zh = element.optionalString(QStringLiteral("zh"));
}

void write(QByteArray &out, const QString &value)
{
    static constexpr char hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
    out.append('"');
    for (const char c : utf8) {
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (static_cast<unsigned char>(c) < 0x20)
                out.append("\\u00").append(hex[(c >> 4) & 0xF]).append(hex[c & 0xF]);
            else
                out.append(c);
        }
    }
    out.append('"');
}

void write(QByteArray &out, bool value) { out.append(value ? "true" : "false"); }
void write(QByteArray &out, int value) { out.append(QByteArray::number(value)); }
void write(QByteArray &out, qint64 value) { out.append(QByteArray::number(value)); }
void write(QByteArray &out, Money value) { out.append('"').append(value.toDecimalString().toLatin1()).append('"'); }
void write(QByteArray &out, Percentage value) { out.append('"').append(value.toString().toLatin1()).append('"'); }

void write(QByteArray &out, const QDate &value)
{
    if (value.isValid())
        out.append('"').append(dateText(value).toLatin1()).append('"');
    else
        out.append("null");
}

void write(QByteArray &out, const QDateTime &value)
{
    if (value.isValid())
        out.append('"').append(instantText(value).toLatin1()).append('"');
    else
        out.append("null");
}

void write(QByteArray &out, const BilingualText &value)
{
    out.append("{\"en\":");
    write(out, value.en);
    out.append(",\"zh\":");
    write(out, value.zh);
    out.append('}');
}

} // namespace detail

} // namespace vd::record
