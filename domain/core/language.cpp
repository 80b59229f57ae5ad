#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace vd {

namespace {

struct InstalledTranslators
{
    QString code = QStringLiteral("en");
    std::unique_ptr<QTranslator> application;
    std::unique_ptr<QTranslator> qt;
};

InstalledTranslators &installed()
{
    static InstalledTranslators translators;
    return translators;
}

} // namespace

QString Language::fromSystem()
{
    const QLocale system = QLocale::system();
    if (system.language() != QLocale::Chinese)
        return QStringLiteral("en");
    const bool simplified = system.script() == QLocale::SimplifiedChineseScript
        || (system.script() == QLocale::AnyScript && system.territory() == QLocale::China);
    return simplified ? QStringLiteral("zh_CN") : QStringLiteral("zh_HK");
}

QLocale Language::localeFor(const QString &code)
{
    if (code == QLatin1String("zh_HK"))
        return QLocale(QLocale::Chinese, QLocale::TraditionalChineseScript, QLocale::HongKong);
    if (code == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    return QLocale(QLocale::English, QLocale::HongKong);
}

bool Language::apply(const QString &code)
{
    if (!isKnown(code))
        return false;
    InstalledTranslators &state = installed();
    for (auto *translator : {state.application.get(), state.qt.get()}) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
    state.application = std::make_unique<QTranslator>();
    if (state.application->load(QStringLiteral(":/i18n/voucherdesk_%1.qm").arg(code)))
        QCoreApplication::installTranslator(state.application.get());
    state.qt = std::make_unique<QTranslator>();
    const QString qtName = code == QLatin1String("zh_HK") ? QStringLiteral("qt_zh_TW") : QStringLiteral("qt_") + code;
    if (state.qt->load(qtName, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(state.qt.get());
    QLocale::setDefault(localeFor(code));
    state.code = code;
    return true;
}

QString Language::current()
{
    return installed().code;
}

} // namespace vd
