#pragma once

namespace vd {

class DeskSession;
class MainWindow;

// The desk's pages, in the order of their tabs, and how they open cases:
// the one place a new page is wired in (deskpages.cpp).
void addDeskPages(MainWindow &window, DeskSession &session);

} // namespace vd
