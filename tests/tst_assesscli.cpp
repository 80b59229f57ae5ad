// voucherdesk-cli assess, run as a person would run it (formats/assess.md):
// the worked examples, standard input, and every kind of unreadable input.
#include "clirunner.h"
#include "jsonedit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kExamples = QStringLiteral(VD_TEST_DATA "/assess");

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("%s is missing", qPrintable(path));
    return file.readAll();
}

QJsonObject example(const char *name = "01-eligible-erp")
{
    return QJsonDocument::fromJson(contentOf(kExamples + u'/' + QString::fromLatin1(name) + QStringLiteral(".json"))).object();
}

QByteArray bytes(const QJsonObject &document)
{
    return QJsonDocument(document).toJson();
}

CliRun assess(const QByteArray &input, const QStringList &options = {QStringLiteral("--lang"), QStringLiteral("en")})
{
    return runCli(QStringList{QStringLiteral("assess"), QStringLiteral("-")} + options, input);
}

QJsonObject outputOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

// The (code, path) pairs of a list of findings, as the examples compare them.
QSet<QString> pairs(const QJsonValue &findings)
{
    QSet<QString> result;
    for (const QJsonValue &finding : findings.toArray())
        result.insert(finding[QStringLiteral("code")].toString() + u'@' + finding[QStringLiteral("path")].toString());
    return result;
}

QStringList codes(const CliRun &run)
{
    QStringList result;
    for (const QJsonValue &finding : outputOf(run).value(QStringLiteral("errors")).toArray())
        result.append(finding[QStringLiteral("code")].toString());
    return result;
}

} // namespace

class AssessCliTest : public QObject
{
    Q_OBJECT

private slots:
    void matchesTheWorkedExamples_data();
    void matchesTheWorkedExamples();
    void readsStandardInputLikeAFile();
    void refusesUnreadableInput_data();
    void refusesUnreadableInput();
    void namesTheExactPlaceOfABadAmount();
    void refusesBadArguments_data();
    void refusesBadArguments();
    void judgesByRulesWhatIsReadable_data();
    void judgesByRulesWhatIsReadable();
    void writesMessagesInTheChosenLanguage();
    void writesNothing();
};

void AssessCliTest::matchesTheWorkedExamples_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QStringList inputs = QDir(kExamples).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)
                                   .filter(QRegularExpression(QStringLiteral("^(?!.*\\.expected\\.json$)")));
    QVERIFY(inputs.size() >= 5);
    for (const QString &input : inputs) {
        const QString name = input.chopped(5);
        QTest::newRow(qPrintable(name)) << kExamples + u'/' + input << kExamples + u'/' + name + QStringLiteral(".expected.json");
    }
}

void AssessCliTest::matchesTheWorkedExamples()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QJsonObject expectation = QJsonDocument::fromJson(contentOf(expected)).object();
    const CliRun run = runCli({QStringLiteral("assess"), input, QStringLiteral("--lang"), QStringLiteral("en")});
    QCOMPARE(run.exitCode, expectation.value(QStringLiteral("exit")).toInt(-1));
    if (run.exitCode == 2)
        return;
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QJsonObject actual = outputOf(run);
    const QJsonObject output = expectation.value(QStringLiteral("output")).toObject();
    QCOMPARE(actual.keys(), output.keys());
    for (const QString &key : output.keys()) {
        if (key == QLatin1String("errors") || key == QLatin1String("warnings")) {
            QCOMPARE(pairs(actual.value(key)), pairs(output.value(key)));
            for (const QJsonValue &finding : actual.value(key).toArray())
                QVERIFY(!finding[QStringLiteral("message")].toString().isEmpty());
        } else {
            QVERIFY2(actual.value(key) == output.value(key), qPrintable(key));
        }
    }
}

void AssessCliTest::readsStandardInputLikeAFile()
{
    const QString file = kExamples + QStringLiteral("/03-quotation-errors.json");
    const CliRun fromFile = runCli({QStringLiteral("assess"), file, QStringLiteral("--lang"), QStringLiteral("en")});
    const CliRun fromStdin = assess(contentOf(file));
    QCOMPARE(fromStdin.exitCode, 1);
    QCOMPARE(fromStdin.exitCode, fromFile.exitCode);
    QCOMPARE(fromStdin.out, fromFile.out);
    QVERIFY(!fromStdin.out.isEmpty());
}

void AssessCliTest::refusesUnreadableInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("where");     // the place stderr must name
    QTest::addColumn<QString>("mentions");  // and anything else it must say

    const QJsonObject good = example();
    const QJsonObject withHistory = example("02-limited-by-cap");
    const QJsonObject withRelated = jsonedit::with(good, QStringLiteral("related[0]"),
        QJsonObject{{QStringLiteral("br_number"), QStringLiteral("87654321")},
                    {QStringLiteral("common_ownership_pct"), QStringLiteral("40")},
                    {QStringLiteral("history"), withHistory.value(QStringLiteral("history"))}});
    auto row = [](const char *name, const QJsonObject &document, const char *where, const char *mentions = "") {
        QTest::newRow(name) << bytes(document) << QString::fromLatin1(where) << QString::fromLatin1(mentions);
    };
    auto changed = [&](const char *path, const QJsonValue &value) { return jsonedit::with(good, QString::fromLatin1(path), value); };
    auto removed = [&](const char *path) { return jsonedit::without(good, QString::fromLatin1(path)); };

    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << "standard input line 1, column" << "JSON";
    QTest::newRow("nothing at all") << QByteArray() << "standard input" << "JSON";
    QTest::newRow("a list, not an object") << QByteArray("[]") << "standard input" << "object";
    row("unknown format", changed("format", QStringLiteral("voucherdesk.assess/2")), "format", "voucherdesk.assess/1");
    row("no format", removed("format"), "format");
    row("unknown scheme", changed("scheme", QStringLiteral("RTTP")), "scheme", "TVP");
    row("no applicant", removed("applicant"), "applicant");
    row("applicant as text", changed("applicant", QStringLiteral("Wing Fat")), "applicant");
    row("listed as text", changed("applicant.listed", QStringLiteral("no")), "applicant.listed");
    row("no government_subvented", removed("applicant.government_subvented"), "applicant.government_subvented");
    row("employees as text", changed("applicant.employees", QStringLiteral("18")), "applicant.employees");
    row("employees with a fraction", changed("applicant.employees", 18.5), "applicant.employees");
    row("negative employees", changed("applicant.employees", -1), "applicant.employees");
    row("BR number as a number", changed("applicant.br_number", 31415926), "applicant.br_number");
    row("unknown entity type", changed("applicant.entity_type", QStringLiteral("guild")), "applicant.entity_type",
        "company, sole_proprietorship, partnership, statutory_body");
    row("a name empty in both languages",
        changed("applicant.name", QJsonObject{{QStringLiteral("en"), QString()}, {QStringLiteral("zh"), QString()}}), "applicant.name");
    row("2023-02-30", changed("applicant.business_commenced", QStringLiteral("2023-02-30")), "applicant.business_commenced");
    row("a date in another shape", changed("applicant.business_commenced", QStringLiteral("01/04/2012")), "applicant.business_commenced");
    row("a share over 100%", changed("applicant.owners[0].share_pct", QStringLiteral("120")), "applicant.owners[0].share_pct");
    row("a share as a number", changed("applicant.owners[0].share_pct", 60), "applicant.owners[0].share_pct");
    row("history not a list", changed("history", QJsonObject()), "history");
    row("unknown history status", jsonedit::with(withHistory, QStringLiteral("history[1].status"), QStringLiteral("archived")),
        "history[1].status", "final_report_accepted");
    row("history grant with a thousands separator",
        jsonedit::with(withHistory, QStringLiteral("history[0].approved_grant"), QStringLiteral("300,000")), "history[0].approved_grant");
    row("history without its submission date", jsonedit::without(withHistory, QStringLiteral("history[0].submitted")),
        "history[0].submitted");
    row("related without its ownership", jsonedit::without(withRelated, QStringLiteral("related[0].common_ownership_pct")),
        "related[0].common_ownership_pct");
    row("related ownership of 100.5%", jsonedit::with(withRelated, QStringLiteral("related[0].common_ownership_pct"), QStringLiteral("100.5")),
        "related[0].common_ownership_pct");
    row("related history status unknown", jsonedit::with(withRelated, QStringLiteral("related[0].history[0].status"), QStringLiteral("x")),
        "related[0].history[0].status");
    row("no application", removed("application"), "application");
    row("no submission date", removed("application.submitted"), "application.submitted");
    row("an end date that does not exist", changed("application.end", QStringLiteral("2024-02-30")), "application.end");
    row("a start of null", changed("application.start", QJsonValue()), "application.start");
    row("no items", removed("application.items"), "application.items");
    row("items not a list", changed("application.items", QStringLiteral("ERP")), "application.items");
    row("three decimals", changed("application.items[0].amount", QStringLiteral("1.234")), "application.items[0].amount",
        "at most two decimal places");
    row("a thousands separator", changed("application.items[0].amount", QStringLiteral("1,000")), "application.items[0].amount");
    row("an amount as a number", changed("application.items[0].amount", 120000), "application.items[0].amount", "text");
    row("an amount of zero", changed("application.items[0].amount", QStringLiteral("0")), "application.items[0].amount");
    row("a negative amount", changed("application.items[0].amount", QStringLiteral("-120000")), "application.items[0].amount");
    row("thirteen digits", changed("application.items[0].amount", QStringLiteral("1234567890123")), "application.items[0].amount");
    row("an amount in an exponent", changed("application.items[0].amount", QStringLiteral("1.2e5")), "application.items[0].amount");
    row("unknown category", changed("application.items[1].category", QStringLiteral("gadgets")), "application.items[1].category",
        "off_the_shelf");
    row("a description empty in both languages",
        changed("application.items[0].description", QJsonObject{{QStringLiteral("en"), QStringLiteral(" ")}}),
        "application.items[0].description");
    row("a subscription without months", changed("application.items[0].category", QStringLiteral("subscription")),
        "application.items[0].months");
    row("months as text", changed("application.items[0].months", QStringLiteral("12")), "application.items[0].months");
    row("quotations not a list", changed("application.items[0].quotations", QJsonObject()), "application.items[0].quotations");
    row("a quotation amount that is not one", changed("application.items[0].quotations[1].amount", QStringLiteral("abc")),
        "application.items[0].quotations[1].amount");
    row("a quotation without a supplier", removed("application.items[0].quotations[2].supplier"),
        "application.items[0].quotations[2].supplier");
    row("selected as text", changed("application.items[0].quotations[0].selected", QStringLiteral("yes")),
        "application.items[0].quotations[0].selected");
    row("a justification as a number", changed("application.items[0].justification", 1), "application.items[0].justification");
}

void AssessCliTest::refusesUnreadableInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, where);
    QFETCH(QString, mentions);
    const CliRun run = assess(input);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    QVERIFY2(run.errText().startsWith(QStringLiteral("voucherdesk-cli assess: ") + where),
             qPrintable(QStringLiteral("stderr does not name \"%1\": %2").arg(where, run.errText())));
    QVERIFY2(run.errText().contains(mentions), qPrintable(run.errText()));
    QCOMPARE(run.errText().count(u'\n'), 1);
}

void AssessCliTest::namesTheExactPlaceOfABadAmount()
{
    const CliRun run = assess(bytes(jsonedit::with(example(), QStringLiteral("application.items[2].amount"), QStringLiteral("3000.001"))));
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errText(), QStringLiteral("voucherdesk-cli assess: application.items[2].amount: at most two decimal places\n"));
    QVERIFY(run.out.isEmpty());
}

void AssessCliTest::refusesBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    const QString assessCommand = QStringLiteral("assess");
    QTest::newRow("no file") << QStringList{assessCommand} << "standard input";
    QTest::newRow("two files") << QStringList{assessCommand, QStringLiteral("a.json"), QStringLiteral("b.json")} << "one file";
    QTest::newRow("a file that is not there") << QStringList{assessCommand, QStringLiteral("/nonexistent/application.json")}
                                              << "/nonexistent/application.json";
    QTest::newRow("a folder") << QStringList{assessCommand, QStringLiteral(VD_TEST_DATA)} << QStringLiteral(VD_TEST_DATA);
    QTest::newRow("a file that is not JSON") << QStringList{assessCommand, kExamples + QStringLiteral("/README.md")}
                                             << kExamples + QStringLiteral("/README.md line 1, column");
    QTest::newRow("unknown option") << QStringList{assessCommand, QStringLiteral("--colour"), QStringLiteral("-")} << "colour";
    QTest::newRow("unknown language") << QStringList{assessCommand, QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("-")}
                                      << "fr";
}

void AssessCliTest::refusesBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const CliRun run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.errText().contains(mentions), qPrintable(run.errText()));
}

void AssessCliTest::judgesByRulesWhatIsReadable_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("errors");
    const QJsonObject good = example();
    auto row = [](const char *name, const QJsonObject &document, int exitCode, const QStringList &errors) {
        QTest::newRow(name) << bytes(document) << exitCode << errors;
    };
    row("a BR number of the wrong shape is a rule error",
        jsonedit::with(good, QStringLiteral("applicant.br_number"), QStringLiteral("1234")), 1, {QStringLiteral("INVALID_BR_NUMBER")});
    row("no BR number for a company", jsonedit::with(good, QStringLiteral("applicant.br_number"), QJsonValue()), 1,
        {QStringLiteral("INVALID_BR_NUMBER")});
    row("no BR number for a statutory body",
        jsonedit::with(jsonedit::with(good, QStringLiteral("applicant.br_number"), QJsonValue()), QStringLiteral("applicant.entity_type"),
                       QStringLiteral("statutory_body")), 0, {});
    row("fields of the import/export format are ignored",
        jsonedit::with(jsonedit::with(good, QStringLiteral("application.items[0].id"), QStringLiteral("item-1")),
                       QStringLiteral("applicant.colour"), QStringLiteral("blue")), 0, {});
    QJsonObject sparse = good;
    for (const char *optional : {"history", "related", "applicant.owners", "application.items[0].justification",
                                 "application.items[0].quotations[0].platform"})
        sparse = jsonedit::without(sparse, QString::fromLatin1(optional));
    row("history, related, owners, justification and platform left out", sparse, 0, {});
    row("before the programme opened", jsonedit::with(good, QStringLiteral("application.submitted"), QStringLiteral("2016-11-20")), 1,
        {QStringLiteral("SCHEME_NOT_OPEN")});
    row("no items at all", jsonedit::with(good, QStringLiteral("application.items"), QJsonArray()), 1, {QStringLiteral("NO_ITEMS")});
}

void AssessCliTest::judgesByRulesWhatIsReadable()
{
    QFETCH(QByteArray, input);
    const CliRun run = assess(input);
    QTEST(run.exitCode, "exitCode");
    QTEST(codes(run), "errors");
    QVERIFY2(run.err.isEmpty(), run.err.constData());
}

void AssessCliTest::writesMessagesInTheChosenLanguage()
{
    const QByteArray input = bytes(jsonedit::with(example(), QStringLiteral("application.end"), QStringLiteral("2023-05-31")));
    auto message = [&](const char *language) {
        const CliRun run = assess(input, {QStringLiteral("--lang"), QString::fromLatin1(language)});
        return outputOf(run).value(QStringLiteral("errors")).toArray().first()[QStringLiteral("message")].toString();
    };
    const QString english = message("en");
    QCOMPARE(english, QStringLiteral("The project ends on 31 May 2023, before it starts on 1 June 2023. Correct the start and end dates."));
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    for (const char *chinese : {"zh_HK", "zh_CN"}) {
        const QString text = message(chinese);
        QVERIFY2(text != english && text.contains(han), qPrintable(text));
    }
}

void AssessCliTest::writesNothing()
{
    QTemporaryDir home;
    QFile input(home.filePath(QStringLiteral("application.json")));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write(bytes(example()));
    input.close();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "TMPDIR"})
        environment.insert(QString::fromLatin1(variable), home.path());
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home.path());
    process.start(QStringLiteral(VD_CLI), {QStringLiteral("assess"), QStringLiteral("application.json")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(QDir(home.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("application.json")});
}

QTEST_GUILESS_MAIN(AssessCliTest)
#include "tst_assesscli.moc"
