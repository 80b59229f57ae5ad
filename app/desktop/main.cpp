// voucherdesk: the desktop application. Wiring only.
#include "desk.h"
#include "desksession.h"
#include "domainerror.h"
#include "interfacelanguage.h"
#include "language.h"
#include "screenshots.h"
#include "userrepository.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>

namespace {

struct DeskText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Desk)
};

void say(FILE *stream, const QString &text)
{
    std::fputs(text.toUtf8().append('\n').constData(), stream);
}

// --screenshots: a session on the workspace for the named user, or the first
// secretariat officer, photographed with settings kept apart from the person's.
int runScreenshots(const QString &folder, const vd::DeskOptions &options)
{
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    try {
        vd::Workspace workspace(options.workspace, vd::Workspace::Mode::OpenExisting);
        vd::UserRepository users(workspace);
        const QList<vd::User> officers = users.withRole(QStringLiteral("secretariat"));
        std::optional<vd::User> user = options.username.isEmpty()
            ? (officers.isEmpty() ? std::nullopt : std::optional<vd::User>(officers.constFirst()))
            : users.findByUsername(options.username);
        if (!user) {
            say(stderr,
                DeskText::tr("The workspace has no such user to photograph the desk for; name one with --user."));
            return 2;
        }
        QSettings().setValue(QStringLiteral("workspaces/recent"), QStringList{workspace.folder()});
        vd::DeskSession session(workspace, *user);
        for (const QString &file : vd::writeScreenshots(folder, session))
            say(stdout, file);
    } catch (const vd::DomainError &error) {
        say(stderr, error.fullMessage());
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VoucherDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("voucherdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOUCHERDESK_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("VoucherDesk"));
    vd::Language::apply(vd::InterfaceLanguage::remembered());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        DeskText::tr("VoucherDesk: the desktop for technology voucher applications and their cases."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("workspace"), DeskText::tr("Open the workspace in this folder instead of asking."),
         QStringLiteral("dir")},
        {QStringLiteral("user"), DeskText::tr("Sign in as this user instead of asking."), QStringLiteral("username")},
        {QStringLiteral("lang"), DeskText::tr("Use this language and remember it: en, zh_HK or zh_CN."),
         QStringLiteral("code")},
        {QStringLiteral("screenshots"), DeskText::tr("Write screenshots of the main windows into this folder and quit "
                                                     "(needs --workspace)."), QStringLiteral("dir")},
        {QStringLiteral("server"), DeskText::tr("Sign in to the back office at this address as --user and sync with it "
                                                "in the background; the workspace is made if it is missing."),
         QStringLiteral("url")},
        {QStringLiteral("password-file"), DeskText::tr("The back office password is the first line of this file."),
         QStringLiteral("file")},
        {QStringLiteral("certificate"), DeskText::tr("Trust the back office's certificate in this file (PEM), for a "
                                                     "back office with a self-signed certificate."),
         QStringLiteral("file")},
    });
    parser.process(application);

    if (parser.isSet(QStringLiteral("lang")) && !vd::InterfaceLanguage::switchTo(parser.value(QStringLiteral("lang")))) {
        say(stderr, DeskText::tr("--lang: say en, zh_HK or zh_CN."));
        return 2;
    }
    const vd::DeskOptions options{parser.value(QStringLiteral("workspace")), parser.value(QStringLiteral("user")),
                                  parser.value(QStringLiteral("server")), parser.value(QStringLiteral("password-file")),
                                  parser.value(QStringLiteral("certificate"))};
    if (!options.server.isEmpty() && options.workspace.isEmpty()) {
        say(stderr, DeskText::tr("--server: say in which workspace folder to keep what it syncs with --workspace."));
        return 2;
    }
    if (parser.isSet(QStringLiteral("screenshots"))) {
        if (options.workspace.isEmpty()) {
            say(stderr, DeskText::tr("--screenshots: say which workspace to photograph with --workspace."));
            return 2;
        }
        return runScreenshots(parser.value(QStringLiteral("screenshots")), options);
    }

    vd::Desk desk(options, sinceMain);
    if (!desk.start())
        return options.workspace.isEmpty() && options.username.isEmpty() ? 0 : 2;
    return QApplication::exec();
}
