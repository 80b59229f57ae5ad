#include "passwordhash.h"

#include <QtTest>

using vd::PasswordHash;

class TestPasswordHash : public QObject
{
    Q_OBJECT

private slots:
    void theRightPasswordMatchesAndNoOtherDoes();
    void eachHashHasItsOwnSalt();
    void theStoredFormKeepsTheCostParameters();
    void matchesTheScryptTestVectorOfRfc7914();
    void storedTextThatIsNotAHashIsRefused_data();
    void storedTextThatIsNotAHashIsRefused();
};

void TestPasswordHash::theRightPasswordMatchesAndNoOtherDoes()
{
    const PasswordHash hash = PasswordHash::of("correct horse 馬", 1u << 10);
    QVERIFY(hash.matches("correct horse 馬"));
    QVERIFY(!hash.matches("correct horse"));
    QVERIFY(!hash.matches(""));
}

void TestPasswordHash::eachHashHasItsOwnSalt()
{
    const PasswordHash first = PasswordHash::of("same password", 1u << 10);
    const PasswordHash second = PasswordHash::of("same password", 1u << 10);
    QCOMPARE(first.salt.size(), 16);
    QVERIFY(first.salt != second.salt);
    QVERIFY(first.key != second.key);
}

void TestPasswordHash::theStoredFormKeepsTheCostParameters()
{
    const PasswordHash hash = PasswordHash::of("voucherdesk-demo");
    QVERIFY(hash.encoded().startsWith(QLatin1String("scrypt$32768$8$1$")));
    const std::optional<PasswordHash> read = PasswordHash::decoded(hash.encoded());
    QVERIFY(read.has_value());
    QCOMPARE(read->n, quint64(32768));
    QCOMPARE(read->salt, hash.salt);
    QCOMPARE(read->key, hash.key);
    QVERIFY(read->matches("voucherdesk-demo"));
}

// RFC 7914 §12: scrypt("password", "NaCl", N=1024, r=8, p=16), the first 32 bytes.
void TestPasswordHash::matchesTheScryptTestVectorOfRfc7914()
{
    PasswordHash vector;
    vector.salt = "NaCl";
    vector.n = 1024;
    vector.r = 8;
    vector.p = 16;
    vector.key = QByteArray::fromHex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162");
    QVERIFY(vector.matches("password"));
}

void TestPasswordHash::storedTextThatIsNotAHashIsRefused_data()
{
    QTest::addColumn<QString>("text");
    const QString salt = QStringLiteral("00112233445566778899aabbccddeeff");
    const QString key = QString(64, u'a');
    QTest::newRow("empty") << QString();
    QTest::newRow("another algorithm") << QStringLiteral("bcrypt$32768$8$1$%1$%2").arg(salt, key);
    QTest::newRow("N not a power of two") << QStringLiteral("scrypt$30000$8$1$%1$%2").arg(salt, key);
    QTest::newRow("N too large") << QStringLiteral("scrypt$4194304$8$1$%1$%2").arg(salt, key);
    QTest::newRow("r zero") << QStringLiteral("scrypt$32768$0$1$%1$%2").arg(salt, key);
    QTest::newRow("short salt") << QStringLiteral("scrypt$32768$8$1$0011$%1").arg(key);
    QTest::newRow("short key") << QStringLiteral("scrypt$32768$8$1$%1$abcd").arg(salt);
    QTest::newRow("a part missing") << QStringLiteral("scrypt$32768$8$%1$%2").arg(salt, key);
}

void TestPasswordHash::storedTextThatIsNotAHashIsRefused()
{
    QFETCH(QString, text);
    QVERIFY(!PasswordHash::decoded(text).has_value());
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
