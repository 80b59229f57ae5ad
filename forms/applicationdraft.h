#pragma once

#include "application.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <functional>

namespace vd {

// The application an editor works on, with the undo stack every edit goes
// through (STYLE.md 12). An edit is a change to the application's content;
// the store's bookkeeping (id, revision, status, reference, dates of record)
// is never undone, so undoing after a save does not bring back an old revision.
class ApplicationDraft : public QObject
{
    Q_OBJECT

public:
    explicit ApplicationDraft(Application application, QObject *parent = nullptr);

    const Application &application() const { return m_application; }
    QUndoStack &undoStack() { return m_undoStack; }

    // Applies one undoable edit labelled for the Edit menu. Consecutive edits
    // of the same non-empty field merge into one step, so typing a title is
    // undone at once rather than a letter at a time.
    void edit(const QString &label, const QString &field, const std::function<void(Application &)> &change);
    // Takes the store's bookkeeping after a save or a transition, without an undo step;
    // the next edit starts a step of its own.
    void adoptRecord(const Application &stored);
    // Replaces everything (a submitted application read back): the undo history is cleared.
    void reset(const Application &application);

    // Used by the undo commands: the content of the snapshot, the bookkeeping kept.
    void restoreContent(const Application &snapshot);

signals:
    void changed();

private:
    Application m_application;
    QUndoStack m_undoStack;
    int m_saves = 0; // edits made after different saves never merge, so an undo stops at a saved state
};

} // namespace vd
