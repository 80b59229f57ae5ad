#include "deskpages.h"

#include "deadlinepanel.h"
#include "desksession.h"
#include "mainwindow.h"

namespace vd {

void addDeskPages(MainWindow &window, DeskSession &session)
{
    auto *deadlines = new DeadlinePanel(session);
    window.addPage(QStringLiteral("deadlines"), deadlines, QT_TRANSLATE_NOOP("vd::MainWindow", "Deadlines"));
    QObject::connect(deadlines, &DeadlinePanel::caseRequested, &window, &MainWindow::openCase);
}

} // namespace vd
