#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace vd {

// A password stored as scrypt (RFC 7914) through OpenSSL's EVP_KDF "SCRYPT":
// a per-password random salt, the cost parameters it was made with (so that
// raising them later does not lock anyone out) and the 32-byte key.
struct PasswordHash
{
    QByteArray salt;       // 16 random bytes
    QByteArray key;        // 32 bytes
    quint64 n = 1u << 15;  // CPU/memory cost: 2^15 takes about 32 MiB and a few tens of ms
    quint32 r = 8;
    quint32 p = 1;

    // A new salt and the key of the password under it.
    static PasswordHash of(QByteArrayView password, quint64 n = 1u << 15, quint32 r = 8, quint32 p = 1);
    // Whether the password gives this key (compared in constant time).
    bool matches(QByteArrayView password) const;

    // As stored: scrypt$N$r$p$<salt hex>$<key hex>.
    QString encoded() const;
    // Nothing when the text is not in that form or its parameters are out of range.
    static std::optional<PasswordHash> decoded(QStringView text);
};

// Bytes from OpenSSL's CSPRNG; throws std::runtime_error when it has none.
QByteArray randomBytes(int count);
// Equal contents, compared in time independent of where they differ.
bool constantTimeEqual(QByteArrayView a, QByteArrayView b);

} // namespace vd
