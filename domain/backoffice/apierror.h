#pragma once

#include <QJsonObject>
#include <QString>

#include <exception>

namespace vd {

// An answer other than success, thrown by a route and turned into a JSON
// error body by ApiHandler: {"error": {"code", "where", "message"}}.
class ApiError : public std::exception
{
public:
    ApiError(int status, QString code, QString message, QString where = {})
        : m_status(status), m_code(std::move(code)), m_where(std::move(where)), m_message(std::move(message))
    {}

    int status() const { return m_status; }
    const QString &code() const { return m_code; }
    const QString &where() const { return m_where; }
    const QString &message() const { return m_message; }
    int retryAfterSeconds() const { return m_retryAfter; }
    ApiError &retryAfter(int seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }
    // Fields answered beside "error" (such as the bytes received of an upload).
    const QJsonObject &details() const { return m_details; }
    ApiError &with(const QString &key, const QJsonValue &value)
    {
        m_details.insert(key, value);
        return *this;
    }
    const char *what() const noexcept override { return "vd::ApiError"; }

private:
    int m_status;
    QString m_code;
    QString m_where;
    QString m_message;
    int m_retryAfter = 0;
    QJsonObject m_details;
};

} // namespace vd
