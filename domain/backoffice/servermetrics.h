#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <map>
#include <mutex>
#include <utility>

namespace vd {

// What GET /metrics reports, in Prometheus' text format: requests by route
// and status, a latency histogram by route, and the server's connections.
class ServerMetrics
{
public:
    struct Connections
    {
        int open = 0;
        int queued = 0;
        int refusedTotal = 0;
    };

    void countRequest(const QString &route, int status, double seconds);
    QByteArray prometheusText(const Connections &connections) const;

    static constexpr std::array<double, 10> bucketBounds{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};

private:
    struct Latency
    {
        std::array<quint64, bucketBounds.size()> buckets{}; // cumulative when written, not here
        quint64 count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<QString, int>, quint64> m_requests;
    std::map<QString, Latency> m_latency;
};

} // namespace vd
