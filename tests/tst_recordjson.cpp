#include "recordjson.h"
#include "samplerecords.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace vd;

namespace {

// One record's checks, as a function so the test table can hold every type.
using RecordCheck = void (*)();

template <typename Record>
Record withRevision(Record record)
{
    if constexpr (requires { record.revision; })
        record.revision = 7;
    return record;
}

QJsonObject parsed(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("compact JSON does not parse: %s in %s", qPrintable(error.errorString()), json.constData());
    return document.object();
}

template <typename Record, Record (*sample)()>
void checkRoundTrip()
{
    const Record record = withRevision(sample());
    const QJsonObject object = record::toJson(record);
    QCOMPARE(record::fromJson<Record>(object), record);
    QCOMPARE(parsed(record::toCompactJson(record)), object);
    QCOMPARE(record::fromJson<Record>(parsed(record::toCompactJson(record))), record);
    const Record empty{};
    QCOMPARE(record::fromJson<Record>(record::toJson(empty)), empty);
    QCOMPARE(parsed(record::toCompactJson(empty)), record::toJson(empty));
}

// A round trip proves little about a field the sample leaves at its default.
template <typename Record, Record (*sample)()>
void checkSampleSetsEveryField()
{
    const Record record = withRevision(sample());
    const Record empty{};
    forEachField<Record>([&](const auto &field) {
        if (record::detail::encode(record.*(field.member)) == record::detail::encode(empty.*(field.member)))
            QFAIL(qPrintable(QStringLiteral("the sample leaves %1 at its default").arg(QLatin1String(field.name))));
    });
}

Enterprise defaultEnterprise() { return samples::enterprise(); }
Application defaultApplication() { return samples::application(); }
User defaultUser() { return samples::user(); }

} // namespace

Q_DECLARE_METATYPE(RecordCheck)

class RecordJsonTest : public QObject
{
    Q_OBJECT

private slots:
    void everyRecordRoundTrips_data();
    void everyRecordRoundTrips();
    void samplesSetEveryField_data();
    void samplesSetEveryField();
    void writesTheAgreedShapes();
    void refusesBadValuesNamingThePath_data();
    void refusesBadValuesNamingThePath();
    void escapesTextInCompactJson();
    void writesTextAsQtsUtf8InCompactJson_data();
    void writesTextAsQtsUtf8InCompactJson();
    void writesInstantsAsQtWritesThemInUtc_data();
    void writesInstantsAsQtWritesThemInUtc();
};

#define VD_EACH_RECORD(ROW, CHECK)                                                                            \
    ROW("owner") << &CHECK<Owner, samples::owner>;                                                            \
    ROW("enterprise") << &CHECK<Enterprise, defaultEnterprise>;                           \
    ROW("application history entry") << &CHECK<ApplicationHistoryEntry, samples::historyEntry>;              \
    ROW("related enterprise") << &CHECK<RelatedEnterprise, samples::relatedEnterprise>;                      \
    ROW("quotation") << &CHECK<Quotation, samples::quotation>;                                                \
    ROW("budget item") << &CHECK<BudgetItem, samples::budgetItem>;                                            \
    ROW("attachment reference") << &CHECK<AttachmentReference, samples::attachment>;                         \
    ROW("applicant declaration") << &CHECK<ApplicantDeclaration, samples::declaration>;                      \
    ROW("application") << &CHECK<Application, defaultApplication>;                       \
    ROW("user") << &CHECK<User, defaultUser>;                                              \
    ROW("enterprise relation") << &CHECK<EnterpriseRelation, samples::enterpriseRelation>;                   \
    ROW("status change") << &CHECK<StatusChange, samples::statusChange>;                                      \
    ROW("clarification request") << &CHECK<ClarificationRequest, samples::clarificationRequest>;             \
    ROW("correspondence entry") << &CHECK<CorrespondenceEntry, samples::correspondenceEntry>;                \
    ROW("change request") << &CHECK<ChangeRequest, samples::changeRequest>;                                   \
    ROW("site check") << &CHECK<SiteCheck, samples::siteCheck>;                                               \
    ROW("project report") << &CHECK<ProjectReport, samples::projectReport>;                                   \
    ROW("committee") << &CHECK<Committee, samples::committee>;                                                \
    ROW("committee term") << &CHECK<CommitteeTerm, samples::committeeTerm>;                                   \
    ROW("committee membership") << &CHECK<CommitteeMembership, samples::committeeMembership>;                \
    ROW("interest declaration") << &CHECK<InterestDeclaration, samples::interestDeclaration>;                \
    ROW("meeting") << &CHECK<Meeting, samples::meeting>;                                                      \
    ROW("agenda item") << &CHECK<AgendaItem, samples::agendaItem>;                                            \
    ROW("attendance") << &CHECK<Attendance, samples::attendance>;                                             \
    ROW("review score") << &CHECK<ReviewScore, samples::reviewScore>;                                         \
    ROW("review") << &CHECK<Review, samples::review>;                                                         \
    ROW("committee outcome") << &CHECK<CommitteeOutcome, samples::committeeOutcome>;                         \
    ROW("approval") << &CHECK<Approval, samples::approval>;                                                   \
    ROW("funding agreement") << &CHECK<FundingAgreement, samples::fundingAgreement>;                         \
    ROW("disbursement milestone") << &CHECK<DisbursementMilestone, samples::disbursementMilestone>;          \
    ROW("payment") << &CHECK<Payment, samples::payment>;                                                      \
    ROW("signature") << &CHECK<Signature, samples::signature>;

void RecordJsonTest::everyRecordRoundTrips_data()
{
    QTest::addColumn<RecordCheck>("check");
    VD_EACH_RECORD(QTest::newRow, checkRoundTrip)
}

void RecordJsonTest::everyRecordRoundTrips()
{
    QFETCH(RecordCheck, check);
    check();
}

void RecordJsonTest::samplesSetEveryField_data()
{
    QTest::addColumn<RecordCheck>("check");
    VD_EACH_RECORD(QTest::newRow, checkSampleSetsEveryField)
}

void RecordJsonTest::samplesSetEveryField()
{
    QFETCH(RecordCheck, check);
    check();
}

void RecordJsonTest::writesTheAgreedShapes()
{
    const QJsonObject application = record::toJson(samples::application());
    QCOMPARE(application.value(QStringLiteral("approved_grant")).toString(), QStringLiteral("90000.00"));
    QCOMPARE(application.value(QStringLiteral("submitted")).toString(), QStringLiteral("2026-03-02"));
    QCOMPARE(application.value(QStringLiteral("updated_at")).toString(), QStringLiteral("2026-03-02T10:15:00.500Z"));
    QCOMPARE(application.value(QStringLiteral("title")).toObject().value(QStringLiteral("zh")).toString(),
             QStringLiteral("貿易公司雲端企業資源規劃"));
    QCOMPARE(application.value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("months")).toInt(), 18);

    Application draft;
    const QJsonObject empty = record::toJson(draft);
    QVERIFY(empty.value(QStringLiteral("submitted")).isNull());
    QVERIFY(empty.value(QStringLiteral("approved_grant")).isNull());
    QCOMPARE(record::toJson(samples::owner()).value(QStringLiteral("share_pct")).toString(), QStringLiteral("40.5"));
    QCOMPARE(record::toJson(samples::payment()).value(QStringLiteral("amount")).toString(), QStringLiteral("-20000.50"));
}

void RecordJsonTest::refusesBadValuesNamingThePath_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("where");
    QTest::newRow("money as a number") << "approved_grant" << QJsonValue(90000) << "application.approved_grant";
    QTest::newRow("three decimals") << "final_grant" << QJsonValue(QStringLiteral("1.234")) << "application.final_grant";
    QTest::newRow("impossible date") << "start" << QJsonValue(QStringLiteral("2026-02-30")) << "application.start";
    QTest::newRow("time without zone") << "created_at" << QJsonValue(QStringLiteral("2026-03-01T09:30:00"))
                                       << "application.created_at";
    QTest::newRow("missing key") << "status" << QJsonValue(QJsonValue::Undefined) << "application.status";
    QTest::newRow("revision as text") << "revision" << QJsonValue(QStringLiteral("3")) << "application.revision";
    QTest::newRow("nested item") << "items"
                                 << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")}}})
                                 << "application.items[0].category";
}

void RecordJsonTest::refusesBadValuesNamingThePath()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, where);
    QJsonObject object = record::toJson(samples::application());
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    try {
        record::fromJson<Application>(object);
        QFAIL("a bad value was accepted");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("INPUT_ERROR"));
        QCOMPARE(error.where(), where);
    }
}

void RecordJsonTest::escapesTextInCompactJson()
{
    Owner owner;
    owner.name = QStringLiteral("a\"b\\c\nd\x01" "e/中");
    const QByteArray json = record::toCompactJson(owner);
    QCOMPARE(json, QByteArray("{\"name\":\"a\\\"b\\\\c\\nd\\u0001e/\xe4\xb8\xad\",\"share_pct\":\"0\"}"));
    QCOMPARE(record::fromJson<Owner>(parsed(json)), owner);
}

void RecordJsonTest::writesTextAsQtsUtf8InCompactJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ASCII with every escape") << QStringLiteral("\"\\/\b\f\n\r\t\x1f\x7f end");
    QTest::newRow("two-byte") << QStringLiteral("café ß");
    QTest::newRow("three-byte, Chinese") << QStringLiteral("科技券 企業資源規劃系統");
    QTest::newRow("four-byte, a surrogate pair") << QStringLiteral("𠀀 😀");
    QTest::newRow("a lone high surrogate") << QString(QChar(0xD83D)) + u'x';
    QTest::newRow("a lone low surrogate") << u'x' + QString(QChar(0xDE00));
    QTest::newRow("a high surrogate at the end") << u'x' + QString(QChar(0xD83D));
    QTest::newRow("U+FFFF and U+0800") << QString(QChar(0xFFFF)) + QChar(0x0800);
}

// The JSON of a text is Qt's UTF-8 of it, with the ASCII that JSON escapes escaped.
void RecordJsonTest::writesTextAsQtsUtf8InCompactJson()
{
    QFETCH(QString, text);
    QByteArray expected("{\"name\":\"");
    for (const char c : text.toUtf8()) {
        switch (c) {
        case '"': expected += "\\\""; break;
        case '\\': expected += "\\\\"; break;
        case '\b': expected += "\\b"; break;
        case '\f': expected += "\\f"; break;
        case '\n': expected += "\\n"; break;
        case '\r': expected += "\\r"; break;
        case '\t': expected += "\\t"; break;
        default:
            if (c >= 0 && c < 0x20)
                expected += QByteArray("\\u00") + QByteArray::number(c, 16).rightJustified(2, '0');
            else
                expected += c;
        }
    }
    expected += "\",\"share_pct\":\"0\"}";
    Owner owner;
    owner.name = text;
    QCOMPARE(record::toCompactJson(owner), expected);
}

void RecordJsonTest::writesInstantsAsQtWritesThemInUtc_data()
{
    QTest::addColumn<QDateTime>("instant");
    QTest::addColumn<QString>("text");
    QTest::newRow("with milliseconds") << QDateTime(QDate(2026, 3, 1), QTime(9, 30, 0, 7), Qt::UTC)
                                       << QStringLiteral("2026-03-01T09:30:00.007Z");
    QTest::newRow("midnight") << QDateTime(QDate(1999, 12, 31), QTime(0, 0), Qt::UTC) << QStringLiteral("1999-12-31T00:00:00.000Z");
    QTest::newRow("an offset, written in UTC") << QDateTime(QDate(2024, 2, 29), QTime(7, 5, 9, 999), QTimeZone(8 * 3600))
                                               << QStringLiteral("2024-02-28T23:05:09.999Z");
    QTest::newRow("a year before 1000") << QDateTime(QDate(812, 1, 2), QTime(3, 4, 5), Qt::UTC)
                                        << QStringLiteral("0812-01-02T03:04:05.000Z");
    QTest::newRow("not set") << QDateTime() << QString();
}

void RecordJsonTest::writesInstantsAsQtWritesThemInUtc()
{
    QFETCH(QDateTime, instant);
    QFETCH(QString, text);
    QCOMPARE(record::instantText(instant), text);
    if (instant.isValid())
        QCOMPARE(record::instantText(instant), instant.toUTC().toString(Qt::ISODateWithMs));
}

QTEST_GUILESS_MAIN(RecordJsonTest)
#include "tst_recordjson.moc"
