#pragma once

#include "application.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace vd {

class RuleBook;
class Workspace;

// The edits of a draft application not yet saved to the store, kept in
// DIR/drafts/<application id>.json and replaced whole through QSaveFile, so a
// crash leaves the previous journal or the new one, never half of either.
// An editor writes it while the person types and saves to the store (one
// audited change) when it closes; the journal keeps the audit trail and the
// outbox free of the many small steps of typing.
class DraftJournal
{
public:
    struct Entry
    {
        Application application; // its revision is the stored one the edits were made on
        QDateTime savedAt;
    };

    explicit DraftJournal(const Workspace &workspace);

    QString fileOf(const QString &applicationId) const;
    // Throws DomainError DRAFT_NOT_SAVED with the file's error.
    void write(const Application &application, const QDateTime &at = QDateTime::currentDateTimeUtc()) const;
    // The journal of the application, or nothing when there is none or it cannot be read.
    std::optional<Entry> read(const QString &applicationId, const RuleBook &rules) const;
    void discard(const QString &applicationId) const;

private:
    QString m_folder;
    QString m_sealedBy; // the workspace folder, when it is sealed
};

} // namespace vd
