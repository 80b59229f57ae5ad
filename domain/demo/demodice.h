#pragma once

#include <QList>
#include <QtGlobal>

namespace vd {

// The demo's own random numbers: xoshiro256** seeded through splitmix64, with
// integer-only uniform and weighted picks. std:: distributions differ between
// standard libraries; these give the same demo for a seed everywhere.
class DemoDice
{
public:
    explicit DemoDice(quint64 seed);

    quint64 roll();
    qint64 below(qint64 bound);                 // 0 ≤ x < bound, without modulo bias; bound > 0
    qint64 between(qint64 low, qint64 high);    // low ≤ x ≤ high
    bool percent(int chance) { return below(100) < chance; }
    bool permille(int chance) { return below(1000) < chance; }
    // low..high leaning to the middle: the mean of two rolls.
    qint64 around(qint64 low, qint64 high);
    // 0..max leaning to small values: max times the product of two rolls.
    qint64 mostlySmall(qint64 max);

    template<typename T>
    const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    quint64 m_state[4];
};

// Weights for choosing one of several things, such as the scheme's sectors.
class DemoWeights
{
public:
    DemoWeights() = default;
    explicit DemoWeights(const QList<qint64> &weights);

    int pick(DemoDice &dice) const;
    int size() const { return int(m_cumulative.size()); }
    qint64 total() const { return m_cumulative.isEmpty() ? 0 : m_cumulative.constLast(); }

private:
    QList<qint64> m_cumulative;
};

} // namespace vd
