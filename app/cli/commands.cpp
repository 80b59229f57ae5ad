#include "clicommand.h"

namespace vd::cli {

// Each command lives in its own file and is listed here once.

Command assessCommand();
Command initCommand();
Command demoCommand();
Command listCommand();
Command showCommand();
Command searchCommand();
Command transitionCommand();
Command auditCommand();
Command statsCommand();
Command importCommand();
Command exportCommand();
Command syncCommand();
Command packageCommand();
Command certificateCommand();
Command signCommand();

QList<Command> allCommands()
{
    return {
        assessCommand(),
        initCommand(),
        demoCommand(),
        listCommand(),
        showCommand(),
        searchCommand(),
        transitionCommand(),
        auditCommand(),
        statsCommand(),
        importCommand(),
        exportCommand(),
        syncCommand(),
        packageCommand(),
        certificateCommand(),
        signCommand(),
    };
}

} // namespace vd::cli
