#pragma once

#include <QString>
#include <QtGlobal>

namespace vd {

// Record ids for the demo: RFC 9562 version-8 ("custom") UUIDs whose 122 free
// bits are a keyed bijection of a running number, the key derived from the
// seed. A seed always gives the same ids, one seed never repeats an id, ids
// made later sort later (so a store's indexes grow at their right edge), and
// making one costs a few multiplications rather than a SHA-1 (version 5),
// which matters at millions of records.
class DemoIds
{
public:
    explicit DemoIds(quint64 seed);
    QString next();

private:
    quint64 m_high = 0;
    quint64 m_low = 0;
    quint64 m_count = 0;
};

} // namespace vd
