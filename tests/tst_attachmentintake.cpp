// The back office's attachment intake on its own: pieces appended in a real
// data folder, with the folder looked at after each step.
#include "attachmentintake.h"
#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace vd;

namespace {

QString digestOf(const QByteArray &bytes)
{
    return QString::fromLatin1(Sha256::hexOf(bytes));
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// One piece: where it claims to start, and which bytes of the blob (or other bytes) it carries.
struct Piece
{
    qint64 offset;
    qint64 from;
    qint64 count;
    bool tampered = false;
};

} // namespace

Q_DECLARE_METATYPE(QList<Piece>)

class TestAttachmentIntake : public QObject
{
    Q_OBJECT

private slots:
    void piecesAreTakenOnlyWhereTheReceivedOnesEnd_data();
    void piecesAreTakenOnlyWhereTheReceivedOnesEnd();
    void anEmptyAttachmentIsCompleteAtOnce();
    void bytesHeldOfAnotherSizeAreDropped();
};

void TestAttachmentIntake::piecesAreTakenOnlyWhereTheReceivedOnesEnd_data()
{
    QTest::addColumn<QList<Piece>>("pieces");
    QTest::addColumn<QList<int>>("refusals");  // AttachmentIntake::Refusal of each piece
    QTest::addColumn<QList<qint64>>("received");
    QTest::addColumn<bool>("complete");

    const int none = int(AttachmentIntake::Refusal::None);
    const int offset = int(AttachmentIntake::Refusal::OffsetMismatch);
    const int past = int(AttachmentIntake::Refusal::PastTheSize);
    const int hash = int(AttachmentIntake::Refusal::HashMismatch);
    // The blob has 1000 bytes.
    QTest::newRow("whole at once") << QList<Piece>{{0, 0, 1000}} << QList<int>{none} << QList<qint64>{1000} << true;
    QTest::newRow("in three pieces") << QList<Piece>{{0, 0, 400}, {400, 400, 400}, {800, 800, 200}}
                                     << QList<int>{none, none, none} << QList<qint64>{400, 800, 1000} << true;
    QTest::newRow("a piece sent twice") << QList<Piece>{{0, 0, 400}, {0, 0, 400}, {400, 400, 600}}
                                        << QList<int>{none, offset, none} << QList<qint64>{400, 400, 1000} << true;
    QTest::newRow("a piece skipped") << QList<Piece>{{0, 0, 400}, {800, 800, 200}}
                                     << QList<int>{none, offset} << QList<qint64>{400, 400} << false;
    QTest::newRow("past the size") << QList<Piece>{{0, 0, 400}, {400, 0, 700}}
                                   << QList<int>{none, past} << QList<qint64>{400, 400} << false;
    QTest::newRow("wrong bytes are all dropped") << QList<Piece>{{0, 0, 400}, {400, 400, 600, true}}
                                                 << QList<int>{none, hash} << QList<qint64>{400, 0} << false;
    QTest::newRow("once whole, nothing more is taken") << QList<Piece>{{0, 0, 1000}, {0, 0, 10, true}}
                                                       << QList<int>{none, none} << QList<qint64>{1000, 1000} << true;
    QTest::newRow("an empty piece at the end finishes it") << QList<Piece>{{0, 0, 1000}, {1000, 1000, 0}}
                                                           << QList<int>{none, none} << QList<qint64>{1000, 1000} << true;
}

void TestAttachmentIntake::piecesAreTakenOnlyWhereTheReceivedOnesEnd()
{
    QFETCH(QList<Piece>, pieces);
    QFETCH(QList<int>, refusals);
    QFETCH(QList<qint64>, received);
    QFETCH(bool, complete);

    QTemporaryDir data;
    AttachmentIntake intake(data.path());
    QByteArray blob(1000, Qt::Uninitialized);
    for (int i = 0; i < blob.size(); ++i)
        blob[i] = char(i * 7 + 3);
    const QString digest = digestOf(blob);
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        QByteArray bytes = blob.mid(pieces[i].from, pieces[i].count);
        if (pieces[i].tampered && !bytes.isEmpty())
            bytes[0] = char(bytes[0] ^ 0x40);
        const AttachmentIntake::Progress progress = intake.append(digest, pieces[i].offset, blob.size(), bytes);
        QCOMPARE(int(progress.refusal), refusals[i]);
        QCOMPARE(progress.received, received[i]);
        QCOMPARE(intake.progress(digest).received, received[i]);
    }
    QCOMPARE(intake.progress(digest).complete, complete);
    QCOMPARE(intake.folder().contains(digest), complete);
    if (complete) {
        QCOMPARE(readAll(intake.folder().pathOf(digest)), blob);
        QVERIFY(!QFileInfo::exists(intake.folder().partialPathOf(digest)));
    } else {
        QCOMPARE(readAll(intake.folder().partialPathOf(digest)), blob.left(received.last()));
    }
}

void TestAttachmentIntake::anEmptyAttachmentIsCompleteAtOnce()
{
    QTemporaryDir data;
    AttachmentIntake intake(data.path());
    const QString digest = digestOf({});
    const AttachmentIntake::Progress progress = intake.append(digest, 0, 0, {});
    QVERIFY(progress.complete);
    QVERIFY(QFileInfo(intake.folder().pathOf(digest)).isFile());
    QCOMPARE(QFileInfo(intake.folder().pathOf(digest)).size(), 0);
}

void TestAttachmentIntake::bytesHeldOfAnotherSizeAreDropped()
{
    QTemporaryDir data;
    AttachmentIntake intake(data.path());
    const QByteArray blob(100, 'v');
    const QString digest = digestOf(blob);
    QDir().mkpath(QFileInfo(intake.folder().partialPathOf(digest)).absolutePath());
    QFile partial(intake.folder().partialPathOf(digest));
    QVERIFY(partial.open(QIODevice::WriteOnly));
    partial.write(QByteArray(150, 'v')); // more than the blob has: a client announced another size before
    partial.close();
    const AttachmentIntake::Progress refused = intake.append(digest, 150, blob.size(), {});
    QCOMPARE(refused.refusal, AttachmentIntake::Refusal::OffsetMismatch);
    QCOMPARE(refused.received, 0);
    QVERIFY(intake.append(digest, 0, blob.size(), blob).complete);
}

QTEST_GUILESS_MAIN(TestAttachmentIntake)
#include "tst_attachmentintake.moc"
