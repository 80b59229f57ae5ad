#include "demoids.h"

#include <QUuid>

namespace vd {

namespace {

constexpr quint64 kSixtyBits = (quint64(1) << 60) - 1;

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

// The 60 bits beside the version nibble are the running number plus a
// key from the seed (modulo 2^60, a bijection), so a seed never repeats an
// id and ids made one after another sort one after another: a store's
// indexes on ids grow at their right edge, as with version-7 ids
// (docs/storage.md), instead of being rewritten all over. The 62 bits beside
// the variant are further noise.
QString DemoIds::next()
{
    ++m_count;
    const quint64 high = (m_count + m_high) & kSixtyBits;
    const quint64 low = scatter64(m_count + m_low);
    const QUuid uuid(uint(high >> 28), ushort(high >> 12), ushort(0x8000 | (high & 0x0fff)), // version 8
                     uchar(0x80 | ((low >> 56) & 0x3f)),                                    // RFC 9562 variant
                     uchar(low >> 48), uchar(low >> 40), uchar(low >> 32), uchar(low >> 24), uchar(low >> 16),
                     uchar(low >> 8), uchar(low));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace vd
