#include "interfacelanguage.h"

#include "language.h"

#include <QSettings>

namespace vd {

namespace {

const QString settingsKey = QStringLiteral("interface/language");

} // namespace

QString InterfaceLanguage::remembered()
{
    const QString code = QSettings().value(settingsKey).toString();
    return Language::isKnown(code) ? code : Language::fromSystem();
}

bool InterfaceLanguage::switchTo(const QString &code)
{
    if (!Language::apply(code))
        return false;
    QSettings().setValue(settingsKey, code);
    return true;
}

} // namespace vd
