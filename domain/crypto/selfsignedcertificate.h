#pragma once

#include <QString>
#include <QStringList>

namespace vd {

// A server certificate for a back office that was given none: a P-256 key
// and a self-signed X.509 certificate (SHA-256, valid for a year, the names
// as subject alternative names), written as PEM. The key file is created
// with mode 0600 before any key byte is written.
struct SelfSignedCertificate
{
    // Throws std::runtime_error naming the file or the OpenSSL step that failed.
    static void write(const QString &certificateFile, const QString &keyFile, const QString &commonName,
                      const QStringList &dnsNames, const QStringList &ipAddresses, int days = 365);
};

} // namespace vd
