#include "canonicaljson.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <limits>

namespace vd {

namespace {

struct CanonicalJsonText
{
    Q_DECLARE_TR_FUNCTIONS(vd::CanonicalJson)
};

class Writer
{
public:
    QByteArray bytes;

    void value(const QJsonValue &value, const QString &path);

private:
    void number(const QJsonValue &value, const QString &path);
    void string(const QString &text, const QString &path);
    void object(const QJsonObject &object, const QString &path);
    void array(const QJsonArray &array, const QString &path);
};

void Writer::value(const QJsonValue &value, const QString &path)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        bytes += "null";
        return;
    case QJsonValue::Bool:
        bytes += value.toBool() ? "true" : "false";
        return;
    case QJsonValue::Double:
        number(value, path);
        return;
    case QJsonValue::String:
        string(value.toString(), path);
        return;
    case QJsonValue::Array:
        array(value.toArray(), path);
        return;
    case QJsonValue::Object:
        object(value.toObject(), path);
        return;
    }
}

void Writer::number(const QJsonValue &value, const QString &path)
{
    // An integer arrives as one; a double counts only when it has no fraction and fits (QJsonValue::toInteger).
    constexpr qint64 kNotAnInteger = std::numeric_limits<qint64>::min();
    const qint64 integer = value.toInteger(kNotAnInteger);
    const bool integral = integer != kNotAnInteger;
    if (!integral || integer > CanonicalJson::kLargestInteger || integer < -CanonicalJson::kLargestInteger)
        throw DomainError(QStringLiteral("CANONICAL_JSON_NUMBER"), path,
                          CanonicalJsonText::tr("%1 is not a whole number between -(2^53 - 1) and 2^53 - 1: "
                                                "what is signed carries no fractions (amounts are decimal text).")
                              .arg(QString::number(value.toDouble(), 'g', 17)));
    bytes += QByteArray::number(integer);
}

void Writer::string(const QString &text, const QString &path)
{
    static constexpr char kHex[] = "0123456789abcdef";
    bytes += '"';
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        if (QChar::isHighSurrogate(unit) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            bytes += QStringView(text).mid(i, 2).toUtf8();
            ++i;
            continue;
        }
        if (QChar::isSurrogate(unit))
            throw DomainError(QStringLiteral("CANONICAL_JSON_STRING"), path,
                              CanonicalJsonText::tr("The text holds half of a character (a lone surrogate, "
                                                    "U+%1) and cannot be signed.")
                                  .arg(unsigned(unit), 4, 16, QLatin1Char('0')));
        switch (unit) {
        case u'\b': bytes += "\\b"; continue;
        case u'\t': bytes += "\\t"; continue;
        case u'\n': bytes += "\\n"; continue;
        case u'\f': bytes += "\\f"; continue;
        case u'\r': bytes += "\\r"; continue;
        case u'"': bytes += "\\\""; continue;
        case u'\\': bytes += "\\\\"; continue;
        default: break;
        }
        if (unit < 0x20) {
            bytes += "\\u00";
            bytes += kHex[unit >> 4];
            bytes += kHex[unit & 0xf];
        } else if (unit < 0x80) {
            bytes += char(unit);
        } else {
            bytes += QStringView(text).mid(i, 1).toUtf8();
        }
    }
    bytes += '"';
}

void Writer::object(const QJsonObject &object, const QString &path)
{
    QList<QString> names = object.keys();
    // QString's operator< compares UTF-16 code units, which is RFC 8785's order (§3.2.3).
    std::sort(names.begin(), names.end());
    bytes += '{';
    bool first = true;
    for (const QString &name : names) {
        if (!first)
            bytes += ',';
        first = false;
        const QString memberPath = path + u'.' + name;
        string(name, memberPath);
        bytes += ':';
        value(object.value(name), memberPath);
    }
    bytes += '}';
}

void Writer::array(const QJsonArray &array, const QString &path)
{
    bytes += '[';
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            bytes += ',';
        value(array.at(i), path + u'[' + QString::number(i) + u']');
    }
    bytes += ']';
}

} // namespace

QByteArray CanonicalJson::of(const QJsonValue &value)
{
    Writer writer;
    writer.value(value, QStringLiteral("$"));
    return writer.bytes;
}

} // namespace vd
