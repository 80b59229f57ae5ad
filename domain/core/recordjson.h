#pragma once

#include "jsonreader.h"
#include "recordfields.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

// The JSON form of every record, as kept in audit entries and sync payloads:
// snake_case keys (recordfields.h), money as decimal strings ("120000.00"),
// percentages as strings ("12.5"), dates as "YYYY-MM-DD", instants as UTC
// "2026-03-01T09:30:00.000Z", a date or instant that is not set as null,
// bilingual text as {"en", "zh"}, nested records as objects and lists as arrays.
//
//   QJsonObject object = vd::record::toJson(application);
//   QByteArray bytes = vd::record::toCompactJson(application);   // the same JSON, written directly
//   auto copy = vd::record::fromJson<vd::Application>(object);    // throws DomainError INPUT_ERROR with a path
namespace vd::record {

// Instants and dates in text, as JSON and the store keep them.
QString instantText(const QDateTime &instant);            // UTC with milliseconds; empty when not set
QDateTime instantFromText(QStringView text);              // invalid unless it carries Z or an offset
QString dateText(const QDate &date);                      // YYYY-MM-DD; empty when not set
QDate dateFromText(QStringView text);

namespace detail {

QJsonValue encode(const QString &value);
QJsonValue encode(bool value);
QJsonValue encode(int value);
QJsonValue encode(qint64 value);
QJsonValue encode(Money value);
QJsonValue encode(Percentage value);
QJsonValue encode(const QDate &value);
QJsonValue encode(const QDateTime &value);
QJsonValue encode(const BilingualText &value);
template <typename T> QJsonValue encode(const std::optional<T> &value);
template <typename T> QJsonValue encode(const QList<T> &values);
template <FieldRecord Record> QJsonValue encode(const Record &record);

void decode(const JsonReader &object, const QString &key, QString &value);
void decode(const JsonReader &object, const QString &key, bool &value);
void decode(const JsonReader &object, const QString &key, int &value);
void decode(const JsonReader &object, const QString &key, qint64 &value);
void decode(const JsonReader &object, const QString &key, Money &value);
void decode(const JsonReader &object, const QString &key, Percentage &value);
void decode(const JsonReader &object, const QString &key, QDate &value);
void decode(const JsonReader &object, const QString &key, QDateTime &value);
void decode(const JsonReader &object, const QString &key, BilingualText &value);
template <typename T> void decode(const JsonReader &object, const QString &key, std::optional<T> &value);
template <typename T> void decode(const JsonReader &object, const QString &key, QList<T> &values);
void decodeElement(const JsonReader &element, BilingualText &value);
template <FieldRecord Record> void decodeElement(const JsonReader &element, Record &record);

void write(QByteArray &out, const QString &value);
void write(QByteArray &out, bool value);
void write(QByteArray &out, int value);
void write(QByteArray &out, qint64 value);
void write(QByteArray &out, Money value);
void write(QByteArray &out, Percentage value);
void write(QByteArray &out, const QDate &value);
void write(QByteArray &out, const QDateTime &value);
void write(QByteArray &out, const BilingualText &value);
template <typename T> void write(QByteArray &out, const std::optional<T> &value);
template <typename T> void write(QByteArray &out, const QList<T> &values);
template <FieldRecord Record> void write(QByteArray &out, const Record &record);

} // namespace detail

template <FieldRecord Record>
QJsonObject toJson(const Record &record)
{
    QJsonObject object;
    forEachField<Record>([&](const auto &field) {
        object.insert(QLatin1String(field.name), detail::encode(record.*(field.member)));
    });
    return object;
}

// Compact UTF-8 JSON with the keys in field order, written without building a
// QJsonObject: this is what audit entries and sync payloads store.
template <FieldRecord Record>
QByteArray toCompactJson(const Record &record)
{
    QByteArray out;
    out.reserve(512);
    detail::write(out, record);
    return out;
}

// Every key must be present; optional values and unset dates may be null.
template <FieldRecord Record>
Record fromJson(const JsonReader &reader)
{
    Record record;
    forEachField<Record>([&](const auto &field) {
        detail::decode(reader, QLatin1String(field.name), record.*(field.member));
    });
    return record;
}

template <FieldRecord Record>
Record fromJson(const QJsonObject &object, const QString &path = QString::fromLatin1(RecordFields<Record>::entity))
{
    return fromJson<Record>(JsonReader(object, path));
}

namespace detail {

template <typename T>
QJsonValue encode(const std::optional<T> &value)
{
    return value ? encode(*value) : QJsonValue(QJsonValue::Null);
}

template <typename T>
QJsonValue encode(const QList<T> &values)
{
    QJsonArray array;
    for (const T &value : values)
        array.append(encode(value));
    return array;
}

template <FieldRecord Record>
QJsonValue encode(const Record &record)
{
    return toJson(record);
}

template <typename T>
void decode(const JsonReader &object, const QString &key, std::optional<T> &value)
{
    if (object.isNull(key)) {
        value.reset();
        return;
    }
    T present{};
    decode(object, key, present);
    value = std::move(present);
}

template <typename T>
void decode(const JsonReader &object, const QString &key, QList<T> &values)
{
    values.clear();
    const QList<JsonReader> elements = object.array(key);
    values.reserve(elements.size());
    for (const JsonReader &element : elements)
        decodeElement(element, values.emplace_back());
}

template <FieldRecord Record>
void decodeElement(const JsonReader &element, Record &record)
{
    record = fromJson<Record>(element);
}

template <typename T>
void write(QByteArray &out, const std::optional<T> &value)
{
    if (value)
        write(out, *value);
    else
        out.append("null");
}

template <typename T>
void write(QByteArray &out, const QList<T> &values)
{
    out.append('[');
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            out.append(',');
        write(out, values[i]);
    }
    out.append(']');
}

template <FieldRecord Record>
void write(QByteArray &out, const Record &record)
{
    out.append('{');
    bool first = true;
    forEachField<Record>([&](const auto &field) {
        if (!first)
            out.append(',');
        first = false;
        out.append('"').append(field.name).append("\":");
        write(out, record.*(field.member));
    });
    out.append('}');
}

} // namespace detail

} // namespace vd::record
