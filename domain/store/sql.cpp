#include "sql.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QSqlError>

namespace vd::sql {

namespace {

// SQLite's primary result codes for "the database is in use".
bool isBusy(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    return code == QLatin1String("5") || code == QLatin1String("6");
}

} // namespace

void fail(const QSqlError &error, const QString &statement, const QString &databaseName)
{
    if (isBusy(error))
        throw DomainError(QStringLiteral("WORKSPACE_BUSY"), databaseName,
                          QCoreApplication::translate("vd::Workspace",
                              "the workspace is in use by another program; close it or try again in a moment "
                              "(%1; statement: %2)").arg(error.text(), statement.simplified()));
    throw DomainError(QStringLiteral("STORAGE_ERROR"), databaseName,
                      QCoreApplication::translate("vd::Workspace",
                          "the workspace database refused a statement: %1 (statement: %2)")
                          .arg(error.text(), statement.simplified()));
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
