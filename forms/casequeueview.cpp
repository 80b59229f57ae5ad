#include "casequeueview.h"
#include "ui_casequeueview.h"

#include "batchactiondialog.h"
#include "batchsummarydialog.h"
#include "casequeuemodel.h"
#include "desksession.h"
#include "domainerror.h"
#include "holidaycalendar.h"
#include "userrepository.h"
#include "workflow.h"

#include <QCollator>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QShortcut>
#include <QTimer>

#include <algorithm>

namespace vd {

namespace {

// Refills a combo with (text, value) entries, keeping the value chosen before
// (or the first entry when it is gone) without announcing a change.
void refill(QComboBox *combo, const QList<std::pair<QString, QVariant>> &entries)
{
    const QVariant chosen = combo->currentData();
    const QSignalBlocker quiet(combo);
    combo->clear();
    for (const auto &[text, value] : entries)
        combo->addItem(text, value);
    combo->setCurrentIndex(std::max(0, combo->findData(chosen)));
}

// A vocabulary's terms in the current language, alphabetically, after an entry for all of them.
QList<std::pair<QString, QVariant>> vocabularyEntries(const QString &all, const SchemeVocabulary &vocabulary)
{
    const QLocale locale;
    QList<std::pair<QString, QVariant>> terms;
    for (const SchemeTerm &term : vocabulary.terms())
        terms.append({term.name.in(locale), term.id});
    QCollator collator(locale);
    std::sort(terms.begin(), terms.end(), [&](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    terms.prepend({all, QString()});
    return terms;
}

} // namespace

CaseQueueView::CaseQueueView(DeskSession &session, QWidget *parent)
    : QWidget(parent), m_session(session), ui(std::make_unique<Ui::CaseQueueView>())
{
    ui->setupUi(this);
    m_model = new CaseQueueModel(session, this);
    // The indicator before the model, so that setting it does not sort an empty query.
    ui->table->horizontalHeader()->setSortIndicator(CaseQueueModel::Submitted, Qt::AscendingOrder);
    ui->table->setModel(m_model);
    ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    ui->table->horizontalHeader()->setStretchLastSection(false);
    ui->table->horizontalHeader()->setSectionResizeMode(CaseQueueModel::Title, QHeaderView::Stretch);
    ui->table->setColumnWidth(CaseQueueModel::Reference, 130);
    ui->table->setColumnWidth(CaseQueueModel::Enterprise, 220);
    ui->table->setColumnWidth(CaseQueueModel::Status, 150);
    ui->table->setColumnWidth(CaseQueueModel::Officer, 120);
    ui->table->setColumnWidth(CaseQueueModel::Submitted, 100);
    ui->table->setColumnWidth(CaseQueueModel::TotalCost, 130);

    const QDate today = QDate::currentDate();
    ui->fromEdit->setDate(today.addYears(-1));
    ui->toEdit->setDate(today);
    fillFilterCombos();

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &CaseQueueView::requery);
    connect(ui->searchEdit, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(ui->searchEdit, &QLineEdit::returnPressed, this, &CaseQueueView::requery);
    // Many cases announced at once (a batch) refresh the queue once.
    m_refreshDelay = new QTimer(this);
    m_refreshDelay->setSingleShot(true);
    m_refreshDelay->setInterval(0);
    connect(m_refreshDelay, &QTimer::timeout, this, &CaseQueueView::refresh);
    connect(&m_session, &DeskSession::caseChanged, m_refreshDelay, qOverload<>(&QTimer::start));

    // A queue opens on the cases still to be worked on, as case-management tools do.
    ui->statusCombo->setCurrentIndex(ui->statusCombo->findText(tr("Open cases")));
    for (QComboBox *combo : {ui->statusCombo, ui->officerCombo, ui->sectorCombo, ui->categoryCombo})
        connect(combo, &QComboBox::currentIndexChanged, this, &CaseQueueView::requery);
    connect(ui->overdueCheck, &QCheckBox::toggled, this, &CaseQueueView::requery);
    connect(ui->submittedCheck, &QCheckBox::toggled, this, [this](bool on) {
        ui->fromEdit->setEnabled(on);
        ui->toEdit->setEnabled(on);
        requery();
    });
    connect(ui->fromEdit, &QDateEdit::dateChanged, this, [this] { if (ui->submittedCheck->isChecked()) requery(); });
    connect(ui->toEdit, &QDateEdit::dateChanged, this, [this] { if (ui->submittedCheck->isChecked()) requery(); });

    connect(ui->table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit caseRequested(index.data(CaseQueueModel::ApplicationIdRole).toString());
    });
    connect(ui->table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CaseQueueView::updateBatchButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CaseQueueView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CaseQueueView::updateBatchButton);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CaseQueueView::updateCount);
    connect(m_model, &CaseQueueModel::countChanged, this, &CaseQueueView::updateCount);
    connect(ui->batchButton, &QPushButton::clicked, this, &CaseQueueView::applyActionToSelection);

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        ui->searchEdit->setFocus(Qt::ShortcutFocusReason);
        ui->searchEdit->selectAll();
    });

    requery();
}

CaseQueueView::~CaseQueueView() = default;

void CaseQueueView::fillFilterCombos()
{
    const Scheme &scheme = m_session.scheme();
    const QLocale locale;
    QList<std::pair<QString, QVariant>> statuses{{tr("All statuses"), QStringList()}};
    QStringList open;
    for (const QString &status : Workflow::technologyVoucher().statuses()) {
        // A draft is still the applicant's own, not yet a case to work on.
        if (!Workflow::technologyVoucher().isTerminal(status) && status != QLatin1String("draft"))
            open << status;
    }
    statuses.append({tr("Open cases"), open});
    for (const SchemeTerm &term : scheme.statuses().terms())
        statuses.append({term.name.in(locale), QStringList{term.id}});
    refill(ui->statusCombo, statuses);

    QList<std::pair<QString, QVariant>> officers;
    for (const User &user : UserRepository(m_session.workspace()).withRole(QStringLiteral("secretariat"))) {
        const QString name = user.displayName.in(locale);
        officers.append({name.isEmpty() ? user.username : name, user.id});
    }
    QCollator collator(locale);
    std::sort(officers.begin(), officers.end(),
              [&](const auto &a, const auto &b) { return collator.compare(a.first, b.first) < 0; });
    officers.prepend({tr("Any officer"), QString()});
    refill(ui->officerCombo, officers);

    refill(ui->sectorCombo, vocabularyEntries(tr("All sectors"), scheme.sectors()));
    refill(ui->categoryCombo, vocabularyEntries(tr("All solutions"), scheme.solutionCategories()));

    const QString dateFormat = locale.dateFormat(QLocale::ShortFormat);
    for (QDateEdit *edit : {ui->fromEdit, ui->toEdit}) {
        edit->setLocale(locale);
        edit->setDisplayFormat(dateFormat);
    }
}

CaseQueueQuery CaseQueueView::currentQuery() const
{
    CaseQueueQuery query = m_model->query();
    query.filter = {};
    query.filter.statuses = ui->statusCombo->currentData().toStringList();
    query.filter.caseOfficerId = ui->officerCombo->currentData().toString();
    query.filter.sector = ui->sectorCombo->currentData().toString();
    query.filter.solutionCategory = ui->categoryCombo->currentData().toString();
    if (ui->submittedCheck->isChecked()) {
        query.filter.submittedFrom = ui->fromEdit->date();
        query.filter.submittedTo = ui->toEdit->date();
    }
    query.overdueOnly = ui->overdueCheck->isChecked();
    query.searchText = ui->searchEdit->text();
    query.asOf = m_today.isValid() ? m_today : HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc());
    query.chineseNames = isChinese(QLocale());
    return query;
}

void CaseQueueView::setToday(QDate day)
{
    m_today = day;
    requery();
}

void CaseQueueView::requery()
{
    m_searchDelay->stop();
    m_model->setQuery(currentQuery());
}

void CaseQueueView::refresh()
{
    m_model->refresh();
    updateCount();
}

void CaseQueueView::updateCount()
{
    // The cases are shown before they are counted: the count follows.
    if (m_model->isCounting()) {
        ui->countLabel->setText(tr("Counting cases…"));
        return;
    }
    if (!m_model->totalIsExact()) {
        ui->countLabel->setText(tr("More than %1 cases").arg(QLocale().toString(m_model->countLimit())));
        return;
    }
    const qint64 total = m_model->totalCount();
    ui->countLabel->setText(tr("%1 case(s)", nullptr, int(std::min<qint64>(total, std::numeric_limits<int>::max())))
                                .arg(QLocale().toString(total)));
}

bool CaseQueueView::roleHasActions() const
{
    const QString &role = m_session.user().role;
    const QList<WorkflowAction> &actions = Workflow::technologyVoucher().actions();
    return std::any_of(actions.begin(), actions.end(), [&](const WorkflowAction &a) { return a.roles.contains(role); });
}

void CaseQueueView::updateBatchButton()
{
    ui->batchButton->setEnabled(roleHasActions() && ui->table->selectionModel()->hasSelection());
}

QStringList CaseQueueView::selectedApplicationIds() const
{
    QModelIndexList rows = ui->table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids << row.data(CaseQueueModel::ApplicationIdRole).toString();
    return ids;
}

TransitionBatch CaseQueueView::applyAction(const BatchActionChoice &choice, const QStringList &applicationIds)
{
    CaseTransitions transitions(m_session.workspace());
    const TransitionBatch batch =
        transitions.applyToEach(applicationIds, choice.action, m_session.user().username, choice.reason, QLocale());
    for (const TransitionResult &result : batch.results) {
        if (result.applied)
            m_session.announceCaseChanged(result.applicationId);
    }
    m_refreshDelay->stop();
    refresh();
    return batch;
}

void CaseQueueView::applyActionToSelection()
{
    const QStringList ids = selectedApplicationIds();
    if (ids.isEmpty())
        return;
    BatchActionDialog dialog(m_session, int(ids.size()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    TransitionBatch batch;
    try {
        batch = applyAction(dialog.choice(), ids);
    } catch (const DomainError &error) {
        QMessageBox::warning(this, tr("Cases not changed"), error.message());
        return;
    }
    BatchSummaryDialog summary(batch, this);
    summary.exec();
}

void CaseQueueView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        fillFilterCombos();
        m_model->retranslate();
        updateCount();
    }
    QWidget::changeEvent(event);
}

} // namespace vd
