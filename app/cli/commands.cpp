#include "clicommand.h"

namespace vd::cli {

// Each command lives in its own file and is listed here once.

Command assessCommand();

QList<Command> allCommands()
{
    return {
        assessCommand(),
    };
}

} // namespace vd::cli
