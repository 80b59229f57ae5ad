#include "postgresdialect.h"

#include <QRegularExpression>
#include <QSqlDatabase>

#include <utility>

namespace vd::sql {

namespace {

// CAST(expression AS BLOB), the parentheses of the expression counted.
QString castsToBytes(QString statement)
{
    static const QRegularExpression cast(QStringLiteral("\\bCAST\\s*\\("), QRegularExpression::CaseInsensitiveOption);
    qsizetype from = 0;
    for (QRegularExpressionMatch match = cast.match(statement, from); match.hasMatch();
         match = cast.match(statement, from)) {
        const qsizetype open = match.capturedEnd() - 1;
        int depth = 0;
        qsizetype close = open;
        for (; close < statement.size(); ++close) {
            if (statement[close] == u'(')
                ++depth;
            else if (statement[close] == u')' && --depth == 0)
                break;
        }
        const QString inner = statement.mid(open + 1, close - open - 1);
        static const QRegularExpression asBlob(QStringLiteral("\\s+AS\\s+BLOB\\s*$"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch blob = asBlob.match(inner);
        if (close >= statement.size() || !blob.hasMatch()) {
            from = match.capturedEnd();
            continue;
        }
        const QString replacement = QStringLiteral("vd_bytes(") + inner.left(blob.capturedStart()) + u')';
        statement.replace(match.capturedStart(), close + 1 - match.capturedStart(), replacement);
        from = match.capturedStart() + replacement.size();
    }
    return statement;
}

} // namespace

Dialect dialectOf(const QSqlDatabase &database)
{
    return database.driverName() == QLatin1String("QPSQL") ? Dialect::PostgreSQL : Dialect::SQLite;
}

QString forPostgres(const QString &statement)
{
    // A bare BEGIN is a read transaction (a pull, an export): one snapshot for all of it.
    if (statement == QLatin1String("BEGIN"))
        return QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ");
    QString result = statement;
    static const QRegularExpression orIgnore(QStringLiteral("^\\s*INSERT\\s+OR\\s+IGNORE\\s+INTO\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (orIgnore.match(result).hasMatch())
        result.replace(orIgnore, QStringLiteral("INSERT INTO")).append(QStringLiteral(" ON CONFLICT DO NOTHING"));
    static const QRegularExpression temp(QStringLiteral("\\btemp\\."), QRegularExpression::CaseInsensitiveOption);
    result.replace(temp, QStringLiteral("pg_temp."));
    for (const auto &[digit, truth] : {std::pair{QChar(u'1'), QStringLiteral("TRUE")}, std::pair{QChar(u'0'), QStringLiteral("FALSE")}}) {
        const QRegularExpression lone(
            QStringLiteral("(\\bWHERE|\\bAND|\\bOR|\\()\\s*%1\\s*(?=\\)|$|\\s+(ORDER|LIMIT|AND|OR|GROUP)\\b)").arg(digit),
            QRegularExpression::CaseInsensitiveOption);
        result.replace(lone, QStringLiteral("\\1 ") + truth + u' ');
    }
    static const QRegularExpression groupConcat(QStringLiteral("\\bgroup_concat\\(([^()]*)\\)"),
                                                QRegularExpression::CaseInsensitiveOption);
    result.replace(groupConcat, QStringLiteral("string_agg(CAST(\\1 AS TEXT), ',')"));
    if (result.contains(QLatin1String("BLOB"), Qt::CaseInsensitive))
        result = castsToBytes(result);
    return result;
}

QString inDialect(const QString &statement, Dialect dialect)
{
    return dialect == Dialect::PostgreSQL ? forPostgres(statement) : statement;
}

} // namespace vd::sql
