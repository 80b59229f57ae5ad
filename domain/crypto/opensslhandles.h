#pragma once

// Owning handles for OpenSSL objects, private to domain/crypto.

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <memory>

namespace vd::openssl {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(X509_REQ *p) const { X509_REQ_free(p); }
    void operator()(X509_EXTENSION *p) const { X509_EXTENSION_free(p); }
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
    void operator()(X509_SIG *p) const { X509_SIG_free(p); }
    void operator()(X509_ALGOR *p) const { X509_ALGOR_free(p); }
    void operator()(PKCS8_PRIV_KEY_INFO *p) const { PKCS8_PRIV_KEY_INFO_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(CMS_ContentInfo *p) const { CMS_ContentInfo_free(p); }
    void operator()(ASN1_TIME *p) const { ASN1_TIME_free(p); }
    void operator()(BIGNUM *p) const { BN_free(p); }
    void operator()(STACK_OF(X509) *p) const { sk_X509_pop_free(p, X509_free); }
};

template <class T>
using Owned = std::unique_ptr<T, Free>;

// A read-only memory BIO over the bytes (which must outlive it).
Owned<BIO> readingBio(QByteArrayView bytes);
Owned<BIO> writingBio();
QByteArray bioBytes(BIO *bio);

// The oldest error on OpenSSL's queue, as text; the queue is emptied.
QString takeError();
// Throws a DomainError (code OPENSSL_FAILURE) naming the step, with OpenSSL's reason.
[[noreturn]] void fail(const char *step);
inline void check(int result, const char *step)
{
    if (result <= 0)
        fail(step);
}

QDateTime fromAsn1Time(const ASN1_TIME *time);
Owned<ASN1_TIME> toAsn1Time(const QDateTime &time);

} // namespace vd::openssl

namespace vd::openssl {

// An X.509 v3 extension in OpenSSL's configuration syntax ("critical,CA:TRUE"), issued by `issuer`.
void addExtension(X509 *certificate, X509 *issuer, int nid, const char *value);

} // namespace vd::openssl

namespace vd {
struct SignerIdentity;
}

namespace vd::openssl {

// O=VoucherDesk, OU=role, CN=display name, UID=user id.
void addPersonName(X509_NAME *name, const SignerIdentity &person);
void addNameEntry(X509_NAME *name, const char *field, const QString &value);
// The first entry of that kind, or nothing.
QString nameEntry(X509_NAME *name, int nid);
bool isP256(EVP_PKEY *key);

} // namespace vd::openssl
