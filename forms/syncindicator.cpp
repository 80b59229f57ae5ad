#include "syncindicator.h"

#include "desksession.h"
#include "domainerror.h"

#include <QDate>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QUrl>

namespace vd {

namespace {

// A light beside the words (never instead of them): green reached, amber
// offline, red when a person must act, grey otherwise.
QColor lightColour(SyncConnection connection, const SyncStatus &standing)
{
    switch (connection) {
    case SyncConnection::Online:
        return standing.conflicts + standing.rejected > 0 ? QColor(0xb0, 0x3a, 0x2e) : QColor(0x2e, 0x7d, 0x32);
    case SyncConnection::Offline:
        return QColor(0xc7, 0x7c, 0x02);
    case SyncConnection::SignInNeeded:
    case SyncConnection::Failed:
    case SyncConnection::AuditStopped:
        return QColor(0xb0, 0x3a, 0x2e);
    case SyncConnection::Syncing:
    case SyncConnection::SigningIn:
        return QColor(0x1f, 0x5f, 0xa8);
    case SyncConnection::NotConnected:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

QString when(const QDateTime &instant)
{
    const QDateTime local = instant.toLocalTime();
    const QLocale locale;
    if (local.date() == QDate::currentDate())
        return locale.toString(local.time(), QLocale::ShortFormat);
    return locale.toString(local, QLocale::ShortFormat);
}

} // namespace

SyncIndicator::SyncIndicator(DeskSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_light(new QLabel(this)), m_label(new QLabel(this)),
      m_attention(new QToolButton(this)), m_action(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(6);
    m_light->setText(QStringLiteral("●"));
    m_label->setObjectName(QStringLiteral("syncLabel"));
    m_attention->setObjectName(QStringLiteral("syncAttention"));
    m_action->setObjectName(QStringLiteral("syncAction"));
    for (QToolButton *button : {m_attention, m_action})
        button->setAutoRaise(true);
    layout->addWidget(m_light);
    layout->addWidget(m_label);
    layout->addWidget(m_attention);
    layout->addWidget(m_action);
    connect(m_attention, &QToolButton::clicked, this, &SyncIndicator::attentionRequested);
    connect(m_action, &QToolButton::clicked, this, [this] {
        if (m_connection == SyncConnection::NotConnected || m_connection == SyncConnection::SignInNeeded)
            emit connectRequested();
        else
            emit syncNowRequested();
    });
    refresh();
}

void SyncIndicator::setConnection(SyncConnection connection, const QString &problem)
{
    m_connection = connection;
    m_problem = problem;
    showFigures();
}

void SyncIndicator::refresh()
{
    try {
        m_standing = SyncClient::status(m_session.workspace());
        m_readProblem.clear();
    } catch (const DomainError &error) {
        // A busy workspace: the figures come with the next refresh.
        m_readProblem = error.fullMessage();
    }
    showFigures();
}

QString SyncIndicator::connectionText() const
{
    const QString host = QUrl(m_standing.serverUrl).host();
    const QString lastSync = m_standing.lastPullAt ? when(*m_standing.lastPullAt) : QString();
    switch (m_connection) {
    case SyncConnection::NotConnected:
        return host.isEmpty() ? tr("Not connected to a back office") : tr("Not signed in to %1").arg(host);
    case SyncConnection::SigningIn:
        return tr("Signing in to the back office…");
    case SyncConnection::Syncing:
        return tr("Syncing…");
    case SyncConnection::Online:
        return lastSync.isEmpty() ? tr("Connected") : tr("Synced at %1").arg(lastSync);
    case SyncConnection::Offline:
        return lastSync.isEmpty() ? tr("Offline: the back office cannot be reached")
                                  : tr("Offline since the sync at %1").arg(lastSync);
    case SyncConnection::SignInNeeded:
        return tr("Sign in to the back office again");
    case SyncConnection::Failed:
        return tr("The last sync failed; it is tried again shortly");
    case SyncConnection::AuditStopped:
        return tr("WARNING: sync stopped, the back office's audit history is not the one this desk saw");
    }
    return {};
}

QString SyncIndicator::text() const
{
    QString line = connectionText();
    if (m_standing.pending > 0)
        line += tr(" · waiting to be sent: %1").arg(QLocale().toString(m_standing.pending));
    return line;
}

QString SyncIndicator::attentionText() const
{
    QStringList parts;
    if (m_standing.conflicts > 0)
        parts << tr("Conflicts: %1").arg(QLocale().toString(m_standing.conflicts));
    if (m_standing.rejected > 0)
        parts << tr("Rejected: %1").arg(QLocale().toString(m_standing.rejected));
    return parts.join(tr(", "));
}

void SyncIndicator::showFigures()
{
    m_label->setText(text());
    const QString attention = attentionText();
    m_attention->setText(attention);
    m_attention->setVisible(!attention.isEmpty());
    m_attention->setToolTip(tr("See the conflicts and the changes the back office refused"));
    QPalette palette = m_light->palette();
    palette.setColor(QPalette::WindowText, lightColour(m_connection, m_standing));
    m_light->setPalette(palette);
    const bool signedOut = m_connection == SyncConnection::NotConnected || m_connection == SyncConnection::SignInNeeded;
    m_action->setText(signedOut ? tr("Connect…") : tr("Sync Now"));
    m_action->setEnabled(m_connection != SyncConnection::Syncing && m_connection != SyncConnection::SigningIn);
    QStringList tip;
    if (!m_standing.serverUrl.isEmpty())
        tip << tr("Back office: %1").arg(m_standing.serverUrl);
    if (m_standing.lastPullAt)
        tip << tr("Last sync: %1").arg(QLocale().toString(m_standing.lastPullAt->toLocalTime(), QLocale::LongFormat));
    for (const QString &problem : {m_problem, m_readProblem}) {
        if (!problem.isEmpty())
            tip << problem;
    }
    m_label->setToolTip(tip.join(u'\n'));
    setAccessibleName(tr("Sync"));
    setAccessibleDescription(text());
}

void SyncIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        showFigures();
    QWidget::changeEvent(event);
}

} // namespace vd
