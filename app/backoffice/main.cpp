// voucherdesk-backoffice: wiring only (DESIGN.md §7, docs/backoffice.md).
#include "backofficeapplication.h"
#include "language.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    // Qt is here for translations, SQL and JSON; Poco runs the server. No Qt
    // event loop runs: the application waits for SIGINT or SIGTERM.
    QCoreApplication qt(argc, argv);
    vd::Language::apply(QStringLiteral("en"));
    vd::BackOfficeApplication server;
    return server.run(argc, argv);
}
