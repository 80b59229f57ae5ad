#pragma once

#include "user.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QLocale>
#include <QString>

#include <optional>

namespace vd {

class CertificateDesk;
class Workspace;

// The back office's side of sync (docs/sync.md), as the signed-in user:
// pages of the change log, and pushed operations decided one by one inside
// one write transaction (a savepoint each, so each succeeds or fails alone).
// The server trusts nothing a client sends: a changed status is the named
// workflow action done by vd::CaseTransitions as the user, the fields only
// the workflow sets are the server's, records only the server makes are
// refused, and a user writes only what its role and relationship allow. A
// signature is checked when it arrives (its certificate against the CA and
// the revocations at its signing time, what it signed against the record as
// the back office holds it) and refused with the reason when it does not hold.
class SyncDesk
{
    Q_DECLARE_TR_FUNCTIONS(vd::SyncDesk)

public:
    // Without a certificate authority, pushed signatures are refused
    // (SIGNATURE_NOT_CHECKED); with signaturesRequired, an applicant's submit
    // and answer need its signature (CaseSignatures::missingFor).
    SyncDesk(Workspace &workspace, const User &user, const CertificateDesk *certificates = nullptr,
             bool signaturesRequired = false)
        : m_workspace(workspace), m_user(user), m_certificates(certificates), m_signaturesRequired(signaturesRequired) {}

    // The pull answer as JSON text (the records' JSON goes in as stored).
    // Throws ApiError 400 for a malformed request.
    QByteArray pull(const QJsonObject &body);
    // The push answer; reasons in the language of `locale` (its translator
    // installed by the caller). Throws ApiError 400 for a malformed request
    // (nothing applied), 413 for more operations than `maxOperations`.
    QJsonObject push(const QJsonObject &body, int maxOperations, const QLocale &locale);

private:
    struct Operation;
    struct Outcome;
    Outcome decide(const Operation &operation, const QLocale &locale);
    Outcome upsert(const Operation &operation, const std::optional<QJsonObject> &stored, const QLocale &locale);
    Outcome remove(const Operation &operation, const std::optional<QJsonObject> &stored);
    std::optional<Outcome> refusal(const Operation &operation, const std::optional<QJsonObject> &stored,
                                   const QJsonObject &changes) const;
    bool seesCase(const QString &applicationId) const;
    std::optional<Outcome> signatureRefusal(const QJsonObject &record) const;

    Workspace &m_workspace;
    const User &m_user;
    const CertificateDesk *m_certificates;
    bool m_signaturesRequired;
    mutable QHash<QString, bool> m_seen; // cases looked up in this request
};

} // namespace vd
