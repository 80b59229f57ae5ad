#include "canonicaljson.h"
#include "domainerror.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using vd::CanonicalJson;

namespace {

const QString kVectors = QStringLiteral(VD_TEST_DATA "/canonicaljson");

QByteArray readVector(const QString &name)
{
    QFile file(kVectors + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/canonicaljson/%s is missing", qPrintable(name));
    return file.readAll();
}

QJsonValue parsed(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("a test vector is not JSON: %s", qPrintable(error.errorString()));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

} // namespace

class TestCanonicalJson : public QObject
{
    Q_OBJECT

private slots:
    void writesTheVectorsByteForByte_data();
    void writesTheVectorsByteForByte();
    void sortsNamesByUtf16CodeUnitsNotByCodePoints();
    void isAFixedPoint_data();
    void isAFixedPoint();
    void refusesWhatIsNotAnInteger_data();
    void refusesWhatIsNotAnInteger();
    void refusesALoneSurrogate();
    void refusesTheFloatingPointExampleOfRfc8785();
    void scalarsStandAlone();
};

void TestCanonicalJson::writesTheVectorsByteForByte_data()
{
    QTest::addColumn<QString>("name");
    const QStringList inputs = QDir(kVectors).entryList({QStringLiteral("*.input.json")}, QDir::Files, QDir::Name);
    QVERIFY(inputs.size() >= 6);
    for (const QString &input : inputs) {
        const QString name = input.chopped(int(qstrlen(".input.json")));
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestCanonicalJson::writesTheVectorsByteForByte()
{
    QFETCH(QString, name);
    const QByteArray expected = readVector(name + QStringLiteral(".expected.json"));
    QCOMPARE(CanonicalJson::of(parsed(readVector(name + QStringLiteral(".input.json")))), expected);
}

// U+1F600 is D83D DE00 in UTF-16, below U+FB33; by code point it would come after.
void TestCanonicalJson::sortsNamesByUtf16CodeUnitsNotByCodePoints()
{
    QJsonObject object;
    object.insert(QString(QChar(0xfb33)), 1);
    object.insert(QString::fromUcs4(U"\U0001F600"), 2);
    const QByteArray bytes = CanonicalJson::of(object);
    QVERIFY(bytes.indexOf("\xf0\x9f\x98\x80") < bytes.indexOf("\xef\xac\xb3"));
}

void TestCanonicalJson::isAFixedPoint_data()
{
    writesTheVectorsByteForByte_data();
}

void TestCanonicalJson::isAFixedPoint()
{
    QFETCH(QString, name);
    const QByteArray once = CanonicalJson::of(parsed(readVector(name + QStringLiteral(".input.json"))));
    QCOMPARE(CanonicalJson::of(parsed(once)), once);
}

void TestCanonicalJson::refusesWhatIsNotAnInteger_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("where");
    QTest::newRow("a fraction") << QByteArray(R"({"amount": 4.5})") << QStringLiteral("$.amount");
    QTest::newRow("a small fraction") << QByteArray("[0, 2e-3]") << QStringLiteral("$[1]");
    QTest::newRow("beyond 2^53") << QByteArray(R"({"a": {"b": [9007199254740992]}})") << QStringLiteral("$.a.b[0]");
    QTest::newRow("below -2^53") << QByteArray("[-9007199254740992]") << QStringLiteral("$[0]");
    QTest::newRow("an exponent too large") << QByteArray("[1E30]") << QStringLiteral("$[0]");
}

void TestCanonicalJson::refusesWhatIsNotAnInteger()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, where);
    try {
        CanonicalJson::of(parsed(json));
        QFAIL("a number that is not a safe integer was written");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("CANONICAL_JSON_NUMBER"));
        QCOMPARE(error.where(), where);
        QVERIFY(!error.message().isEmpty());
    }
}

void TestCanonicalJson::refusesALoneSurrogate()
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), QString(QChar(0xd83d)) + u'x');
    try {
        CanonicalJson::of(object);
        QFAIL("a lone surrogate was written");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("CANONICAL_JSON_STRING"));
        QCOMPARE(error.where(), QStringLiteral("$.name"));
        QVERIFY(error.message().contains(QLatin1String("d83d")));
    }
}

// RFC 8785 §3.2.2's example has floating-point numbers, which VoucherDesk never signs.
void TestCanonicalJson::refusesTheFloatingPointExampleOfRfc8785()
{
    try {
        CanonicalJson::of(parsed(readVector(QStringLiteral("rfc8785-numbers.refused.json"))));
        QFAIL("the floating-point example was written");
    } catch (const vd::DomainError &error) {
        QCOMPARE(error.where(), QStringLiteral("$.numbers[0]"));
    }
}

void TestCanonicalJson::scalarsStandAlone()
{
    QCOMPARE(CanonicalJson::of(QJsonValue()), QByteArray("null"));
    QCOMPARE(CanonicalJson::of(QJsonValue(true)), QByteArray("true"));
    QCOMPARE(CanonicalJson::of(QJsonValue(qint64(-42))), QByteArray("-42"));
    QCOMPARE(CanonicalJson::of(QJsonValue(QStringLiteral("券"))), QByteArray("\"\xe5\x88\xb8\""));
    QCOMPARE(CanonicalJson::of(QJsonArray()), QByteArray("[]"));
}

QTEST_GUILESS_MAIN(TestCanonicalJson)
#include "tst_canonicaljson.moc"
