#include "caseview.h"
#include "ui_caseview.h"

#include "casesignatures.h"
#include "casetext.h"
#include "certificate.h"
#include "signingkey.h"
#include "casetimelinemodel.h"
#include "casetransitions.h"
#include "clarificationmodel.h"
#include "clarifications.h"
#include "correspondencemodel.h"
#include "desksession.h"
#include "domainerror.h"
#include "eligibilitychecklist.h"
#include "holidaycalendar.h"
#include "workflow.h"

#include <QAction>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QVBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTreeWidget>

namespace vd {

namespace {

const char *const kItemProperty = "vdItem";

QDate todayInHongKong()
{
    return HolidayCalendar::hongKong().localDate(QDateTime::currentDateTimeUtc());
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

void stretchLast(QTableView *table)
{
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->verticalHeader()->hide();
}

} // namespace

CaseView::CaseView(DeskSession &session, const QString &applicationId, QWidget *parent)
    : QWidget(parent), m_session(session), m_applicationId(applicationId), ui(std::make_unique<Ui::CaseView>()),
      m_timeline(new CaseTimelineModel(session.scheme(), this)),
      m_clarifications(new ClarificationModel(session.scheme(), this)),
      m_correspondence(new CorrespondenceModel(session.scheme(), this)), m_signaturesTab(new QWidget(this)),
      m_signatures(new QTreeWidget(m_signaturesTab)), m_signButton(new QPushButton(m_signaturesTab)),
      m_signMenu(new QMenu(this)), m_actionsMenu(new QMenu(this))
{
    ui->setupUi(this);
    m_signaturesTab->setObjectName(QStringLiteral("signaturesTab"));
    m_signatures->setObjectName(QStringLiteral("signaturesTree"));
    m_signButton->setObjectName(QStringLiteral("signButton"));
    m_signButton->setMenu(m_signMenu);
    auto *signaturesLayout = new QVBoxLayout(m_signaturesTab);
    auto *signRow = new QHBoxLayout;
    signRow->addStretch();
    signRow->addWidget(m_signButton);
    signaturesLayout->addLayout(signRow);
    signaturesLayout->addWidget(m_signatures);
    m_signatures->setRootIsDecorated(false);
    m_signatures->setColumnCount(5);
    for (int column = 0; column < 4; ++column)
        m_signatures->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_signatures->header()->setStretchLastSection(true);
    ui->tabs->addTab(m_signaturesTab, QString());
    ui->historyTable->setModel(m_timeline);
    ui->clarificationTable->setModel(m_clarifications);
    ui->correspondenceTable->setModel(m_correspondence);
    for (QTableView *table : {ui->historyTable, ui->clarificationTable, ui->correspondenceTable})
        stretchLast(table);
    ui->messageLabel->hide();
    m_actionsMenu->setToolTipsVisible(true);
    ui->allActionsButton->setMenu(m_actionsMenu);
    ui->checklistTree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    ui->checklistTree->header()->setStretchLastSection(false);
    ui->findingsTree->header()->setStretchLastSection(true);
    ui->checklistTree->setMinimumHeight(fontMetrics().height() * 9);

    for (const WorkflowAction &action : Workflow::technologyVoucher().actions()) {
        auto *entry = m_actionsMenu->addAction(QString());
        entry->setObjectName(QStringLiteral("action_") + action.id);
        entry->setData(action.id);
        connect(entry, &QAction::triggered, this, [this, id = action.id] { askForAction(id); });
        m_actions.append(entry);
    }

    // Ctrl+PgUp / Ctrl+PgDn go through the tabs from anywhere in the view.
    auto *previous = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp), this, this, [this] { switchTab(-1); },
                                   Qt::WidgetWithChildrenShortcut);
    auto *next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown), this, this, [this] { switchTab(1); },
                               Qt::WidgetWithChildrenShortcut);
    Q_UNUSED(previous)
    Q_UNUSED(next)

    connect(ui->sendButton, &QPushButton::clicked, this, &CaseView::sendClarification);
    connect(ui->answerButton, &QPushButton::clicked, this, &CaseView::sendAnswer);
    connect(ui->clarificationTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CaseView::showSelectedClarification);
    connect(ui->correspondenceTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CaseView::showSelectedLetter);
    connect(ui->checklistTree, &QTreeWidget::itemChanged, this, &CaseView::recordCheck);
    connect(&m_session, &DeskSession::caseChanged, this, [this](const QString &id) {
        if (id == m_applicationId)
            reload();
    });
    reload();
}

CaseView::~CaseView() = default;

QAction *CaseView::workflowAction(const QString &action) const
{
    for (QAction *entry : m_actions) {
        if (entry->data().toString() == action)
            return entry;
    }
    return nullptr;
}

void CaseView::reload()
{
    m_today = todayInHongKong();
    try {
        m_file = CaseFile::load(m_session.workspace(), m_applicationId, m_today);
        m_loaded = true;
    } catch (const DomainError &error) {
        m_loaded = false;
        showMessage(error.message(), true);
    }
    // An applicant sees its own enterprise's cases only.
    if (m_loaded && Clarifications(m_session.workspace()).mayAnswer(m_session.user()) && !ownsCase()) {
        m_loaded = false;
        m_file = CaseFile();
        showMessage(tr("This case is another enterprise's application: you can open only your own enterprise's "
                       "cases."),
                    true);
    }
    ui->allActionsButton->setEnabled(m_loaded);
    ui->tabs->setEnabled(m_loaded);
    ui->headerBox->setEnabled(m_loaded);
    if (m_loaded)
        showCase();
}

void CaseView::showCase()
{
    showHeader();
    showEligibility();
    showClarifications();
    m_correspondence->setEntries(m_file.correspondence, m_file.people);
    if (m_correspondence->rowCount() > 0)
        ui->correspondenceTable->setCurrentIndex(m_correspondence->index(0, 0));
    showSelectedLetter();
    m_timeline->setEntries(m_file.auditEntries, m_file.people);
    showSignatures();
    for (QTableView *table : {ui->historyTable, ui->correspondenceTable, ui->clarificationTable}) {
        for (int column = 0; column + 1 < table->model()->columnCount(); ++column)
            table->resizeColumnToContents(column);
    }
    ui->historyTable->setColumnWidth(CaseTimelineModel::Changes, 400);
    buildActions();
}

bool CaseView::ownsCase() const
{
    return !m_session.user().enterpriseId.isEmpty()
        && m_session.user().enterpriseId == m_file.application.enterpriseId;
}

void CaseView::showHeader()
{
    const QLocale locale;
    const Application &application = m_file.application;
    const Assessment &assessment = m_file.assessment;
    const CaseText text(m_session.scheme(), m_file.people);
    const QString reference = application.reference.isEmpty() ? tr("none yet (a draft)") : application.reference;
    setWindowTitle(tr("Case %1").arg(reference));
    ui->referenceValue->setText(reference);
    ui->statusValue->setText(text.status(application.status));
    QStringList titles;
    for (const QString &title : {application.title.en, application.title.zh}) {
        if (!title.isEmpty())
            titles << title;
    }
    ui->titleValue->setText(titles.join(u'\n'));
    const QString brNumber = m_file.applicant.brNumber.value_or(QString());
    ui->enterpriseValue->setText(brNumber.isEmpty() ? m_file.applicant.name.in(locale)
                                                    : tr("%1 (BR %2)").arg(m_file.applicant.name.in(locale), brNumber));
    ui->officerValue->setText(application.caseOfficerId.isEmpty() ? tr("not assigned yet")
                                                                  : text.person(application.caseOfficerId));
    ui->submittedValue->setText(application.submitted ? CaseText::date(*application.submitted) : tr("not submitted yet"));
    ui->periodValue->setText(tr("%1 to %2").arg(CaseText::date(application.start), CaseText::date(application.end)));
    ui->totalCostValue->setText(assessment.totalCost.toDisplayString(locale));
    ui->eligibleCostValue->setText(assessment.eligibleCost.toDisplayString(locale));
    ui->grantValue->setText(assessment.grant.toDisplayString(locale));
    ui->approvedGrantValue->setText(application.approvedGrant ? application.approvedGrant->toDisplayString(locale)
                                                              : tr("not approved"));
    ui->contributionValue->setText(assessment.applicantContribution.toDisplayString(locale));
    ui->capValue->setText(assessment.capRemainingBefore.toDisplayString(locale));

    QStringList deadlines;
    for (const CaseDeadline &deadline : std::as_const(m_file.deadlines)) {
        if (deadline.state == QLatin1String("overdue"))
            deadlines << tr("%1 — overdue").arg(deadline.label(locale));
        else if (deadline.state == QLatin1String("due_soon"))
            deadlines << tr("%1 — due soon").arg(deadline.label(locale));
        else if (deadline.state == QLatin1String("met"))
            deadlines << tr("%1 — met on %2").arg(deadline.label(locale), CaseText::date(deadline.metOn.value_or(QDate())));
        else
            deadlines << deadline.label(locale);
    }
    if (!m_file.deadlinesUnavailable.isEmpty())
        deadlines << m_file.deadlinesUnavailable;
    ui->deadlinesValue->setText(deadlines.isEmpty() ? tr("none running") : deadlines.join(u'\n'));
}

void CaseView::showSignatures()
{
    ui->tabs->setTabText(ui->tabs->indexOf(m_signaturesTab), tr("Signatures (%1)").arg(m_file.signatures.size()));
    buildSigningMenu();
    m_signatures->setHeaderLabels({tr("Signed"), tr("By"), tr("When"), tr("Certificate"), tr("Check")});
    m_signatures->clear();
    const CaseText text(m_session.scheme(), m_file.people);
    for (const CheckedSignature &checked : std::as_const(m_file.signatures)) {
        QString check = checked.verifies ? tr("Verifies") : checked.reason;
        if (checked.recordChanged)
            check += u' ' + tr("The record has changed since it was signed.");
        auto *item = new QTreeWidgetItem(m_signatures, {CaseSignatures::purposeName(checked.signature.purpose),
                                                        text.person(checked.signature.signerId),
                                                        CaseText::dateTime(checked.signature.signedAt),
                                                        checked.signature.certificateSerial, check});
        const bool unchecked = checked.code == QLatin1String("NO_CA_CERTIFICATE");
        item->setIcon(4, style()->standardIcon(checked.verifies ? QStyle::SP_DialogApplyButton
                                               : unchecked      ? QStyle::SP_MessageBoxWarning
                                                                : QStyle::SP_MessageBoxCritical));
        item->setToolTip(4, check);
    }
}

// What the signed-in person may sign on this case, each purpose with the
// record it would sign; with the key and certificate chosen before, or chosen now.
void CaseView::buildSigningMenu()
{
    m_signMenu->clear();
    m_signButton->setText(tr("Sign…"));
    for (const QString &purpose : CaseSignatures::purposesOf(m_session.user().role)) {
        QAction *entry = m_signMenu->addAction(CaseSignatures::purposeName(purpose));
        entry->setObjectName(QStringLiteral("sign_") + purpose);
        connect(entry, &QAction::triggered, this, [this, purpose] { signAs(purpose, false); });
    }
    if (!m_signMenu->isEmpty()) {
        m_signMenu->addSeparator();
        QAction *choose = m_signMenu->addAction(tr("Sign with another key and certificate…"));
        const QString first = CaseSignatures::purposesOf(m_session.user().role).first();
        connect(choose, &QAction::triggered, this, [this, first] { signAs(first, true); });
    }
    m_signButton->setVisible(!m_signMenu->isEmpty());
}

void CaseView::signAs(const QString &purpose, bool chooseFiles)
{
    QSettings settings;
    QString keyFile = settings.value(QStringLiteral("signing/key")).toString();
    QString certificateFile = settings.value(QStringLiteral("signing/certificate")).toString();
    if (chooseFiles || !QFileInfo::exists(keyFile) || !QFileInfo::exists(certificateFile)) {
        keyFile = QFileDialog::getOpenFileName(this, tr("Your signing key"), keyFile,
                                               tr("Encrypted signing key (*.key *.pem);;All files (*)"));
        if (keyFile.isEmpty())
            return;
        certificateFile = QFileDialog::getOpenFileName(this, tr("Your signing certificate"), certificateFile,
                                                       tr("Certificate (*.crt *.pem);;All files (*)"));
        if (certificateFile.isEmpty())
            return;
    }
    bool given = false;
    const QString passphrase = QInputDialog::getText(this, tr("Sign the %1").arg(CaseSignatures::purposeName(purpose)),
                                                     tr("Passphrase of your signing key:"), QLineEdit::Password,
                                                     QString(), &given);
    if (!given)
        return;
    try {
        QFile pem(certificateFile);
        if (!pem.open(QIODevice::ReadOnly))
            throw DomainError(QStringLiteral("INPUT_ERROR"), certificateFile, pem.errorString());
        const Certificate certificate = Certificate::fromPem(pem.readAll());
        if (certificate.subject().userId != m_session.user().id)
            throw DomainError(QStringLiteral("INPUT_ERROR"), certificateFile,
                              tr("This certificate is %1's, not yours.").arg(certificate.subject().displayName));
        const SigningKey key = SigningKey::readFile(keyFile, passphrase.toUtf8());
        const QString record = CaseSignatures::recordToSign(m_session.workspace(), purpose, m_applicationId,
                                                            m_session.user().id);
        CaseSignatures::sign(m_session.workspace(), purpose, m_applicationId, record, key, certificate);
        settings.setValue(QStringLiteral("signing/key"), keyFile);
        settings.setValue(QStringLiteral("signing/certificate"), certificateFile);
        m_session.announceCaseChanged(m_applicationId);
        showMessage(tr("Signed: the %1. It goes to the back office with the next sync, which checks it.")
                        .arg(CaseSignatures::purposeName(purpose)),
                    false);
    } catch (const DomainError &error) {
        showMessage(error.message(), true);
    }
}

void CaseView::showEligibility()
{
    // The rules engine's findings, the checklist and the audit trail are the
    // secretariat's file, not shown to the enterprise itself.
    ui->tabs->setTabVisible(ui->tabs->indexOf(ui->eligibilityTab), !ownsCase());
    ui->tabs->setTabVisible(ui->tabs->indexOf(ui->historyTab), !ownsCase());

    ui->findingsTree->clear();
    const auto addFinding = [this](const QString &result, QStyle::StandardPixmap icon, const QString &message) {
        auto *item = new QTreeWidgetItem(ui->findingsTree, {result, message});
        item->setIcon(0, style()->standardIcon(icon));
        item->setToolTip(1, message);
    };
    for (const Finding &finding : std::as_const(m_file.assessment.errors))
        addFinding(tr("Fail"), QStyle::SP_MessageBoxCritical, finding.message());
    for (const Finding &finding : std::as_const(m_file.assessment.warnings))
        addFinding(tr("Warning"), QStyle::SP_MessageBoxWarning, finding.message());
    if (m_file.assessment.errors.isEmpty())
        addFinding(tr("Pass"), QStyle::SP_DialogApplyButton,
                   tr("The application meets every rule of the scheme checked by the rules engine."));
    ui->findingsTree->resizeColumnToContents(0);

    const QSignalBlocker blocker(ui->checklistTree);
    ui->checklistTree->clear();
    const CaseText text(m_session.scheme(), m_file.people);
    EligibilityChecklist checklist(m_session.workspace(), m_session.scheme());
    for (const EligibilityCheck &check : checklist.forApplication(m_applicationId)) {
        const bool checked = !check.id.isEmpty();
        auto *item = new QTreeWidgetItem(ui->checklistTree,
                                         {m_session.scheme().eligibilityChecks().nameOf(check.item, QLocale()),
                                          checked ? text.person(check.checkedBy) : QString(),
                                          checked ? CaseText::dateTime(check.checkedAt) : QString()});
        item->setData(0, Qt::UserRole, check.item);
        item->setCheckState(0, check.confirmed ? Qt::Checked : Qt::Unchecked);
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
        if (checklist.mayCheck(m_session.user(), check.item))
            flags |= Qt::ItemIsUserCheckable;
        item->setFlags(flags);
        item->setToolTip(0, item->text(0));
    }
    ui->checklistTree->resizeColumnToContents(1);
    ui->checklistTree->resizeColumnToContents(2);
}

void CaseView::showClarifications()
{
    const QString selected = ui->clarificationTable->currentIndex()
                                 .data(ClarificationModel::ClarificationRole)
                                 .value<ClarificationRequest>()
                                 .id;
    m_clarifications->setRequests(m_file.clarifications, m_file.people, m_today);
    const Clarifications clarifications(m_session.workspace());
    const bool open = !Workflow::technologyVoucher().isTerminal(m_file.application.status);
    ui->composeBox->setVisible(clarifications.mayAsk(m_session.user()));
    ui->composeBox->setEnabled(open);
    ui->dueDateEdit->setDate(clarifications.defaultDueDate(m_today));
    ui->dueHint->setText(tr("The scheme allows %n days to answer; a due date on a Sunday or a public holiday "
                            "moves to the next day.",
                            nullptr, DeadlinePolicy::technologyVoucher().clarificationResponseDays()));
    ui->answerBox->setVisible(clarifications.mayAnswer(m_session.user()) && ownsCase());

    // Select the request shown before, or else the first one still open.
    int row = -1;
    for (int i = 0; i < m_file.clarifications.size(); ++i) {
        const ClarificationRequest &request = m_file.clarifications.at(i);
        if (request.id == selected || (row < 0 && !request.answeredAt))
            row = i;
    }
    if (row < 0 && !m_file.clarifications.isEmpty())
        row = int(m_file.clarifications.size()) - 1;
    if (row >= 0)
        ui->clarificationTable->setCurrentIndex(m_clarifications->index(row, 0));
    showSelectedClarification();
}

void CaseView::showSelectedClarification()
{
    const QModelIndex current = ui->clarificationTable->currentIndex();
    if (!current.isValid()) {
        ui->clarificationText->setHtml(tr("<p>No clarification has been asked on this case.</p>"));
        ui->answerBox->setEnabled(false);
        return;
    }
    const auto request = current.data(ClarificationModel::ClarificationRole).value<ClarificationRequest>();
    const CaseText text(m_session.scheme(), m_file.people);
    QString html = tr("<p><b>Question</b> (due %1):<br>%2</p>").arg(CaseText::date(request.dueOn), escaped(request.question));
    if (request.answeredAt)
        html += tr("<p><b>Reply</b> from %1, %2:<br>%3</p>")
                    .arg(text.person(request.answeredBy).toHtmlEscaped(), CaseText::dateTime(*request.answeredAt),
                         escaped(request.answer));
    else
        html += tr("<p><i>Not answered yet.</i></p>");
    ui->clarificationText->setHtml(html);
    ui->answerBox->setEnabled(!request.answeredAt);
    ui->answerMessage->setText(!request.answeredAt && m_clarifications->isOverdue(request)
                                   ? tr("This request was due by %1: an answer can no longer be given here. "
                                        "Please contact your case officer.")
                                         .arg(CaseText::date(request.dueOn))
                                   : QString());
}

void CaseView::showSelectedLetter()
{
    const QModelIndex current = ui->correspondenceTable->currentIndex();
    if (!current.isValid()) {
        ui->letterText->clear();
        return;
    }
    const auto entry = current.data(CorrespondenceModel::EntryRole).value<CorrespondenceEntry>();
    ui->letterText->setHtml(QStringLiteral("<p><b>%1</b></p><p>%2</p>").arg(escaped(entry.subject), escaped(entry.body)));
}

void CaseView::buildActions()
{
    const Workflow &workflow = Workflow::technologyVoucher();
    const QLocale locale;
    const QString &status = m_file.application.status;
    const QString &role = m_session.user().role;
    for (QAction *entry : std::as_const(m_actions)) {
        const QString id = entry->data().toString();
        const WorkflowAction *action = workflow.findAction(id);
        const TransitionDecision decision = workflow.decide(status, id, role);
        const bool allowed = decision.allowed || decision.refusalCode == QLatin1String("REASON_REQUIRED");
        entry->setText(action->name.in(locale));
        entry->setEnabled(m_loaded && allowed);
        QString tip;
        if (allowed) {
            const LocalizedName *target = workflow.statusName(action->to);
            tip = tr("Moves the case to “%1”.").arg(target ? target->in(locale) : action->to);
            if (action->reasonRequired)
                tip += u' ' + tr("You will be asked for the reason.");
        } else {
            tip = decision.reason(locale);
        }
        entry->setToolTip(tip);
        entry->setStatusTip(tip);
    }

    // The button clicked may be the one running this: let it go once it is done.
    for (QPushButton *button : std::as_const(m_actionButtons)) {
        ui->actionButtons->removeWidget(button);
        button->hide();
        button->setObjectName(QString());
        button->deleteLater();
    }
    m_actionButtons.clear();
    for (const QString &id : workflow.actionsFrom(status)) {
        QAction *entry = workflowAction(id);
        auto *button = new QPushButton(entry->text(), this);
        button->setObjectName(QStringLiteral("button_") + id);
        button->setEnabled(entry->isEnabled());
        button->setToolTip(entry->toolTip());
        button->setStatusTip(entry->statusTip());
        button->setAccessibleName(entry->text());
        button->setAccessibleDescription(entry->toolTip());
        connect(button, &QPushButton::clicked, entry, &QAction::trigger);
        ui->actionButtons->addWidget(button);
        m_actionButtons.append(button);
    }
    ui->actionsCaption->setVisible(!m_actionButtons.isEmpty());
    // Keep the tab order: the action buttons, then the menu of all actions, then the tabs.
    QWidget *previous = nullptr;
    for (QPushButton *button : std::as_const(m_actionButtons)) {
        if (previous)
            setTabOrder(previous, button);
        previous = button;
    }
    if (previous)
        setTabOrder(previous, ui->allActionsButton);
}

void CaseView::askForAction(const QString &action)
{
    const WorkflowAction *chosen = Workflow::technologyVoucher().findAction(action);
    if (!chosen)
        return;
    QString reason;
    if (chosen->reasonRequired) {
        bool given = false;
        reason = QInputDialog::getMultiLineText(this, chosen->name.in(QLocale()),
                                                tr("Why? The reason is kept with the case and shown to the applicant."),
                                                QString(), &given);
        if (!given)
            return;
    }
    runAction(action, reason);
}

bool CaseView::runAction(const QString &action, const QString &reason)
{
    TransitionRequest request;
    request.caseKey = m_file.application.reference.isEmpty() ? m_applicationId : m_file.application.reference;
    request.action = action;
    request.username = m_session.user().username;
    request.reason = reason;
    request.revision = m_file.application.revision;
    TransitionResult result;
    try {
        result = CaseTransitions(m_session.workspace()).apply(request);
    } catch (const DomainError &error) {
        showMessage(error.message(), true);
        return false;
    }
    if (!result.applied) {
        QStringList lines{tr("Not done: %1").arg(result.reason)};
        for (const Finding &finding : std::as_const(result.findings))
            lines << QStringLiteral("• ") + finding.message();
        showMessage(lines.join(u'\n'), true);
        return false;
    }
    const CaseText text(m_session.scheme(), m_file.people);
    showMessage(tr("Done: the case is now “%1”.").arg(text.status(result.toStatus)), false);
    changed();
    return true;
}

void CaseView::sendClarification()
{
    try {
        const ClarificationRequest request = Clarifications(m_session.workspace())
                                                 .ask(m_session.user(), m_applicationId,
                                                      ui->questionEdit->toPlainText(), ui->dueDateEdit->date());
        ui->questionEdit->clear();
        ui->composeMessage->setStyleSheet(QString());
        ui->composeMessage->setText(tr("Request sent; the answer is due by %1.").arg(CaseText::date(request.dueOn)));
    } catch (const DomainError &error) {
        ui->composeMessage->setStyleSheet(QStringLiteral("color: #a01010;"));
        ui->composeMessage->setText(error.message());
        return;
    }
    changed();
}

void CaseView::sendAnswer()
{
    const QModelIndex current = ui->clarificationTable->currentIndex();
    if (!current.isValid()) {
        ui->answerMessage->setText(tr("Select the request you are answering."));
        return;
    }
    const auto request = current.data(ClarificationModel::ClarificationRole).value<ClarificationRequest>();
    try {
        Clarifications(m_session.workspace()).answer(m_session.user(), request.id, ui->answerEdit->toPlainText());
        ui->answerEdit->clear();
        ui->answerMessage->setStyleSheet(QString());
        ui->answerMessage->setText(tr("Your answer has been sent to the secretariat."));
    } catch (const DomainError &error) {
        ui->answerMessage->setStyleSheet(QStringLiteral("color: #a01010;"));
        ui->answerMessage->setText(error.message());
        return;
    }
    const QString kept = ui->answerMessage->text();
    changed();
    ui->answerMessage->setText(kept);
}

void CaseView::recordCheck(QTreeWidgetItem *item, int column)
{
    if (column != 0)
        return;
    bool recorded = false;
    try {
        EligibilityChecklist(m_session.workspace(), m_session.scheme())
            .record(m_session.user(), m_applicationId, item->data(0, Qt::UserRole).toString(),
                    item->checkState(0) == Qt::Checked);
        recorded = true;
    } catch (const DomainError &error) {
        showMessage(error.message(), true);
    }
    // The tree is rebuilt on reload: not while it is still telling us about this item.
    QMetaObject::invokeMethod(this, recorded ? &CaseView::changed : &CaseView::reload, Qt::QueuedConnection);
}

void CaseView::changed()
{
    m_session.announceCaseChanged(m_applicationId); // reloads this view too
}

void CaseView::switchTab(int step)
{
    const int count = ui->tabs->count();
    int index = ui->tabs->currentIndex();
    for (int tried = 0; tried < count; ++tried) {
        index = (index + step + count) % count;
        if (ui->tabs->isTabVisible(index)) {
            ui->tabs->setCurrentIndex(index);
            return;
        }
    }
}

void CaseView::showMessage(const QString &text, bool problem)
{
    ui->messageLabel->setText(text);
    ui->messageLabel->setStyleSheet(problem ? QStringLiteral("color: #a01010; font-weight: bold;") : QString());
    ui->messageLabel->setVisible(!text.isEmpty());
}

void CaseView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        ui->retranslateUi(this);
        m_timeline->retranslate();
        m_clarifications->retranslate();
        m_correspondence->retranslate();
        if (m_loaded)
            showCase();
    }
    QWidget::changeEvent(event);
}

} // namespace vd
