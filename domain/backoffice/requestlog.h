#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <mutex>

namespace vd {

// One JSON line per request on standard output:
// {"at","method","path","route","status","ms","user","client"}; and the
// server's own events as {"at","event","message", and any details}.
class RequestLog
{
public:
    struct Entry
    {
        QString method;
        QString path;
        QString route;
        int status = 0;
        double milliseconds = 0;
        QString user;    // the username, empty before sign-in
        QString client;  // the peer's address
    };

    void request(const Entry &entry);
    void event(const QString &event, const QString &message, const QJsonObject &details = {});

private:
    void writeLine(const QByteArray &line);
    std::mutex m_mutex;
};

} // namespace vd
