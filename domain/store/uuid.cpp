#include "uuid.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace vd {

QString newUuid()
{
    thread_local QRandomGenerator generator = QRandomGenerator::securelySeeded();
    const quint64 milliseconds = quint64(QDateTime::currentMSecsSinceEpoch()) & 0xFFFFFFFFFFFFULL;
    const quint64 random = generator.generate64();
    const quint64 more = generator.generate64();
    QUuid uuid;
    uuid.data1 = uint(milliseconds >> 16);
    uuid.data2 = ushort(milliseconds & 0xFFFF);
    uuid.data3 = ushort(0x7000 | (random & 0x0FFF));                                  // version 7
    const quint64 tail = (more & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 9562 variant
    for (int i = 0; i < 8; ++i)
        uuid.data4[i] = uchar(tail >> (56 - 8 * i));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace vd
