#include "screenshots.h"

#include "applicationrepository.h"
#include "deadlinepanel.h"
#include "deskpages.h"
#include "desksession.h"
#include "domainerror.h"
#include "language.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "userrepository.h"
#include "workspacedialog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>

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
