#include "applicationrepository.h"
#include "applicationsearch.h"
#include "enterpriserepository.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vd;

namespace {

struct Listing
{
    QString reference;
    BilingualText title;
    BilingualText description;
    BilingualText enterpriseName;
    QString brNumber;
};

const QList<Listing> kListings{
    {QStringLiteral("TVP/2026/00101"),
     {QStringLiteral("Cloud ERP for a trading firm"), QStringLiteral("貿易公司雲端企業資源規劃")},
     {QStringLiteral("IT upgrade with inventory"), QStringLiteral("提升資訊科技")},
     {QStringLiteral("Wing Fat Trading Ltd"), QStringLiteral("永發貿易有限公司")},
     QStringLiteral("12345678")},
    {QStringLiteral("TVP/2026/00102"),
     {QStringLiteral("Point of sale for a restaurant"), QStringLiteral("餐廳銷售點系統")},
     {QStringLiteral("Tablets and QR ordering"), QStringLiteral("平板電腦及二維碼點餐")},
     {QStringLiteral("Golden Dragon Restaurant"), QStringLiteral("金龍酒家")},
     QStringLiteral("23456789")},
    {QStringLiteral("TVP/2026/00103"),
     {QStringLiteral("Smart inventory (RFID) \"phase 2\""), QStringLiteral("智能存貨管理（第二期）")},
     {QStringLiteral("NEAR-field tags * and quotes 'like' this"), QStringLiteral("科技券資助")},
     {QStringLiteral("Sino Tech AND Co"), QStringLiteral("華科技有限公司")},
     QStringLiteral("34567890")},
};

QString idOf(int index)
{
    return QStringLiteral("application-%1").arg(index);
}

QStringList references(const QList<SearchHit> &hits)
{
    QStringList result;
    for (const SearchHit &hit : hits)
        result << hit.reference.section(u'/', 2);
    return result;
}

QStringList numbers(const char *spaced)
{
    return QString::fromLatin1(spaced).split(u' ', Qt::SkipEmptyParts);
}

} // namespace

Q_DECLARE_METATYPE(Page)

class ApplicationSearchTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void findsInBothLanguages_data();
    void findsInBothLanguages();
    void takesHostileInputLiterally_data();
    void takesHostileInputLiterally();
    void pagesNewestFirst_data();
    void pagesNewestFirst();
    void followsChangesWhenTheyCommit();
    void forgetsWhatWasRolledBack();
    void indexesTheLastOfSeveralChangesInOneUnitOfWork();
    void removingAnApplicationTakesItOutOfTheIndex();
    void rebuildsTheSameIndex();

private:
    QStringList search(const QString &query, const Page &page = {}) const
    {
        return references(ApplicationSearch(*m_workspace).find(query, page));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void ApplicationSearchTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_workspace = std::make_unique<Workspace>(m_dir->path());
    UnitOfWork work(*m_workspace, QStringLiteral("tester"));
    for (int i = 0; i < kListings.size(); ++i) {
        const Listing &listing = kListings[i];
        Enterprise enterprise;
        enterprise.id = QStringLiteral("enterprise-%1").arg(i);
        enterprise.name = listing.enterpriseName;
        enterprise.brNumber = listing.brNumber;
        EnterpriseRepository(*m_workspace).save(work, enterprise);
        Application application;
        application.id = idOf(i);
        application.enterpriseId = enterprise.id;
        application.reference = listing.reference;
        application.title = listing.title;
        application.description = listing.description;
        ApplicationRepository(*m_workspace).save(work, application);
    }
    Enterprise quiet;
    quiet.name = {QStringLiteral("Quiet Ltd"), QStringLiteral("靜")};
    EnterpriseRepository(*m_workspace).save(work, quiet);
    Application draft; // no reference yet
    draft.id = QStringLiteral("application-draft");
    draft.enterpriseId = quiet.id;
    draft.title = {QStringLiteral("Draft about bookkeeping"), QString()};
    ApplicationRepository(*m_workspace).save(work, draft);
    work.commit();
}

void ApplicationSearchTest::cleanup()
{
    m_workspace.reset();
    m_dir.reset();
}

void ApplicationSearchTest::findsInBothLanguages_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("English word") << "trading" << numbers("00101");
    QTest::newRow("case does not matter") << "tRaDiNg" << numbers("00101");
    QTest::newRow("three letters") << "erp" << numbers("00101");
    QTest::newRow("inside a word") << "ventor" << numbers("00103 00101");
    QTest::newRow("two letters, a scan") << "IT" << numbers("00101");
    QTest::newRow("Chinese, two characters") << "貿易" << numbers("00101");
    QTest::newRow("Chinese, two characters in two cases") << "科技" << numbers("00103 00101");
    QTest::newRow("Chinese, three characters") << "科技券" << numbers("00103");
    QTest::newRow("Chinese, one character") << "券" << numbers("00103");
    QTest::newRow("Chinese enterprise name") << "金龍酒家" << numbers("00102");
    QTest::newRow("full reference") << "TVP/2026/00102" << numbers("00102");
    QTest::newRow("part of a reference") << "00102" << numbers("00102");
    QTest::newRow("part of a BR number") << "12345" << numbers("00101");
    QTest::newRow("two words, both must occur") << "restaurant 餐廳" << numbers("00102");
    QTest::newRow("two words, only one occurs") << "restaurant 貿易" << numbers("");
    QTest::newRow("short and long words") << "金龍 tablets" << numbers("00102");
    QTest::newRow("two characters across two fields") << "m貿" << numbers("");
    QTest::newRow("two characters across punctuation") << "p2" << numbers("");
    QTest::newRow("a digit") << "7" << numbers("00103 00102 00101");
    QTest::newRow("ideographic space between words") << QStringLiteral("cloud　erp") << numbers("00101");
    QTest::newRow("nothing") << "blockchain" << numbers("");
    QTest::newRow("empty") << "   " << numbers("");
}

void ApplicationSearchTest::findsInBothLanguages()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(search(query, Page{50, 0}), expected);
}

void ApplicationSearchTest::takesHostileInputLiterally_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a lone double quote") << "\"" << numbers("00103");
    QTest::newRow("an opening quote") << "\"phase" << numbers("00103");
    QTest::newRow("quoted words") << "\"phase 2\"" << numbers("00103");
    QTest::newRow("single quotes") << "'like'" << numbers("00103");
    QTest::newRow("a star") << "*" << numbers("00103");
    QTest::newRow("a star as a prefix operator") << "erp*" << numbers("");
    QTest::newRow("NEAR as a word") << "NEAR" << numbers("00103");
    QTest::newRow("NEAR as an operator") << "NEAR(erp trading)" << numbers("");
    QTest::newRow("AND as a word") << "AND" << numbers("00103 00102");
    QTest::newRow("OR is not an operator") << "erp OR pos" << numbers("");
    QTest::newRow("NOT is not an operator") << "erp NOT trading" << numbers("");
    QTest::newRow("a minus is not an operator") << "-erp" << numbers("");
    QTest::newRow("a column filter is text") << "text:erp" << numbers("");
    QTest::newRow("parentheses") << "(RFID)" << numbers("00103");
    QTest::newRow("full-width parentheses") << "（第二期）" << numbers("00103");
    QTest::newRow("a caret") << "^erp" << numbers("");
    QTest::newRow("SQL") << "x'); DROP TABLE applications; --" << numbers("");
    QTest::newRow("a backslash") << "\\" << numbers("");
}

void ApplicationSearchTest::takesHostileInputLiterally()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(search(query), expected);
    QCOMPARE(ApplicationRepository(*m_workspace).count(), 4);
}

void ApplicationSearchTest::pagesNewestFirst_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<Page>("page");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("scan, first page") << "科技" << Page{1, 0} << numbers("00103");
    QTest::newRow("scan, second page") << "科技" << Page{1, 1} << numbers("00101");
    QTest::newRow("index, first page") << "and" << Page{1, 0} << numbers("00103");
    QTest::newRow("index, second page") << "and" << Page{1, 1} << numbers("00102");
    QTest::newRow("index, past the end") << "and" << Page{5, 2} << numbers("");
}

void ApplicationSearchTest::pagesNewestFirst()
{
    QFETCH(QString, query);
    QFETCH(Page, page);
    QFETCH(QStringList, expected);
    QCOMPARE(search(query, page), expected);
}

void ApplicationSearchTest::followsChangesWhenTheyCommit()
{
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        Enterprise renamed = *EnterpriseRepository(*m_workspace).find(QStringLiteral("enterprise-1"));
        renamed.name = {QStringLiteral("Silver Phoenix"), QStringLiteral("銀鳳凰")};
        EnterpriseRepository(*m_workspace).save(work, renamed);
        Application retitled = *ApplicationRepository(*m_workspace).find(idOf(0));
        retitled.title.en = QStringLiteral("Cloud accounting");
        ApplicationRepository(*m_workspace).save(work, retitled);
        QCOMPARE(search(QStringLiteral("phoenix")), numbers("")); // the indexes follow at commit
        work.commit();
    }
    QCOMPARE(search(QStringLiteral("phoenix")), numbers("00102"));
    QCOMPARE(search(QStringLiteral("鳳凰")), numbers("00102"));
    QCOMPARE(search(QStringLiteral("dragon")), numbers(""));
    QCOMPARE(search(QStringLiteral("accounting")), numbers("00101"));
    QCOMPARE(search(QStringLiteral("cloud erp")), numbers(""));
    QCOMPARE(search(QStringLiteral("trading")), numbers("00101")); // the enterprise name is still there
}

void ApplicationSearchTest::forgetsWhatWasRolledBack()
{
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        Application retitled = *ApplicationRepository(*m_workspace).find(idOf(2));
        retitled.title.en = QStringLiteral("Blockchain ledger");
        ApplicationRepository(*m_workspace).save(work, retitled);
    }
    QCOMPARE(search(QStringLiteral("blockchain")), numbers(""));
    QCOMPARE(search(QStringLiteral("rfid")), numbers("00103"));
}

void ApplicationSearchTest::indexesTheLastOfSeveralChangesInOneUnitOfWork()
{
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        ApplicationRepository applications(*m_workspace);
        Application changed = *applications.find(idOf(1));
        changed.title.en = QStringLiteral("Kiosk ordering");
        applications.save(work, changed);
        changed.title.en = QStringLiteral("Self-service kiosks");
        applications.save(work, changed);
        Application fresh;
        fresh.enterpriseId = QStringLiteral("enterprise-0");
        fresh.reference = QStringLiteral("TVP/2026/00104");
        fresh.title.en = QStringLiteral("Drone survey");
        applications.save(work, fresh);
        fresh.title.en = QStringLiteral("Laser survey");
        applications.save(work, fresh);
        work.commit();
    }
    QCOMPARE(search(QStringLiteral("kiosks")), numbers("00102"));
    QCOMPARE(search(QStringLiteral("ordering")), numbers("00102")); // still in its description
    QCOMPARE(search(QStringLiteral("kiosk ordering")), numbers("00102"));
    QCOMPARE(search(QStringLiteral("point of sale")), numbers(""));
    QCOMPARE(search(QStringLiteral("laser")), numbers("00104"));
    QCOMPARE(search(QStringLiteral("drone")), numbers(""));
    QCOMPARE(search(QStringLiteral("survey")), numbers("00104"));
    m_workspace->run(QStringLiteral("INSERT INTO application_search_index (application_search_index) "
                                    "VALUES ('integrity-check')"));
}

void ApplicationSearchTest::removingAnApplicationTakesItOutOfTheIndex()
{
    m_workspace->run(QStringLiteral("DELETE FROM applications WHERE id = 'application-2'"));
    QCOMPARE(search(QStringLiteral("rfid")), numbers(""));
    QCOMPARE(search(QStringLiteral("科技")), numbers("00101"));
    // The newest row removed, its rowid is given again and must still be indexed.
    m_workspace->run(QStringLiteral("DELETE FROM applications WHERE id = 'application-draft'"));
    QCOMPARE(search(QStringLiteral("bookkeeping")), numbers(""));
    {
        UnitOfWork work(*m_workspace, QStringLiteral("tester"));
        Application fresh;
        fresh.enterpriseId = QStringLiteral("enterprise-0");
        fresh.reference = QStringLiteral("TVP/2026/00105");
        fresh.title.en = QStringLiteral("Hydroponic farm sensors");
        ApplicationRepository(*m_workspace).save(work, fresh);
        work.commit();
    }
    QCOMPARE(search(QStringLiteral("hydroponic")), numbers("00105"));
    m_workspace->run(QStringLiteral("INSERT INTO application_search_index (application_search_index) "
                                    "VALUES ('integrity-check')"));
}

void ApplicationSearchTest::rebuildsTheSameIndex()
{
    ApplicationSearch(*m_workspace).rebuild();
    QCOMPARE(search(QStringLiteral("科技")), numbers("00103 00101"));
    QCOMPARE(search(QStringLiteral("trading")), numbers("00101"));
    QCOMPARE(search(QStringLiteral("draft about")).size(), 1);
}

QTEST_GUILESS_MAIN(ApplicationSearchTest)
#include "tst_applicationsearch.moc"
