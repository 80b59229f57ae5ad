#include "money.h"

#include <QCoreApplication>

namespace vd {

namespace {

constexpr qint64 kMaxCents = 99'999'999'999'999'99LL; // 15 integer digits is far beyond any grant

qint64 divideRounded(WideInt value, WideInt divisor, Rounding rounding)
{
    if (divisor < 0) {
        value = -value;
        divisor = -divisor;
    }
    WideInt quotient = value / divisor;
    const WideInt remainder = value % divisor;
    if (remainder == 0)
        return static_cast<qint64>(quotient);
    const bool negative = value < 0;
    switch (rounding) {
    case Rounding::Down: // towards minus infinity
        if (negative)
            --quotient;
        break;
    case Rounding::Up:
        if (!negative)
            ++quotient;
        break;
    case Rounding::HalfUp: { // half away from zero
        const WideInt twice = (remainder < 0 ? -remainder : remainder) * 2;
        if (twice >= divisor)
            quotient += negative ? -1 : 1;
        break;
    }
    }
    return static_cast<qint64>(quotient);
}

} // namespace

std::optional<Money> Money::parse(QStringView text, QString *error)
{
    auto fail = [error](const char *reason) -> std::optional<Money> {
        if (error)
            *error = QCoreApplication::translate("vd::Money", reason);
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail(QT_TRANSLATE_NOOP("vd::Money", "an amount is required"));
    bool negative = false;
    qsizetype pos = 0;
    if (text.front() == u'-') {
        negative = true;
        ++pos;
    }
    qint64 whole = 0;
    int wholeDigits = 0;
    for (; pos < text.size() && text[pos].isDigit() && text[pos].unicode() < 128; ++pos) {
        whole = whole * 10 + (text[pos].unicode() - u'0');
        if (++wholeDigits > 15)
            return fail(QT_TRANSLATE_NOOP("vd::Money", "the amount is too large"));
    }
    if (wholeDigits == 0)
        return fail(QT_TRANSLATE_NOOP("vd::Money", "not an amount of money: use digits such as 1200 or 1200.50"));
    qint64 fraction = 0;
    if (pos < text.size() && text[pos] == u'.') {
        ++pos;
        int fractionDigits = 0;
        for (; pos < text.size() && text[pos].isDigit() && text[pos].unicode() < 128; ++pos) {
            if (++fractionDigits > 2)
                return fail(QT_TRANSLATE_NOOP("vd::Money", "at most two decimal places"));
            fraction = fraction * 10 + (text[pos].unicode() - u'0');
        }
        if (fractionDigits == 0)
            return fail(QT_TRANSLATE_NOOP("vd::Money", "not an amount of money: use digits such as 1200 or 1200.50"));
        if (fractionDigits == 1)
            fraction *= 10;
    }
    if (pos != text.size())
        return fail(QT_TRANSLATE_NOOP("vd::Money", "not an amount of money: use digits such as 1200 or 1200.50"));
    const qint64 cents = whole * 100 + fraction;
    if (cents > kMaxCents)
        return fail(QT_TRANSLATE_NOOP("vd::Money", "the amount is too large"));
    return Money(negative ? -cents : cents);
}

QString Money::toDecimalString() const
{
    const quint64 magnitude = m_cents < 0 ? quint64(-(m_cents + 1)) + 1 : quint64(m_cents);
    QString text = QString::number(magnitude / 100) + u'.'
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return m_cents < 0 ? u'-' + text : text;
}

QString Money::toDisplayString(const QLocale &locale) const
{
    const quint64 magnitude = m_cents < 0 ? quint64(-(m_cents + 1)) + 1 : quint64(m_cents);
    // Integer formatting keeps the amount exact; only the separators come from the locale.
    const QString whole = locale.toString(qulonglong(magnitude / 100));
    const QString cents = QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    const QString amount = whole + locale.decimalPoint() + cents;
    return (m_cents < 0 ? QStringLiteral("-HK$") : QStringLiteral("HK$")) + amount;
}

Money Money::multipliedBy(Ratio ratio, Rounding rounding) const
{
    return Money(divideRounded(static_cast<WideInt>(m_cents) * ratio.numerator, ratio.denominator, rounding));
}

Money Money::roundedToDollar(Rounding rounding) const
{
    return Money(divideRounded(m_cents, 100, rounding) * 100);
}

std::optional<Percentage> Percentage::parse(QStringView text)
{
    // The same exact decimal syntax as money: "12.5" is 1250 hundredths.
    const auto value = Money::parse(text);
    if (!value || value->isNegative() || value->cents() > 10000)
        return std::nullopt;
    return Percentage(int(value->cents()));
}

QString Percentage::toString() const
{
    QString text = Money::fromCents(m_hundredths).toDecimalString();
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

} // namespace vd
