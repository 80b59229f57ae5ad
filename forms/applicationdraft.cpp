#include "applicationdraft.h"

#include <QUndoCommand>

namespace vd {

namespace {

// One edit of the application, kept as the content before and after.
class ApplicationEdit : public QUndoCommand
{
public:
    ApplicationEdit(ApplicationDraft &draft, const QString &label, QString field, int save, Application before,
                    Application after)
        : QUndoCommand(label), m_draft(draft), m_field(std::move(field)), m_save(save), m_before(std::move(before)),
          m_after(std::move(after))
    {}

    int id() const override { return 1; }
    void undo() override { m_draft.restoreContent(m_before); }
    void redo() override { m_draft.restoreContent(m_after); }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ApplicationEdit *>(other);
        if (m_field.isEmpty() || next->m_field != m_field || next->m_save != m_save)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    ApplicationDraft &m_draft;
    QString m_field;
    int m_save;
    Application m_before;
    Application m_after;
};

} // namespace

ApplicationDraft::ApplicationDraft(Application application, QObject *parent)
    : QObject(parent), m_application(std::move(application))
{
}

void ApplicationDraft::edit(const QString &label, const QString &field, const std::function<void(Application &)> &change)
{
    Application after = m_application;
    change(after);
    if (after == m_application)
        return;
    m_undoStack.push(new ApplicationEdit(*this, label, field, m_saves, m_application, std::move(after)));
}

void ApplicationDraft::restoreContent(const Application &snapshot)
{
    const Application record = m_application;
    m_application = snapshot;
    m_application.id = record.id;
    m_application.revision = record.revision;
    m_application.reference = record.reference;
    m_application.status = record.status;
    m_application.submitted = record.submitted;
    m_application.caseOfficerId = record.caseOfficerId;
    m_application.approvedGrant = record.approvedGrant;
    m_application.finalGrant = record.finalGrant;
    m_application.createdAt = record.createdAt;
    m_application.updatedAt = record.updatedAt;
    emit changed();
}

void ApplicationDraft::adoptRecord(const Application &stored)
{
    ++m_saves;
    Application content = m_application;
    m_application = stored;
    restoreContent(content);
}

void ApplicationDraft::reset(const Application &application)
{
    m_undoStack.clear();
    m_application = application;
    emit changed();
}

} // namespace vd
