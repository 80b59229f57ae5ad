// The case queue's widgets offscreen on a real demo workspace of 400 cases:
// the model under QAbstractItemModelTester, filters and search narrowing it,
// paging, the language switch, opening a case, and a batch action's summary.
#include "batchactiondialog.h"
#include "batchsummarydialog.h"
#include "casequeue.h"
#include "casequeuemodel.h"
#include "casequeueview.h"
#include "workflow.h"
#include "clirunner.h"
#include "desksession.h"
#include "language.h"
#include "scheme.h"
#include "userrepository.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace vd;

namespace {

// A fortnight after the demo's "now": some of its clocks have run out.
const QDate kLater(2026, 12, 7);

// Marks every string of the case queue's classes as translated, to see that
// each is asked for again when the language changes.
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *source, const char *, int n) const override
    {
        if (!QByteArray(context).startsWith("vd::CaseQueue") && !QByteArray(context).startsWith("vd::Batch"))
            return {};
        QString text = QString::fromUtf8(source);
        if (n >= 0)
            text.replace(QStringLiteral("%n"), QString::number(n));
        return u'«' + text + u'»';
    }
};

// A workspace and a secretariat officer signed in to it.
struct Desk
{
    std::unique_ptr<Workspace> workspace;
    std::unique_ptr<DeskSession> session;
};

template<typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// The queue opens on the open cases; most tests start from every case.
void showAllStatuses(QWidget &view)
{
    child<QComboBox>(view, "statusCombo")->setCurrentIndex(0);
}

// Types text a key at a time, Chinese too (QTest::keyClicks takes Latin-1 only).
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

qint64 countOf(Workspace &workspace, const CaseQueueQuery &query)
{
    return CaseQueue(workspace).count(query);
}

} // namespace

class TestCaseQueueView : public QObject
{
    Q_OBJECT

private slots:
    void opensOnTheOpenCasesWithoutDrafts();
    void initTestCase();
    void init();
    void cleanup();
    void modelPassesTheModelTester();
    void countStopsAtItsLimitUntilScrolledThatFar_data();
    void countStopsAtItsLimitUntilScrolledThatFar();
    void countFollowsTheFirstPage_data();
    void countFollowsTheFirstPage();
    void countLabelSaysMoreThanTheLimit();
    void fetchMoreLoadsOnePageAtATime();
    void cellsFollowTheLanguageAndLocale_data();
    void cellsFollowTheLanguageAndLocale();
    void filtersNarrowTheQueue_data();
    void filtersNarrowTheQueue();
    void searchRunsAMomentAfterTheLastKeystroke();
    void enterAndDoubleClickRequestTheCase();
    void ctrlFGoesToSearch();
    void languageSwitchRetranslatesHeadersAndFilters();
    void batchDialogOffersTheRolesActionsAndWantsReasons();
    void batchActionSummarisesAppliedAndRefusedCases();

private:
    Desk openDesk(const QString &folder) const;

    QTemporaryDir m_dir;
    QString m_demo;
    Desk m_desk;
};

void TestCaseQueueView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo"));
    const CliRun demo = runCli({QStringLiteral("demo"), QStringLiteral("--workspace"), m_demo,
                                QStringLiteral("--applications"), QStringLiteral("400"), QStringLiteral("--seed"),
                                QStringLiteral("7")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.errText()));
}

Desk TestCaseQueueView::openDesk(const QString &folder) const
{
    Desk desk;
    desk.workspace = std::make_unique<Workspace>(folder, Workspace::Mode::OpenExisting);
    QList<User> officers = UserRepository(*desk.workspace).withRole(QStringLiteral("secretariat"));
    officers.removeIf([](const User &user) { return !user.active; });
    if (officers.isEmpty())
        qFatal("the demo has no secretariat officer");
    desk.session = std::make_unique<DeskSession>(*desk.workspace, officers.first());
    return desk;
}

void TestCaseQueueView::init()
{
    Language::apply(QStringLiteral("en"));
    m_desk = openDesk(m_demo);
}

void TestCaseQueueView::cleanup()
{
    m_desk = {};
    Language::apply(QStringLiteral("en"));
}

void TestCaseQueueView::modelPassesTheModelTester()
{
    CaseQueueModel model(*m_desk.session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CaseQueueQuery query;
    model.setQuery(query);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);
    model.sort(CaseQueueModel::Enterprise, Qt::DescendingOrder);
    query.filter.statuses = {QStringLiteral("screening")};
    model.setQuery(query);
    model.refresh();
    model.retranslate();
}

void TestCaseQueueView::countStopsAtItsLimitUntilScrolledThatFar_data()
{
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("searchText");
    QTest::addColumn<bool>("exactAtFirst");
    QTest::newRow("all cases, limit below") << qint64(150) << QString() << false;
    QTest::newRow("all cases, limit at the count") << qint64(400) << QString() << true;
    QTest::newRow("common word, limit below") << qint64(50) << QStringLiteral("tvp") << false;
    QTest::newRow("limit above the count") << qint64(10000) << QString() << true;
}

void TestCaseQueueView::countStopsAtItsLimitUntilScrolledThatFar()
{
    QFETCH(qint64, limit);
    QFETCH(QString, searchText);
    QFETCH(bool, exactAtFirst);
    CaseQueueQuery query;
    query.searchText = searchText;
    const qint64 all = CaseQueue(m_desk.session->workspace()).count(query);
    CaseQueueModel model(*m_desk.session);
    model.setCountLimit(limit);
    model.setQuery(query);
    QCOMPARE(model.totalIsExact(), exactAtFirst);
    QCOMPARE(model.totalCount(), exactAtFirst ? all : limit + 1);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(qint64(model.rowCount()), all);
    QVERIFY(model.totalIsExact());
    QCOMPARE(model.totalCount(), all);
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(CaseQueueModel::ApplicationIdRole).toString();
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
}

void TestCaseQueueView::opensOnTheOpenCasesWithoutDrafts()
{
    CaseQueueView view(*m_desk.session);
    QCOMPARE(child<QComboBox>(view, "statusCombo")->currentText(),
             QCoreApplication::translate("vd::CaseQueueView", "Open cases"));
    CaseQueueModel &model = *view.model();
    while (model.canFetchMore({}))
        model.fetchMore({});
    QSet<QString> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.insert(model.index(row, 0).data(CaseQueueModel::ApplicationIdRole).toString());
    // The cases a walk over all of them calls open: neither a draft nor finished.
    QSet<QString> open;
    qsizetype drafts = 0;
    for (const ApplicationSummary &summary : ApplicationRepository(*m_desk.workspace).list({}, Page{100000, 0})) {
        drafts += summary.status == QLatin1String("draft");
        if (summary.status != QLatin1String("draft") && !Workflow::technologyVoucher().isTerminal(summary.status))
            open.insert(summary.id);
    }
    QVERIFY(drafts > 0);
    QVERIFY(!open.isEmpty());
    QCOMPARE(shown, open);
    QCOMPARE(model.totalCount(), open.size());
}

void TestCaseQueueView::countFollowsTheFirstPage_data()
{
    QTest::addColumn<QString>("searchText");
    QTest::addColumn<bool>("countedAfterwards");
    QTest::newRow("a full first page") << QString() << true;
    QTest::newRow("a first page with every case") << QStringLiteral("zzzqqq") << false;
}

void TestCaseQueueView::countFollowsTheFirstPage()
{
    QFETCH(QString, searchText);
    QFETCH(bool, countedAfterwards);
    CaseQueueQuery query;
    query.searchText = searchText;
    const qint64 all = CaseQueue(m_desk.session->workspace()).count(query);
    CaseQueueModel model(*m_desk.session);
    QSignalSpy counted(&model, &CaseQueueModel::countChanged);
    model.setQuery(query);
    // The cases at once; their number after them, unless the page holds them all.
    QCOMPARE(model.rowCount(), int(std::min<qint64>(all, CaseQueueModel::kPageSize)));
    QCOMPARE(model.isCounting(), countedAfterwards);
    QCOMPARE(counted.size(), 0);
    QTRY_COMPARE(counted.size(), 1);
    QVERIFY(!model.isCounting());
    QCOMPARE(model.totalCount(), all);
}

void TestCaseQueueView::countLabelSaysMoreThanTheLimit()
{
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    view.model()->setCountLimit(120);
    view.requery();
    QTRY_COMPARE(child<QLabel>(view, "countLabel")->text(),
                 QCoreApplication::translate("vd::CaseQueueView", "More than %1 cases").arg(QLocale().toString(120)));
    view.model()->setCountLimit(CaseQueueModel::kCountLimit);
    view.requery();
    QTRY_VERIFY(child<QLabel>(view, "countLabel")->text().contains(QLocale().toString(400)));
}

void TestCaseQueueView::fetchMoreLoadsOnePageAtATime()
{
    CaseQueueModel model(*m_desk.session);
    model.setQuery({});
    QCOMPARE(model.totalCount(), 400);
    QCOMPARE(model.rowCount(), CaseQueueModel::kPageSize);
    QVERIFY(model.canFetchMore({}));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 2 * CaseQueueModel::kPageSize);
    QCOMPARE(inserted.size(), 1);
    model.fetchMore({});
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);
    QVERIFY(!model.canFetchMore({}));
    // No row twice across the pages.
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, 0).data(CaseQueueModel::ApplicationIdRole).toString());
    QCOMPARE(ids.size(), 400);
}

void TestCaseQueueView::cellsFollowTheLanguageAndLocale_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Traditional Chinese") << QStringLiteral("zh_HK");
    QTest::newRow("Simplified Chinese") << QStringLiteral("zh_CN");
}

void TestCaseQueueView::cellsFollowTheLanguageAndLocale()
{
    QFETCH(QString, language);
    QVERIFY(Language::apply(language));
    const QLocale locale = Language::localeFor(language);
    CaseQueueModel model(*m_desk.session);
    CaseQueueQuery query;
    query.filter.statuses = {QStringLiteral("completed"), QStringLiteral("closed")};
    model.setQuery(query);
    const QList<CaseQueueRow> rows = CaseQueue(*m_desk.workspace).rows(query, Page{5, 0});
    QCOMPARE(rows.size(), 5);
    const Scheme &scheme = Scheme::technologyVoucher();
    for (int row = 0; row < rows.size(); ++row) {
        const ApplicationSummary &summary = rows[row].summary;
        const auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
        QCOMPARE(cell(0, CaseQueueModel::ApplicationIdRole).toString(), summary.id);
        QCOMPARE(cell(CaseQueueModel::Reference).toString(), summary.reference);
        QCOMPARE(cell(CaseQueueModel::Enterprise).toString(), summary.enterpriseName.in(locale));
        QCOMPARE(cell(CaseQueueModel::Status).toString(), scheme.statuses().nameOf(summary.status, locale));
        QCOMPARE(cell(CaseQueueModel::Submitted).toString(), locale.toString(*summary.submitted, QLocale::ShortFormat));
        // Money exact, to the cent, in the locale's digits, and right-aligned.
        QCOMPARE(cell(CaseQueueModel::TotalCost).toString(), summary.totalCost.toDisplayString(locale));
        QCOMPARE(cell(CaseQueueModel::TotalCost, CaseQueueModel::SortKeyRole).toLongLong(), summary.totalCost.cents());
        QCOMPARE(cell(CaseQueueModel::TotalCost, Qt::TextAlignmentRole).toInt() & Qt::AlignHorizontal_Mask,
                 int(Qt::AlignRight));
    }
}

void TestCaseQueueView::filtersNarrowTheQueue_data()
{
    QTest::addColumn<QString>("combo");
    QTest::addColumn<QString>("value");
    QTest::newRow("status") << QStringLiteral("statusCombo") << QStringLiteral("completed");
    QTest::newRow("sector") << QStringLiteral("sectorCombo") << QStringLiteral("wholesale_retail");
    QTest::newRow("solution category") << QStringLiteral("categoryCombo") << QStringLiteral("erp");
    QTest::newRow("overdue") << QStringLiteral("overdueCheck") << QString();
}

void TestCaseQueueView::filtersNarrowTheQueue()
{
    QFETCH(QString, combo);
    QFETCH(QString, value);
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    view.setToday(kLater);
    QCOMPARE(view.model()->totalCount(), 400);
    CaseQueueQuery expected;
    expected.asOf = kLater;
    if (combo == QLatin1String("overdueCheck")) {
        child<QCheckBox>(view, "overdueCheck")->setChecked(true);
        expected.overdueOnly = true;
    } else {
        auto *box = child<QComboBox>(view, qPrintable(combo));
        const QVariant data = combo == QLatin1String("statusCombo") ? QVariant(QStringList{value}) : QVariant(value);
        const int index = box->findData(data);
        QVERIFY(index > 0);
        box->setCurrentIndex(index);
        if (combo == QLatin1String("statusCombo"))
            expected.filter.statuses = {value};
        else if (combo == QLatin1String("sectorCombo"))
            expected.filter.sector = value;
        else
            expected.filter.solutionCategory = value;
    }
    const qint64 count = countOf(*m_desk.workspace, expected);
    QVERIFY(count > 0 && count < 400);
    QCOMPARE(view.model()->totalCount(), count);
    QCOMPARE(view.model()->rowCount(), int(std::min<qint64>(count, CaseQueueModel::kPageSize)));
    QTRY_VERIFY(child<QLabel>(view, "countLabel")->text().contains(QString::number(count)));
}

void TestCaseQueueView::searchRunsAMomentAfterTheLastKeystroke()
{
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    auto *search = child<QLineEdit>(view, "searchEdit");
    type(search, QStringLiteral("系統"));
    QCOMPARE(view.model()->totalCount(), 400); // not yet: the person may still be typing
    CaseQueueQuery expected;
    expected.searchText = QStringLiteral("系統");
    const qint64 count = countOf(*m_desk.workspace, expected);
    QVERIFY(count > 0 && count < 400);
    QTRY_COMPARE(view.model()->totalCount(), count);
    search->clear();
    QTRY_COMPARE(view.model()->totalCount(), 400);
}

void TestCaseQueueView::enterAndDoubleClickRequestTheCase()
{
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy requested(&view, &CaseQueueView::caseRequested);
    auto *table = child<QTableView>(view, "table");
    const QModelIndex second = view.model()->index(1, CaseQueueModel::Title);
    table->setFocus();
    table->setCurrentIndex(second);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), second.data(CaseQueueModel::ApplicationIdRole).toString());
    const QModelIndex third = view.model()->index(2, CaseQueueModel::Reference);
    const QPoint centre = table->visualRect(third).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
    QCOMPARE(requested.size(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), third.data(CaseQueueModel::ApplicationIdRole).toString());
}

void TestCaseQueueView::ctrlFGoesToSearch()
{
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    view.show();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto *table = child<QTableView>(view, "table");
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>(view, "searchEdit")->hasFocus());
    // Every filter and the table can be told apart by a screen reader.
    for (const char *name : {"searchEdit", "statusCombo", "officerCombo", "overdueCheck", "sectorCombo",
                             "categoryCombo", "submittedCheck", "fromEdit", "toEdit", "table", "batchButton"})
        QVERIFY2(!child<QWidget>(view, name)->accessibleName().isEmpty(), name);
}

void TestCaseQueueView::languageSwitchRetranslatesHeadersAndFilters()
{
    CaseQueueView view(*m_desk.session);
    showAllStatuses(view);
    auto *status = child<QComboBox>(view, "statusCombo");
    auto *sector = child<QComboBox>(view, "sectorCombo");
    sector->setCurrentIndex(sector->findData(QStringLiteral("education")));
    const qint64 filtered = view.model()->totalCount();
    auto *table = child<QTableView>(view, "table");
    table->selectRow(3);
    const QString selected = view.selectedApplicationIds().value(0);
    QVERIFY(!selected.isEmpty());
    const Scheme &scheme = Scheme::technologyVoucher();
    QCOMPARE(sector->currentText(), scheme.sectors().nameOf(QStringLiteral("education"), QLocale(QLocale::English)));
    QCOMPARE(view.model()->headerData(CaseQueueModel::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));

    // The scheme's names come from its data, the rest from the translators.
    QVERIFY(Language::apply(QStringLiteral("zh_HK")));
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QCoreApplication::processEvents();
    const QLocale hongKong = Language::localeFor(QStringLiteral("zh_HK"));
    QCOMPARE(sector->currentText(), scheme.sectors().nameOf(QStringLiteral("education"), hongKong));
    QCOMPARE(status->itemText(2), scheme.statuses().terms().first().name.in(hongKong));
    QCOMPARE(status->itemText(0), QStringLiteral("«All statuses»"));
    QCOMPARE(view.model()->headerData(CaseQueueModel::Status, Qt::Horizontal).toString(), QStringLiteral("«Status»"));
    QCOMPARE(child<QLabel>(view, "statusLabel")->text(), QStringLiteral("«S&tatus:»"));
    QVERIFY(child<QLabel>(view, "countLabel")->text().startsWith(u'\u00AB'));
    QCOMPARE(view.model()->index(0, CaseQueueModel::Status).data().toString(),
             scheme.statuses().nameOf(view.model()->index(0, 0).data(CaseQueueModel::StatusRole).toString(), hongKong));
    // The same cases, the same one selected.
    QCOMPARE(view.model()->totalCount(), filtered);
    QCOMPARE(view.selectedApplicationIds(), QStringList{selected});
    QCoreApplication::removeTranslator(&marking);
}

void TestCaseQueueView::batchDialogOffersTheRolesActionsAndWantsReasons()
{
    BatchActionDialog dialog(*m_desk.session, 3);
    auto *actions = child<QComboBox>(dialog, "actionCombo");
    QStringList offered;
    for (int i = 0; i < actions->count(); ++i)
        offered << actions->itemData(i).toString();
    QVERIFY(offered.contains(QStringLiteral("start_screening")));
    QVERIFY(offered.contains(QStringLiteral("return_ineligible")));
    QVERIFY(!offered.contains(QStringLiteral("approve")));  // the approving officer's
    QVERIFY(!offered.contains(QStringLiteral("submit")));   // the applicant's
    QVERIFY(dialog.selectAction(QStringLiteral("start_screening")));
    QVERIFY(dialog.canApply());
    QVERIFY(dialog.selectAction(QStringLiteral("return_ineligible")));
    QVERIFY(!dialog.canApply());
    dialog.setReason(QStringLiteral("   "));
    QVERIFY(!dialog.canApply());
    dialog.setReason(QStringLiteral("  Not a Hong Kong business  "));
    QVERIFY(dialog.canApply());
    QCOMPARE(dialog.choice().reason, QStringLiteral("Not a Hong Kong business"));
    QVERIFY(!dialog.selectAction(QStringLiteral("approve")));
}

void TestCaseQueueView::batchActionSummarisesAppliedAndRefusedCases()
{
    // A copy of the demo to change.
    QTemporaryDir copy;
    QVERIFY(copy.isValid());
    for (const QString &name : QDir(m_demo).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(m_demo).filePath(name), copy.filePath(name)));
    Desk desk = openDesk(copy.path());
    QVERIFY(Language::apply(QStringLiteral("zh_HK")));
    CaseQueueView view(*desk.session);
    showAllStatuses(view);
    QSignalSpy announced(desk.session.get(), &DeskSession::caseChanged);

    // Two cases waiting to be screened and two projects under way.
    const auto idsIn = [&](const QString &status, int count) {
        CaseQueueQuery query;
        query.filter.statuses = {status};
        QStringList ids;
        for (const CaseQueueRow &row : CaseQueue(*desk.workspace).rows(query, Page{count, 0}))
            ids << row.summary.id;
        return ids;
    };
    const QStringList submitted = idsIn(QStringLiteral("submitted"), 2);
    const QStringList underWay = idsIn(QStringLiteral("in_progress"), 2);
    QCOMPARE(submitted.size(), 2);
    QCOMPARE(underWay.size(), 2);
    const TransitionBatch batch =
        view.applyAction({QStringLiteral("start_screening"), QString()}, submitted + underWay);
    QCOMPARE(batch.appliedCount(), 2);
    QCOMPARE(batch.refusedCount(), 2);
    QCOMPARE(announced.size(), 2);
    const QString underWayName =
        Scheme::technologyVoucher().statuses().nameOf(QStringLiteral("in_progress"), Language::localeFor(QStringLiteral("zh_HK")));
    for (const TransitionResult &result : batch.results) {
        QCOMPARE(result.applied, submitted.contains(result.applicationId));
        if (!result.applied) {
            QCOMPARE(result.refusalCode, QStringLiteral("ACTION_NOT_AVAILABLE_IN_STATUS"));
            QVERIFY2(result.reason.contains(underWayName), qPrintable(result.reason)); // in the person's language
        }
    }
    // The queue was asked again: the screened cases have left "submitted".
    QCOMPARE(idsIn(QStringLiteral("submitted"), 1000).filter(submitted.first()).size(), 0);

    BatchSummaryDialog summary(batch);
    auto *refusals = child<QTableWidget>(summary, "refusals");
    QCOMPARE(refusals->rowCount(), 2);
    QVERIFY(refusals->item(0, BatchSummaryDialog::Reason)->text().contains(underWayName));
    QVERIFY(child<QLabel>(summary, "appliedLabel")->text().contains(u'2'));
    QVERIFY(child<QLabel>(summary, "refusedLabel")->text().contains(u'2'));
}

QTEST_MAIN(TestCaseQueueView)
#include "tst_casequeueview.moc"

