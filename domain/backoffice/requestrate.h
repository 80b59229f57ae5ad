#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace vd {

// Requests per client address, as a token bucket: a client may make `burst`
// requests at once and then `perSecond` a second. Thread-safe.
class RequestRate
{
public:
    using Clock = std::chrono::steady_clock;

    RequestRate(int perSecond, int burst) : m_perSecond(perSecond), m_burst(burst) {}

    // Whether the client may make a request now (and counts it if so).
    bool admit(const std::string &client, Clock::time_point now = Clock::now());

private:
    struct Bucket
    {
        double tokens = 0;
        Clock::time_point refilled;
    };
    void forgetIdleClients(Clock::time_point now);

    const int m_perSecond;
    const int m_burst;
    std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    Clock::time_point m_lastSweep;
};

} // namespace vd
