#pragma once

#include "testdatabase.h"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>

#include <QByteArray>
#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <istream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

// A real voucherdesk-backoffice process on 127.0.0.1 (a free port picked by
// the server itself, read from its "listening" log line), and a plain
// HTTP client for it. In a test run on PostgreSQL it keeps its workspace in
// the database of its data folder (testdatabase.h).
class BackOfficeProcess
{
public:
    // Starts the server, its log going to logFile (a file, so that a test
    // busy with requests never leaves the server blocked on a full pipe);
    // false (with the output kept in log()) when it does not listen within
    // the time or exits first.
    bool start(const QStringList &arguments, const QString &logFile, int timeoutMs = 60000)
    {
        m_logFile = logFile;
        QFile::remove(logFile);
        m_process = std::make_unique<QProcess>();
        m_process->setStandardOutputFile(logFile);
        m_process->start(QStringLiteral(VD_BACKOFFICE), TestDatabase::withDatabase(arguments));
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
            m_process->waitForFinished(100);
            for (const QByteArray &line : log().split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QStringLiteral("event")).toString() == QLatin1String("listening")) {
                    m_port = event.value(QStringLiteral("port")).toInt();
                    return true;
                }
            }
        }
        m_errors += m_process->readAllStandardError();
        return false;
    }

    // Stops it with SIGTERM, as a service manager would; its exit code.
    int stop()
    {
        if (!m_process)
            return -1;
        m_process->terminate();
        m_process->waitForFinished(30000);
        const int code = m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
        m_process.reset();
        return code;
    }

    // Kills it with SIGKILL, as a power cut would: nothing it was doing is finished.
    bool kill()
    {
        if (!m_process)
            return false;
        m_process->kill();
        m_process->waitForFinished(10000);
        m_process.reset();
        return true;
    }

    ~BackOfficeProcess()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    // What it has logged so far, and what it said on standard error if it failed to start.
    QByteArray log() const
    {
        QFile file(m_logFile);
        return (file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray()) + m_errors;
    }

    bool isRunning() const { return m_process && m_process->state() == QProcess::Running; }
    int port() const { return m_port; }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_logFile;
    QByteArray m_errors;
    int m_port = 0;
};

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    std::map<std::string, std::string> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

// One request on a new connection; status 0 when the server did not answer.
inline HttpAnswer httpRequest(int port, const std::string &method, const std::string &path, const QByteArray &body = {},
                              const QString &token = {}, const std::map<std::string, std::string> &headers = {})
{
    HttpAnswer answer;
    try {
        Poco::Net::HTTPClientSession session("127.0.0.1", Poco::UInt16(port));
        session.setTimeout(Poco::Timespan(20, 0));
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        if (!token.isEmpty())
            request.set("Authorization", "Bearer " + token.toStdString());
        for (const auto &[name, value] : headers)
            request.set(name, value);
        if (!body.isNull()) {
            request.setContentType("application/json");
            request.setContentLength64(body.size());
        }
        std::ostream &out = session.sendRequest(request);
        out.write(body.constData(), body.size());
        Poco::Net::HTTPResponse response;
        std::istream &in = session.receiveResponse(response);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        answer.status = int(response.getStatus());
        answer.body = QByteArray::fromStdString(text);
        for (const auto &[name, value] : response)
            answer.headers[name] = value;
    } catch (const Poco::Exception &e) {
        answer.status = 0;
        answer.body = QByteArray::fromStdString(e.displayText()); // for the failure message
    }
    return answer;
}
