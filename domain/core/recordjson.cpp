#include "recordjson.h"

#include <QCoreApplication>

#include <limits>

namespace vd::record {

namespace {

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

// Instants and dates are written and read by hand in their one fixed shape:
// Qt's general ISO functions showed in bulk writes and reads (docs/storage.md).
namespace {

void putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
}

// Reads `width` ASCII digits at `at`; -1 when they are not all digits.
int digits(QStringView text, qsizetype at, int width)
{
    int value = 0;
    for (qsizetype i = at; i < at + width; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

QDate fixedDate(QStringView text) // YYYY-MM-DD
{
    if (text.size() < 10 || text[4] != u'-' || text[7] != u'-')
        return {};
    const int year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return {};
    return QDate(year, month, day); // invalid when the day does not exist
}

} // namespace

QString instantText(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime utc = instant.timeSpec() == Qt::UTC ? instant : instant.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    if (date.year() < 1 || date.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char text[24]; // YYYY-MM-DDTHH:MM:SS.mmmZ
    putDigits(text, date.year(), 4);
    text[4] = '-';
    putDigits(text + 5, date.month(), 2);
    text[7] = '-';
    putDigits(text + 8, date.day(), 2);
    text[10] = 'T';
    putDigits(text + 11, time.hour(), 2);
    text[13] = ':';
    putDigits(text + 14, time.minute(), 2);
    text[16] = ':';
    putDigits(text + 17, time.second(), 2);
    text[19] = '.';
    putDigits(text + 20, time.msec(), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, sizeof text);
}

QDateTime instantFromText(QStringView text)
{
    if (text.size() == 24 && text[10] == u'T' && text[13] == u':' && text[16] == u':' && text[19] == u'.'
        && text[23] == u'Z') {
        const QDate date = fixedDate(text);
        const int hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2),
                  ms = digits(text, 20, 3);
        const QTime time(hour, minute, second, ms);
        if (date.isValid() && hour >= 0 && minute >= 0 && second >= 0 && ms >= 0 && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    if (!hasOffset(text))
        return {};
    return QDateTime::fromString(text.toString(), Qt::ISODateWithMs).toUTC();
}

QString dateText(const QDate &date)
{
    if (!date.isValid())
        return {};
    if (date.year() < 1 || date.year() > 9999)
        return date.toString(Qt::ISODate);
    char text[10];
    putDigits(text, date.year(), 4);
    text[4] = '-';
    putDigits(text + 5, date.month(), 2);
    text[7] = '-';
    putDigits(text + 8, date.day(), 2);
    return QString::fromLatin1(text, sizeof text);
}

QDate dateFromText(QStringView text)
{
    return text.size() == 10 ? fixedDate(text) : QDate();
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
        object.fail(key, QCoreApplication::translate(
                             "vd::record", "\"%1\" is not a point in time; write it as 2026-03-01T09:30:00Z")
                             .arg(text));
}

void decode(const JsonReader &object, const QString &key, BilingualText &value)
{
    decodeElement(object.object(key), value);
}

void decodeElement(const JsonReader &element, BilingualText &value)
{
    if (!element.value().isObject())
        element.failHere(QCoreApplication::translate("vd::record", "expected an object with \"en\" and \"zh\" text"));
    value.en = element.optionalString(QStringLiteral("en"));
    value.zh = element.optionalString(QStringLiteral("zh"));
}

void write(QByteArray &out, const QString &value)
{
    // UTF-8 written straight into the output, escapes and all, in one pass
    // over the UTF-16 (no intermediate QByteArray per string: every record's
    // JSON goes through here). A lone surrogate becomes '?', as toUtf8() has it.
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + 2 + value.size() * 6); // the longest a UTF-16 unit can grow: \u00XX
    char *begin = out.data();
    char *at = begin + start;
    *at++ = '"';
    const char16_t *c = reinterpret_cast<const char16_t *>(value.constData());
    const char16_t *const end = c + value.size();
    for (; c != end; ++c) {
        const char32_t u = *c;
        if (u >= 0x20 && u < 0x80) {
            if (u == '"' || u == '\\')
                *at++ = '\\';
            *at++ = char(u);
        } else if (u < 0x20) {
            *at++ = '\\';
            switch (u) {
            case '\n': *at++ = 'n'; break;
            case '\r': *at++ = 'r'; break;
            case '\t': *at++ = 't'; break;
            case '\b': *at++ = 'b'; break;
            case '\f': *at++ = 'f'; break;
            default:
                *at++ = 'u'; *at++ = '0'; *at++ = '0';
                *at++ = hex[u >> 4]; *at++ = hex[u & 0xF];
            }
        } else if (u < 0x800) {
            *at++ = char(0xC0 | (u >> 6));
            *at++ = char(0x80 | (u & 0x3F));
        } else {
            char32_t point = u;
            if (QChar::isHighSurrogate(u) && c + 1 != end && QChar::isLowSurrogate(c[1])) {
                point = QChar::surrogateToUcs4(char16_t(u), *++c);
            } else if (QChar::isSurrogate(u)) {
                *at++ = '?';
                continue;
            }
            if (point < 0x10000) {
                *at++ = char(0xE0 | (point >> 12));
            } else {
                *at++ = char(0xF0 | (point >> 18));
                *at++ = char(0x80 | ((point >> 12) & 0x3F));
            }
            *at++ = char(0x80 | ((point >> 6) & 0x3F));
            *at++ = char(0x80 | (point & 0x3F));
        }
    }
    *at++ = '"';
    out.resize(at - begin);
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
