#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

class Workspace;

// The back office's sign-in records in a workspace (migration 0003): users'
// password hashes, the demo password, failed sign-ins and access tokens.
// They are not domain records, so they are written directly, each change in
// its own transaction, neither audited nor synced. Hashes are opaque text here
// (made and checked by domain/crypto's PasswordHash).
class SignInRecords
{
public:
    explicit SignInRecords(Workspace &workspace) : m_workspace(workspace) {}

    std::optional<QString> passwordHashOf(const QString &userId) const;
    void setPasswordHash(const QString &userId, const QString &hash, const QDateTime &at);
    std::optional<QString> demoPasswordHash() const;
    void setDemoPasswordHash(const QString &hash);

    struct Failures
    {
        int count = 0;
        QDateTime lockedUntil; // invalid when not locked
    };
    Failures failuresOf(const QString &username) const;
    // Counts one more failure; the count reaching lockAfter locks the name
    // until at + lockFor (and starts the count again).
    Failures recordFailure(const QString &username, const QDateTime &at, int lockAfter, qint64 lockForSeconds);
    void clearFailures(const QString &username);

    void storeToken(const QString &tokenSha256Hex, const QString &userId, const QDateTime &issuedAt,
                    const QDateTime &expiresAt);
    // The user a token belongs to while it has not expired.
    std::optional<QString> userOfToken(const QString &tokenSha256Hex, const QDateTime &now) const;
    void removeExpiredTokens(const QDateTime &now);

private:
    Workspace &m_workspace;
};

} // namespace vd
