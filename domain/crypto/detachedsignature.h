#pragma once

#include "certificate.h"

#include <QByteArray>
#include <QHash>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

struct CMS_ContentInfo_st; // OpenSSL's CMS_ContentInfo

namespace vd {

class RevocationList;
class SigningKey;

// What checking a signature found. `signer` and `signingTime` are filled as far as the check got.
struct SignatureCheck
{
    enum class Failure {
        None,
        Malformed,          // not a detached CMS SignedData with one signer, its certificate and a signing time
        BadSignature,       // the signature over the signed attributes does not verify with the signer's key
        ContentChanged,     // the content is not what was signed (its SHA-256 differs)
        UntrustedChain,     // the signer's certificate does not lead to the trusted CA, or may not sign
        Expired,            // the signer's certificate was not valid at the signing time
        Revoked,            // the signer's certificate was revoked at or before the signing time
        SignedInTheFuture,  // the signing time is later than the verifier's clock allows
    };

    Failure failure = Failure::Malformed;
    QString detail; // OpenSSL's word on a chain failure, for the log
    std::optional<Certificate> signer;
    QDateTime signingTime;

    bool verified() const { return failure == Failure::None; }
    // SIGNATURE_MALFORMED, SIGNATURE_BAD, SIGNATURE_CONTENT_CHANGED, …
    QString code() const;
    // The reason in the person's language.
    QString reason() const;
    // Throws a DomainError with code() and reason() unless verified.
    void throwUnlessVerified(const QString &where) const;
};

// A detached CMS SignedData (RFC 5652) over bytes: SHA-256, ECDSA P-256, the signed attributes content
// type, message digest and signing time, the signer's certificate included (and any chain given). DER.
// `openssl cms -verify -binary -inform DER -content FILE -in SIG -CAfile ca.crt` accepts it.
struct DetachedSignature
{
    // How far a signing time may be ahead of the verifier's clock.
    static constexpr int kClockSkewSeconds = 300;

    static QByteArray sign(QByteArrayView content, const SigningKey &key, const Certificate &signer,
                           const QList<Certificate> &chain = {},
                           const QDateTime &signingTime = QDateTime::currentDateTimeUtc());

    // Checks, in this order: the form, the signature, the content, the chain to `trusted` at the
    // signing time, the revocations, the signing time against `now`.
    static SignatureCheck verify(QByteArrayView content, QByteArrayView signature, const Certificate &trusted,
                                 const RevocationList &revocations,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
};

// Verifies many signatures against one trusted CA, as the back office does on every arrival: a signer's
// certificate whose chain has verified once is remembered (by serial, compared whole), so each further
// signature of theirs costs one ECDSA verification, not two. Its validity and revocation are checked
// every time. Not shared between threads.
class SignatureVerifier
{
public:
    // The revocations are read at each verification (kept by reference: they must outlive the verifier).
    SignatureVerifier(Certificate trusted, const RevocationList &revocations);
    SignatureCheck verify(QByteArrayView content, QByteArrayView signature,
                          const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    SignatureCheck examine(QByteArrayView content, QByteArrayView signature, const QDateTime &now);
    SignatureCheck::Failure checkChain(CMS_ContentInfo_st *cms, x509_st *signer, const QDateTime &at,
                                       QString *detail);
    Certificate m_trusted;
    const RevocationList &m_revocations;
    QHash<QString, Certificate> m_chainVerified;
};

} // namespace vd
