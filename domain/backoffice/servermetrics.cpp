#include "servermetrics.h"

namespace vd {

void ServerMetrics::countRequest(const QString &route, int status, double seconds)
{
    const std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Latency &latency = m_latency[route];
    for (std::size_t i = 0; i < bucketBounds.size(); ++i) {
        if (seconds <= bucketBounds[i]) {
            ++latency.buckets[i];
            break;
        }
    }
    ++latency.count;
    latency.sum += seconds;
}

QByteArray ServerMetrics::prometheusText(const Connections &connections) const
{
    const std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP vd_http_requests_total Requests answered, by route and status.\n"
           "# TYPE vd_http_requests_total counter\n";
    for (const auto &[key, count] : m_requests)
        out += "vd_http_requests_total{route=\"" + key.first.toUtf8() + "\",status=\"" + QByteArray::number(key.second)
            + "\"} " + QByteArray::number(count) + '\n';
    out += "# HELP vd_http_request_duration_seconds Time from a request's arrival to its answer, by route.\n"
           "# TYPE vd_http_request_duration_seconds histogram\n";
    for (const auto &[route, latency] : m_latency) {
        const QByteArray name = route.toUtf8();
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < bucketBounds.size(); ++i) {
            cumulative += latency.buckets[i];
            out += "vd_http_request_duration_seconds_bucket{route=\"" + name + "\",le=\""
                + QByteArray::number(bucketBounds[i], 'g', 6) + "\"} " + QByteArray::number(cumulative) + '\n';
        }
        out += "vd_http_request_duration_seconds_bucket{route=\"" + name + "\",le=\"+Inf\"} "
            + QByteArray::number(latency.count) + '\n';
        out += "vd_http_request_duration_seconds_sum{route=\"" + name + "\"} " + QByteArray::number(latency.sum, 'f', 6) + '\n';
        out += "vd_http_request_duration_seconds_count{route=\"" + name + "\"} " + QByteArray::number(latency.count) + '\n';
    }
    out += "# HELP vd_http_open_connections Connections being served now.\n# TYPE vd_http_open_connections gauge\n"
           "vd_http_open_connections " + QByteArray::number(connections.open) + '\n';
    out += "# HELP vd_http_queued_connections Connections waiting for a thread.\n# TYPE vd_http_queued_connections gauge\n"
           "vd_http_queued_connections " + QByteArray::number(connections.queued) + '\n';
    out += "# HELP vd_http_refused_connections_total Connections refused because the queue was full.\n"
           "# TYPE vd_http_refused_connections_total counter\n"
           "vd_http_refused_connections_total " + QByteArray::number(connections.refusedTotal) + '\n';
    return out;
}

} // namespace vd
