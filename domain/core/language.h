#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace vd {

// The three languages VoucherDesk speaks, and switching between them at run
// time: installs the application's translator (and Qt's own, for standard
// dialogs) and sets the default locale for numbers, money and dates.
class Language
{
public:
    static QStringList codes() { return {QStringLiteral("en"), QStringLiteral("zh_HK"), QStringLiteral("zh_CN")}; }
    static bool isKnown(const QString &code) { return codes().contains(code); }
    // The code that best fits the system locale, falling back to English.
    static QString fromSystem();
    static QLocale localeFor(const QString &code);
    // Installs translators for the language; returns false for an unknown code.
    static bool apply(const QString &code);
    static QString current();
};

} // namespace vd
