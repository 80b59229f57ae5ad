#pragma once

#include "backofficesettings.h"
#include "user.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <semaphore>

namespace vd {

class Workspace;

// A signed-in session: the bearer token (shown once, kept only as its SHA-256).
struct AccessToken
{
    QString token;       // 256 random bits, base64url
    QDateTime expiresAt;
    User user;
};

// Signing in to the back office and recognising a bearer token.
//   - A password is checked against the user's scrypt hash, or, for a demo
//     workspace, against the demo password until the user has one of their
//     own (the first sign-in with it stores one: per-user salt).
//   - Each failure is slowed (failureDelayMs × failures so far, at most four
//     times that) and counted by username; lockAfterFailures of them lock the
//     name for lockMinutes, with a message saying until when.
//   - Unknown usernames cost the same scrypt work as known ones.
// At most two scrypt computations run at once (32 MiB each).
class SignInDesk
{
    Q_DECLARE_TR_FUNCTIONS(vd::SignInDesk)

public:
    explicit SignInDesk(const BackOfficeSettings &settings);

    // Throws ApiError 401 BAD_CREDENTIALS, 429 ACCOUNT_LOCKED.
    AccessToken signIn(Workspace &workspace, const QString &username, const QString &password,
                       const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The user of an Authorization header's bearer token; throws ApiError 401
    // TOKEN_MISSING, TOKEN_INVALID (unknown, expired, or the user is inactive).
    User userOf(Workspace &workspace, const QString &authorization,
                const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    bool passwordMatches(Workspace &workspace, const std::optional<User> &user, const QString &password,
                         bool &fromDemoPassword);
    [[noreturn]] void refuse(Workspace &workspace, const QString &username, const QDateTime &now);
    static QString tokenDigest(const QString &token);

    const BackOfficeSettings &m_settings;
    QString m_decoyHash; // checked for unknown usernames, so that they take as long
    std::counting_semaphore<2> m_scryptSlots{2};
};

} // namespace vd
