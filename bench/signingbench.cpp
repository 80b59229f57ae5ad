// Issue 5's sign and verify throughput (bench/run-signing.sh prints it next to `openssl speed ecdsap256`).
// vd-signing-bench [SECONDS] [SIGNATURES]: each measure runs for SECONDS of user CPU time (openssl speed's
// divisor); then SIGNATURES distinct submission manifests are signed and all verified as the back office
// would. One JSON line of operations per CPU second (user, as openssl speed counts; user+sys in *_total).

#include "canonicaljson.h"
#include "certificateauthority.h"
#include "detachedsignature.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/resource.h>

#include <array>
#include <cstdio>
#include <functional>
#include <vector>

using namespace vd;

namespace {

struct Cpu
{
    double user = 0, total = 0;
    static Cpu now()
    {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const double user = double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
        const double system = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
        return {user, user + system};
    }
};

struct Rate
{
    double perUserSecond = 0, perCpuSecond = 0;
};

// Runs `operation` in batches until `seconds` of user CPU time have passed.
Rate rateOf(double seconds, const std::function<void()> &operation)
{
    const Cpu start = Cpu::now();
    qint64 count = 0;
    Cpu now = start;
    while (now.user - start.user < seconds) {
        for (int i = 0; i < 50; ++i)
            operation();
        count += 50;
        now = Cpu::now();
    }
    return {double(count) / (now.user - start.user), double(count) / (now.total - start.total)};
}

// A typical submission manifest: the application's fields and the SHA-256 of six attachments, canonical.
QByteArray benchManifest(int number)
{
    QJsonArray attachments, items;
    for (int i = 0; i < 6; ++i)
        attachments.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("quotation-%1.pdf").arg(i)},
                                       {QStringLiteral("sha256"), QString::fromLatin1(Sha256::hexOf(QByteArray::number(number * 10 + i)))},
                                       {QStringLiteral("bytes"), 180000 + i}});
    for (int i = 0; i < 4; ++i)
        items.append(QJsonObject{{QStringLiteral("category"), QStringLiteral("equipment")},
                                 {QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Point-of-sale terminal %1").arg(i)},
                                                                             {QStringLiteral("zh"), QStringLiteral("銷售點終端機 %1").arg(i)}}},
                                 {QStringLiteral("amount"), QStringLiteral("%1.00").arg(12000 + i * 1500)}});
    const QJsonObject application{
        {QStringLiteral("reference"), QStringLiteral("TVP/2026/%1").arg(number, 5, 10, QLatin1Char('0'))},
        {QStringLiteral("enterprise"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Harbour Trading Limited")},
                                                   {QStringLiteral("zh"), QStringLiteral("海港貿易有限公司")}}},
        {QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), QStringLiteral("Smart retail and inventory system")},
                                              {QStringLiteral("zh"), QStringLiteral("智能零售及存貨管理系統")}}},
        {QStringLiteral("category"), QStringLiteral("erp")},
        {QStringLiteral("budget_items"), items},
        {QStringLiteral("requested"), QStringLiteral("150000.00")},
        {QStringLiteral("revision"), 3},
    };
    return CanonicalJson::of(QJsonObject{{QStringLiteral("application"), application},
                                         {QStringLiteral("attachments"), attachments}});
}

void fail(const char *step)
{
    std::fprintf(stderr, "vd-signing-bench: %s failed\n", step);
    std::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    const int signatures = argc > 2 ? std::atoi(argv[2]) : 10000;
    QTemporaryDir dir;
    CertificateAuthority authority = CertificateAuthority::openOrCreate(dir.filePath(QStringLiteral("ca")),
                                                                        QDateTime::currentDateTimeUtc().addDays(-1));
    const SignerIdentity person{QStringLiteral("ka.wong"), QStringLiteral("黃家樂"), QStringLiteral("applicant")};
    const SigningKey key = SigningKey::generate();
    const Certificate certificate = authority.issue(CertificateRequest::create(key, person), person,
                                                    QDateTime::currentDateTimeUtc().addSecs(-3600));
    const QByteArray manifest = benchManifest(0);

    EVP_PKEY *privateKey = key.handle();
    EVP_PKEY *publicKey = X509_get0_pubkey(certificate.handle());
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char signature[80];
    size_t signatureLength = sizeof signature;
    // Raw, as an application calls it: EVP_DigestSign(Init) per message, SHA-256 over the manifest included.
    const Rate rawSign = rateOf(seconds, [&] {
        size_t length = sizeof signature;
        if (EVP_DigestSignInit(md, nullptr, EVP_sha256(), nullptr, privateKey) != 1
            || EVP_DigestSign(md, signature, &length, reinterpret_cast<const unsigned char *>(manifest.constData()),
                              size_t(manifest.size())) != 1)
            fail("EVP_DigestSign");
        signatureLength = length;
    });
    const Rate rawVerify = rateOf(seconds, [&] {
        if (EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, publicKey) != 1
            || EVP_DigestVerify(md, signature, signatureLength, reinterpret_cast<const unsigned char *>(manifest.constData()),
                                size_t(manifest.size())) != 1)
            fail("EVP_DigestVerify");
    });
    EVP_MD_CTX_free(md);

    const QByteArray cms = DetachedSignature::sign(manifest, key, certificate);
    const Rate cmsSign = rateOf(seconds, [&] { DetachedSignature::sign(manifest, key, certificate); });
    const Rate cmsVerify = rateOf(seconds, [&] {
        if (!DetachedSignature::verify(manifest, cms, authority.certificate(), authority.revocations()).verified())
            fail("DetachedSignature::verify");
    });

    SignatureVerifier knownSigner(authority.certificate(), authority.revocations());
    const Rate cmsVerifyKnown = rateOf(seconds, [&] {
        if (!knownSigner.verify(manifest, cms).verified())
            fail("SignatureVerifier::verify");
    });

    // The back office's day: SIGNATURES submissions from 100 people, each a different manifest, each
    // verified on arrival, once by a fresh check each (no signer known) and once by one SignatureVerifier.
    std::vector<SigningKey> keys;
    QList<Certificate> certificates;
    for (int i = 0; i < 100; ++i) {
        keys.push_back(SigningKey::generate());
        certificates.append(authority.issue(CertificateRequest::create(keys.back(), person), person,
                                            QDateTime::currentDateTimeUtc().addSecs(-3600)));
    }
    QList<QByteArray> manifests, signed_;
    for (int i = 0; i < signatures; ++i) {
        manifests.append(benchManifest(i));
        signed_.append(DetachedSignature::sign(manifests.last(), keys[i % 100], certificates[i % 100]));
    }
    const auto timeAll = [&](const std::function<bool(int)> &verifyOne) {
        QElapsedTimer wall;
        wall.start();
        const Cpu before = Cpu::now();
        for (int i = 0; i < signatures; ++i)
            if (!verifyOne(i))
                fail("verifying a submission");
        const Cpu after = Cpu::now();
        return std::array<double, 3>{after.user - before.user, after.total - before.total, double(wall.nsecsElapsed()) / 1e9};
    };
    const auto fresh = timeAll([&](int i) {
        return DetachedSignature::verify(manifests[i], signed_[i], authority.certificate(), authority.revocations()).verified();
    });
    SignatureVerifier backOffice(authority.certificate(), authority.revocations());
    const auto known = timeAll([&](int i) { return backOffice.verify(manifests[i], signed_[i]).verified(); });

    std::printf("{\"manifestBytes\":%lld,\"signatureBytes\":%lld,"
                "\"rawSignPerSec\":%.1f,\"rawVerifyPerSec\":%.1f,\"cmsSignPerSec\":%.1f,\"cmsVerifyPerSec\":%.1f,"
                "\"cmsVerifyKnownSignerPerSec\":%.1f,"
                "\"rawSignPerSec_total\":%.1f,\"rawVerifyPerSec_total\":%.1f,\"cmsSignPerSec_total\":%.1f,"
                "\"cmsVerifyPerSec_total\":%.1f,\"cmsVerifyKnownSignerPerSec_total\":%.1f,\"submissions\":%d,"
                "\"freshUserS\":%.3f,\"freshCpuS\":%.3f,\"freshWallS\":%.3f,"
                "\"verifierUserS\":%.3f,\"verifierCpuS\":%.3f,\"verifierWallS\":%.3f}\n",
                qlonglong(manifest.size()), qlonglong(cms.size()), rawSign.perUserSecond, rawVerify.perUserSecond,
                cmsSign.perUserSecond, cmsVerify.perUserSecond, cmsVerifyKnown.perUserSecond, rawSign.perCpuSecond,
                rawVerify.perCpuSecond, cmsSign.perCpuSecond, cmsVerify.perCpuSecond, cmsVerifyKnown.perCpuSecond,
                signatures, fresh[0], fresh[1], fresh[2], known[0], known[1], known[2]);
    return 0;
}
