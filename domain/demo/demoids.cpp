#include "demoids.h"

#include <QUuid>

namespace vd {

namespace {

constexpr quint64 kSixtyBits = (quint64(1) << 60) - 1;

// splitmix64's finaliser, kept to 60 bits: xor-shifts and odd multipliers
// modulo 2^60 are each invertible, so distinct inputs give distinct outputs.
quint64 scatter60(quint64 z)
{
    z &= kSixtyBits;
    z ^= z >> 30;
    z = (z * 0xbf58476d1ce4e5b9ULL) & kSixtyBits;
    z ^= z >> 27;
    z = (z * 0x94d049bb133111ebULL) & kSixtyBits;
    return z ^ (z >> 31);
}

quint64 scatter64(quint64 z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Fixed for all time: changing either changes every demo id.
constexpr quint64 kHighKey = 0x766f756368657264ULL; // "voucherd"
constexpr quint64 kLowKey = 0x656d6f2d69647331ULL;  // "emo-ids1"

} // namespace

DemoIds::DemoIds(quint64 seed)
    : m_high(scatter64(seed ^ kHighKey)), m_low(scatter64(seed + kLowKey))
{
}

// The 60 bits beside the version nibble are a bijection of the running
// number (keyed by the seed), so a seed never repeats an id; the 62 bits
// beside the variant are further noise.
QString DemoIds::next()
{
    ++m_count;
    const quint64 high = scatter60(m_count ^ m_high);
    const quint64 low = scatter64(m_count + m_low);
    const QUuid uuid(uint(high >> 28), ushort(high >> 12), ushort(0x8000 | (high & 0x0fff)), // version 8
                     uchar(0x80 | ((low >> 56) & 0x3f)),                                    // RFC 9562 variant
                     uchar(low >> 48), uchar(low >> 40), uchar(low >> 32), uchar(low >> 24), uchar(low >> 16),
                     uchar(low >> 8), uchar(low));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace vd
