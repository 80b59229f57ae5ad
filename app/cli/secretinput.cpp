#include "secretinput.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

// A line from standard input; on a terminal, typed without echo.
QString readSecret(QTextStream &err, const QString &prompt)
{
    const bool terminal = isatty(STDIN_FILENO) != 0;
    termios saved{};
    if (terminal) {
        err << prompt;
        err.flush();
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QFile input;
    QByteArray line;
    if (input.open(stdin, QIODevice::ReadOnly))
        line = input.readLine();
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err << '\n';
        err.flush();
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace

QString secretFor(const Invocation &invocation, const SecretSource &source)
{
    if (invocation.parser.isSet(source.fileOption)) {
        QFile file(invocation.parser.value(source.fileOption));
        if (!file.open(QIODevice::ReadOnly))
            throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--") + source.fileOption,
                              CliText::tr("%1 cannot be read: %2").arg(file.fileName(), file.errorString()));
        QByteArray line = file.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        return QString::fromUtf8(line);
    }
    const QByteArray fromEnvironment = qgetenv(source.environment);
    if (!fromEnvironment.isEmpty())
        return QString::fromUtf8(fromEnvironment);
    return readSecret(invocation.err, source.prompt);
}


} // namespace vd::cli
