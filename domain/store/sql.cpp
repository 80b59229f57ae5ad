#include "sql.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace vd::sql {

namespace {

// "The database is in use": SQLite's primary result codes BUSY and LOCKED;
// PostgreSQL's SQLSTATEs lock_not_available (lock_timeout), serialization
// failure and deadlock.
bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6") || code == QLatin1String("55P03")
        || code == QLatin1String("40001") || code == QLatin1String("40P01");
}

} // namespace

namespace {

[[noreturn]] void failWith(bool busy, const QString &text, const QString &statement, const QString &databaseName)
{
    if (busy)
        throw DomainError(QStringLiteral("WORKSPACE_BUSY"), databaseName,
                          QCoreApplication::translate("vd::Workspace",
                              "the workspace is in use by another program; close it or try again in a moment "
                              "(%1; statement: %2)").arg(text, statement.simplified()));
    throw DomainError(QStringLiteral("STORAGE_ERROR"), databaseName,
                      QCoreApplication::translate("vd::Workspace",
                          "the workspace database refused a statement: %1 (statement: %2)")
                          .arg(text, statement.simplified()));
}

} // namespace

void fail(const QSqlError &error, const QString &statement, const QString &databaseName)
{
    failWith(isBusy(error), error.text(), statement, databaseName);
}

Write::Write(sqlite3 *connection, const QString &statement, const QString &where)
    : m_connection(connection), m_sql(statement), m_where(where)
{
    const QByteArray text = statement.toUtf8();
    const int code = sqlite3_prepare_v3(m_connection, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT,
                                        &m_statement, nullptr);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
    m_bound.resize(size_t(sqlite3_bind_parameter_count(m_statement)));
}

Write::Write(const QSqlDatabase &database, const QString &statement, const QString &where)
    : m_connection(nullptr), m_sql(statement), m_where(where), m_query(std::make_unique<QSqlQuery>(prepare(database, statement)))
{
}

Write::~Write()
{
    sqlite3_finalize(m_statement);
}

void Write::bindThroughQt(int index, const QVariant &value)
{
    m_query->bindValue(index, value.metaType().id() == QMetaType::Bool ? QVariant(value.toInt()) : value);
}

void Write::bind(int index, const QVariant &value)
{
    if (m_query)
        return bindThroughQt(index, value);
    const int position = index + 1;
    // NULL as Qt SQL binds it: an empty QVariant, or a null QString or QByteArray in one.
    const int type = value.metaType().id();
    const QString *text = type == QMetaType::QString ? static_cast<const QString *>(value.constData()) : nullptr;
    const QByteArray *bytes = type == QMetaType::QByteArray ? static_cast<const QByteArray *>(value.constData()) : nullptr;
    int code = SQLITE_OK;
    if (value.isNull() || (text && text->isNull()) || (bytes && bytes->isNull())) {
        code = sqlite3_bind_null(m_statement, position);
    } else if (text) {
        return bindBytes(index, text->toUtf8(), true);
    } else if (bytes) {
        return bindBytes(index, *bytes, false);
    } else {
        switch (type) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::Short:
            code = sqlite3_bind_int64(m_statement, position, value.toLongLong());
            break;
        case QMetaType::Double:
            code = sqlite3_bind_double(m_statement, position, value.toDouble());
            break;
        default:
            return bindBytes(index, value.toString().toUtf8(), true);
        }
    }
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::bindString(int index, const QString &text)
{
    if (m_query)
        return bindThroughQt(index, text);
    if (text.isNull())
        return bindNull(index);
    bindBytes(index, text.toUtf8(), true);
}

void Write::bindInteger(int index, qint64 value)
{
    if (m_query)
        return bindThroughQt(index, value);
    const int code = sqlite3_bind_int64(m_statement, index + 1, value);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::bindNull(int index)
{
    if (m_query)
        return bindThroughQt(index, QVariant(QMetaType::fromType<QString>()));
    const int code = sqlite3_bind_null(m_statement, index + 1);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::bindBlob(int index, const QByteArray &bytes)
{
    if (bytes.isNull())
        return bindNull(index);
    bindBytes(index, bytes, false);
}

void Write::bindInPlace(int index, QByteArrayView bytes, bool text)
{
    if (m_query) // Qt SQL copies what it binds
        return bindBytes(index, bytes.toByteArray(), text);
    // data() is never a null pointer here (an empty view points into its owner): empty text stays ''.
    static const char empty = 0;
    const char *data = bytes.isEmpty() ? &empty : bytes.data();
    const int code = text ? sqlite3_bind_text64(m_statement, index + 1, data, sqlite3_uint64(bytes.size()),
                                                SQLITE_STATIC, SQLITE_UTF8)
                          : sqlite3_bind_blob64(m_statement, index + 1, data, sqlite3_uint64(bytes.size()),
                                                SQLITE_STATIC);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::bindText(int index, const QByteArray &utf8)
{
    bindBytes(index, utf8, true);
}

void Write::bindBytes(int index, QByteArray bytes, bool text)
{
    if (m_query) // text as text (empty stays ''), bytes as a bytea
        return bindThroughQt(index, text ? QVariant(bytes.isEmpty() ? QStringLiteral("") : QString::fromUtf8(bytes))
                                         : QVariant(bytes));
    if (index < 0 || size_t(index) >= m_bound.size())
        fail(SQLITE_RANGE, QStringLiteral("no parameter %1").arg(index + 1));
    QByteArray &kept = m_bound[size_t(index)] = std::move(bytes);
    // constData() is never a null pointer, which SQLite would bind as NULL: empty text stays ''.
    const int code = text ? sqlite3_bind_text64(m_statement, index + 1, kept.constData(), sqlite3_uint64(kept.size()),
                                                SQLITE_STATIC, SQLITE_UTF8)
                          : sqlite3_bind_blob64(m_statement, index + 1, kept.constData(), sqlite3_uint64(kept.size()),
                                                SQLITE_STATIC);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::exec()
{
    if (m_query) {
        sql::exec(*m_query, m_where);
        m_changes = m_query->numRowsAffected();
        m_query->finish();
        return;
    }
    int code = sqlite3_step(m_statement);
    while (code == SQLITE_ROW)
        code = sqlite3_step(m_statement);
    if (code != SQLITE_DONE) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_reset(m_statement);
        fail(code, message);
    }
    m_changes = sqlite3_changes64(m_connection);
    sqlite3_reset(m_statement);
}

void Write::fail(int code, const QString &message)
{
    const int primary = code & 0xFF;
    failWith(primary == SQLITE_BUSY || primary == SQLITE_LOCKED, message, m_sql, m_where);
}

QString namedPlaceholders(const QString &statement)
{
    QString named;
    named.reserve(statement.size() + 64);
    int index = 0;
    QChar quote;
    for (const QChar c : statement) {
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u'?') {
            named += QStringLiteral(":p") + QString::number(index++);
            continue;
        }
        named += c;
    }
    return named;
}

void bind(QSqlQuery &query, int index, const QVariant &value)
{
    if (value.metaType().id() == QMetaType::Bool) // an integer 0/1 in both dialects
        return bind(query, index, QVariant(value.toInt()));
    static const QList<QString> names = [] {
        QList<QString> result;
        for (int i = 0; i < 256; ++i)
            result.append(QStringLiteral(":p") + QString::number(i));
        return result;
    }();
    query.bindValue(index < names.size() ? names[index] : QStringLiteral(":p") + QString::number(index), value);
}

void exec(QSqlQuery &query, const QString &where)
{
    if (!query.exec())
        fail(query.lastError(), query.lastQuery(), where);
}

// Forward-only on SQLite (rows stepped as read). QPSQL reads a forward-only
// query a row at a time (libpq's single-row mode), so a second statement run
// before the first is read to its end would cut the first short: there the
// whole result is fetched at once, as the store reads two statements side by side.
namespace {
void readRowsAsStepped(QSqlQuery &query, const QSqlDatabase &database)
{
    query.setForwardOnly(dialectOf(database) == Dialect::SQLite);
}
} // namespace

QSqlQuery prepare(const QSqlDatabase &database, const QString &statement)
{
    QSqlQuery query(database);
    readRowsAsStepped(query, database);
    const QString sql = inDialect(statement, dialectOf(database));
    if (!query.prepare(sql))
        fail(query.lastError(), sql, database.databaseName());
    return query;
}

QSqlQuery run(const QSqlDatabase &database, const QString &statement)
{
    QSqlQuery query(database);
    readRowsAsStepped(query, database);
    const QString sql = inDialect(statement, dialectOf(database));
    if (!query.exec(sql))
        fail(query.lastError(), sql, database.databaseName());
    return query;
}

QVariant scalar(const QSqlDatabase &database, const QString &statement)
{
    QSqlQuery query = run(database, statement);
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish();
    return value;
}

} // namespace vd::sql
