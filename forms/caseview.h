#pragma once

#include "casefile.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <memory>

class QAction;
class QMenu;
class QPushButton;
class QTreeWidgetItem;

namespace Ui {
class CaseView;
}

class QTreeWidget;

namespace vd {

class CaseTimelineModel;
class ClarificationModel;
class CorrespondenceModel;
class DeskSession;

// One case as the person signed in sees it: its header (reference, title in
// both languages, applicant, status, officer, dates, deadlines, grant
// figures), the eligibility findings and checklist, clarification requests
// (the secretariat asks, the applicant answers), the correspondence log, the
// audit history, and the workflow actions the person's role and the case's
// status allow. Every change goes through domain/store and is announced on
// the session; the view reloads when the session says the case changed.
class CaseView : public QWidget
{
    Q_OBJECT

public:
    CaseView(DeskSession &session, const QString &applicationId, QWidget *parent = nullptr);
    ~CaseView() override;

    const QString &applicationId() const { return m_applicationId; }
    // The workflow's menu entry for a scheme action (object name "action_<id>").
    QAction *workflowAction(const QString &action) const;

public slots:
    // Reads the case again from the workspace.
    void reload();
    // Runs a workflow action as the signed-in person with this reason; the
    // outcome (or the refusal, its reason and the rules' findings) shows in
    // the view's message line. Returns whether the case changed.
    bool runAction(const QString &action, const QString &reason = {});

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCase();
    void showHeader();
    void showEligibility();
    void showClarifications();
    void showSignatures();
    void buildSigningMenu();
    void signAs(const QString &purpose, bool chooseFiles);
    void buildActions();
    void showMessage(const QString &text, bool problem);
    void askForAction(const QString &action);
    void sendClarification();
    void sendAnswer();
    void showSelectedClarification();
    void showSelectedLetter();
    void recordCheck(QTreeWidgetItem *item, int column);
    void switchTab(int step);
    void changed();
    bool ownsCase() const;

    DeskSession &m_session;
    QString m_applicationId;
    std::unique_ptr<::Ui::CaseView> ui; // generated in the global Ui namespace
    CaseFile m_file;
    bool m_loaded = false;
    QDate m_today;
    CaseTimelineModel *m_timeline;
    ClarificationModel *m_clarifications;
    CorrespondenceModel *m_correspondence;
    QWidget *m_signaturesTab;  // who signed what, when, and whether it verifies; and signing
    QTreeWidget *m_signatures;
    QPushButton *m_signButton;
    QMenu *m_signMenu;
    QMenu *m_actionsMenu;
    QList<QAction *> m_actions;          // one per scheme action, in scheme order
    QList<QPushButton *> m_actionButtons; // the actions from the current status
};

} // namespace vd
