// The floor under the desktop's start-up figure: a Qt Widgets program that
// does nothing but open an empty main window, measured exactly as voucherdesk
// is (FirstPaintReport, VD_REPORT_FIRST_PAINT=1). bench/run-desktop.sh runs both.
#include "firstpaint.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMainWindow>

int main(int argc, char *argv[])
{
    QElapsedTimer sinceMain;
    sinceMain.start();
    QApplication application(argc, argv);
    QMainWindow window;
    window.resize(1200, 760);
    new vd::FirstPaintReport(&window, sinceMain);
    window.show();
    return application.exec();
}
