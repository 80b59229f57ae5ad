// The applicant's application editor, driven through its widgets offscreen on
// a real workspace: live findings pointing at their fields, submission through
// the workflow, undo and redo, autosave and its recovery journal, the
// bilingual PDF and the language switch.
#include "applicationeditor.h"
#include "applicationrepository.h"
#include "audittrail.h"
#include "budgetmodels.h"
#include "draftjournal.h"
#include "language.h"
#include "rulebook.h"

#include "applicantdesk.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDragEnterEvent>
#include <QFile>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace vd;
using vd::testing::ApplicantDesk;

namespace {

struct QuotationInput
{
    const char *supplier;
    const char *amount;
};

// Fills an editor the way a person does: typing, clicking and editing cells.
class Driver
{
public:
    explicit Driver(ApplicationEditor &editor) : m_editor(editor) {}

    template<class Widget>
    Widget *field(const char *name) const
    {
        auto *widget = m_editor.findChild<Widget *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no field %s", name);
        return widget;
    }
    QAbstractItemModel *items() const { return field<QTableView>("itemsView")->model(); }
    QAbstractItemModel *quotations() const { return field<QTableView>("quotationsView")->model(); }

    void type(const char *name, const QString &text) const
    {
        auto *edit = field<QLineEdit>(name);
        edit->selectAll();
        enter(edit, text);
    }

    // Latin text is typed key by key; Chinese comes as an input method commits it.
    static void enter(QWidget *widget, const QString &text)
    {
        bool latin = true;
        for (QChar c : text)
            latin = latin && c.unicode() < 0x80;
        if (latin) {
            QTest::keyClicks(widget, text);
            return;
        }
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(widget, &commit);
    }

    void addItem(const char *category, const char *amount, const QList<QuotationInput> &offers) const
    {
        click("addItem");
        const int row = items()->rowCount() - 1;
        setCell(items(), row, BudgetItemsModel::Category, QString::fromLatin1(category));
        setCell(items(), row, BudgetItemsModel::DescriptionEn, QStringLiteral("Item %1").arg(row + 1));
        setCell(items(), row, BudgetItemsModel::DescriptionZh, QStringLiteral("項目%1").arg(row + 1));
        setCell(items(), row, BudgetItemsModel::Amount, QString::fromLatin1(amount));
        field<QTableView>("itemsView")->setCurrentIndex(items()->index(row, 0));
        for (const QuotationInput &quotation : offers) {
            click("addQuotation");
            const int q = quotations()->rowCount() - 1;
            setCell(quotations(), q, QuotationsModel::Supplier, QString::fromLatin1(quotation.supplier));
            setCell(quotations(), q, QuotationsModel::Amount, QString::fromLatin1(quotation.amount));
        }
    }

    static void setCell(QAbstractItemModel *model, int row, int column, const QVariant &value)
    {
        QVERIFY(model->setData(model->index(row, column), value));
    }

    void click(const char *button) const { QTest::mouseClick(field<QPushButton>(button), Qt::LeftButton); }

    void fillValidApplication() const
    {
        type("titleEn", QStringLiteral("Cloud ERP"));
        type("titleZh", QStringLiteral("雲端企業資源規劃"));
        addItem("customised_software", "120000", {{"Acme", "120000"}, {"Beta", "132000"}, {"Gamma", "144000"}});
        addItem("consultancy", "36000", {{"Kowloon", "36000"}, {"Harbour", "38500"}});
    }

    void declareAll() const
    {
        auto *declarations = field<QListWidget>("declarationsView");
        for (int row = 0; row < declarations->count(); ++row)
            declarations->item(row)->setCheckState(Qt::Checked);
    }

    QListWidgetItem *finding(const QString &code) const
    {
        auto *findings = field<QListWidget>("findingsView");
        for (int row = 0; row < findings->count(); ++row) {
            if (findings->item(row)->data(Qt::UserRole + 1).toString() == code)
                return findings->item(row);
        }
        return nullptr;
    }

private:
    ApplicationEditor &m_editor;
};

// Marks every text of the editor it translates, so a test sees which labels were put through the translator again.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArray name(context);
        if (name != "ApplicationEditor" && name != "vd::ApplicationEditor" && name != "vd::BudgetItemsModel")
            return {};
        return QStringLiteral("«") + QString::fromUtf8(source) + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};

// As the language menu does: the translators change, and every window hears of it.
void switchTo(const QString &language)
{
    Language::apply(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

} // namespace

class ApplicationEditorTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { Language::apply(QStringLiteral("en")); }
    void cleanupTestCase() { Language::apply(QStringLiteral("en")); }

    void showsEachFindingAtItsFieldAndGoesThere_data();
    void showsEachFindingAtItsFieldAndGoesThere();
    void showsTheFiguresOfAValidApplication();
    void budgetModelsPassTheModelTester();
    void refusesToSubmitWithoutDeclarationsOrWithRuleErrors();
    void submitsOnceFixedAndBecomesReadOnly();
    void undoAndRedoRestoreEveryEdit();
    void ctrlZInATextFieldUndoesTheEditorsStep();
    void closingSavesTheDraftToTheStore();
    void idleEditsGoToTheJournalNotTheAuditTrail();
    void attachesFilesByContent();
    void exportsABilingualPdf();
    void languageSwitchRetranslatesLabelsAndNames();
};

void ApplicationEditorTest::showsEachFindingAtItsFieldAndGoesThere_data()
{
    QTest::addColumn<QString>("mistake");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("focused");

    QTest::newRow("end before start") << "end before start" << "INVALID_PERIOD" << "application.end" << "end";
    QTest::newRow("missing quotation") << "missing quotation" << "QUOTATIONS_INSUFFICIENT"
                                       << "application.items[1].quotations" << "quotationsView";
    QTest::newRow("amount not the selected quotation's") << "amount mismatch" << "ITEM_AMOUNT_MISMATCH"
                                                         << "application.items[0].amount" << "itemsView";
    QTest::newRow("budget over the cap") << "over the cap" << "GRANT_LIMITED_BY_CAP" << "application" << "itemsView";
    QTest::newRow("no items") << "no items" << "NO_ITEMS" << "application.items" << "itemsView";
}

void ApplicationEditorTest::showsEachFindingAtItsFieldAndGoesThere()
{
    QFETCH(QString, mistake);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(QString, focused);

    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    Driver driver(editor);
    driver.type("titleEn", QStringLiteral("Cloud ERP"));
    if (mistake != QLatin1String("no items"))
        driver.fillValidApplication();
    QVERIFY(editor.assessment().errors.isEmpty() || mistake == QLatin1String("no items"));

    if (mistake == QLatin1String("end before start")) {
        driver.field<QDateEdit>("end")->setDate(editor.application().start.addDays(-1));
    } else if (mistake == QLatin1String("missing quotation")) {
        driver.field<QTableView>("itemsView")->setCurrentIndex(driver.items()->index(1, 0));
        driver.field<QTableView>("quotationsView")->setCurrentIndex(driver.quotations()->index(1, 0));
        driver.click("removeQuotation");
    } else if (mistake == QLatin1String("amount mismatch")) {
        Driver::setCell(driver.items(), 0, BudgetItemsModel::Amount, QStringLiteral("125000.50"));
    } else if (mistake == QLatin1String("over the cap")) {
        driver.addItem("customised_hardware", "900000",
                       {{"A", "900000"}, {"B", "910000"}, {"C", "920000"}, {"D", "930000"}, {"E", "940000"}});
    }

    QListWidgetItem *finding = driver.finding(code);
    QVERIFY2(finding, qPrintable(code));
    QCOMPARE(finding->data(Qt::UserRole).toString(), path);
    QVERIFY(!finding->text().isEmpty());
    QVERIFY(!finding->text().contains(code)); // a sentence for a person, not the code

    auto *findings = driver.field<QListWidget>("findingsView");
    findings->scrollToItem(finding);
    QTest::mouseClick(findings->viewport(), Qt::LeftButton, {}, findings->visualItemRect(finding).center());
    QCOMPARE(QApplication::focusWidget()->objectName(), focused);
    if (path.startsWith(QLatin1String("application.items["))) {
        const int row = path.mid(18, 1).toInt();
        QCOMPARE(driver.field<QTableView>("itemsView")->currentIndex().row(), row);
    }
    if (path.endsWith(QLatin1String(".amount")))
        QCOMPARE(driver.field<QTableView>("itemsView")->currentIndex().column(), int(BudgetItemsModel::Amount));
}

void ApplicationEditorTest::showsTheFiguresOfAValidApplication()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.fillValidApplication();
    QVERIFY(editor.assessment().errors.isEmpty());
    // 156,000 at 3/4 under TVP-2020-04; 600,000 of cap left.
    QCOMPARE(driver.field<QLabel>("totalCost")->text(), QStringLiteral("HK$156,000.00"));
    QCOMPARE(driver.field<QLabel>("grant")->text(), QStringLiteral("HK$117,000.00"));
    QCOMPARE(driver.field<QLabel>("contribution")->text(), QStringLiteral("HK$39,000.00"));
    QCOMPARE(driver.field<QLabel>("capLeft")->text(), QStringLiteral("HK$600,000.00"));
    QCOMPARE(driver.field<QLabel>("quotationsNeeded")->text(), QStringLiteral("0"));

    // An amount is taken exactly as typed, cents and all, and a bad one is refused.
    QVERIFY(driver.items()->setData(driver.items()->index(1, BudgetItemsModel::Amount), QStringLiteral("36000.05")));
    QCOMPARE(editor.application().items.at(1).amount, Money::fromCents(3600005));
    QVERIFY(!driver.items()->setData(driver.items()->index(1, BudgetItemsModel::Amount), QStringLiteral("1e5")));
    QVERIFY(!driver.items()->setData(driver.items()->index(1, BudgetItemsModel::Amount), QStringLiteral("12.345")));
    QCOMPARE(editor.application().items.at(1).amount, Money::fromCents(3600005));

    driver.field<QTableView>("itemsView")->setCurrentIndex(driver.items()->index(0, 0));
    driver.field<QTableView>("quotationsView")->setCurrentIndex(driver.quotations()->index(2, 0));
    driver.click("removeQuotation");
    QCOMPARE(driver.field<QLabel>("quotationsNeeded")->text(), QStringLiteral("1"));
}

void ApplicationEditorTest::budgetModelsPassTheModelTester()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    QAbstractItemModelTester items(driver.items(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester quotations(driver.quotations(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    driver.fillValidApplication();
    editor.undoStack().undo();
    editor.undoStack().redo();
    driver.click("removeItem");
    QCOMPARE(driver.items()->rowCount(), 1);
}

void ApplicationEditorTest::refusesToSubmitWithoutDeclarationsOrWithRuleErrors()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.fillValidApplication();
    auto *status = driver.field<QLabel>("submitStatus");

    QVERIFY(!editor.submit());
    QVERIFY(status->text().contains(QStringLiteral("declaration")));

    driver.declareAll();
    driver.field<QDateEdit>("end")->setDate(editor.application().start.addDays(-1));
    QVERIFY(!editor.submit());
    QVERIFY2(status->text().contains(QStringLiteral("cannot be submitted")), qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("end")), qPrintable(status->text()));
    const auto stored = ApplicationRepository(*desk.workspace).find(editor.applicationId());
    QVERIFY(!stored || stored->status == QLatin1String("draft"));
    QVERIFY(!editor.isReadOnly());
}

void ApplicationEditorTest::submitsOnceFixedAndBecomesReadOnly()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.fillValidApplication();
    driver.field<QDateEdit>("end")->setDate(editor.application().start.addDays(-1));
    QVERIFY(driver.finding(QStringLiteral("INVALID_PERIOD")));
    driver.field<QDateEdit>("end")->setDate(editor.application().start.addMonths(9));
    QVERIFY(!driver.finding(QStringLiteral("INVALID_PERIOD")));
    driver.declareAll();

    QSignalSpy submitted(&editor, &ApplicationEditor::submitted);
    QVERIFY2(editor.submit(), qPrintable(driver.field<QLabel>("submitStatus")->text()));
    QCOMPARE(submitted.size(), 1);

    const auto stored = ApplicationRepository(*desk.workspace).find(editor.applicationId());
    QCOMPARE(stored->status, QStringLiteral("submitted"));
    QVERIFY(stored->reference.startsWith(QStringLiteral("TVP/")));
    QCOMPARE(submitted.first().at(1).toString(), stored->reference);
    QCOMPARE(stored->declarations.size(), desk.session->scheme().applicantDeclarations().terms().size());
    const QList<AuditEntry> audit = AuditTrail(*desk.workspace).forEntity(editor.applicationId());
    QVERIFY(std::any_of(audit.begin(), audit.end(), [](const AuditEntry &e) { return e.action == QLatin1String("submit"); }));

    QVERIFY(editor.isReadOnly());
    QVERIFY(!driver.field<QLineEdit>("titleEn")->isEnabled());
    QVERIFY(!driver.field<QPushButton>("submit")->isEnabled());
    QVERIFY(driver.field<QPushButton>("exportPdf")->isEnabled());
    QCOMPARE(editor.undoStack().count(), 0);
    QVERIFY(!editor.submit());
}

void ApplicationEditorTest::undoAndRedoRestoreEveryEdit()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.type("titleEn", QStringLiteral("Cloud ERP"));
    QCOMPARE(editor.undoStack().count(), 1); // typing merges into one step
    driver.addItem("consultancy", "36000", {{"Kowloon", "36000"}});
    const Application filled = editor.application();

    while (editor.undoStack().canUndo())
        editor.undoStack().undo();
    QCOMPARE(editor.application().title.en, QString());
    QCOMPARE(driver.field<QLineEdit>("titleEn")->text(), QString());
    QCOMPARE(driver.items()->rowCount(), 0);

    while (editor.undoStack().canRedo())
        editor.undoStack().redo();
    QCOMPARE(editor.application(), filled);
    QCOMPARE(driver.field<QLineEdit>("titleEn")->text(), QStringLiteral("Cloud ERP"));
    QCOMPARE(driver.items()->data(driver.items()->index(0, BudgetItemsModel::Amount)).toString(),
             QStringLiteral("HK$36,000.00"));
    QVERIFY(editor.undoStack().undoText().contains(QStringLiteral("quotation")));
}

void ApplicationEditorTest::ctrlZInATextFieldUndoesTheEditorsStep()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    editor.show();
    editor.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&editor));
    Driver driver(editor);
    auto *title = driver.field<QLineEdit>("titleEn");
    title->setFocus();
    driver.type("titleEn", QStringLiteral("ERP"));
    driver.addItem("consultancy", "36000", {});
    title->setFocus();
    // The editor's last step (the item's amount) is undone, not the field's own typing.
    const int steps = editor.undoStack().index();
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(editor.undoStack().index(), steps - 1);
    QCOMPARE(editor.application().items.at(0).amount, Money());
    QCOMPARE(title->text(), QStringLiteral("ERP"));
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(editor.undoStack().index(), steps);
    QCOMPARE(editor.application().items.at(0).amount, Money::fromDollars(36000));
    for (int presses = 0; presses < 10 && editor.undoStack().index() > 1; ++presses)
        QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(driver.items()->rowCount(), 0);
    QTest::keyClick(title, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(title->text(), QString());
}

void ApplicationEditorTest::closingSavesTheDraftToTheStore()
{
    ApplicantDesk desk;
    QString id;
    {
        ApplicationEditor editor(*desk.session, QString());
        Driver(editor).fillValidApplication();
        id = editor.applicationId();
        QVERIFY(!ApplicationRepository(*desk.workspace).find(id)); // nothing stored yet: no idle moment passed
    }
    const auto stored = ApplicationRepository(*desk.workspace).find(id);
    QVERIFY(stored);
    QCOMPARE(stored->title.zh, QStringLiteral("雲端企業資源規劃"));
    QCOMPARE(stored->items.size(), 2);

    ApplicationEditor reopened(*desk.session, id);
    QCOMPARE(Driver(reopened).field<QLineEdit>("titleEn")->text(), QStringLiteral("Cloud ERP"));
    QCOMPARE(reopened.application().items, stored->items);
    QVERIFY(!reopened.hasUnsavedChanges());
}

void ApplicationEditorTest::idleEditsGoToTheJournalNotTheAuditTrail()
{
    ApplicantDesk desk;
    const DraftJournal journal(*desk.workspace);
    auto editor = std::make_unique<ApplicationEditor>(*desk.session, QString());
    editor->setAutosaveDelay(20);
    Driver(*editor).type("titleEn", QStringLiteral("Cloud"));
    const QString id = editor->applicationId();
    // A new application is stored at the first pause, so it is listed at once.
    QTRY_VERIFY(ApplicationRepository(*desk.workspace).find(id).has_value());
    const qint64 auditAfterCreation = AuditTrail(*desk.workspace).count();

    // Edits undone back to the stored draft leave no journal to bring them back.
    QTest::keyClicks(Driver(*editor).field<QLineEdit>("titleEn"), QStringLiteral("!"));
    QTRY_VERIFY(QFile::exists(journal.fileOf(id)));
    editor->undoStack().undo(); // only the "!": typing after a save is a step of its own
    QCOMPARE(editor->application().title.en, QStringLiteral("Cloud"));
    QTRY_VERIFY(!QFile::exists(journal.fileOf(id)));
    QVERIFY(!editor->hasUnsavedChanges());


    for (const char *word : {" ERP", " for", " retail"}) {
        QTest::keyClicks(Driver(*editor).field<QLineEdit>("titleEn"), QString::fromLatin1(word));
        QTRY_VERIFY(journal.read(id, RuleBook::technologyVoucher()).has_value()
                    && journal.read(id, RuleBook::technologyVoucher())->application.title == editor->application().title);
    }
    QCOMPARE(AuditTrail(*desk.workspace).count(), auditAfterCreation);
    QCOMPARE(ApplicationRepository(*desk.workspace).find(id)->title.en, QStringLiteral("Cloud"));

    // As after a crash: another editor opens the application and takes up the journal.
    {
        ApplicationEditor recovered(*desk.session, id);
        QCOMPARE(recovered.application().title.en, QStringLiteral("Cloud ERP for retail"));
        QVERIFY(recovered.hasUnsavedChanges());
        QVERIFY(recovered.save());
    }
    QCOMPARE(AuditTrail(*desk.workspace).count(), auditAfterCreation + 1); // one audited change for all of it
    QVERIFY(!QFile::exists(journal.fileOf(id)));
    QCOMPARE(ApplicationRepository(*desk.workspace).find(id)->title.en, QStringLiteral("Cloud ERP for retail"));
}

void ApplicationEditorTest::attachesFilesByContent()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    const QString path = desk.dir.filePath(QStringLiteral("報價 Acme.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Quotation: HK$120,000\n");
    file.close();

    // Dropped on the list, as from a file manager.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    auto *viewport = driver.field<QTableWidget>("attachmentsView")->viewport();
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);

    QCOMPARE(editor.application().attachments.size(), 1);
    const AttachmentReference attached = editor.application().attachments.first();
    QCOMPARE(attached.fileName, QStringLiteral("報價 Acme.txt"));
    QCOMPARE(attached.size, 22);
    QCOMPARE(attached.sha256, QString::fromLatin1(QCryptographicHash::hash("Quotation: HK$120,000\n",
                                                                           QCryptographicHash::Sha256).toHex()));
    QVERIFY(QFile::exists(desk.dir.filePath(QStringLiteral("attachments/") + attached.sha256)));
    QCOMPARE(driver.field<QTableWidget>("attachmentsView")->item(0, 0)->text(), attached.fileName);

    driver.field<QTableWidget>("attachmentsView")->setCurrentCell(0, 0);
    driver.click("removeAttachment");
    QVERIFY(editor.application().attachments.isEmpty());
    editor.undoStack().undo();
    QCOMPARE(editor.application().attachments.size(), 1);
}

void ApplicationEditorTest::exportsABilingualPdf()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.fillValidApplication();
    const QString pdf = desk.dir.filePath(QStringLiteral("application.pdf"));
    editor.exportPdf(pdf);

    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5).startsWith("%PDF-"));
    QVERIFY(file.size() > 10000);

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the text of the PDF is not checked");
    QProcess process;
    process.start(pdftotext, {pdf, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(30000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    QFile::copy(pdf, QStringLiteral("/tmp/x/application.pdf"));
    for (const QString &expected : {QStringLiteral("Cloud ERP"), QStringLiteral("雲端企業資源規劃"),
                                    QStringLiteral("Technology Voucher Programme"), QStringLiteral("科技券"),
                                    QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司"),
                                    QStringLiteral("HK$120,000.00"), QStringLiteral("HK$156,000.00"),
                                    QStringLiteral("Kowloon"), QStringLiteral("訂造軟件")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
}

void ApplicationEditorTest::languageSwitchRetranslatesLabelsAndNames()
{
    ApplicantDesk desk;
    ApplicationEditor editor(*desk.session, QString());
    Driver driver(editor);
    driver.type("titleEn", QStringLiteral("ERP"));
    driver.addItem("customised_software", "120000", {{"Acme", "120000"}});
    const auto category = [&] {
        return driver.items()->data(driver.items()->index(0, BudgetItemsModel::Category)).toString();
    };
    const auto finding = [&] { return driver.finding(QStringLiteral("QUOTATIONS_INSUFFICIENT"))->text(); };
    QCOMPARE(category(), QStringLiteral("Customised software"));
    const QString englishFinding = finding();
    const QString englishTotal = driver.field<QLabel>("totalCost")->text();
    const QString englishHeader = driver.items()->headerData(BudgetItemsModel::Amount, Qt::Horizontal).toString();
    const QString englishLabel = driver.field<QLabel>("titleEnLabel")->text();

    switchTo(QStringLiteral("zh_HK"));
    QCOMPARE(category(), QStringLiteral("度身訂造軟件"));
    QVERIFY(finding() != englishFinding);
    QVERIFY(driver.field<QLabel>("totalCost")->text().contains(QStringLiteral("120,000.00")));
    // Every label of the form and the models goes through the translator again.
    QCOMPARE(driver.field<QLabel>("titleEnLabel")->text(),
             QCoreApplication::translate("ApplicationEditor", "&Project title (English):"));
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(driver.field<QLabel>("titleEnLabel")->text(), QStringLiteral("«&Project title (English):»"));
    QCOMPARE(driver.items()->headerData(BudgetItemsModel::Amount, Qt::Horizontal).toString(),
             QStringLiteral("«Amount (HK$)»"));
    QCOMPARE(driver.field<QPushButton>("submit")->text(), QStringLiteral("«&Submit application»"));
    QCOMPARE(editor.windowTitle(), QStringLiteral("«Draft: %1»").replace(QStringLiteral("%1"), QStringLiteral("ERP")));
    QCoreApplication::removeTranslator(&marking);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);

    switchTo(QStringLiteral("en"));
    QCOMPARE(category(), QStringLiteral("Customised software"));
    QCOMPARE(finding(), englishFinding);
    QCOMPARE(driver.field<QLabel>("totalCost")->text(), englishTotal);
    QCOMPARE(driver.items()->headerData(BudgetItemsModel::Amount, Qt::Horizontal).toString(), englishHeader);
    QCOMPARE(driver.field<QLabel>("titleEnLabel")->text(), englishLabel);
}

QTEST_MAIN(ApplicationEditorTest)
#include "tst_applicationeditor.moc"
