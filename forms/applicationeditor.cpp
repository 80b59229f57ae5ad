#include "applicationeditor.h"
#include "ui_applicationeditor.h"

#include "applicationdocument.h"
#include "applicationdraft.h"
#include "applicationrepository.h"
#include "attachmentfolder.h"
#include "budgetmodels.h"
#include "casefile.h"
#include "casetransitions.h"
#include "desksession.h"
#include "domainerror.h"
#include "draftjournal.h"
#include "editordelegates.h"
#include "rulebook.h"
#include "unitofwork.h"
#include "uuid.h"
#include "workflow.h"
#include "workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMimeData>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStyle>
#include <QUrl>

namespace vd {

namespace {

enum Page { ProjectPage, BudgetPage, AttachmentsPage, DeclarationsPage, ReviewPage };
enum AttachmentColumn { FileNameColumn, KindColumn, SizeColumn, AttachmentColumnCount };
enum FindingRole { FieldRole = Qt::UserRole, CodeRole };

const QString kSubmit = QStringLiteral("submit");

QDate firstOfNextMonth(QDate today)
{
    return QDate(today.year(), today.month(), 1).addMonths(1);
}

// The field a finding is about: the rules name an item; the code says which part of it to change.
QString fieldOf(const Finding &finding)
{
    static const QHash<QString, QString> parts{
        {QStringLiteral("QUOTATIONS_INSUFFICIENT"), QStringLiteral("quotations")},
        {QStringLiteral("SELECTED_QUOTATION_INVALID"), QStringLiteral("quotations")},
        {QStringLiteral("ITEM_AMOUNT_MISMATCH"), QStringLiteral("amount")},
        {QStringLiteral("OPEN_TENDER_REQUIRED"), QStringLiteral("amount")},
        {QStringLiteral("AUDIT_FEE_CAPPED"), QStringLiteral("amount")},
        {QStringLiteral("MONTHS_MISSING"), QStringLiteral("months")},
        {QStringLiteral("SUBSCRIPTION_CAPPED"), QStringLiteral("months")},
        {QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED"), QStringLiteral("justification")},
    };
    static const QRegularExpression item(QStringLiteral("^application\\.items\\[\\d+\\]$"));
    const QString part = parts.value(finding.code);
    return item.match(finding.path).hasMatch() && !part.isEmpty() ? finding.path + u'.' + part : finding.path;
}

// What the rules engine reads of each budget item column.
int columnOfPart(const QString &part)
{
    static const QHash<QString, int> columns{
        {QStringLiteral("category"), BudgetItemsModel::Category},
        {QStringLiteral("description"), BudgetItemsModel::DescriptionEn},
        {QStringLiteral("amount"), BudgetItemsModel::Amount},
        {QStringLiteral("months"), BudgetItemsModel::Months},
        {QStringLiteral("justification"), BudgetItemsModel::Justification},
    };
    return columns.value(part, BudgetItemsModel::Amount);
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    }
    return files;
}

} // namespace

ApplicationEditor::ApplicationEditor(DeskSession &session, const QString &applicationId, QWidget *parent)
    : QWidget(parent), m_session(session), ui(std::make_unique<Ui::ApplicationEditor>())
{
    ui->setupUi(this);
    m_draft = std::make_unique<ApplicationDraft>(load(applicationId));
    m_context = caseAssessmentInput(session.workspace(), m_draft->application(), QDate::currentDate());
    setUpPages();
    setUpActions();
    connectProjectFields();
    connectBudget();
    connectAttachments();

    m_autosave.setSingleShot(true);
    m_autosave.setInterval(2000);
    connect(&m_autosave, &QTimer::timeout, this, &ApplicationEditor::keepDraft);
    connect(m_draft.get(), &ApplicationDraft::changed, this, [this] {
        fill();
        reassess();
        if (!m_readOnly)
            m_autosave.start();
    });

    fillChoices();
    fill();
    reassess();
    setReadOnly(m_draft->application().status != Workflow::technologyVoucher().initialStatus());
    showPage(ProjectPage);
}

ApplicationEditor::~ApplicationEditor()
{
    // Closing the app loses nothing: what the store does not have yet is saved now.
    if (hasUnsavedChanges())
        save();
}

Application ApplicationEditor::load(const QString &applicationId)
{
    DraftJournal journal(m_session.workspace());
    if (applicationId.isEmpty()) {
        Application application;
        application.id = newUuid();
        application.enterpriseId = m_session.user().enterpriseId;
        application.status = Workflow::technologyVoucher().initialStatus();
        application.start = firstOfNextMonth(QDate::currentDate());
        application.end = application.start.addMonths(6).addDays(-1);
        return application;
    }
    m_stored = ApplicationRepository(m_session.workspace()).find(applicationId);
    const auto recovered = journal.read(applicationId, RuleBook::technologyVoucher());
    const bool journalFits = recovered && (!m_stored || (recovered->application.revision == m_stored->revision
                                                         && m_stored->status == recovered->application.status));
    if (journalFits) {
        showBanner(tr("Changes you had not saved, kept at %1, have been recovered. They are saved when you close "
                      "the application.")
                       .arg(QLocale().toString(recovered->savedAt.toLocalTime(), QLocale::ShortFormat)),
                   false);
        return recovered->application;
    }
    if (recovered)
        journal.discard(applicationId); // made on a revision the store has moved past
    if (!m_stored)
        throw DomainError(QStringLiteral("NOT_FOUND"), applicationId,
                          tr("There is no application %1 in this workspace.").arg(applicationId));
    return *m_stored;
}

void ApplicationEditor::setUpPages()
{
    const Scheme &scheme = m_session.scheme();
    m_items = new BudgetItemsModel(*m_draft, scheme, this);
    m_quotations = new QuotationsModel(*m_draft, this);
    ui->itemsView->setModel(m_items);
    ui->quotationsView->setModel(m_quotations);
    ui->itemsView->setItemDelegateForColumn(BudgetItemsModel::Category,
                                            new VocabularyDelegate(scheme.budgetCategories(), this));
    auto *money = new MoneyDelegate(this);
    ui->itemsView->setItemDelegateForColumn(BudgetItemsModel::Amount, money);
    ui->quotationsView->setItemDelegateForColumn(QuotationsModel::Amount, money);
    for (QTableView *view : {ui->itemsView, ui->quotationsView}) {
        view->horizontalHeader()->setStretchLastSection(true);
        view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                              | QAbstractItemView::AnyKeyPressed);
    }
    // Short columns fit their contents; the category gets a fixed share so the amount stays in sight.
    QHeaderView *itemColumns = ui->itemsView->horizontalHeader();
    itemColumns->setSectionResizeMode(QHeaderView::ResizeToContents);
    itemColumns->setSectionResizeMode(BudgetItemsModel::Category, QHeaderView::Interactive);
    ui->itemsView->setColumnWidth(BudgetItemsModel::Category, 22 * fontMetrics().averageCharWidth());
    ui->quotationsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    ui->quotationsView->horizontalHeader()->setSectionResizeMode(QuotationsModel::Supplier, QHeaderView::Stretch);
    ui->quotationsView->horizontalHeader()->setStretchLastSection(false);
    ui->attachmentsView->setColumnCount(AttachmentColumnCount);
    ui->attachmentsView->horizontalHeader()->setSectionResizeMode(FileNameColumn, QHeaderView::Stretch);
    ui->attachmentsView->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    ui->attachmentsView->horizontalHeader()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    ui->attachmentsView->verticalHeader()->hide();
    ui->attachmentsView->viewport()->installEventFilter(this);
    ui->attachmentsView->viewport()->setAcceptDrops(true);
    ui->splitter->setStretchFactor(0, 0);
    ui->splitter->setStretchFactor(1, 3);
    ui->splitter->setStretchFactor(2, 2);
    ui->splitter->setSizes({150, 700, 330});
    ui->start->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    ui->end->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));

    connect(ui->steps, &QListWidget::currentRowChanged, this, &ApplicationEditor::showPage);
    connect(ui->back, &QPushButton::clicked, this, [this] { showPage(ui->pages->currentIndex() - 1); });
    connect(ui->next, &QPushButton::clicked, this, [this] { showPage(ui->pages->currentIndex() + 1); });
    connect(ui->findingsView, &QListWidget::itemClicked, this, &ApplicationEditor::onFindingActivated);
    connect(ui->findingsView, &QListWidget::itemActivated, this, &ApplicationEditor::onFindingActivated);
    connect(ui->exportPdf, &QPushButton::clicked, this, &ApplicationEditor::exportPdfAs);
    connect(ui->print, &QPushButton::clicked, this, &ApplicationEditor::print);
    connect(ui->submit, &QPushButton::clicked, this, &ApplicationEditor::submit);
    connect(ui->declarationsView, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (m_filling)
            return;
        const QString kind = item->data(Qt::UserRole).toString();
        const bool accepted = item->checkState() == Qt::Checked;
        m_draft->edit(accepted ? tr("Make declaration") : tr("Withdraw declaration"), QString(),
                      [kind, accepted](Application &application) {
                          auto &declarations = application.declarations;
                          declarations.removeIf([&kind](const ApplicantDeclaration &d) { return d.kind == kind; });
                          if (accepted)
                              declarations.append({kind, true, QDateTime::currentDateTimeUtc()});
                      });
    });
}

void ApplicationEditor::setUpActions()
{
    m_undo = m_draft->undoStack().createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = m_draft->undoStack().createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_save = new QAction(tr("&Save draft"), this);
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QAction::triggered, this, &ApplicationEditor::save);
    for (QAction *action : {m_undo, m_redo, m_save}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    // Text fields have an undo of their own; Ctrl+Z in them must reach the editor's stack instead.
    for (QWidget *field : std::initializer_list<QWidget *>{ui->titleEn, ui->titleZh, ui->descriptionEn, ui->descriptionZh})
        field->installEventFilter(this);
    ui->descriptionEn->setUndoRedoEnabled(false);
    ui->descriptionZh->setUndoRedoEnabled(false);
}

void ApplicationEditor::connectProjectFields()
{
    const auto text = [this](QLineEdit *field, const char *label, const QString &path, QString BilingualText::*part,
                             BilingualText Application::*whole) {
        connect(field, &QLineEdit::textEdited, this, [=, this](const QString &value) {
            m_draft->edit(tr(label), path, [=](Application &a) { (a.*whole).*part = value; });
        });
    };
    text(ui->titleEn, QT_TR_NOOP("Edit English title"), QStringLiteral("application.title.en"), &BilingualText::en,
         &Application::title);
    text(ui->titleZh, QT_TR_NOOP("Edit Chinese title"), QStringLiteral("application.title.zh"), &BilingualText::zh,
         &Application::title);
    const auto description = [this](QPlainTextEdit *field, const char *label, const QString &path,
                                    QString BilingualText::*part) {
        connect(field, &QPlainTextEdit::textChanged, this, [=, this] {
            if (!m_filling)
                m_draft->edit(tr(label), path, [=](Application &a) { a.description.*part = field->toPlainText(); });
        });
    };
    description(ui->descriptionEn, QT_TR_NOOP("Edit English description"), QStringLiteral("application.description.en"),
                &BilingualText::en);
    description(ui->descriptionZh, QT_TR_NOOP("Edit Chinese description"), QStringLiteral("application.description.zh"),
                &BilingualText::zh);
    connect(ui->solutionCategory, &QComboBox::activated, this, [this] {
        m_draft->edit(tr("Choose solution"), QStringLiteral("application.solution_category"),
                      [id = ui->solutionCategory->currentData().toString()](Application &a) { a.solutionCategory = id; });
    });
    const auto period = [this](QDateEdit *field, const char *label, const QString &path, QDate Application::*day) {
        connect(field, &QDateEdit::dateChanged, this, [=, this](QDate value) {
            if (!m_filling)
                m_draft->edit(tr(label), path, [=](Application &a) { a.*day = value; });
        });
    };
    period(ui->start, QT_TR_NOOP("Change start date"), QStringLiteral("application.start"), &Application::start);
    period(ui->end, QT_TR_NOOP("Change end date"), QStringLiteral("application.end"), &Application::end);
}

void ApplicationEditor::connectBudget()
{
    connect(ui->itemsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_quotations->showItem(current.isValid() ? current.row() : -1);
                updateButtons();
            });
    connect(ui->quotationsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApplicationEditor::updateButtons);
    connect(m_quotations, &QAbstractItemModel::modelReset, this, &ApplicationEditor::updateButtons);
    connect(m_items, &QAbstractItemModel::modelReset, this, [this] {
        m_quotations->showItem(std::min(m_quotations->itemRow(), m_items->rowCount() - 1));
        if (m_quotations->itemRow() >= 0)
            ui->itemsView->selectRow(m_quotations->itemRow());
    });
    connect(ui->addItem, &QPushButton::clicked, this, [this] {
        m_items->addItem();
        const int row = m_items->rowCount() - 1;
        ui->itemsView->setCurrentIndex(m_items->index(row, BudgetItemsModel::DescriptionEn));
        ui->itemsView->setFocus();
    });
    connect(ui->removeItem, &QPushButton::clicked, this,
            [this] { m_items->removeItem(ui->itemsView->currentIndex().row()); });
    connect(ui->addQuotation, &QPushButton::clicked, this, [this] {
        m_quotations->addQuotation();
        ui->quotationsView->setCurrentIndex(m_quotations->index(m_quotations->rowCount() - 1, QuotationsModel::Supplier));
        ui->quotationsView->setFocus();
    });
    connect(ui->removeQuotation, &QPushButton::clicked, this,
            [this] { m_quotations->removeQuotation(ui->quotationsView->currentIndex().row()); });
}

void ApplicationEditor::connectAttachments()
{
    connect(ui->addAttachment, &QPushButton::clicked, this, [this] {
        attach(QFileDialog::getOpenFileNames(this, tr("Attach files")));
    });
    connect(ui->openAttachment, &QPushButton::clicked, this, &ApplicationEditor::openAttachment);
    connect(ui->attachmentsView, &QTableWidget::cellDoubleClicked, this, &ApplicationEditor::openAttachment);
    connect(ui->removeAttachment, &QPushButton::clicked, this, &ApplicationEditor::removeAttachment);
    connect(ui->attachmentsView, &QTableWidget::currentCellChanged, this, &ApplicationEditor::updateButtons);
}

// The lists whose entries come from the scheme, in the current language.
void ApplicationEditor::fillChoices()
{
    const QSignalBlocker blockSolution(ui->solutionCategory);
    const QSignalBlocker blockKind(ui->attachmentKind);
    const QString kind = ui->attachmentKind->currentData().toString();
    ui->solutionCategory->clear();
    ui->solutionCategory->setPlaceholderText(tr("Choose the kind of solution"));
    ui->attachmentKind->clear();
    for (const SchemeTerm &term : m_session.scheme().solutionCategories().terms())
        ui->solutionCategory->addItem(term.name.in(QLocale()), term.id);
    for (const SchemeTerm &term : m_session.scheme().attachmentKinds().terms())
        ui->attachmentKind->addItem(term.name.in(QLocale()), term.id);
    ui->attachmentKind->setCurrentIndex(std::max(0, ui->attachmentKind->findData(kind)));
    m_filling = true;
    ui->declarationsView->clear();
    for (const SchemeTerm &term : m_session.scheme().applicantDeclarations().terms()) {
        auto *item = new QListWidgetItem(term.name.in(QLocale()), ui->declarationsView);
        item->setData(Qt::UserRole, term.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_filling = false;
}

// Puts the draft into the fields, touching only those that differ so the cursor stays where it is.
void ApplicationEditor::fill()
{
    const Application &a = m_draft->application();
    m_filling = true;
    const auto setText = [](QLineEdit *field, const QString &text) {
        if (field->text() != text)
            field->setText(text);
    };
    setText(ui->titleEn, a.title.en);
    setText(ui->titleZh, a.title.zh);
    if (ui->descriptionEn->toPlainText() != a.description.en)
        ui->descriptionEn->setPlainText(a.description.en);
    if (ui->descriptionZh->toPlainText() != a.description.zh)
        ui->descriptionZh->setPlainText(a.description.zh);
    ui->solutionCategory->setCurrentIndex(ui->solutionCategory->findData(a.solutionCategory));
    if (a.start.isValid())
        ui->start->setDate(a.start);
    if (a.end.isValid())
        ui->end->setDate(a.end);
    m_filling = false;
    fillAttachments();
    fillDeclarations();
    updateButtons();
    if (ui->pages->currentIndex() == ReviewPage)
        ui->preview->setHtml(ApplicationDocument(a, m_context.applicant, m_session.scheme()).html());
    updateTitle();
}

void ApplicationEditor::fillAttachments()
{
    const QList<AttachmentReference> &attachments = m_draft->application().attachments;
    const int current = ui->attachmentsView->currentRow();
    ui->attachmentsView->setHorizontalHeaderLabels({tr("File"), tr("Kind"), tr("Size")});
    ui->attachmentsView->setRowCount(int(attachments.size()));
    for (int row = 0; row < attachments.size(); ++row) {
        const AttachmentReference &attachment = attachments.at(row);
        auto *name = new QTableWidgetItem(attachment.fileName);
        name->setToolTip(tr("SHA-256: %1").arg(attachment.sha256));
        ui->attachmentsView->setItem(row, FileNameColumn, name);
        ui->attachmentsView->setItem(row, KindColumn, new QTableWidgetItem(
            m_session.scheme().attachmentKinds().nameOf(attachment.kind, QLocale())));
        auto *size = new QTableWidgetItem(QLocale().formattedDataSize(attachment.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        ui->attachmentsView->setItem(row, SizeColumn, size);
    }
    ui->attachmentsView->setCurrentCell(std::min(current, int(attachments.size()) - 1), FileNameColumn);
}

void ApplicationEditor::fillDeclarations()
{
    const QList<ApplicantDeclaration> &declarations = m_draft->application().declarations;
    m_filling = true;
    for (int row = 0; row < ui->declarationsView->count(); ++row) {
        QListWidgetItem *item = ui->declarationsView->item(row);
        const QString kind = item->data(Qt::UserRole).toString();
        const bool accepted = std::any_of(declarations.begin(), declarations.end(), [&kind](const ApplicantDeclaration &d) {
            return d.kind == kind && d.accepted;
        });
        item->setCheckState(accepted ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
}

// Buttons that act on a selected row are enabled only when there is one.
void ApplicationEditor::updateButtons()
{
    const bool editable = !m_readOnly;
    ui->removeItem->setEnabled(editable && ui->itemsView->currentIndex().isValid());
    ui->addQuotation->setEnabled(editable && m_quotations->itemRow() >= 0);
    ui->removeQuotation->setEnabled(editable && ui->quotationsView->currentIndex().isValid());
    ui->openAttachment->setEnabled(ui->attachmentsView->currentRow() >= 0);
    ui->removeAttachment->setEnabled(editable && ui->attachmentsView->currentRow() >= 0);
}

bool ApplicationEditor::declarationsComplete() const
{
    for (int row = 0; row < ui->declarationsView->count(); ++row) {
        if (ui->declarationsView->item(row)->checkState() != Qt::Checked)
            return false;
    }
    return true;
}

void ApplicationEditor::reassess()
{
    m_context.application = m_draft->application();
    m_assessment = assess(m_context, RuleBook::technologyVoucher());
    showAssessment();
}

void ApplicationEditor::showAssessment()
{
    const QLocale locale;
    const Assessment &a = m_assessment;
    ui->totalCost->setText(a.totalCost.toDisplayString(locale));
    ui->eligibleCost->setText(a.eligibleCost.toDisplayString(locale));
    ui->grant->setText(a.grant.toDisplayString(locale));
    ui->contribution->setText(a.applicantContribution.toDisplayString(locale));
    ui->capLeft->setText(a.capRemainingBefore.toDisplayString(locale));
    int needed = 0;
    for (const Finding &finding : a.errors) {
        if (finding.code == QLatin1String("QUOTATIONS_INSUFFICIENT"))
            needed += std::max(0, finding.arguments.value(1).toInt() - finding.arguments.value(2).toInt());
    }
    ui->quotationsNeeded->setText(locale.toString(needed));

    ui->findingsView->clear();
    const auto add = [this](const Finding &finding, QStyle::StandardPixmap icon) {
        auto *item = new QListWidgetItem(style()->standardIcon(icon), finding.message(), ui->findingsView);
        item->setData(FieldRole, fieldOf(finding));
        item->setData(CodeRole, finding.code);
    };
    for (const Finding &finding : a.errors)
        add(finding, QStyle::SP_MessageBoxCritical);
    for (const Finding &finding : a.warnings)
        add(finding, QStyle::SP_MessageBoxWarning);
    if (a.errors.isEmpty() && a.warnings.isEmpty())
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton),
                            tr("The rules find nothing wrong with this application."), ui->findingsView);
}

void ApplicationEditor::onFindingActivated(QListWidgetItem *item)
{
    const QString path = item->data(FieldRole).toString();
    if (!path.isEmpty())
        goToField(path);
}

void ApplicationEditor::goToField(const QString &path)
{
    static const QRegularExpression itemPath(
        QStringLiteral("^application\\.items\\[(\\d+)\\](?:\\.(\\w+))?(?:\\[(\\d+)\\])?"));
    if (path.startsWith(QLatin1String("applicant"))) {
        emit enterpriseProfileRequested();
        return;
    }
    const QRegularExpressionMatch item = itemPath.match(path);
    if (item.hasMatch()) {
        showPage(BudgetPage);
        const int row = item.captured(1).toInt();
        const QString part = item.captured(2);
        if (part == QLatin1String("quotations")) {
            ui->itemsView->setCurrentIndex(m_items->index(row, BudgetItemsModel::Quotations));
            const int quotation = item.captured(3).isEmpty() ? 0 : item.captured(3).toInt();
            ui->quotationsView->setCurrentIndex(m_quotations->index(quotation, QuotationsModel::Supplier));
            ui->quotationsView->setFocus(Qt::OtherFocusReason);
        } else {
            ui->itemsView->setCurrentIndex(m_items->index(row, columnOfPart(part)));
            ui->itemsView->setFocus(Qt::OtherFocusReason);
        }
        return;
    }
    // Each path the rules name, with the page and the field (by object name in the .ui) that holds it.
    static const QHash<QString, QPair<int, QString>> fields{
        {QStringLiteral("application.title"), {ProjectPage, QStringLiteral("titleEn")}},
        {QStringLiteral("application.title.en"), {ProjectPage, QStringLiteral("titleEn")}},
        {QStringLiteral("application.title.zh"), {ProjectPage, QStringLiteral("titleZh")}},
        {QStringLiteral("application.description"), {ProjectPage, QStringLiteral("descriptionEn")}},
        {QStringLiteral("application.description.en"), {ProjectPage, QStringLiteral("descriptionEn")}},
        {QStringLiteral("application.description.zh"), {ProjectPage, QStringLiteral("descriptionZh")}},
        {QStringLiteral("application.solution_category"), {ProjectPage, QStringLiteral("solutionCategory")}},
        {QStringLiteral("application.start"), {ProjectPage, QStringLiteral("start")}},
        {QStringLiteral("application.end"), {ProjectPage, QStringLiteral("end")}},
        {QStringLiteral("application.submitted"), {ProjectPage, QStringLiteral("start")}},
        {QStringLiteral("application.attachments"), {AttachmentsPage, QStringLiteral("attachmentsView")}},
        {QStringLiteral("application.declarations"), {DeclarationsPage, QStringLiteral("declarationsView")}},
    };
    // Anything else (the items as a whole, the cap) is about the budget.
    const auto target = fields.value(path, {BudgetPage, QStringLiteral("itemsView")});
    showPage(target.first);
    if (QWidget *field = findChild<QWidget *>(target.second))
        field->setFocus(Qt::OtherFocusReason);
}

void ApplicationEditor::showPage(int page)
{
    page = std::clamp(page, 0, ui->pages->count() - 1);
    ui->pages->setCurrentIndex(page);
    {
        const QSignalBlocker block(ui->steps);
        ui->steps->setCurrentRow(page);
    }
    ui->back->setEnabled(page > 0);
    ui->next->setEnabled(page < ui->pages->count() - 1);
    if (page == ReviewPage)
        ui->preview->setHtml(ApplicationDocument(m_draft->application(), m_context.applicant, m_session.scheme()).html());
}

void ApplicationEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (QWidget *field : std::initializer_list<QWidget *>{
             ui->titleEn, ui->titleZh, ui->descriptionEn, ui->descriptionZh, ui->solutionCategory, ui->start, ui->end,
             ui->addItem, ui->attachmentKind, ui->addAttachment, ui->declarationsView, ui->submit})
        field->setEnabled(!readOnly);
    const auto triggers = readOnly ? QAbstractItemView::NoEditTriggers
                                   : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                         | QAbstractItemView::AnyKeyPressed;
    ui->itemsView->setEditTriggers(triggers);
    ui->quotationsView->setEditTriggers(triggers);
    ui->quotationsView->setEnabled(true); // still browsable
    ui->attachmentsView->viewport()->setAcceptDrops(!readOnly);
    m_undo->setVisible(!readOnly);
    m_redo->setVisible(!readOnly);
    m_save->setEnabled(!readOnly);
    updateButtons();
    if (readOnly) {
        m_autosave.stop();
        const Application &a = m_draft->application();
        showBanner(tr("Application %1 is %2 and can no longer be changed here. You can still export and print it.")
                       .arg(a.reference.isEmpty() ? a.title.in(QLocale()) : a.reference,
                            m_session.scheme().statuses().nameOf(a.status, QLocale())),
                   false);
    }
}

bool ApplicationEditor::hasUnsavedChanges() const
{
    return !m_readOnly && (!m_stored || *m_stored != m_draft->application());
}

QString ApplicationEditor::applicationId() const
{
    return m_draft->application().id;
}

const Application &ApplicationEditor::application() const
{
    return m_draft->application();
}

QUndoStack &ApplicationEditor::undoStack()
{
    return m_draft->undoStack();
}

QList<QAction *> ApplicationEditor::editActions() const
{
    return {m_undo, m_redo, m_save};
}

// The idle step of autosave: a new application is stored once, so it is
// listed at once; after that the journal keeps the edits until the store save.
void ApplicationEditor::keepDraft()
{
    if (!hasUnsavedChanges()) {
        // Edits undone back to what the store has: a journal of them would bring them back.
        DraftJournal(m_session.workspace()).discard(applicationId());
        return;
    }
    if (!m_stored) {
        save();
        return;
    }
    keepInJournal();
}

void ApplicationEditor::keepInJournal()
{
    try {
        DraftJournal(m_session.workspace()).write(m_draft->application());
    } catch (const DomainError &error) {
        showBanner(error.message(), true);
    }
}

bool ApplicationEditor::save()
{
    if (!hasUnsavedChanges())
        return true;
    m_autosave.stop();
    try {
        Application application = m_draft->application();
        UnitOfWork work(m_session.workspace(), m_session.user().id);
        ApplicationRepository(m_session.workspace()).save(work, application);
        work.commit();
        m_stored = application;
        m_draft->adoptRecord(application);
        DraftJournal(m_session.workspace()).discard(application.id);
    } catch (const DomainError &error) {
        // Nothing is lost: the journal keeps the edits until the store takes them.
        keepInJournal();
        showBanner(tr("The draft could not be saved: %1 Your changes are kept and saved once this is corrected.")
                       .arg(error.message()),
                   true);
        return false;
    }
    m_session.announceCaseChanged(applicationId());
    emit saved(applicationId());
    return true;
}

bool ApplicationEditor::submit()
{
    if (m_readOnly)
        return false;
    if (!declarationsComplete()) {
        ui->submitStatus->setText(tr("Make every declaration before you submit: tick each one on the Declarations page."));
        showPage(DeclarationsPage);
        ui->declarationsView->setFocus(Qt::OtherFocusReason);
        return false;
    }
    // The rules' own refusal, without a round through the store; the workflow checks again on submitting.
    if (!m_assessment.errors.isEmpty()) {
        showRefusal(tr("The application cannot be submitted yet: the rules find %n problem(s) in it. Correct them "
                       "and submit again.", nullptr, int(m_assessment.errors.size())),
                    m_assessment.errors);
        return false;
    }
    if (!save()) {
        ui->submitStatus->setText(ui->banner->text());
        return false;
    }
    TransitionResult result;
    try {
        result = CaseTransitions(m_session.workspace())
                     .apply({applicationId(), kSubmit, m_session.user().username, QString(), m_stored->revision});
    } catch (const DomainError &error) {
        ui->submitStatus->setText(error.message());
        return false;
    }
    if (!result.applied) {
        showRefusal(result.reason, result.findings);
        return false;
    }
    m_stored = ApplicationRepository(m_session.workspace()).find(result.applicationId);
    m_draft->reset(*m_stored);
    DraftJournal(m_session.workspace()).discard(applicationId());
    ui->submitStatus->setText(tr("Submitted. The reference of your application is %1.").arg(result.reference));
    setReadOnly(true);
    m_session.announceCaseChanged(applicationId());
    emit submitted(applicationId(), result.reference);
    return true;
}

void ApplicationEditor::showRefusal(const QString &reason, const QList<Finding> &findings)
{
    QStringList lines{reason};
    for (const Finding &finding : findings)
        lines << QStringLiteral("• ") + finding.message();
    ui->submitStatus->setText(lines.join(u'\n'));
    showPage(ReviewPage);
}

void ApplicationEditor::attach(const QStringList &files)
{
    if (files.isEmpty() || m_readOnly)
        return;
    QList<AttachmentReference> added;
    const AttachmentFolder folder(m_session.workspace());
    const QString kind = ui->attachmentKind->currentData().toString();
    try {
        for (const QString &file : files)
            added << folder.add(file, kind);
    } catch (const DomainError &error) {
        showBanner(error.fullMessage(), true);
    }
    if (added.isEmpty())
        return;
    m_draft->edit(tr("Attach %n file(s)", nullptr, int(added.size())), QString(),
                  [added](Application &application) { application.attachments.append(added); });
}

void ApplicationEditor::openAttachment()
{
    const int row = ui->attachmentsView->currentRow();
    const QList<AttachmentReference> &attachments = m_draft->application().attachments;
    if (row < 0 || row >= attachments.size())
        return;
    // Kept under its hash; opened as a copy under its own name, so the right program opens it.
    const AttachmentReference &attachment = attachments.at(row);
    const QString folder = QDir::temp().filePath(QStringLiteral("voucherdesk-") + attachment.sha256.left(16));
    const QString copy = QDir(folder).filePath(attachment.fileName);
    // Read through the folder, which unseals it in a sealed workspace.
    const auto copyOut = [&] {
        try {
            const QByteArray bytes = AttachmentFolder(m_session.workspace()).read(attachment.sha256);
            QSaveFile out(copy);
            return QDir().mkpath(folder) && out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size()
                && out.commit();
        } catch (const DomainError &) {
            return false;
        }
    };
    if (!QFileInfo::exists(copy) && !copyOut()) {
        showBanner(tr("The file %1 is not in this workspace's attachments folder.").arg(attachment.fileName), true);
        return;
    }
    QDesktopServices::openUrl(QUrl::fromLocalFile(copy));
}

void ApplicationEditor::removeAttachment()
{
    const int row = ui->attachmentsView->currentRow();
    if (row < 0 || row >= m_draft->application().attachments.size())
        return;
    m_draft->edit(tr("Remove attachment %1").arg(m_draft->application().attachments.at(row).fileName), QString(),
                  [row](Application &application) { application.attachments.removeAt(row); });
}

void ApplicationEditor::exportPdf(const QString &path) const
{
    ApplicationDocument(m_draft->application(), m_context.applicant, m_session.scheme()).writePdf(path);
}

void ApplicationEditor::exportPdfAs()
{
    const QString &reference = m_draft->application().reference;
    const QString suggested = (reference.isEmpty() ? tr("application") : QString(reference).replace(u'/', u'-'))
        + QStringLiteral(".pdf");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the application as PDF"), suggested,
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    try {
        exportPdf(path);
        showBanner(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), false);
    } catch (const DomainError &error) {
        showBanner(error.message(), true);
    }
}

void ApplicationEditor::print()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the application"));
    if (dialog.exec() == QDialog::Accepted)
        ApplicationDocument(m_draft->application(), m_context.applicant, m_session.scheme()).print(printer);
}

void ApplicationEditor::showBanner(const QString &text, bool problem)
{
    ui->banner->setText(text);
    ui->banner->setStyleSheet(problem ? QStringLiteral("QLabel { color: #a00000; font-weight: bold; }") : QString());
    ui->banner->setVisible(!text.isEmpty());
}

void ApplicationEditor::updateTitle()
{
    const Application &a = m_draft->application();
    const QString name = a.title.in(QLocale()).trimmed();
    const QString title = !a.reference.isEmpty() ? tr("Application %1").arg(a.reference)
        : name.isEmpty()                         ? tr("New application")
                                                 : tr("Draft: %1").arg(name);
    if (title != windowTitle()) {
        setWindowTitle(title);
        emit titleChanged(title);
    }
}

void ApplicationEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int page = ui->pages->currentIndex();
        ui->retranslateUi(this);
        ui->start->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        ui->end->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        m_items->retranslate();
        m_quotations->retranslate();
        fillChoices();
        setWindowTitle(QString());
        fill();
        showAssessment();
        showPage(page);
        if (m_readOnly)
            setReadOnly(true);
    }
    QWidget::changeEvent(event);
}

void ApplicationEditor::closeEvent(QCloseEvent *event)
{
    save();
    QWidget::closeEvent(event);
}

bool ApplicationEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Undo and Redo in a text field go to the editor's stack, not the field's own history:
    // the field is told it may have the key, then the key press runs the editor's action.
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        for (QAction *action : {m_undo, m_redo}) {
            if (action->shortcuts().contains(QKeySequence(key->keyCombination()))) {
                key->accept();
                if (event->type() == QEvent::KeyPress)
                    action->trigger();
                return true;
            }
        }
    }
    if (watched == ui->attachmentsView->viewport() && !m_readOnly) {
        if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
            auto *drag = static_cast<QDragMoveEvent *>(event);
            if (!localFiles(drag->mimeData()).isEmpty())
                drag->acceptProposedAction();
            return true;
        }
        if (event->type() == QEvent::Drop) {
            auto *drop = static_cast<QDropEvent *>(event);
            attach(localFiles(drop->mimeData()));
            drop->acceptProposedAction();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vd
