#include "signindesk.h"

#include "apierror.h"
#include "passwordhash.h"
#include "recordjson.h"
#include "sha256.h"
#include "signinrecords.h"
#include "userrepository.h"

#include <QLocale>

#include <algorithm>
#include <chrono>
#include <thread>

namespace vd {

namespace {

// Holds one of the scrypt slots while it computes.
class ScryptSlot
{
public:
    explicit ScryptSlot(std::counting_semaphore<2> &available) : m_slots(available) { m_slots.acquire(); }
    ~ScryptSlot() { m_slots.release(); }
    ScryptSlot(const ScryptSlot &) = delete;
    ScryptSlot &operator=(const ScryptSlot &) = delete;

private:
    std::counting_semaphore<2> &m_slots;
};

} // namespace

SignInDesk::SignInDesk(const BackOfficeSettings &settings)
    : m_settings(settings), m_decoyHash(PasswordHash::of(randomBytes(16).toHex()).encoded())
{}

AccessToken SignInDesk::signIn(Workspace &workspace, const QString &username, const QString &password,
                               const QDateTime &now)
{
    SignInRecords records(workspace);
    const SignInRecords::Failures failures = records.failuresOf(username);
    if (failures.lockedUntil.isValid() && failures.lockedUntil > now) {
        const qint64 seconds = now.secsTo(failures.lockedUntil);
        throw ApiError(429, QStringLiteral("ACCOUNT_LOCKED"),
                       tr("Too many failed sign-ins: %1 is locked until %2 UTC (%n minute(s) from now). "
                          "Try again then, or ask an administrator.", nullptr, int((seconds + 59) / 60))
                           .arg(username, failures.lockedUntil.toString(QStringLiteral("yyyy-MM-dd HH:mm"))))
            .retryAfter(int(seconds));
    }
    const std::optional<User> user = UserRepository(workspace).findByUsername(username);
    bool fromDemoPassword = false;
    if (!passwordMatches(workspace, user, password, fromDemoPassword))
        refuse(workspace, username, now);
    records.clearFailures(username);
    if (fromDemoPassword) {
        const ScryptSlot slot(m_scryptSlots);
        records.setPasswordHash(user->id, PasswordHash::of(password.toUtf8()).encoded(), now);
    }
    AccessToken token;
    token.token = QString::fromLatin1(randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    token.expiresAt = now.addSecs(qint64(m_settings.tokenHours) * 3600);
    token.user = *user;
    records.storeToken(tokenDigest(token.token), user->id, now, token.expiresAt);
    records.removeExpiredTokens(now);
    return token;
}

bool SignInDesk::passwordMatches(Workspace &workspace, const std::optional<User> &user, const QString &password,
                                 bool &fromDemoPassword)
{
    SignInRecords records(workspace);
    std::optional<QString> stored = user ? records.passwordHashOf(user->id) : std::nullopt;
    if (user && !stored) {
        stored = records.demoPasswordHash();
        fromDemoPassword = stored.has_value();
    }
    const std::optional<PasswordHash> hash = PasswordHash::decoded(stored.value_or(m_decoyHash));
    const ScryptSlot slot(m_scryptSlots);
    const bool matches = hash && hash->matches(password.toUtf8());
    return matches && user && user->active;
}

void SignInDesk::refuse(Workspace &workspace, const QString &username, const QDateTime &now)
{
    const SignInRecords::Failures failures = SignInRecords(workspace).recordFailure(
        username, now, m_settings.lockAfterFailures, qint64(m_settings.lockMinutes) * 60);
    if (failures.lockedUntil.isValid()) {
        throw ApiError(429, QStringLiteral("ACCOUNT_LOCKED"),
                       tr("Too many failed sign-ins: %1 is now locked for %n minute(s). Try again then, or ask an "
                          "administrator.", nullptr, m_settings.lockMinutes)
                           .arg(username))
            .retryAfter(m_settings.lockMinutes * 60);
    }
    // Slower with each failure, so guessing is slow even before the lock.
    std::this_thread::sleep_for(std::chrono::milliseconds(m_settings.failureDelayMs * std::min(failures.count, 4)));
    const int left = m_settings.lockAfterFailures - failures.count;
    throw ApiError(401, QStringLiteral("BAD_CREDENTIALS"),
                   tr("The username or password is wrong. After %n more failed attempt(s) the account is locked "
                      "for %1 minutes.", nullptr, left)
                       .arg(m_settings.lockMinutes));
}

User SignInDesk::userOf(Workspace &workspace, const QString &authorization, const QDateTime &now) const
{
    static const QString scheme = QStringLiteral("Bearer ");
    if (!authorization.startsWith(scheme, Qt::CaseInsensitive) || authorization.size() == scheme.size())
        throw ApiError(401, QStringLiteral("TOKEN_MISSING"),
                       tr("Sign in first: send the token from POST /api/v1/login as \"Authorization: Bearer TOKEN\"."),
                       QStringLiteral("Authorization"));
    const QString token = authorization.mid(scheme.size()).trimmed();
    const std::optional<QString> userId = SignInRecords(workspace).userOfToken(tokenDigest(token), now);
    const std::optional<User> user = userId ? UserRepository(workspace).find(*userId) : std::nullopt;
    if (!user || !user->active)
        throw ApiError(401, QStringLiteral("TOKEN_INVALID"),
                       tr("The access token is unknown or has expired: sign in again."), QStringLiteral("Authorization"));
    return *user;
}

QString SignInDesk::tokenDigest(const QString &token)
{
    return QString::fromLatin1(Sha256::hexOf(token.toUtf8()));
}

} // namespace vd
