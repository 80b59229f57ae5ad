#pragma once

#include <QList>
#include <QString>
#include <QWidget>

#include <functional>
#include <memory>

namespace vd {

class DeskSession;

// A window photographed besides the main window, which is photographed on
// each of its pages (deskpages.cpp) without being listed.
struct ScreenshotWindow
{
    QString name;  // the file is <name>-<language>.png
    std::function<std::unique_ptr<QWidget>(DeskSession &session)> make;
};

// The windows to photograph, one line each in screenshots.cpp.
QList<ScreenshotWindow> screenshotWindows();

// Writes the PNGs into the folder, in Traditional Chinese and in English,
// for the signed-in session, without remembering the languages used.
// Returns the files written; throws DomainError when one cannot be written.
QStringList writeScreenshots(const QString &folder, DeskSession &session);

} // namespace vd
