#include "conflictpanel.h"
#include "ui_conflictpanel.h"

#include "applicationrepository.h"
#include "casetext.h"
#include "desksession.h"
#include "domainerror.h"
#include "recordcomparisonmodel.h"
#include "userrepository.h"
#include "workspace.h"

#include <QEvent>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

namespace vd {

namespace {

constexpr int RowRole = Qt::UserRole;   // index into m_conflicts or m_rejected

enum ConflictColumn { ConflictCaseColumn, ConflictRecordColumn, ConflictFoundColumn };
enum RejectedColumn { RejectedSavedColumn, RejectedRecordColumn, RejectedCaseColumn, RejectedReasonColumn };

QJsonObject objectOf(const QByteArray &json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json).object();
}

} // namespace

ConflictPanel::ConflictPanel(DeskSession &session, QWidget *parent)
    : QDialog(parent), ui(std::make_unique<Ui::ConflictPanel>()), m_session(session),
      m_comparison(new RecordComparisonModel(session.scheme(), this)), m_fitRows(new QTimer(this))
{
    ui->setupUi(this);
    ui->comparisonView->setModel(m_comparison);
    // Long values wrap: the two versions are read in full, side by side.
    ui->comparisonView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    ui->comparisonView->horizontalHeader()->setSectionResizeMode(RecordComparisonModel::FieldColumn,
                                                                 QHeaderView::ResizeToContents);
    // Rows are fitted to their text once the columns have their widths (after the layout settled).
    m_fitRows->setSingleShot(true);
    m_fitRows->setInterval(0);
    connect(m_fitRows, &QTimer::timeout, ui->comparisonView, &QTableView::resizeRowsToContents);
    connect(ui->comparisonView->horizontalHeader(), &QHeaderView::sectionResized, m_fitRows,
            qOverload<>(&QTimer::start));
    connect(m_comparison, &QAbstractItemModel::modelReset, m_fitRows, qOverload<>(&QTimer::start));
    ui->conflictList->header()->setStretchLastSection(false);
    ui->conflictList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->conflictList->header()->setSectionResizeMode(ConflictRecordColumn, QHeaderView::Stretch);
    ui->rejectedList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->rejectedList->header()->setStretchLastSection(true);
    ui->conflictsSplitter->setSizes({300, 660});
    ui->rejectedSplitter->setSizes({300, 160});
    connect(ui->conflictList, &QTreeWidget::currentItemChanged, this, &ConflictPanel::showConflict);
    connect(ui->rejectedList, &QTreeWidget::currentItemChanged, this, &ConflictPanel::showRejected);
    connect(ui->keepMineButton, &QPushButton::clicked, this, &ConflictPanel::keepMine);
    connect(ui->takeTheirsButton, &QPushButton::clicked, this, &ConflictPanel::takeTheirs);
    connect(ui->dismissButton, &QPushButton::clicked, this, &ConflictPanel::dismissRejected);
    connect(ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reload();
    showTab(m_conflicts.isEmpty() && !m_rejected.isEmpty() ? RejectedTab : ConflictsTab);
}

ConflictPanel::~ConflictPanel() = default;

void ConflictPanel::reload()
{
    try {
        const SyncReplica replica(m_session.workspace());
        m_conflicts = replica.conflicts();
        m_rejected.clear();
        for (const OutboxEntry &entry : Outbox(m_session.workspace()).needingAttention()) {
            if (entry.state == QLatin1String("rejected"))
                m_rejected.append(entry);
        }
        m_people.clear();
        for (const User &user : UserRepository(m_session.workspace()).all())
            m_people.insert(user.id, user);
    } catch (const DomainError &error) {
        QMessageBox::warning(this, tr("Conflicts and Rejected Changes"), error.fullMessage());
    }
    fillLists();
}

void ConflictPanel::showTab(Tab tab)
{
    ui->tabs->setCurrentIndex(tab);
}

QString ConflictPanel::caseTitle(const QString &applicationId) const
{
    if (applicationId.isEmpty())
        return {};
    const auto application = ApplicationRepository(m_session.workspace()).find(applicationId);
    if (!application)
        return tr("a case no longer on this desk");
    if (!application->reference.isEmpty())
        return application->reference;
    return application->title.in(QLocale());
}

// The case a record belongs to: the application itself, or the one a part of a case names.
QString ConflictPanel::caseOf(const QString &entityType, const QString &entityId, const QByteArray &json) const
{
    if (entityType == QLatin1String("application"))
        return entityId;
    return objectOf(json).value(QLatin1String("application_id")).toString();
}

// "Clarification request: Please send the second quotation", or the kind alone.
QString ConflictPanel::recordTitle(const QString &entityType, const QByteArray &json) const
{
    const QString kind = CaseText::recordKind(entityType);
    const QJsonObject record = objectOf(json);
    for (const char *key : {"title", "name", "display_name", "subject", "question"}) {
        const QJsonValue value = record.value(QLatin1String(key));
        QString text = value.isObject() ? BilingualText{value.toObject().value(QLatin1String("en")).toString(),
                                                        value.toObject().value(QLatin1String("zh")).toString()}
                                              .in(QLocale())
                                        : value.toString();
        text = text.simplified();
        if (!text.isEmpty())
            return tr("%1: %2").arg(kind, text.size() > 60 ? text.left(59) + u'…' : text);
    }
    return kind;
}

void ConflictPanel::fillLists()
{
    ui->conflictList->clear();
    for (int i = 0; i < m_conflicts.size(); ++i) {
        const SyncConflict &conflict = m_conflicts.at(i);
        const QByteArray &json = conflict.localRecord.isEmpty() ? conflict.serverRecord : conflict.localRecord;
        auto *item = new QTreeWidgetItem(ui->conflictList);
        item->setData(0, RowRole, i);
        item->setText(ConflictRecordColumn, recordTitle(conflict.entityType, json));
        item->setText(ConflictCaseColumn, caseTitle(caseOf(conflict.entityType, conflict.entityId, json)));
        item->setText(ConflictFoundColumn, CaseText::dateTime(conflict.foundAt));
    }
    ui->rejectedList->clear();
    for (int i = 0; i < m_rejected.size(); ++i) {
        const OutboxEntry &entry = m_rejected.at(i);
        auto *item = new QTreeWidgetItem(ui->rejectedList);
        item->setData(0, RowRole, i);
        item->setText(RejectedSavedColumn, CaseText::dateTime(entry.createdAt));
        item->setText(RejectedRecordColumn, recordTitle(entry.entityType, entry.payload));
        item->setText(RejectedCaseColumn, caseTitle(caseOf(entry.entityType, entry.entityId, entry.payload)));
        item->setText(RejectedReasonColumn, entry.resultReason.isEmpty() ? tr("No reason was given") : entry.resultReason);
        item->setToolTip(RejectedReasonColumn, entry.resultReason);
    }
    nameTabs();
    selectConflict(0);
    selectRejected(0);
    showConflict();
    showRejected();
}

void ConflictPanel::nameTabs()
{
    ui->tabs->setTabText(ConflictsTab, tr("Conflicts (%1)").arg(QLocale().toString(conflictCount())));
    ui->tabs->setTabText(RejectedTab, tr("Rejected (%1)").arg(QLocale().toString(rejectedCount())));
}

void ConflictPanel::selectConflict(int row)
{
    ui->conflictList->setCurrentItem(ui->conflictList->topLevelItem(row));
}

void ConflictPanel::selectRejected(int row)
{
    ui->rejectedList->setCurrentItem(ui->rejectedList->topLevelItem(row));
}

void ConflictPanel::showConflict()
{
    const QTreeWidgetItem *item = ui->conflictList->currentItem();
    const bool chosen = item != nullptr;
    ui->keepMineButton->setEnabled(chosen);
    ui->takeTheirsButton->setEnabled(chosen);
    if (!chosen) {
        m_comparison->compare({}, {}, m_people);
        ui->conflictTitle->setText(m_conflicts.isEmpty() ? tr("There are no conflicts: every change made on this desk "
                                                              "agrees with the back office.")
                                                         : tr("Choose a conflict to compare its two versions."));
        return;
    }
    const SyncConflict &conflict = m_conflicts.at(item->data(0, RowRole).toInt());
    m_comparison->compare(objectOf(conflict.localRecord), objectOf(conflict.serverRecord), m_people);
    QStringList lines{QStringLiteral("<b>%1</b>").arg(item->text(ConflictRecordColumn).toHtmlEscaped())};
    if (conflict.localRecord.isEmpty())
        lines << tr("You removed this record on this desk; the back office changed it.");
    else if (conflict.serverRecord.isEmpty())
        lines << tr("The back office removed this record; you changed it on this desk.");
    else
        lines << tr("Fields that differ: %1.").arg(QLocale().toString(m_comparison->differingCount()));
    if (!conflict.reason.isEmpty())
        lines << conflict.reason.toHtmlEscaped();
    ui->conflictTitle->setText(lines.join(QStringLiteral("<br>")));
}

void ConflictPanel::showRejected()
{
    const QTreeWidgetItem *item = ui->rejectedList->currentItem();
    ui->dismissButton->setEnabled(item != nullptr);
    if (!item) {
        ui->rejectedDetail->setPlainText(m_rejected.isEmpty() ? tr("The back office has refused none of the changes "
                                                                   "made on this desk.")
                                                              : QString());
        return;
    }
    const OutboxEntry &entry = m_rejected.at(item->data(0, RowRole).toInt());
    const CaseText text(m_session.scheme(), m_people);
    QStringList lines{tr("Refused: %1").arg(entry.resultReason.isEmpty() ? tr("No reason was given") : entry.resultReason),
                      QString(), tr("What was sent:")};
    const QJsonObject record = objectOf(entry.payload);
    for (auto field = record.constBegin(); field != record.constEnd(); ++field) {
        if (CaseText::isBookkeeping(field.key()) || field.value().isNull()
            || (field.value().isString() && field.value().toString().isEmpty()))
            continue;
        lines << tr("%1: %2").arg(CaseText::fieldName(field.key()), text.fieldValue(field.key(), field.value()));
    }
    ui->rejectedDetail->setPlainText(lines.join(u'\n'));
}

void ConflictPanel::settle(const std::function<void(SyncReplica &, const SyncConflict &)> &how)
{
    const QTreeWidgetItem *item = ui->conflictList->currentItem();
    if (!item)
        return;
    const int row = item->data(0, RowRole).toInt();
    const SyncConflict conflict = m_conflicts.at(row);
    const QByteArray &json = conflict.localRecord.isEmpty() ? conflict.serverRecord : conflict.localRecord;
    try {
        SyncReplica replica(m_session.workspace());
        how(replica, conflict);
    } catch (const DomainError &error) {
        QMessageBox::warning(this, tr("The conflict was not settled"), error.fullMessage());
        return;
    }
    reload();
    selectConflict(std::min(row, conflictCount() - 1));
    emit settled(caseOf(conflict.entityType, conflict.entityId, json));
}

void ConflictPanel::keepMine()
{
    const QString actor = m_session.user().id;
    settle([&actor](SyncReplica &replica, const SyncConflict &conflict) { replica.keepMine(conflict.operationNumber, actor); });
}

void ConflictPanel::takeTheirs()
{
    settle([](SyncReplica &replica, const SyncConflict &conflict) { replica.takeTheirs(conflict.operationNumber); });
}

void ConflictPanel::dismissRejected()
{
    const QTreeWidgetItem *item = ui->rejectedList->currentItem();
    if (!item)
        return;
    const int row = item->data(0, RowRole).toInt();
    const OutboxEntry entry = m_rejected.at(row);
    try {
        SyncReplica(m_session.workspace()).dismissRejected(entry.operationNumber);
    } catch (const DomainError &error) {
        QMessageBox::warning(this, tr("Conflicts and Rejected Changes"), error.fullMessage());
        return;
    }
    reload();
    selectRejected(std::min(row, rejectedCount() - 1));
    emit settled(caseOf(entry.entityType, entry.entityId, entry.payload));
}

void ConflictPanel::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    m_fitRows->start();
}

void ConflictPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int conflict = ui->conflictList->indexOfTopLevelItem(ui->conflictList->currentItem());
        const int rejection = ui->rejectedList->indexOfTopLevelItem(ui->rejectedList->currentItem());
        ui->retranslateUi(this);
        fillLists();
        selectConflict(conflict);
        selectRejected(rejection);
    }
    QDialog::changeEvent(event);
}

} // namespace vd
