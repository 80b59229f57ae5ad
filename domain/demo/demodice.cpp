#include "demodice.h"

#include <algorithm>

namespace vd {

namespace {

__extension__ using WideUnsigned = unsigned __int128;

quint64 splitMix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint64 rotateLeft(quint64 x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DemoDice::DemoDice(quint64 seed)
{
    for (quint64 &word : m_state)
        word = splitMix(seed);
}

quint64 DemoDice::roll()
{
    const quint64 result = rotateLeft(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

// Lemire's multiply-and-reject: exact and the same on every platform.
qint64 DemoDice::below(qint64 bound)
{
    Q_ASSERT(bound > 0);
    const quint64 n = quint64(bound);
    WideUnsigned product = WideUnsigned(roll()) * n;
    quint64 low = quint64(product);
    if (low < n) {
        const quint64 threshold = (0 - n) % n;
        while (low < threshold) {
            product = WideUnsigned(roll()) * n;
            low = quint64(product);
        }
    }
    return qint64(product >> 64);
}

qint64 DemoDice::between(qint64 low, qint64 high)
{
    Q_ASSERT(low <= high);
    return low + below(high - low + 1);
}

qint64 DemoDice::around(qint64 low, qint64 high)
{
    const qint64 span = high - low;
    return low + (below(span + 1) + below(span + 1)) / 2;
}

qint64 DemoDice::mostlySmall(qint64 max)
{
    constexpr qint64 steps = 1000;
    return max * below(steps + 1) * below(steps + 1) / (steps * steps);
}

DemoWeights::DemoWeights(const QList<qint64> &weights)
{
    qint64 sum = 0;
    m_cumulative.reserve(weights.size());
    for (qint64 weight : weights) {
        Q_ASSERT(weight >= 0);
        sum += weight;
        m_cumulative.append(sum);
    }
}

int DemoWeights::pick(DemoDice &dice) const
{
    Q_ASSERT(total() > 0);
    const qint64 ticket = dice.below(total());
    return int(std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), ticket) - m_cumulative.cbegin());
}

} // namespace vd
