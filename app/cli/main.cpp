#include "clicommand.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("VoucherDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("voucherdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VOUCHERDESK_VERSION));
    return vd::cli::runCommandLine(QCoreApplication::arguments());
}
