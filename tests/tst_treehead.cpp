// Signed tree heads: the RFC 6962 §3.5 bytes, ECDSA P-256 signatures that
// verify with the public key alone and fail for any change.
#include "treehead.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using vd::SignedTreeHead;
using vd::TreeHead;
using vd::TreeHeadKey;

namespace {

TreeHead sampleHead()
{
    TreeHead head;
    head.size = 1000005;
    head.root = vd::merkle::leafHash("root");
    head.timestampMs = 1796601600123;
    return head;
}

} // namespace

class TestTreeHead : public QObject
{
    Q_OBJECT

private slots:
    void signedBytesAreRfc6962TreeHeadSignature()
    {
        const TreeHead head = sampleHead();
        const QByteArray bytes = head.signedBytes();
        QCOMPARE(bytes.size(), 50);
        QCOMPARE(bytes.left(2).toHex(), QByteArray("0001"));
        QCOMPARE(bytes.mid(2, 8).toHex(), QByteArray("000001a24dccd87b")); // 1796601600123
        QCOMPARE(bytes.mid(10, 8).toHex(), QByteArray("00000000000f4245")); // 1000005
        QCOMPARE(bytes.mid(18), vd::merkle::bytes(head.root));
    }

    void aSignatureVerifiesWithThePublicKeyAlone()
    {
        const TreeHeadKey key = TreeHeadKey::generate();
        const SignedTreeHead signedHead = key.sign(sampleHead());
        const TreeHeadKey publicKey = TreeHeadKey::fromPublicKeyDer(key.publicKeyDer());
        QVERIFY(!publicKey.canSign());
        QVERIFY(publicKey.verify(signedHead));
        QVERIFY(key.verify(signedHead));
    }

    void anyChangeFailsVerification_data()
    {
        QTest::addColumn<int>("field");
        QTest::newRow("size") << 0;
        QTest::newRow("root") << 1;
        QTest::newRow("timestamp") << 2;
        QTest::newRow("signature") << 3;
    }

    void anyChangeFailsVerification()
    {
        QFETCH(int, field);
        const TreeHeadKey key = TreeHeadKey::generate();
        SignedTreeHead signedHead = key.sign(sampleHead());
        switch (field) {
        case 0: ++signedHead.head.size; break;
        case 1: signedHead.head.root[31] ^= 1; break;
        case 2: ++signedHead.head.timestampMs; break;
        default: signedHead.signature[signedHead.signature.size() - 1] ^= 1; break;
        }
        QVERIFY(!key.verify(signedHead));
    }

    void anotherKeysSignatureFails()
    {
        const SignedTreeHead signedHead = TreeHeadKey::generate().sign(sampleHead());
        QVERIFY(!TreeHeadKey::generate().verify(signedHead));
    }

    void theKeyFileIsMadeOnceAndPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tree-head-key.pem"));
        const TreeHeadKey made = TreeHeadKey::loadOrCreate(path);
        const QFileDevice::Permissions permissions = QFile::permissions(path);
        QVERIFY(permissions & QFileDevice::ReadOwner);
        QVERIFY(!(permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
                                 | QFileDevice::WriteOther)));
        const TreeHeadKey loaded = TreeHeadKey::loadOrCreate(path);
        QCOMPARE(loaded.publicKeyDer(), made.publicKeyDer());
        QVERIFY(loaded.verify(made.sign(sampleHead())));
    }

    void aKeyOfAnotherKindIsRefused()
    {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TreeHeadKey::fromPublicKeyDer("not a key"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, TreeHeadKey::fromPrivateKeyPem("-----BEGIN nothing"));
    }
};

QTEST_GUILESS_MAIN(TestTreeHead)
#include "tst_treehead.moc"
