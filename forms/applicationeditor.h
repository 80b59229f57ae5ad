#pragma once

#include "application.h"
#include "assessment.h"

#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QListWidgetItem;
class QUndoStack;

namespace Ui { class ApplicationEditor; }

namespace vd {

class ApplicationDraft;
class BudgetItemsModel;
class DeskSession;
class QuotationsModel;

// The applicant's guided editor for one application: project, budget items
// with their quotations, attachments, declarations, then review and submit.
// Beside the pages, the rules engine (the one `voucherdesk-cli assess` runs)
// says after every edit what the application would get and what is wrong;
// each finding leads to its field.
//
// Every edit goes through an undo stack. Drafts are kept as the person types:
// after two seconds without an edit the draft goes to a recovery journal
// (DraftJournal, DIR/drafts/<id>.json; a new application goes to the store
// the first time, so it is listed at once), and to the store, as ONE audited
// change, when the editor is saved (Ctrl+S), closed or destroyed. The journal
// rather than a store save on every pause, because each store save is an
// audit entry and an outbox entry sent to the back office: a morning of
// typing would otherwise fill the case's history with hundreds of "update"
// entries nobody reads. A journal left by a crash is taken up when the
// application is opened again.
class ApplicationEditor : public QWidget
{
    Q_OBJECT

public:
    // An empty id starts a new application for the signed-in applicant's
    // enterprise. Throws DomainError NOT_FOUND for an id the workspace does
    // not know (and no journal holds).
    ApplicationEditor(DeskSession &session, const QString &applicationId, QWidget *parent = nullptr);
    ~ApplicationEditor() override;

    QString applicationId() const;
    const Application &application() const;
    const Assessment &assessment() const { return m_assessment; }
    // Submitted (or otherwise past the draft stage): shown, exported and printed, no longer edited.
    bool isReadOnly() const { return m_readOnly; }
    // Whether there are edits the store does not have yet.
    bool hasUnsavedChanges() const;

    QUndoStack &undoStack();
    // Undo, Redo and Save, with their shortcuts, for the main window's Edit menu.
    QList<QAction *> editActions() const;
    // How long the editor waits after the last edit before keeping the draft (2 s).
    void setAutosaveDelay(int milliseconds) { m_autosave.setInterval(milliseconds); }

public slots:
    // Writes the draft to the store if it changed (one audited change) and
    // drops the journal. On failure returns false and says why in the banner.
    bool save();
    // Submits through the workflow (action `submit`); true when it was
    // applied. A refusal and the rules' findings are shown on the review page.
    bool submit();
    // Asks for a file name, then writes the bilingual PDF.
    void exportPdfAs();
    void print();
    // Shows the page holding the field of a path such as
    // "application.items[2].amount" and gives that field the focus.
    void goToField(const QString &path);

public:
    // Writes the bilingual PDF; throws DomainError PDF_NOT_WRITTEN.
    void exportPdf(const QString &path) const;

signals:
    void saved(const QString &applicationId);
    void submitted(const QString &applicationId, const QString &reference);
    void titleChanged(const QString &title);
    // A finding concerns the enterprise profile, not this application.
    void enterpriseProfileRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Application load(const QString &applicationId);
    void setUpPages();
    void setUpActions();
    void connectProjectFields();
    void connectBudget();
    void connectAttachments();
    void fillChoices();
    void fill();
    void fillAttachments();
    void fillDeclarations();
    void reassess();
    void showAssessment();
    void showPage(int page);
    void setReadOnly(bool readOnly);
    void keepDraft();
    void keepInJournal();
    void showRefusal(const QString &reason, const QList<Finding> &findings);
    void attach(const QStringList &files);
    void openAttachment();
    void removeAttachment();
    void onFindingActivated(QListWidgetItem *item);
    void showBanner(const QString &text, bool problem);
    void updateTitle();
    void updateButtons();
    bool declarationsComplete() const;

    DeskSession &m_session;
    std::unique_ptr<::Ui::ApplicationEditor> ui; // generated in the global Ui namespace
    std::unique_ptr<ApplicationDraft> m_draft;
    BudgetItemsModel *m_items = nullptr;
    QuotationsModel *m_quotations = nullptr;
    AssessmentInput m_context;              // the applicant and its history, read once
    Assessment m_assessment;
    std::optional<Application> m_stored;    // as the store has it; none before the first save
    QTimer m_autosave;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    bool m_filling = false;
    bool m_readOnly = false;
};

} // namespace vd
