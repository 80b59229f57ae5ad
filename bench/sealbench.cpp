// vd-seal-bench [MiB]: SealedBox seal and open throughput (AES-256-GCM, a
// fresh nonce and context per value) over 64 MiB by default, in values of
// 1 KiB (a case's text field) and 16 KiB (openssl speed's largest block), in
// CPU time; and the cost of opening a box (scrypt N = 2^15).
#include "sealedbox.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QTextStream>

#include <ctime>
#include <vector>

namespace {

double cpuSeconds()
{
    timespec now;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

void measure(QTextStream &out, const vd::SealedBox &box, qint64 totalBytes, int valueBytes)
{
    const QByteArray plain(valueBytes, 'x');
    const qint64 count = totalBytes / valueBytes;
    std::vector<QByteArray> sealed;
    sealed.reserve(size_t(count));
    double start = cpuSeconds();
    for (qint64 i = 0; i < count; ++i)
        sealed.push_back(box.seal(plain));
    const double sealSeconds = cpuSeconds() - start;
    start = cpuSeconds();
    qint64 opened = 0;
    for (const QByteArray &value : sealed)
        opened += box.unseal(value).size();
    const double openSeconds = cpuSeconds() - start;
    const double mib = double(count) * valueBytes / (1024.0 * 1024.0);
    out << valueBytes << " B values: seal " << mib / sealSeconds << " MiB/s, open " << mib / openSeconds
        << " MiB/s (" << count << " values, " << (opened == count * valueBytes ? "all opened" : "MISMATCH") << ")\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 mib = argc > 1 ? QString::fromLatin1(argv[1]).toLongLong() : 64;
    QTextStream out(stdout);
    double start = cpuSeconds();
    const vd::SealedBox made = vd::SealedBox::create(QStringLiteral("a passphrase for the benchmark"));
    const double createSeconds = cpuSeconds() - start;
    start = cpuSeconds();
    const vd::SealedBox box = vd::SealedBox::open(made.wrappedKey(), QStringLiteral("a passphrase for the benchmark"));
    out << "box made " << createSeconds * 1000 << " ms cpu, opened " << (cpuSeconds() - start) * 1000
        << " ms cpu (scrypt N=2^15, r=8, p=1)\n";
    measure(out, box, mib * 1024 * 1024, 1024);
    measure(out, box, mib * 1024 * 1024, 16 * 1024);
    return 0;
}
