#pragma once

#include <QString>

#include <exception>

namespace vd {

// An error that reaches a person: a stable code for programs, a JSON-style
// path or record name saying where, and a message already in the person's
// language. Thrown through the layers and caught at the boundary (CLI, UI).
class DomainError : public std::exception
{
public:
    DomainError(QString code, QString where, QString message)
        : m_code(std::move(code)), m_where(std::move(where)), m_message(std::move(message)),
          m_what(fullMessage().toUtf8())
    {}

    const QString &code() const { return m_code; }
    const QString &where() const { return m_where; }
    const QString &message() const { return m_message; }
    QString fullMessage() const { return m_where.isEmpty() ? m_message : m_where + QStringLiteral(": ") + m_message; }
    const char *what() const noexcept override { return m_what.constData(); }

private:
    QString m_code;
    QString m_where;
    QString m_message;
    QByteArray m_what;
};

} // namespace vd
