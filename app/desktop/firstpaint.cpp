#include "firstpaint.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <ctime>
#include <unistd.h>

#include <cstdio>

namespace vd {

namespace {

// Milliseconds since the kernel started this process, or -1 when /proc cannot tell.
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name in brackets may hold spaces; fields are counted after it.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int startTimeField = 22 - 3;  // field 22 of stat(5), counted from field 3
    if (fields.size() <= startTimeField)
        return -1;
    const qint64 startTicks = fields.at(startTimeField).toLongLong();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1'000'000;
    return nowMs - startTicks * 1000 / sysconf(_SC_CLK_TCK);
}

qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report no size: read them whole rather than line by line to an end.
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

} // namespace

bool FirstPaintReport::requested()
{
    return qEnvironmentVariable("VD_REPORT_FIRST_PAINT") == QLatin1String("1");
}

FirstPaintReport::FirstPaintReport(QWidget *watched, const QElapsedTimer &sinceMain)
    : QObject(watched), m_sinceMain(sinceMain)
{
    watched->installEventFilter(this);
}

bool FirstPaintReport::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // Measured once the paint in progress has finished.
        QTimer::singleShot(0, this, &FirstPaintReport::report);
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintReport::report()
{
    const QJsonObject figures{{QStringLiteral("first_paint_ms"), msSinceProcessStart()},
                              {QStringLiteral("since_main_ms"), m_sinceMain.elapsed()},
                              {QStringLiteral("rss_kb"), residentKilobytes()}};
    std::fputs(QJsonDocument(figures).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace vd
