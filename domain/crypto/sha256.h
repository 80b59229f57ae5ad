#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace vd {

// SHA-256 through OpenSSL's EVP interface, one-shot or incremental.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(QByteArrayView bytes);
    QByteArray result(); // 32 raw bytes; the hasher can be reused afterwards

    static QByteArray of(QByteArrayView bytes);
    static QByteArray hexOf(QByteArrayView bytes) { return of(bytes).toHex(); }

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace vd
