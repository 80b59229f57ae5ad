#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs the real voucherdesk-cli as a child process, as a person would.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString errText() const { return QString::fromUtf8(err); }
    QString outText() const { return QString::fromUtf8(out); }
};

// With these variables set (a passphrase, a password), as a person's shell would have them.
inline CliRun runCli(const QStringList &arguments, const QList<std::pair<QString, QString>> &environment,
                     const QByteArray &input = {}, int timeoutMs = 300000)
{
    QProcess process;
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : environment)
        variables.insert(name, value);
    process.setProcessEnvironment(variables);
    process.start(QStringLiteral(VD_CLI), arguments);
    process.waitForStarted();
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(timeoutMs);
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline CliRun runCli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 300000)
{
    return runCli(arguments, {}, input, timeoutMs);
}
