#pragma once

#include "democohort.h"

#include <functional>

namespace vd {

class Workspace;

// Writes a demo cohort into a workspace: the staff and committee calendar,
// then every case with its whole history, each record through the
// repositories so that the audit trail tells the cohort's story (entries
// dated when each thing happened, by whoever did it). All in one transaction:
// a demo that fails or is killed leaves the workspace as it was.
class DemoWorkspace
{
public:
    explicit DemoWorkspace(Workspace &workspace) : m_workspace(workspace) {}

    // Throws DomainError WORKSPACE_NOT_EMPTY unless the workspace has no
    // users and no applications. progress(done, total) is called now and then.
    void write(DemoCohort &cohort, const std::function<void(int, int)> &progress = {});

private:
    Workspace &m_workspace;
};

} // namespace vd
