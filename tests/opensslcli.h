#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the `openssl` command, as anyone checking VoucherDesk's keys and signatures would.
struct OpensslRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline OpensslRun runOpenssl(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted())
        qFatal("the openssl command is not installed (Debian package openssl)");
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    OpensslRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
