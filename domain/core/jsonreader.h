#pragma once

#include "bilingualtext.h"
#include "domainerror.h"
#include "money.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <optional>

namespace vd {

// Reads typed values out of JSON while keeping the path it is at, so that
// every input error says where it is: "application.items[2].amount: at most
// two decimal places". Errors are thrown as DomainError with code INPUT_ERROR.
class JsonReader
{
public:
    JsonReader(const QJsonValue &value, QString path) : m_value(value), m_path(std::move(path)) {}

    // Parses a whole document; a syntax error names the line and column.
    static QJsonObject parseDocument(const QByteArray &bytes, const QString &sourceName);
    // "line 3, column 14" of a byte offset in a UTF-8 document, for syntax errors a person can find.
    static QString lineAndColumn(QByteArrayView bytes, qsizetype offset);

    const QString &path() const { return m_path; }
    const QJsonValue &value() const { return m_value; }

    bool has(const QString &key) const;
    bool isNull(const QString &key) const;
    JsonReader field(const QString &key) const;           // required, any type
    JsonReader object(const QString &key) const;          // required object
    std::optional<JsonReader> optionalObject(const QString &key) const;
    QList<JsonReader> array(const QString &key, bool required = true) const; // elements of an array

    QString string(const QString &key) const;             // required string
    QString optionalString(const QString &key, const QString &fallback = {}) const; // null or missing: fallback
    QString oneOf(const QString &key, const QStringList &allowed) const;
    bool boolean(const QString &key) const;
    bool optionalBoolean(const QString &key, bool fallback) const;
    qint64 integer(const QString &key, qint64 min, qint64 max) const;
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max) const;
    Money money(const QString &key, bool mustBePositive) const;
    std::optional<Money> optionalMoney(const QString &key, bool mustBePositive) const;
    Percentage percentage(const QString &key) const;      // "0".."100"
    QDate date(const QString &key) const;
    std::optional<QDate> optionalDate(const QString &key) const;
    BilingualText bilingual(const QString &key) const;    // {en, zh}, not both empty

    // Values a person may type, as a list in the current language: "a, b, c" or "a、b、c".
    static QString listOf(const QStringList &values);

    [[noreturn]] void fail(const QString &key, const QString &message) const;
    [[noreturn]] void failHere(const QString &message) const;
    QString pathOf(const QString &key) const;

private:
    QJsonValue required(const QString &key) const;
    QJsonObject asObject() const;

    QJsonValue m_value;
    QString m_path;
};

} // namespace vd
