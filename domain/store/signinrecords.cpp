#include "signinrecords.h"

#include "recordjson.h"
#include "transaction.h"
#include "workspace.h"

namespace vd {

namespace {

QVariant instant(const QDateTime &at)
{
    return at.isValid() ? QVariant(record::instantText(at)) : QVariant();
}

std::optional<QString> firstText(QSqlQuery &query)
{
    std::optional<QString> text;
    if (query.next())
        text = query.value(0).toString();
    query.finish();
    return text;
}

} // namespace

std::optional<QString> SignInRecords::passwordHashOf(const QString &userId) const
{
    return firstText(m_workspace.execute(QStringLiteral("SELECT password_hash FROM user_credentials WHERE user_id = ?"),
                                         {userId}));
}

void SignInRecords::setPasswordHash(const QString &userId, const QString &hash, const QDateTime &at)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("INSERT INTO user_credentials (user_id, password_hash, changed_at) VALUES (?, ?, ?) "
                                       "ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, "
                                       "changed_at = excluded.changed_at"),
                        {userId, hash, instant(at)});
    transaction.commit();
}

std::optional<QString> SignInRecords::demoPasswordHash() const
{
    return firstText(m_workspace.execute(QStringLiteral("SELECT password_hash FROM demo_password WHERE id = 1"), {}));
}

void SignInRecords::setDemoPasswordHash(const QString &hash)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("INSERT INTO demo_password (id, password_hash) VALUES (1, ?) "
                                       "ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash"),
                        {hash});
    transaction.commit();
}

SignInRecords::Failures SignInRecords::failuresOf(const QString &username) const
{
    QSqlQuery &query = m_workspace.execute(
        QStringLiteral("SELECT failures, locked_until FROM sign_in_failures WHERE username = ?"), {username});
    Failures failures;
    if (query.next()) {
        failures.count = query.value(0).toInt();
        failures.lockedUntil = record::instantFromText(query.value(1).toString());
    }
    query.finish();
    return failures;
}

SignInRecords::Failures SignInRecords::recordFailure(const QString &username, const QDateTime &at, int lockAfter,
                                                     qint64 lockForSeconds)
{
    Transaction transaction(m_workspace);
    Failures failures = failuresOf(username);
    failures.count += 1;
    if (failures.count >= lockAfter) {
        failures.lockedUntil = at.addSecs(lockForSeconds);
        failures.count = 0;
    }
    m_workspace.execute(QStringLiteral("INSERT INTO sign_in_failures (username, failures, last_failed_at, locked_until) "
                                       "VALUES (?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
                                       "failures = excluded.failures, last_failed_at = excluded.last_failed_at, "
                                       "locked_until = excluded.locked_until"),
                        {username, failures.count, instant(at), instant(failures.lockedUntil)});
    transaction.commit();
    return failures;
}

void SignInRecords::clearFailures(const QString &username)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("DELETE FROM sign_in_failures WHERE username = ?"), {username});
    transaction.commit();
}

void SignInRecords::storeToken(const QString &tokenSha256Hex, const QString &userId, const QDateTime &issuedAt,
                               const QDateTime &expiresAt)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("INSERT INTO access_tokens (token_sha256, user_id, issued_at, expires_at) "
                                       "VALUES (?, ?, ?, ?)"),
                        {tokenSha256Hex, userId, instant(issuedAt), instant(expiresAt)});
    transaction.commit();
}

std::optional<QString> SignInRecords::userOfToken(const QString &tokenSha256Hex, const QDateTime &now) const
{
    return firstText(m_workspace.execute(
        QStringLiteral("SELECT user_id FROM access_tokens WHERE token_sha256 = ? AND expires_at > ?"),
        {tokenSha256Hex, instant(now)}));
}

void SignInRecords::removeExpiredTokens(const QDateTime &now)
{
    Transaction transaction(m_workspace);
    m_workspace.execute(QStringLiteral("DELETE FROM access_tokens WHERE expires_at <= ?"), {instant(now)});
    transaction.commit();
}

} // namespace vd
