#pragma once

// A password or passphrase for a command: from the first line of --FILE_OPTION's file, else the
// environment variable, else typed when asked (without echo on a terminal).

#include "clicommand.h"

#include <QString>

namespace vd::cli {

struct SecretSource
{
    QString fileOption;         // e.g. "password-file"
    const char *environment;    // e.g. "VOUCHERDESK_PASSWORD"
    QString prompt;             // e.g. "Password: ", translated
};

QString secretFor(const Invocation &invocation, const SecretSource &source);

} // namespace vd::cli
