#pragma once

#include "syncclient.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace vd {

class DeskSession;

// How the desk stands with its back office, as the status bar shows it.
enum class SyncConnection {
    NotConnected,   // nobody signed in to a back office in this session
    SigningIn,
    Syncing,
    Online,         // the last sync went through
    Offline,        // the back office could not be reached: work goes on, it catches up later
    SignInNeeded,   // the back office no longer accepts the sign-in (expired, password changed)
    Failed,         // the back office answered, but the sync did not go through (the reason is kept)
    AuditStopped,   // the back office's audit log does not extend the history this desk saw (or is not
                    // signed as before): syncing stops until someone finds out why (docs/audit-trail.md)
};

// The sync indicator of the status bar: whether the back office is reached
// and when it last was, how many changes wait to be sent, and how many
// conflicts and refused changes wait for a person (a button that opens the
// panel for them). The figures are read from the workspace (refresh(),
// SyncClient::status).
class SyncIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncIndicator(DeskSession &session, QWidget *parent = nullptr);

    SyncConnection connection() const { return m_connection; }
    const SyncStatus &standing() const { return m_standing; }
    // The line shown, and the text of the conflicts button (empty when hidden).
    QString text() const;
    QString attentionText() const;

public slots:
    // The connection as it is now; problem says why when offline or signed out.
    void setConnection(vd::SyncConnection connection, const QString &problem = {});
    // Reads the figures from the workspace again.
    void refresh();

signals:
    // The person asked to see the conflicts and refused changes.
    void attentionRequested();
    void syncNowRequested();
    void connectRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showFigures();
    QString connectionText() const;

    DeskSession &m_session;
    QLabel *m_light;
    QLabel *m_label;
    QToolButton *m_attention;
    QToolButton *m_action;
    SyncConnection m_connection = SyncConnection::NotConnected;
    QString m_problem;      // why the connection is as it is
    QString m_readProblem;  // why the figures could not be read
    SyncStatus m_standing;
};

} // namespace vd

Q_DECLARE_METATYPE(vd::SyncConnection)
