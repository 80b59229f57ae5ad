#include "assessment.h"
#include "assessmentjson.h"
#include "deadlines.h"
#include "domainerror.h"
#include "holidaycalendar.h"
#include "jsonedit.h"
#include "jsonreader.h"
#include "language.h"
#include "money.h"
#include "rulebook.h"
#include "scheme.h"
#include "workflow.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <functional>

using vd::Language;

namespace {

// What a piece of code says, called the way the programs call it, so that
// the context it looks its words up under at run time is the one tested.
using Speaker = std::function<QString(const QLocale &)>;

// The message of the DomainError that `act` throws, or a note that it threw none.
QString refusal(const std::function<void()> &act)
{
    try {
        act();
    } catch (const vd::DomainError &error) {
        return error.message();
    }
    return QStringLiteral("(no error)");
}

QJsonObject schemeDocument()
{
    QFile file(QStringLiteral(":/voucherdesk/schemes/tvp.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the embedded scheme cannot be read");
    return QJsonDocument::fromJson(file.readAll()).object();
}

vd::Scheme schemeWith(const QString &path, const QJsonValue &value)
{
    const QJsonObject document = jsonedit::with(schemeDocument(), path, value);
    return vd::Scheme::fromJson(QJsonDocument(document).toJson(), QStringLiteral("tvp.json"));
}

const QHash<QString, Speaker> &speakers()
{
    static const QHash<QString, Speaker> table{
        {QStringLiteral("Finding with money"), [](const QLocale &) {
             return vd::Finding{QStringLiteral("QUOTATIONS_INSUFFICIENT"), QStringLiteral("application.items[0]"),
                                {QStringLiteral("120000.00"), QStringLiteral("3"), QStringLiteral("2")}}.message();
         }},
        {QStringLiteral("Finding with dates"), [](const QLocale &) {
             return vd::Finding{QStringLiteral("INVALID_PERIOD"), QStringLiteral("application.end"),
                                {QStringLiteral("2024-03-01"), QStringLiteral("2024-01-31")}}.message();
         }},
        {QStringLiteral("Workflow refusal"), [](const QLocale &locale) {
             return vd::Workflow::technologyVoucher()
                 .decide(QStringLiteral("closed"), QStringLiteral("submit"), QStringLiteral("applicant"))
                 .reason(locale);
         }},
        {QStringLiteral("CaseDeadline label"), [](const QLocale &locale) {
             vd::CaseDeadline deadline;
             deadline.kind = QStringLiteral("final_report");
             deadline.dueOn = QDate(2025, 5, 31);
             return deadline.label(locale).replace(locale.toString(deadline.dueOn, QLocale::LongFormat),
                                                   QStringLiteral("<date>"));
         }},
        {QStringLiteral("JsonReader type names"), [](const QLocale &) {
             const vd::JsonReader reader(QJsonObject{{QStringLiteral("employees"), QStringLiteral("many")}}, QString());
             return refusal([&] { reader.integer(QStringLiteral("employees"), 0, 100); });
         }},
        {QStringLiteral("Money"), [](const QLocale &) {
             QString reason;
             vd::Money::parse(u"12.345", &reason);
             return reason;
         }},
        {QStringLiteral("HolidayCalendar"), [](const QLocale &) {
             return refusal([] { vd::HolidayCalendar::fromJson(R"({"format": "x"})", QStringLiteral("calendar.json")); });
         }},
        {QStringLiteral("Scheme"), [](const QLocale &) {
             return refusal([] { schemeWith(QStringLiteral("format"), QStringLiteral("x")); });
         }},
        {QStringLiteral("RuleBook"), [](const QLocale &) {
             return refusal([] { vd::RuleBook(schemeWith(QStringLiteral("rules.rule_sets"), QJsonArray())); });
         }},
        {QStringLiteral("DeadlinePolicy"), [](const QLocale &) {
             return refusal([] {
                 vd::DeadlinePolicy(schemeWith(QStringLiteral("deadlines.clarification_status"), QStringLiteral("limbo")),
                                    vd::HolidayCalendar::hongKong());
             });
         }},
        {QStringLiteral("AssessmentJson"), [](const QLocale &) {
             return refusal([] {
                 vd::readAssessmentInput(QJsonObject{{QStringLiteral("format"), QStringLiteral("x")}},
                                         vd::RuleBook::technologyVoucher());
             });
         }},
    };
    return table;
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Language::apply(QStringLiteral("en")); }

    void lookupFindsTheMessageInItsContext_data();
    void lookupFindsTheMessageInItsContext();
    void codeSpeaksTheChosenLanguage_data();
    void codeSpeaksTheChosenLanguage();
    void hongKongAndMainlandWordingDiffer_data();
    void hongKongAndMainlandWordingDiffer();
};

// Straight from the embedded catalogues, under the context the code passes at
// run time: a message lupdate filed under another context is not found.
void TranslationsTest::lookupFindsTheMessageInItsContext_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *language, const char *context, const char *source, const QString &expected) {
        QTest::addRow("%s %s: %.40s", language, context, source)
            << QString::fromLatin1(language) << QByteArray(context) << QByteArray(source) << expected;
    };
    row("en", "vd::Finding", "d MMMM yyyy", QStringLiteral("d MMMM yyyy"));
    row("zh_HK", "vd::Finding", "d MMMM yyyy", QStringLiteral("yyyy年M月d日"));
    row("zh_CN", "vd::Finding", "d MMMM yyyy", QStringLiteral("yyyy年M月d日"));
    row("en", "vd::cli", "Commands:", QStringLiteral("Commands:"));
    row("zh_HK", "vd::cli", "Commands:", QStringLiteral("指令："));
    row("zh_CN", "vd::cli", "Commands:", QStringLiteral("命令："));
    row("zh_HK", "vd::cli", "Apply the scheme rules to one application and print the assessment",
        QStringLiteral("按計劃規則評估一宗申請，並顯示評估結果"));
    row("zh_CN", "vd::cli", "Apply the scheme rules to one application and print the assessment",
        QStringLiteral("按计划规则评估一项申请，并输出评估结果"));
    row("zh_HK", "vd::cli", "unknown command \"%1\"", QStringLiteral("不明指令「%1」"));
    row("zh_CN", "vd::cli", "unknown command \"%1\"", QStringLiteral("未知命令“%1”"));
    row("zh_HK", "vd::JsonReader", "line %1, column %2", QStringLiteral("第%1行第%2個字元"));
    row("zh_CN", "vd::JsonReader", "line %1, column %2", QStringLiteral("第%1行第%2列"));
    row("zh_HK", "vd::JsonReader", "is required", QStringLiteral("必須填寫"));
    row("zh_CN", "vd::JsonReader", "is required", QStringLiteral("必须填写"));
    row("zh_HK", "vd::Money", "an amount is required", QStringLiteral("必須填寫金額"));
    row("zh_CN", "vd::Money", "an amount is required", QStringLiteral("必须填写金额"));
    row("zh_HK", "vd::Workflow", "“%1”", QStringLiteral("「%1」"));
    row("zh_CN", "vd::Workflow", "“%1”", QStringLiteral("“%1”"));
    row("zh_HK", "vd::Workflow", "Only %1 can take it.", QStringLiteral("只有%1可採取此操作。"));
    row("zh_CN", "vd::Workflow", "Only %1 can take it.", QStringLiteral("只有%1可以执行此操作。"));
    row("zh_HK", "vd::DeadlinePolicy", "\"%1\" is not an action of this scheme", QStringLiteral("「%1」並非本計劃的操作"));
    row("zh_CN", "vd::DeadlinePolicy", "\"%1\" is not an action of this scheme", QStringLiteral("“%1”不是本计划的操作"));
    row("zh_HK", "vd::CaseDeadline", "Applicant's answer to the clarification request, due %1",
        QStringLiteral("申請企業回覆澄清要求，限期為%1"));
    row("zh_CN", "vd::CaseDeadline", "Applicant's answer to the clarification request, due %1",
        QStringLiteral("申请企业回复澄清要求，截止日期为%1"));
    row("zh_HK", "vd::HolidayCalendar", "a missing date", QStringLiteral("未有提供的日期"));
    row("zh_CN", "vd::HolidayCalendar", "a missing date", QStringLiteral("未提供的日期"));
    row("zh_HK", "vd::AssessmentJson", "needs the supplier's name", QStringLiteral("須填寫供應商名稱"));
    row("zh_CN", "vd::AssessmentJson", "needs the supplier's name", QStringLiteral("须填写供应商名称"));
    // app/desktop/main.cpp's options, looked up as vd::Desk (DeskText)
    row("zh_HK", "vd::Desk", "Sign in as this user instead of asking.", QStringLiteral("以此用戶登入，而不作詢問。"));
    row("zh_CN", "vd::Desk", "Sign in as this user instead of asking.", QStringLiteral("以此用户登录，而不进行询问。"));
    // recordjson.cpp's decoders inside namespace vd::record::detail, looked up as vd::record
    row("zh_HK", "vd::record", "expected an object with \"en\" and \"zh\" text",
        QStringLiteral("應為附有「en」及「zh」文字的物件"));
    row("zh_CN", "vd::record", "expected an object with \"en\" and \"zh\" text",
        QStringLiteral("应为带有“en”和“zh”文本的对象"));
    row("zh_HK", "vd::SyncIndicator", "Offline: the back office cannot be reached", QStringLiteral("離線：無法連接後台"));
    row("zh_CN", "vd::SyncIndicator", "Offline: the back office cannot be reached", QStringLiteral("离线：无法连接后台"));
    row("en", "vd::ConflictPanel", "&Keep Mine", QStringLiteral("&Keep Mine"));
    row("zh_HK", "vd::ConflictPanel", "&Keep Mine", QStringLiteral("保留我的版本(&K)"));
    row("zh_HK", "vd::BackOfficeConnection", "the back office at %1 refused the request: %2",
        QStringLiteral("位於 %1 的後台拒絕了此要求：%2"));
    row("zh_CN", "vd::BackOfficeConnection", "the back office at %1 refused the request: %2",
        QStringLiteral("位于 %1 的后台拒绝了此请求：%2"));
}

void TranslationsTest::lookupFindsTheMessageInItsContext()
{
    QFETCH(QString, language);
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);
    QFETCH(QString, expected);

    QVERIFY(Language::apply(language));
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData()), expected);
}

// Each part of the domain, called as the programs call it, speaks the language
// applied, with its numbers, dates and scheme names in that language too.
void TranslationsTest::codeSpeaksTheChosenLanguage_data()
{
    QTest::addColumn<QString>("speaker");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *speaker, const char *language, const QString &expected) {
        QTest::addRow("%s in %s", speaker, language)
            << QString::fromLatin1(speaker) << QString::fromLatin1(language) << expected;
    };
    row("Finding with money", "en",
        QStringLiteral("This item of HK$120,000.00 needs 3 quotations from different suppliers, but has 2. Add quotations "
                       "from other suppliers, or select a quotation from the programme's e-procurement platform."));
    row("Finding with money", "zh_HK",
        QStringLiteral("此開支項目的金額為HK$120,000.00，須有3份來自不同供應商的報價，但現只有2份。"
                       "請加入其他供應商的報價，或選用本計劃電子採購平台上的報價。"));
    row("Finding with money", "zh_CN",
        QStringLiteral("此开支项目的金额为HK$120,000.00，须有3份来自不同供应商的报价，但目前只有2份。"
                       "请添加其他供应商的报价，或选用本计划电子采购平台上的报价。"));
    row("Finding with dates", "en",
        QStringLiteral("The project ends on 31 January 2024, before it starts on 1 March 2024. Correct the start and end dates."));
    row("Finding with dates", "zh_HK",
        QStringLiteral("項目的結束日期（2024年1月31日）早於開始日期（2024年3月1日）。請更正開始日期及結束日期。"));
    row("Finding with dates", "zh_CN",
        QStringLiteral("项目的结束日期（2024年1月31日）早于开始日期（2024年3月1日）。请更正开始日期和结束日期。"));
    row("Workflow refusal", "en",
        QStringLiteral("The case is “Closed”, which is final: the action “Submit” can no longer be taken by anyone, "
                       "“Applicant enterprise” included."));
    row("Workflow refusal", "zh_HK",
        QStringLiteral("個案狀態為「已結束」，已屬最終狀態：任何人（包括「申請企業」）均不可再採取「遞交」操作。"));
    row("Workflow refusal", "zh_CN",
        QStringLiteral("个案状态为“已结束”，已是最终状态：任何人（包括“申请企业”）都不能再执行“提交”操作。"));
    row("CaseDeadline label", "en", QStringLiteral("Final report, due <date>"));
    row("CaseDeadline label", "zh_HK", QStringLiteral("提交總結報告，限期為<date>"));
    row("CaseDeadline label", "zh_CN", QStringLiteral("提交总结报告，截止日期为<date>"));
    row("JsonReader type names", "en", QStringLiteral("expected a whole number, found text"));
    row("JsonReader type names", "zh_HK", QStringLiteral("應為整數，但所填為文字"));
    row("JsonReader type names", "zh_CN", QStringLiteral("应为整数，但实际为文本"));
    row("Money", "en", QStringLiteral("at most two decimal places"));
    row("Money", "zh_HK", QStringLiteral("最多只可有兩個小數位"));
    row("Money", "zh_CN", QStringLiteral("最多只能有两位小数"));
    row("HolidayCalendar", "en", QStringLiteral("not a holiday calendar this program knows"));
    row("HolidayCalendar", "zh_HK", QStringLiteral("並非本程式可識別的假期表"));
    row("HolidayCalendar", "zh_CN", QStringLiteral("不是本程序可识别的假期日历"));
    row("Scheme", "en", QStringLiteral("not a scheme file this program knows"));
    row("Scheme", "zh_HK", QStringLiteral("並非本程式可識別的計劃檔案"));
    row("Scheme", "zh_CN", QStringLiteral("不是本程序可识别的计划文件"));
    row("RuleBook", "en", QStringLiteral("needs at least one rule set"));
    row("RuleBook", "zh_HK", QStringLiteral("須有最少一個規則組"));
    row("RuleBook", "zh_CN", QStringLiteral("须至少有一个规则集"));
    row("DeadlinePolicy", "en", QStringLiteral("\"limbo\" is not a status of this scheme"));
    row("DeadlinePolicy", "zh_HK", QStringLiteral("「limbo」並非本計劃的狀態"));
    row("DeadlinePolicy", "zh_CN", QStringLiteral("“limbo”不是本计划的状态"));
    row("AssessmentJson", "en", QStringLiteral("unknown format \"x\"; expected \"voucherdesk.assess/1\""));
    row("AssessmentJson", "zh_HK", QStringLiteral("不明格式「x」；應為「voucherdesk.assess/1」"));
    row("AssessmentJson", "zh_CN", QStringLiteral("未知格式“x”；应为“voucherdesk.assess/1”"));
}

void TranslationsTest::codeSpeaksTheChosenLanguage()
{
    QFETCH(QString, speaker);
    QFETCH(QString, language);
    QFETCH(QString, expected);

    QVERIFY(Language::apply(language));
    QVERIFY2(speakers().contains(speaker), qPrintable(speaker));
    QCOMPARE(speakers().value(speaker)(Language::localeFor(language)), expected);
}

// Hong Kong and the mainland write differently (characters, terms, quotation
// marks), so no message may be shared by mistake between zh_HK and zh_CN.
void TranslationsTest::hongKongAndMainlandWordingDiffer_data()
{
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<QByteArray>("source");

    const auto row = [](const char *context, const char *source) {
        QTest::addRow("%s: %.40s", context, source) << QByteArray(context) << QByteArray(source);
    };
    row("vd::Finding", "Listed companies cannot apply: the programme is open to non-listed enterprises only.");
    row("vd::Finding", "Give the number of months this subscription runs for.");
    row("vd::Workflow", "Only these roles can take it: %1.");
    row("vd::JsonReader", "an object");
    row("vd::Money", "at most two decimal places");
    row("vd::HolidayCalendar", "needs a name in English, Traditional Chinese and Simplified Chinese");
    row("vd::cli", "Usage: voucherdesk-cli COMMAND [options]");
    row("vd::SyncDesk", "The case is not among the cases you can see.");
    row("vd::AttachmentSync", "An attachment could not be saved here: %1. Make room or check the workspace folder, then sync again.");
    row("vd::Desk", "Use this language and remember it: en, zh_HK or zh_CN.");
}

void TranslationsTest::hongKongAndMainlandWordingDiffer()
{
    QFETCH(QByteArray, context);
    QFETCH(QByteArray, source);

    QVERIFY(Language::apply(QStringLiteral("zh_HK")));
    const QString hongKong = QCoreApplication::translate(context.constData(), source.constData());
    QVERIFY(Language::apply(QStringLiteral("zh_CN")));
    const QString mainland = QCoreApplication::translate(context.constData(), source.constData());

    const QString english = QString::fromUtf8(source);
    QVERIFY2(hongKong != english, qPrintable(hongKong));
    QVERIFY2(mainland != english, qPrintable(mainland));
    QVERIFY2(hongKong != mainland, qPrintable(hongKong + QStringLiteral(" = ") + mainland));
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
