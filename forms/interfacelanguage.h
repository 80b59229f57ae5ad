#pragma once

#include <QString>

namespace vd {

// The interface language a person chose, remembered in QSettings: applied
// before the first window is built, and switched at any time from the menu.
class InterfaceLanguage
{
public:
    // The remembered choice, or the one that fits the system locale.
    static QString remembered();
    // Installs the translators (every window then retranslates on
    // QEvent::LanguageChange) and remembers the choice; false for an unknown code.
    static bool switchTo(const QString &code);
};

} // namespace vd
