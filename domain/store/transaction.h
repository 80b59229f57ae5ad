#pragma once

namespace vd {

class Workspace;

// A scoped write transaction (STYLE.md 10): BEGIN IMMEDIATE takes the write
// lock at once (waiting up to the busy timeout, then WORKSPACE_BUSY), and the
// destructor rolls back unless commit() succeeded. Transactions do not nest.
class Transaction
{
public:
    explicit Transaction(Workspace &workspace);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Deferred foreign keys are checked here; if COMMIT fails it throws and
    // the transaction stays open, to be rolled back by the destructor.
    void commit();
    bool isOpen() const { return m_open; }

private:
    Workspace &m_workspace;
    bool m_open = false;
};

} // namespace vd
