#include "screenshots.h"

#include "deadlinepanel.h"
#include "deskpages.h"
#include "desksession.h"
#include "domainerror.h"
#include "language.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "workspacedialog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>

#include <algorithm>

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
        MainWindow window(session);
        addDeskPages(window, session);
        window.resize(mainWindowSize);
        window.show();
        for (const QString &page : window.pageIds()) {
            window.showPage(page);
            written << save(window, folder, QStringLiteral("main-%1-%2").arg(page, language));
        }
    }
    Language::apply(before);
    return written;
}

} // namespace vd
