#pragma once

#include "syncreplica.h"
#include "outbox.h"
#include "user.h"

#include <QDialog>
#include <QHash>
#include <QList>

#include <functional>
#include <memory>

class QTimer;
class QTreeWidgetItem;

namespace vd {

class DeskSession;
class RecordComparisonModel;

namespace Ui {
class ConflictPanel;
}

// What sync leaves for a person. Conflicts: a record changed both on this desk
// and at the back office, the two versions side by side field by field, to
// keep one ("Keep Mine" sends this desk's over the back office's; "Take
// Theirs" drops the local change). Rejected changes: what the back office
// refused and why, until the person dismisses them.
class ConflictPanel : public QDialog
{
    Q_OBJECT

public:
    enum Tab { ConflictsTab, RejectedTab };

    explicit ConflictPanel(DeskSession &session, QWidget *parent = nullptr);
    ~ConflictPanel() override;

    int conflictCount() const { return int(m_conflicts.size()); }
    int rejectedCount() const { return int(m_rejected.size()); }
    const QList<SyncConflict> &conflicts() const { return m_conflicts; }
    const QList<OutboxEntry> &rejected() const { return m_rejected; }
    RecordComparisonModel *comparison() const { return m_comparison; }
    // Shows the conflict (or rejection) at this row of its list.
    void selectConflict(int row);
    void selectRejected(int row);
    void showTab(Tab tab);

public slots:
    // Reads the conflicts and rejections again.
    void reload();
    // For the conflict selected.
    void keepMine();
    void takeTheirs();
    // For the rejection selected.
    void dismissRejected();

signals:
    // A conflict was settled or a rejection dismissed: the case (empty when the
    // record belongs to none) and the sync indicator are read again.
    void settled(const QString &applicationId);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fillLists();
    void showConflict();
    void showRejected();
    void nameTabs();
    QString caseOf(const QString &entityType, const QString &entityId, const QByteArray &json) const;
    QString caseTitle(const QString &applicationId) const;
    QString recordTitle(const QString &entityType, const QByteArray &json) const;
    void settle(const std::function<void(SyncReplica &, const SyncConflict &)> &how);

    std::unique_ptr<Ui::ConflictPanel> ui;
    DeskSession &m_session;
    RecordComparisonModel *m_comparison;
    QTimer *m_fitRows;
    QList<SyncConflict> m_conflicts;
    QList<OutboxEntry> m_rejected;
    QHash<QString, User> m_people;
};

} // namespace vd
