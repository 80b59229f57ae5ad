// vd-deadline-bench WORKSPACE USERNAME [YYYY-MM-DD]: how long DeadlineWatch
// takes to list a person's running deadlines (what the desktop's start-up
// page reads just after its first paint), and how many cases and deadlines
// that was. Prints one JSON line.
#include "deadlinewatch.h"
#include "userrepository.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 3) {
        std::fputs("usage: vd-deadline-bench WORKSPACE USERNAME [YYYY-MM-DD]\n", stderr);
        return 2;
    }
    vd::Workspace workspace(arguments.at(1), vd::Workspace::Mode::OpenExisting);
    const std::optional<vd::User> user = vd::UserRepository(workspace).findByUsername(arguments.at(2));
    if (!user) {
        std::fputs("no such user\n", stderr);
        return 2;
    }
    const QDate today = arguments.size() > 3 ? QDate::fromString(arguments.at(3), Qt::ISODate)
                                             : QDate(2026, 11, 23);  // the demo's "now"
    QElapsedTimer timer;
    timer.start();
    const QList<vd::WatchedDeadline> deadlines = vd::DeadlineWatch(workspace).forPerson(*user, today, 30);
    const qint64 elapsed = timer.elapsed();
    QSet<QString> cases;
    for (const vd::WatchedDeadline &item : deadlines)
        cases.insert(item.application.id);
    const QJsonObject figures{{QStringLiteral("deadline_watch_ms"), elapsed},
                              {QStringLiteral("deadlines"), qint64(deadlines.size())},
                              {QStringLiteral("cases_with_deadlines"), qint64(cases.size())}};
    std::fputs(QJsonDocument(figures).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    return 0;
}
