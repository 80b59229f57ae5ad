// Sealing at rest: AES-256-GCM under a data key wrapped by scrypt(passphrase):
// round trips, a wrong passphrase refused with nothing changed, any change to
// a sealed value found, and the plain text nowhere in what is stored.
#include "sealedbox.h"

#include "domainerror.h"

#include <QTest>

using vd::DomainError;
using vd::SealedBox;

namespace {

const QString kPhrase = QStringLiteral("機密：新界東北物流中心的投標底價 HK$18,250,000");

QString errorCode(const std::function<void()> &work)
{
    try {
        work();
    } catch (const DomainError &error) {
        return error.code();
    }
    return {};
}

} // namespace

class TestSealedBox : public QObject
{
    Q_OBJECT

private slots:
    void sealedContentOpensWithTheSameKeyOnly()
    {
        const SealedBox box = SealedBox::create(QStringLiteral("correct horse"));
        const QByteArray sealed = box.seal(kPhrase.toUtf8(), "applications.description/42");
        QCOMPARE(QString::fromUtf8(box.unseal(sealed, "applications.description/42")), kPhrase);
        const SealedBox reopened = SealedBox::open(box.wrappedKey(), QStringLiteral("correct horse"));
        QCOMPARE(QString::fromUtf8(reopened.unseal(sealed, "applications.description/42")), kPhrase);
        const SealedBox other = SealedBox::create(QStringLiteral("correct horse"));
        QCOMPARE(errorCode([&] { other.unseal(sealed, "applications.description/42"); }),
                 QStringLiteral("SEALED_DATA_DAMAGED"));
    }

    void thePlainTextIsNowhereInWhatIsStored()
    {
        const SealedBox box = SealedBox::create(QStringLiteral("correct horse"));
        const QByteArray sealed = box.seal(kPhrase.toUtf8());
        const QByteArray stored = sealed + box.wrappedKey();
        QVERIFY(!stored.contains(kPhrase.toUtf8()));
        QVERIFY(!stored.contains(QByteArray(reinterpret_cast<const char *>(kPhrase.utf16()), kPhrase.size() * 2)));
        QVERIFY(!stored.contains("HK$18,250,000"));
        QCOMPARE(sealed.size(), 4 + 12 + kPhrase.toUtf8().size() + 16);
        QVERIFY(SealedBox::isSealed(sealed));
        QVERIFY(!SealedBox::isSealed(kPhrase.toUtf8()));
    }

    void eachSealHasItsOwnNonce()
    {
        const SealedBox box = SealedBox::create(QStringLiteral("p"));
        const QByteArray first = box.seal("same"), second = box.seal("same");
        QVERIFY(first != second);
        QVERIFY(first.mid(4, 12) != second.mid(4, 12));
    }

    void aWrongPassphraseIsRefusedAndChangesNothing()
    {
        const SealedBox box = SealedBox::create(QStringLiteral("correct horse"));
        const QByteArray wrapped = box.wrappedKey();
        const QByteArray sealed = box.seal(kPhrase.toUtf8());
        QCOMPARE(errorCode([&] { SealedBox::open(wrapped, QStringLiteral("correct hors")); }),
                 QStringLiteral("PASSPHRASE_WRONG"));
        QCOMPARE(errorCode([&] { SealedBox::open(wrapped, QString()); }), QStringLiteral("PASSPHRASE_WRONG"));
        QCOMPARE(errorCode([&] { SealedBox::open(wrapped.left(40), QStringLiteral("correct horse")); }),
                 QStringLiteral("PASSPHRASE_WRONG"));
        QCOMPARE(box.wrappedKey(), wrapped);
        QCOMPARE(QString::fromUtf8(SealedBox::open(wrapped, QStringLiteral("correct horse")).unseal(sealed)), kPhrase);
        try {
            SealedBox::open(wrapped, QStringLiteral("wrong"));
        } catch (const DomainError &error) {
            QVERIFY(error.message().contains(QLatin1String("Nothing was changed")));
        }
    }

    void aChangedOrMovedValueIsFound_data()
    {
        QTest::addColumn<int>("byte");
        QTest::newRow("magic") << 0;
        QTest::newRow("nonce") << 5;
        QTest::newRow("ciphertext") << 20;
        QTest::newRow("tag") << -1;
    }

    void aChangedOrMovedValueIsFound()
    {
        QFETCH(int, byte);
        const SealedBox box = SealedBox::create(QStringLiteral("p"));
        QByteArray sealed = box.seal(kPhrase.toUtf8(), "row 1");
        sealed[byte < 0 ? sealed.size() + byte : byte] ^= 0x01;
        QCOMPARE(errorCode([&] { box.unseal(sealed, "row 1"); }), QStringLiteral("SEALED_DATA_DAMAGED"));
        const QByteArray intact = box.seal(kPhrase.toUtf8(), "row 1");
        QCOMPARE(errorCode([&] { box.unseal(intact, "row 2"); }), QStringLiteral("SEALED_DATA_DAMAGED"));
        QCOMPARE(errorCode([&] { box.unseal(intact.left(20)); }), QStringLiteral("SEALED_DATA_DAMAGED"));
    }

    void aNewPassphraseKeepsTheDataKey()
    {
        const SealedBox box = SealedBox::create(QStringLiteral("old"));
        const QByteArray sealed = box.seal("kept");
        const QByteArray rewrapped = box.rewrap(QStringLiteral("new"));
        QCOMPARE(SealedBox::open(rewrapped, QStringLiteral("new")).unseal(sealed), QByteArray("kept"));
        QCOMPARE(errorCode([&] { SealedBox::open(rewrapped, QStringLiteral("old")); }), QStringLiteral("PASSPHRASE_WRONG"));
    }
};

QTEST_GUILESS_MAIN(TestSealedBox)
#include "tst_sealedbox.moc"
