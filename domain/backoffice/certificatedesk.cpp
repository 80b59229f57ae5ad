#include "certificatedesk.h"

#include <QDir>

namespace vd {

CertificateDesk::CertificateDesk(const QString &dataFolder)
    : m_authority(CertificateAuthority::openOrCreate(QDir(dataFolder).filePath(QStringLiteral("ca"))))
{
}

Certificate CertificateDesk::issue(QByteArrayView requestPem, const SignerIdentity &person)
{
    const std::lock_guard guard(m_mutex);
    return m_authority.issue(requestPem, person);
}

Revocation CertificateDesk::revoke(const QString &serial, RevocationReason reason)
{
    const std::lock_guard guard(m_mutex);
    return m_authority.revoke(serial, reason);
}

std::optional<Certificate> CertificateDesk::issued(const QString &serial) const
{
    const std::lock_guard guard(m_mutex);
    return m_authority.issued(serial);
}

RevocationList CertificateDesk::revocations() const
{
    const std::lock_guard guard(m_mutex);
    return m_authority.revocations();
}

qsizetype CertificateDesk::revocationCount() const
{
    const std::lock_guard guard(m_mutex);
    return m_authority.revocations().size();
}

Certificate CertificateDesk::authority() const
{
    return m_authority.certificate(); // made once, never changed
}

} // namespace vd
