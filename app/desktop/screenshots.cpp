#include "screenshots.h"

#include "applicationrepository.h"
#include "backofficedialog.h"
#include "conflictpanel.h"
#include "deadlinepanel.h"
#include "deskpages.h"
#include "desksession.h"
#include "domainerror.h"
#include "language.h"
#include "democohort.h"
#include "demoworkspace.h"
#include "mainwindow.h"
#include "outbox.h"
#include "signindialog.h"
#include "syncindicator.h"
#include "syncreplica.h"
#include "syncstate.h"
#include "transaction.h"
#include "unitofwork.h"
#include "userrepository.h"
#include "workspace.h"
#include "workspacedialog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QStatusBar>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>

namespace vd {

namespace {

const QSize mainWindowSize(1200, 760);

// Lets layouts settle and what pages read in the background (the deadline list) arrive.
void settle(const QWidget &window)
{
    QDeadlineTimer patience(std::chrono::seconds(30));
    const auto reading = [&window] {
        const QList<DeadlinePanel *> panels = window.findChildren<DeadlinePanel *>();
        return std::any_of(panels.cbegin(), panels.cend(), [](const DeadlinePanel *panel) { return panel->isReading(); });
    };
    do
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    while (reading() && !patience.hasExpired());
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

QString save(QWidget &widget, const QString &folder, const QString &name)
{
    settle(widget);
    const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
    if (!widget.grab().save(file))
        throw DomainError(QStringLiteral("STORAGE_ERROR"), file,
                          QCoreApplication::translate("vd::Desk", "the screenshot could not be written"));
    return file;
}

} // namespace

QList<ScreenshotWindow> screenshotWindows()
{
    return {
        {QStringLiteral("workspace-dialog"), [](DeskSession &) { return std::make_unique<WorkspaceDialog>(); }},
        {QStringLiteral("sign-in-dialog"),
         [](DeskSession &session) {
             auto dialog = std::make_unique<SignInDialog>(session.workspace());
             dialog->choose(session.user().username);
             return dialog;
         }},
        {QStringLiteral("back-office-dialog"),
         [](DeskSession &session) {
             auto dialog = std::make_unique<BackOfficeDialog>();
             dialog->setAccount({QStringLiteral("https://127.0.0.1:8443"), session.user().username, {}, {}});
             return dialog;
         }},
        {QStringLiteral("back-office-dialog-problem"),
         [](DeskSession &session) {
             auto dialog = std::make_unique<BackOfficeDialog>();
             dialog->setAccount({QStringLiteral("http://backoffice.example:8080"), session.user().username,
                                 QStringLiteral("password"), {}});
             return dialog;
         }},
    };
}

namespace {

// The first case of these statuses (for the officer: one of theirs), if any.
std::optional<QString> caseIn(DeskSession &session, const QStringList &statuses, const QString &officerId = {})
{
    ApplicationFilter filter;
    filter.statuses = statuses;
    filter.caseOfficerId = officerId;
    const QList<ApplicationSummary> found = ApplicationRepository(session.workspace()).list(filter, Page{1, 0});
    return found.isEmpty() ? std::nullopt : std::optional<QString>(found.constFirst().id);
}

// The desk of one person on each of its pages, then with a case open in front.
void photographDesk(DeskSession &session, const std::optional<QString> &caseId, const QString &prefix,
                    const QString &folder, const QString &language, QStringList &written)
{
    MainWindow window(session);
    addDeskPages(window, session);
    addSyncIndicator(window, session);
    window.resize(mainWindowSize);
    window.show();
    for (const QString &page : window.pageIds()) {
        window.showPage(page);
        written << save(window, folder, QStringLiteral("%1-%2-%3").arg(prefix, page, language));
    }
    if (caseId) {
        window.openCase(*caseId);
        written << save(window, folder, QStringLiteral("%1-case-%2").arg(prefix, language));
    }
}

// An applicant with a draft, for the enterprise's side of the desk.
std::unique_ptr<DeskSession> applicantWithDraft(DeskSession &session, QString &draftId)
{
    const std::optional<QString> draft = caseIn(session, {QStringLiteral("draft")});
    if (!draft)
        return nullptr;
    const auto application = ApplicationRepository(session.workspace()).find(*draft);
    for (const User &user : UserRepository(session.workspace()).withRole(QStringLiteral("applicant"))) {
        if (application && user.enterpriseId == application->enterpriseId && user.active) {
            draftId = *draft;
            return std::make_unique<DeskSession>(session.workspace(), user);
        }
    }
    return nullptr;
}

// A small workspace where sync has left one of each: a change waiting to be
// sent, a conflict and a refused change, recorded as the sync client records
// the back office's answers. Made apart, so the workspace photographed is not changed.
struct SyncScene
{
    QTemporaryDir folder;
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<DeskSession> session;
};

std::unique_ptr<SyncScene> makeSyncScene()
{
    auto scene = std::make_unique<SyncScene>();
    scene->workspace = std::make_unique<Workspace>(scene->folder.path());
    Workspace &workspace = *scene->workspace;
    DemoCohort cohort(Scheme::technologyVoucher(), 7, 12);
    DemoWorkspace(workspace).write(cohort);
    const User officer = UserRepository(workspace).withRole(QStringLiteral("secretariat")).constFirst();
    scene->session = std::make_unique<DeskSession>(workspace, officer);
    ApplicationRepository applications(workspace);
    QList<ApplicationSummary> cases;
    for (const ApplicationSummary &summary : applications.list({}, Page{100, 0})) {
        if (!summary.reference.isEmpty() && cases.size() < 3)
            cases << summary; // submitted: a reference names the case in the panel
    }
    if (cases.size() < 3)
        return nullptr;
    UnitOfWork work(workspace, officer.id);
    for (const ApplicationSummary &summary : cases) {
        Application application = *applications.find(summary.id);
        application.title.en += QStringLiteral(" (phase 2)");
        application.title.zh += QStringLiteral("（第二期）");
        applications.save(work, application, QStringLiteral("update"));
    }
    work.commit();
    const QList<OutboxEntry> pending = Outbox(workspace).pending(3);
    // The back office's version of the first: its own title and description.
    QJsonObject theirs = QJsonDocument::fromJson(pending.at(0).payload).object();
    const Application first = *applications.find(cases.at(0).id);
    theirs.insert(QStringLiteral("title"), QJsonObject{{QStringLiteral("en"), first.title.en.chopped(10) + QStringLiteral(" with staff training")},
                                                       {QStringLiteral("zh"), first.title.zh.chopped(5) + QStringLiteral("及員工培訓")}});
    theirs.insert(QStringLiteral("description"), QJsonObject{{QStringLiteral("en"), first.description.en + QStringLiteral(" Training for 12 staff.")},
                                                             {QStringLiteral("zh"), first.description.zh + QStringLiteral("培訓員工12名。")}});
    PushAnswer conflict;
    conflict.operationNumber = pending.at(0).operationNumber;
    conflict.state = QStringLiteral("conflict");
    conflict.code = QStringLiteral("STALE_REVISION");
    conflict.reason = QCoreApplication::translate("vd::Desk", "The same fields were changed at the back office.");
    conflict.serverRecord = theirs;
    conflict.serverRevision = first.revision + 1;
    PushAnswer refused;
    refused.operationNumber = pending.at(1).operationNumber;
    refused.state = QStringLiteral("rejected");
    refused.code = QStringLiteral("ROLE_NOT_PERMITTED");
    refused.reason = QCoreApplication::translate("vd::Desk", "Only the case officer of this application may change it.");
    SyncReplica(workspace).recordAnswers({conflict, refused}, {});
    Transaction transaction(workspace);
    SyncState state = loadSyncState(workspace);
    state.serverUrl = QStringLiteral("https://127.0.0.1:8443");
    state.lastPullAt = QDateTime::currentDateTimeUtc().addSecs(-90);
    saveSyncState(workspace, state);
    transaction.commit();
    return scene;
}

// The desk of a workspace that syncs: the indicator with a change waiting, a
// conflict and a refusal, and the panel where a person settles them.
void photographSync(const QString &folder, const QString &language, QStringList &written)
{
    const std::unique_ptr<SyncScene> scene = makeSyncScene();
    if (!scene)
        return;
    MainWindow window(*scene->session);
    addDeskPages(window, *scene->session);
    SyncIndicator *indicator = addSyncIndicator(window, *scene->session);
    indicator->setConnection(SyncConnection::Online);
    window.resize(mainWindowSize);
    window.show();
    written << save(window, folder, QStringLiteral("main-sync-%1").arg(language));
    written << save(*window.statusBar(), folder, QStringLiteral("sync-indicator-%1").arg(language));
    indicator->setConnection(SyncConnection::Offline);
    written << save(*window.statusBar(), folder, QStringLiteral("sync-indicator-offline-%1").arg(language));
    ConflictPanel panel(*scene->session);
    panel.show();
    written << save(panel, folder, QStringLiteral("conflict-panel-%1").arg(language));
    panel.showTab(ConflictPanel::RejectedTab);
    written << save(panel, folder, QStringLiteral("conflict-panel-rejected-%1").arg(language));
}

} // namespace

QStringList writeScreenshots(const QString &folder, DeskSession &session)
{
    if (!QDir().mkpath(folder))
        throw DomainError(QStringLiteral("STORAGE_ERROR"), folder,
                          QCoreApplication::translate("vd::Desk", "the folder for the screenshots cannot be made"));
    const QString before = Language::current();
    QStringList written;
    for (const QString &language : {QStringLiteral("zh_HK"), QStringLiteral("en")}) {
        Language::apply(language);
        for (const ScreenshotWindow &shot : screenshotWindows()) {
            std::unique_ptr<QWidget> window = shot.make(session);
            window->show();
            written << save(*window, folder, shot.name + u'-' + language);
        }
        photographSync(folder, language, written);
        photographDesk(session,
                       caseIn(session, {QStringLiteral("clarification_requested"), QStringLiteral("screening")},
                              session.user().id),
                       QStringLiteral("main"), folder, language, written);
        QString draftId;
        if (std::unique_ptr<DeskSession> applicant = applicantWithDraft(session, draftId))
            photographDesk(*applicant, draftId, QStringLiteral("applicant"), folder, language, written);
    }
    Language::apply(before);
    return written;
}

} // namespace vd
