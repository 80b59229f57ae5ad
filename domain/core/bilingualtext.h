#pragma once

#include <QJsonObject>
#include <QLocale>
#include <QString>

namespace vd {

// Text a person reads in either language: names, titles, descriptions.
struct BilingualText
{
    QString en;
    QString zh;

    bool isEmpty() const { return en.isEmpty() && zh.isEmpty(); }
    // The text in the language of the locale, falling back to the other one.
    QString in(const QLocale &locale) const;
    QJsonObject toJson() const { return {{QStringLiteral("en"), en}, {QStringLiteral("zh"), zh}}; }
    friend bool operator==(const BilingualText &, const BilingualText &) = default;
};

inline bool isChinese(const QLocale &locale) { return locale.language() == QLocale::Chinese; }

inline QString BilingualText::in(const QLocale &locale) const
{
    const QString &preferred = isChinese(locale) ? zh : en;
    return preferred.isEmpty() ? (isChinese(locale) ? en : zh) : preferred;
}

} // namespace vd
