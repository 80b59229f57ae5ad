#include "deskpages.h"

#include "applicationeditor.h"
#include "applicationrepository.h"
#include "casequeueview.h"
#include "caseview.h"
#include "deadlinepanel.h"
#include "desksession.h"
#include "domainerror.h"
#include "enterpriseprofileview.h"
#include "mainwindow.h"
#include "myapplicationsview.h"
#include "syncindicator.h"

#include <QMessageBox>

namespace vd {

namespace {

bool isApplicant(const DeskSession &session)
{
    return session.hasRole(QStringLiteral("applicant"));
}

// An applicant edits its drafts (an empty id is a new application) and
// follows everything else in the case view, where it answers clarifications.
bool opensInEditor(DeskSession &session, const QString &applicationId)
{
    if (!isApplicant(session))
        return false;
    if (applicationId.isEmpty())
        return true;
    const auto application = ApplicationRepository(session.workspace()).find(applicationId);
    return application && application->status == QLatin1String("draft");
}

QWidget *makeEditor(MainWindow &window, DeskSession &session, const QString &applicationId)
{
    auto *editor = new ApplicationEditor(session, applicationId);
    QObject::connect(editor, &ApplicationEditor::saved, &window,
                     [&window, editor](const QString &id) { window.updateCase(editor, id); });
    QObject::connect(editor, &ApplicationEditor::submitted, &window,
                     [&window, editor](const QString &id) { window.updateCase(editor, id); });
    QObject::connect(editor, &ApplicationEditor::enterpriseProfileRequested, &window,
                     [&window] { window.showPage(QStringLiteral("profile")); });
    return editor;
}

QWidget *makeCasePage(MainWindow &window, DeskSession &session, const QString &applicationId)
{
    try {
        if (opensInEditor(session, applicationId))
            return makeEditor(window, session, applicationId);
        return new CaseView(session, applicationId);
    } catch (const DomainError &error) {
        QMessageBox::warning(&window, MainWindow::tr("Cannot open the case"), error.fullMessage());
        return nullptr;
    }
}

void addApplicantPages(MainWindow &window, DeskSession &session)
{
    auto *applications = new MyApplicationsView(session);
    window.addPage(QStringLiteral("applications"), applications,
                   QT_TRANSLATE_NOOP("vd::MainWindow", "My Applications"));
    QObject::connect(applications, &MyApplicationsView::openApplicationRequested, &window, &MainWindow::openCase);
    QObject::connect(applications, &MyApplicationsView::newApplicationRequested, &window,
                     [&window] { window.openCase(QString()); });
    window.addPage(QStringLiteral("profile"), new EnterpriseProfileView(session),
                   QT_TRANSLATE_NOOP("vd::MainWindow", "Enterprise Profile"));
}

void addCaseworkPages(MainWindow &window, DeskSession &session)
{
    auto *queue = new CaseQueueView(session);
    window.addPage(QStringLiteral("queue"), queue, QT_TRANSLATE_NOOP("vd::MainWindow", "Case Queue"));
    QObject::connect(queue, &CaseQueueView::caseRequested, &window, &MainWindow::openCase);
}

} // namespace

void addDeskPages(MainWindow &window, DeskSession &session)
{
    if (isApplicant(session))
        addApplicantPages(window, session);
    else
        addCaseworkPages(window, session);
    auto *deadlines = new DeadlinePanel(session);
    window.addPage(QStringLiteral("deadlines"), deadlines, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    QObject::connect(deadlines, &DeadlinePanel::caseRequested, &window, &MainWindow::openCase);
    window.setCasePageFactory(
        [&window, &session](const QString &applicationId) { return makeCasePage(window, session, applicationId); });
}

SyncIndicator *addSyncIndicator(MainWindow &window, DeskSession &session)
{
    auto *indicator = new SyncIndicator(session);
    window.setSyncIndicator(indicator);
    return indicator;
}

} // namespace vd
