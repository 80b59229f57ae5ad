#pragma once

#include <QString>

namespace vd {

// A new record id: a time-ordered UUID (version 7: 48 bits of Unix time in
// milliseconds, then random bits) as 36 characters of lower-case text.
// Ids made one after another sort one after another, so the B-trees keyed
// by them grow at their right edge instead of touching a random page per
// insert; in bulk writes that made the WAL several times smaller and the
// writes faster (docs/storage.md). The random bits come from a per-thread
// generator seeded once from the system: QUuid::createUuid() asks the CPU
// for every one, which is slow on virtual machines.
QString newUuid();

} // namespace vd
