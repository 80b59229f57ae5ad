#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QString>

#include <optional>

namespace vd {

// Why a certificate was revoked: RFC 5280's CRLReason, the ones that apply to a person's signing key.
enum class RevocationReason { Unspecified, KeyCompromise, AffiliationChanged, Superseded, CessationOfOperation };

struct Revocation
{
    QString serial;      // the certificate's serial, lower-case hex (Certificate::serial)
    QDateTime revokedAt; // UTC
    RevocationReason reason = RevocationReason::Unspecified;
};

// The revocations a verifier knows of (the back office's, reaching clients by sync). A signature counts
// as revoked when its certificate was revoked at or before its signing time (to the second, the signing
// time's precision, so a signature in the second of the revocation counts as revoked); one made earlier stands.
class RevocationList
{
public:
    // A second revocation of the same certificate keeps the earlier time.
    void add(const Revocation &revocation);
    std::optional<Revocation> find(const QString &serial) const;
    bool revokedBy(const QString &serial, const QDateTime &signingTime) const;
    qsizetype size() const { return m_bySerial.size(); }

    // [{"serial": "…", "revoked_at": "2026-…Z", "reason": "key_compromise"}, …], sorted by serial.
    QJsonArray toJson() const;
    // Throws a DomainError REVOCATION_INVALID naming the entry that is not in that form.
    static RevocationList fromJson(const QJsonArray &array);

    static QString reasonName(RevocationReason reason);
    static std::optional<RevocationReason> reasonNamed(const QString &name);

private:
    QHash<QString, Revocation> m_bySerial;
};

} // namespace vd
