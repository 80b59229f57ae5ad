#pragma once

namespace vd {

class DeskSession;
class MainWindow;
class SyncIndicator;

// The desk's pages, in the order of their tabs, and how they open cases:
// the one place a new page is wired in (deskpages.cpp).
void addDeskPages(MainWindow &window, DeskSession &session);
// The sync indicator in the window's status bar (the window owns it).
SyncIndicator *addSyncIndicator(MainWindow &window, DeskSession &session);

} // namespace vd
