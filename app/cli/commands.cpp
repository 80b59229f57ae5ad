#include "clicommand.h"

namespace vd::cli {

// Each command lives in its own file and is listed here once.

Command assessCommand();
Command initCommand();
Command demoCommand();
Command importCommand();
Command exportCommand();

QList<Command> allCommands()
{
    return {
        assessCommand(),
        initCommand(),
        demoCommand(),
        importCommand(),
        exportCommand(),
    };
}

} // namespace vd::cli
