#include "sql.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QSqlError>

#include <sqlite3.h>

namespace vd::sql {

namespace {

// SQLite's primary result codes for "the database is in use".
bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6");
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
}

Write::~Write()
{
    sqlite3_finalize(m_statement);
}

void Write::bind(int index, const QVariant &value)
{
    const int position = index + 1;
    int code = SQLITE_OK;
    // NULL as Qt SQL binds it: an empty QVariant, or a null QString or QByteArray in one.
    const int type = value.metaType().id();
    if (value.isNull() || (type == QMetaType::QString && static_cast<const QString *>(value.constData())->isNull())
        || (type == QMetaType::QByteArray && static_cast<const QByteArray *>(value.constData())->isNull())) {
        code = sqlite3_bind_null(m_statement, position);
    } else {
        switch (type) {
        case QMetaType::QString: {
            const QByteArray text = static_cast<const QString *>(value.constData())->toUtf8();
            code = sqlite3_bind_text64(m_statement, position, text.constData(), sqlite3_uint64(text.size()),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray &bytes = *static_cast<const QByteArray *>(value.constData());
            code = sqlite3_bind_blob64(m_statement, position, bytes.constData(), sqlite3_uint64(bytes.size()),
                                       SQLITE_TRANSIENT);
            break;
        }
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
        default: {
            const QByteArray text = value.toString().toUtf8();
            code = sqlite3_bind_text64(m_statement, position, text.constData(), sqlite3_uint64(text.size()),
                                       SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        }
    }
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::bindText(int index, QByteArrayView utf8)
{
    // Never a null pointer, which SQLite would bind as NULL: empty text stays ''.
    const int code = sqlite3_bind_text64(m_statement, index + 1, utf8.isNull() ? "" : utf8.data(),
                                         sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (code != SQLITE_OK)
        fail(code, QString::fromUtf8(sqlite3_errmsg(m_connection)));
}

void Write::exec()
{
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

QSqlQuery prepare(const QSqlDatabase &database, const QString &statement)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.prepare(statement))
        fail(query.lastError(), statement, database.databaseName());
    return query;
}

QSqlQuery run(const QSqlDatabase &database, const QString &statement)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    if (!query.exec(statement))
        fail(query.lastError(), statement, database.databaseName());
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
