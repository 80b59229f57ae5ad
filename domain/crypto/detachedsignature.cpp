#include "detachedsignature.h"

#include "domainerror.h"
#include "opensslhandles.h"
#include "revocationlist.h"
#include "signingkey.h"

#include <QCoreApplication>

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

namespace vd {

using namespace openssl;
using Failure = SignatureCheck::Failure;

namespace {

struct SignatureText
{
    Q_DECLARE_TR_FUNCTIONS(vd::DetachedSignature)
};

constexpr unsigned kSignFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;

void addSigningTime(CMS_SignerInfo *signerInfo, const QDateTime &signingTime)
{
    const Owned<ASN1_TIME> time = toAsn1Time(signingTime);
    check(CMS_signed_add1_attr_by_NID(signerInfo, NID_pkcs9_signingTime, time->type, time.get(), -1),
          "CMS_signed_add1_attr_by_NID signingTime");
}

QByteArray derOf(CMS_ContentInfo *cms)
{
    auto bio = writingBio();
    check(i2d_CMS_bio(bio.get(), cms), "i2d_CMS_bio");
    return bioBytes(bio.get());
}

QDateTime signingTimeOf(CMS_SignerInfo *signerInfo)
{
    const int index = CMS_signed_get_attr_by_NID(signerInfo, NID_pkcs9_signingTime, -1);
    if (index < 0)
        return {};
    const ASN1_TYPE *value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(signerInfo, index), 0);
    if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return {};
    return fromAsn1Time(value->value.asn1_string);
}

// The one signer's info, its certificate attached from those included, or nothing.
CMS_SignerInfo *onlySigner(CMS_ContentInfo *cms)
{
    if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed || !CMS_is_detached(cms))
        return nullptr;
    STACK_OF(CMS_SignerInfo) *signers = CMS_get0_SignerInfos(cms);
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1 || CMS_set1_signers_certs(cms, nullptr, 0) != 1)
        return nullptr;
    return sk_CMS_SignerInfo_value(signers, 0);
}

X509 *signerCertificate(CMS_SignerInfo *signerInfo)
{
    X509 *certificate = nullptr;
    CMS_SignerInfo_get0_algs(signerInfo, nullptr, &certificate, nullptr, nullptr);
    return certificate;
}

} // namespace

QByteArray DetachedSignature::sign(QByteArrayView content, const SigningKey &key, const Certificate &signer,
                                   const QList<Certificate> &chain, const QDateTime &signingTime)
{
    if (X509_check_private_key(signer.handle(), key.handle()) != 1) {
        ERR_clear_error();
        throw DomainError(QStringLiteral("SIGNING_KEY_MISMATCH"), signer.subject().userId,
                          SignatureText::tr("This signing key is not the one the certificate of %1 was issued for.")
                              .arg(signer.subject().displayName));
    }
    const Owned<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kSignFlags));
    if (!cms)
        fail("CMS_sign");
    for (const Certificate &certificate : chain)
        check(CMS_add1_cert(cms.get(), certificate.handle()), "CMS_add1_cert");
    CMS_SignerInfo *signerInfo = CMS_add1_signer(cms.get(), signer.handle(), key.handle(), EVP_sha256(), kSignFlags);
    if (!signerInfo)
        fail("CMS_add1_signer");
    addSigningTime(signerInfo, signingTime);
    auto contentBio = readingBio(content);
    check(CMS_final(cms.get(), contentBio.get(), nullptr, CMS_DETACHED | CMS_BINARY), "CMS_final");
    return derOf(cms.get());
}

SignatureCheck DetachedSignature::verify(QByteArrayView content, QByteArrayView signature, const Certificate &trusted,
                                         const RevocationList &revocations, const QDateTime &now)
{
    return SignatureVerifier(trusted, revocations).verify(content, signature, now);
}

// Checks the signer's certificate against the trusted one as at the signing time.
Failure SignatureVerifier::checkChain(CMS_ContentInfo *cms, X509 *signer, const QDateTime &at, QString *detail)
{
    X509_up_ref(signer);
    const Certificate candidate(signer);
    const auto known = m_chainVerified.constFind(candidate.serial());
    if (known != m_chainVerified.constEnd() && X509_cmp(known->handle(), signer) == 0)
        return at < m_trusted.notBefore() || at > m_trusted.notAfter() ? Failure::UntrustedChain : Failure::None;
    Owned<X509_STORE> store(X509_STORE_new());
    Owned<X509_STORE_CTX> context(X509_STORE_CTX_new());
    Owned<STACK_OF(X509)> included(CMS_get1_certs(cms));
    if (!store || !context || X509_STORE_add_cert(store.get(), m_trusted.handle()) != 1
        || X509_STORE_CTX_init(context.get(), store.get(), signer, included.get()) != 1)
        fail("X509_STORE_CTX_init");
    X509_STORE_CTX_set_purpose(context.get(), X509_PURPOSE_SMIME_SIGN);
    X509_STORE_CTX_set_time(context.get(), 0, time_t(at.toSecsSinceEpoch()));
    if (X509_verify_cert(context.get()) == 1) {
        m_chainVerified.insert(candidate.serial(), candidate);
        return Failure::None;
    }
    const int error = X509_STORE_CTX_get_error(context.get());
    *detail = QString::fromLatin1(X509_verify_cert_error_string(error));
    ERR_clear_error();
    return Failure::UntrustedChain;
}

SignatureVerifier::SignatureVerifier(Certificate trusted, const RevocationList &revocations)
    : m_trusted(std::move(trusted)), m_revocations(revocations)
{
}

SignatureCheck SignatureVerifier::verify(QByteArrayView content, QByteArrayView signature, const QDateTime &now)
{
    SignatureCheck result = examine(content, signature, now);
    ERR_clear_error();
    return result;
}

SignatureCheck SignatureVerifier::examine(QByteArrayView content, QByteArrayView signature, const QDateTime &now)
{
    SignatureCheck result;
    auto signatureBio = readingBio(signature);
    const Owned<CMS_ContentInfo> cms(d2i_CMS_bio(signatureBio.get(), nullptr));
    CMS_SignerInfo *signerInfo = cms ? onlySigner(cms.get()) : nullptr;
    X509 *signer = signerInfo ? signerCertificate(signerInfo) : nullptr;
    if (!signer)
        return result;
    X509_up_ref(signer);
    result.signer = Certificate(signer);
    result.signingTime = signingTimeOf(signerInfo);
    if (!result.signingTime.isValid())
        return result;
    result.failure = Failure::BadSignature;
    if (CMS_SignerInfo_verify(signerInfo) != 1)
        return result;
    result.failure = Failure::ContentChanged;
    auto contentBio = readingBio(content);
    if (CMS_verify(cms.get(), nullptr, nullptr, contentBio.get(), nullptr,
                   CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY | CMS_NO_ATTR_VERIFY) != 1)
        return result;
    result.failure = Failure::Expired;
    if (result.signingTime < result.signer->notBefore() || result.signingTime > result.signer->notAfter())
        return result;
    result.failure = checkChain(cms.get(), signer, result.signingTime, &result.detail);
    if (result.failure != Failure::None)
        return result;
    if (m_revocations.revokedBy(result.signer->serial(), result.signingTime))
        result.failure = Failure::Revoked;
    else if (result.signingTime > now.addSecs(DetachedSignature::kClockSkewSeconds))
        result.failure = Failure::SignedInTheFuture;
    return result;
}

QString SignatureCheck::code() const
{
    switch (failure) {
    case Failure::None: return QStringLiteral("SIGNATURE_VERIFIED");
    case Failure::Malformed: return QStringLiteral("SIGNATURE_MALFORMED");
    case Failure::BadSignature: return QStringLiteral("SIGNATURE_BAD");
    case Failure::ContentChanged: return QStringLiteral("SIGNATURE_CONTENT_CHANGED");
    case Failure::UntrustedChain: return QStringLiteral("SIGNATURE_UNTRUSTED");
    case Failure::Expired: return QStringLiteral("SIGNATURE_CERTIFICATE_EXPIRED");
    case Failure::Revoked: return QStringLiteral("SIGNATURE_CERTIFICATE_REVOKED");
    case Failure::SignedInTheFuture: return QStringLiteral("SIGNATURE_TIME_IN_FUTURE");
    }
    return {};
}

QString SignatureCheck::reason() const
{
    const QString who = signer ? signer->subject().displayName : QString();
    switch (failure) {
    case Failure::None:
        return SignatureText::tr("The signature of %1 verifies.").arg(who);
    case Failure::Malformed:
        return SignatureText::tr("This is not a VoucherDesk signature: a detached CMS signature with one signer, "
                                 "the signer's certificate and a signing time.");
    case Failure::BadSignature:
        return SignatureText::tr("The signature does not verify with the key of %1's certificate.").arg(who);
    case Failure::ContentChanged:
        return SignatureText::tr("The signed content has been changed since %1 signed it.").arg(who);
    case Failure::UntrustedChain:
        return SignatureText::tr("The certificate of %1 was not issued by the back office's certificate authority "
                                 "(%2).")
            .arg(who, detail);
    case Failure::Expired:
        return SignatureText::tr("The certificate of %1 was not valid when the signature was made.").arg(who);
    case Failure::Revoked:
        return SignatureText::tr("The certificate of %1 had been revoked when the signature was made.").arg(who);
    case Failure::SignedInTheFuture:
        return SignatureText::tr("The signature claims to be made at %1, later than now.")
            .arg(signingTime.toString(Qt::ISODate));
    }
    return {};
}

void SignatureCheck::throwUnlessVerified(const QString &where) const
{
    if (!verified())
        throw DomainError(code(), where, reason());
}

} // namespace vd
