#include "clicommand.h"

namespace vd::cli {

// Each command lives in its own file and is listed here once.

QList<Command> allCommands()
{
    return {
    };
}

} // namespace vd::cli
