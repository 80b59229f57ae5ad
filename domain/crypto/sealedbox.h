#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace vd {

// Content sealed at rest on a committee member's machine (DESIGN.md §6,
// docs/audit-trail.md "Sealing"): AES-256-GCM under a random 256-bit data
// key, each sealed value with its own random 96-bit nonce; the data key is
// kept wrapped (itself AES-256-GCM) under a key derived from the person's
// passphrase with scrypt (N = 2^15, r = 8, p = 1) and a random salt.
//
//   const QByteArray wrapped = vd::SealedBox::create(passphrase).wrappedKey(); // kept beside the data
//   vd::SealedBox box = vd::SealedBox::open(wrapped, passphrase);              // DomainError on a wrong one
//   const QByteArray sealed = box.seal(plain), back = box.unseal(sealed);
class SealedBox
{
    Q_DECLARE_TR_FUNCTIONS(vd::SealedBox)

public:
    // A new data key, wrapped under the passphrase.
    static SealedBox create(const QString &passphrase);
    // The data key unwrapped; a wrong passphrase (or a damaged key) throws
    // DomainError PASSPHRASE_WRONG and changes nothing.
    static SealedBox open(const QByteArray &wrappedKey, const QString &passphrase);

    ~SealedBox();
    SealedBox(SealedBox &&other) noexcept;
    SealedBox &operator=(SealedBox &&) = delete;

    // "VDK1" || salt (16) || nonce (12) || the data key sealed (32) || tag (16)
    const QByteArray &wrappedKey() const { return m_wrapped; }
    // The same data key wrapped under another passphrase (the sealed data stays as it is).
    QByteArray rewrap(const QString &passphrase) const;

    // "VDS1" || nonce (12) || ciphertext || tag (16); associated data, when
    // given, is authenticated but not stored (a column's name and row id, so
    // that a sealed value cannot be moved to another place unnoticed).
    QByteArray seal(QByteArrayView plain, QByteArrayView associated = {}) const;
    // Throws DomainError SEALED_DATA_DAMAGED when the value was changed, moved or is not sealed.
    QByteArray unseal(QByteArrayView sealed, QByteArrayView associated = {}) const;
    static bool isSealed(QByteArrayView bytes);

private:
    SealedBox(QByteArray dataKey, QByteArray wrapped);
    QByteArray m_dataKey;
    QByteArray m_wrapped;
};

} // namespace vd
