#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace vd {

// The start-up figures of issue 3: with VD_REPORT_FIRST_PAINT=1 in the
// environment, the first paint of a widget prints one JSON line on stdout
// and quits the application:
//   {"first_paint_ms": …, "since_main_ms": …, "rss_kb": …}
// first_paint_ms counts from the process start the kernel recorded
// (/proc/self/stat, 10 ms ticks), so loading the program and its libraries
// is included; since_main_ms counts from the first line of main(); rss_kb is
// VmRSS from /proc/self/status at that moment.
class FirstPaintReport : public QObject
{
    Q_OBJECT

public:
    static bool requested();
    // `sinceMain` was started first thing in main().
    FirstPaintReport(QWidget *watched, const QElapsedTimer &sinceMain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    QElapsedTimer m_sinceMain;
    bool m_painted = false;
};

} // namespace vd
