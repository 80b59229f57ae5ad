#pragma once

#include <QLocale>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace vd {

// Products of cents and ratios are taken in 128 bits so they cannot overflow.
__extension__ using WideInt = __int128;

// A ratio of two whole numbers, such as the funding ratio 3/4. Kept exact so
// that no floating point ever touches money.
struct Ratio
{
    qint64 numerator = 0;
    qint64 denominator = 1;

    friend auto operator<=>(const Ratio &a, const Ratio &b)
    {
        return static_cast<WideInt>(a.numerator) * b.denominator
           <=> static_cast<WideInt>(b.numerator) * a.denominator;
    }
    friend bool operator==(const Ratio &a, const Ratio &b) { return (a <=> b) == 0; }
};

// A percentage with up to two decimals, held exactly as hundredths of a
// percent (0..10000): ownership shares, the off-the-shelf limit.
class Percentage
{
public:
    constexpr Percentage() = default;
    static constexpr Percentage fromHundredths(int hundredths) { return Percentage(hundredths); }
    static std::optional<Percentage> parse(QStringView text); // "40", "12.5"; 0 to 100
    constexpr int hundredths() const { return m_hundredths; }
    Ratio ratio() const { return Ratio{m_hundredths, 10000}; }
    QString toString() const; // "40", "12.5"
    friend constexpr auto operator<=>(Percentage, Percentage) = default;
    friend constexpr bool operator==(Percentage, Percentage) = default;

private:
    constexpr explicit Percentage(int hundredths) : m_hundredths(hundredths) {}
    int m_hundredths = 0;
};

enum class Rounding { Down, Up, HalfUp };

// An amount of Hong Kong dollars held as a signed 64-bit count of cents.
class Money
{
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }
    static constexpr Money fromDollars(qint64 dollars) { return Money(dollars * 100); }

    // Parses a decimal string: digits, optionally '.' and one or two decimals,
    // an optional leading '-'. Thousands separators and exponents are refused.
    // On failure returns nothing and, if given, sets *error to a translated reason.
    static std::optional<Money> parse(QStringView text, QString *error = nullptr);

    constexpr qint64 cents() const { return m_cents; }
    QString toDecimalString() const; // "120000.00", always two decimals
    QString toDisplayString(const QLocale &locale) const; // "HK$120,000.00" in the locale's digits

    Money multipliedBy(Ratio ratio, Rounding rounding) const;
    Money roundedToDollar(Rounding rounding) const;
    bool isZero() const { return m_cents == 0; }
    bool isNegative() const { return m_cents < 0; }

    friend constexpr Money operator+(Money a, Money b) { return Money(a.m_cents + b.m_cents); }
    friend constexpr Money operator-(Money a, Money b) { return Money(a.m_cents - b.m_cents); }
    constexpr Money &operator+=(Money other) { m_cents += other.m_cents; return *this; }
    constexpr Money &operator-=(Money other) { m_cents -= other.m_cents; return *this; }
    friend constexpr auto operator<=>(Money, Money) = default;
    friend constexpr bool operator==(Money, Money) = default;

private:
    constexpr explicit Money(qint64 cents) : m_cents(cents) {}
    qint64 m_cents = 0;
};

inline Money min(Money a, Money b) { return a < b ? a : b; }
inline Money max(Money a, Money b) { return a < b ? b : a; }

} // namespace vd
