#include "draftjournal.h"

#include "assessmentjson.h"
#include "domainerror.h"
#include "sealedworkspace.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace vd {

namespace {

const QString kFormat = QStringLiteral("voucherdesk.draft/1");

} // namespace

DraftJournal::DraftJournal(const Workspace &workspace)
    : m_folder(QDir(workspace.folder()).filePath(QStringLiteral("drafts"))),
      m_sealedBy(workspace.isSealed() ? workspace.folder() : QString())
{
}

QString DraftJournal::fileOf(const QString &applicationId) const
{
    return QDir(m_folder).filePath(applicationId + QStringLiteral(".json"));
}

void DraftJournal::write(const Application &application, const QDateTime &at) const
{
    const QJsonObject document{{QStringLiteral("format"), kFormat},
                               {QStringLiteral("saved_at"), at.toUTC().toString(Qt::ISODateWithMs)},
                               {QStringLiteral("application"), applicationToJson(application)}};
    QSaveFile file(fileOf(application.id));
    QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Compact);
    if (!m_sealedBy.isEmpty()) // a sealed workspace's drafts are sealed too, named by their application
        bytes = SealedWorkspace::seal(m_sealedBy, bytes, application.id.toUtf8());
    const bool written = QDir().mkpath(m_folder) && file.open(QIODevice::WriteOnly) && file.write(bytes) >= 0
        && file.commit();
    if (!written)
        throw DomainError(QStringLiteral("DRAFT_NOT_SAVED"), file.fileName(),
                          QCoreApplication::translate("vd::DraftJournal",
                                                      "The draft could not be saved: %1. Check that the workspace "
                                                      "folder can be written to.").arg(file.errorString()));
}

std::optional<DraftJournal::Entry> DraftJournal::read(const QString &applicationId, const RuleBook &rules) const
{
    QFile file(fileOf(applicationId));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    try {
        const QByteArray kept = file.readAll();
        const QByteArray bytes =
            m_sealedBy.isEmpty() ? kept : SealedWorkspace::unseal(m_sealedBy, kept, applicationId.toUtf8());
        const JsonReader root(JsonReader::parseDocument(bytes, file.fileName()), QString());
        if (root.string(QStringLiteral("format")) != kFormat)
            return std::nullopt;
        Entry entry{readApplication(root.object(QStringLiteral("application")), rules, Completeness::Draft),
                    QDateTime::fromString(root.string(QStringLiteral("saved_at")), Qt::ISODateWithMs)};
        if (entry.application.id != applicationId)
            return std::nullopt;
        return entry;
    } catch (const DomainError &) {
        return std::nullopt; // a journal that cannot be read recovers nothing; the stored draft stands
    }
}

void DraftJournal::discard(const QString &applicationId) const
{
    QFile::remove(fileOf(applicationId));
}

} // namespace vd
