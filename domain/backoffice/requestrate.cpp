#include "requestrate.h"

#include <algorithm>

namespace vd {

bool RequestRate::admit(const std::string &client, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    forgetIdleClients(now);
    auto [found, isNew] = m_buckets.try_emplace(client, Bucket{double(m_burst), now});
    Bucket &bucket = found->second;
    if (!isNew) {
        const double seconds = std::chrono::duration<double>(now - bucket.refilled).count();
        bucket.tokens = std::min(double(m_burst), bucket.tokens + seconds * m_perSecond);
        bucket.refilled = now;
    }
    if (bucket.tokens < 1)
        return false;
    bucket.tokens -= 1;
    return true;
}

// A bucket full again is the same as none: drop them now and then, so the
// table does not grow with every address ever seen.
void RequestRate::forgetIdleClients(Clock::time_point now)
{
    if (now - m_lastSweep < std::chrono::minutes(1))
        return;
    m_lastSweep = now;
    const double refillSeconds = double(m_burst) / m_perSecond;
    std::erase_if(m_buckets, [&](const auto &entry) {
        return std::chrono::duration<double>(now - entry.second.refilled).count() > refillSeconds;
    });
}

} // namespace vd
