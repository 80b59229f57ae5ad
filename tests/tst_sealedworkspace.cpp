// Sealed workspaces (SealedWorkspace, docs/audit-trail.md "Sealed
// workspaces"): a committee member's laptop keeps its cases sealed at rest.
// A confidential phrase written into a case at the back office reaches a
// sealed workspace by a real sync (a voucherdesk-backoffice process on
// 127.0.0.1, the real voucherdesk-cli) and is then found in none of that
// workspace's files; the right passphrase shows it, a wrong one says so and
// changes nothing.
#include "backofficeprocess.h"
#include "clirunner.h"
#include "rawconnection.h"

#include "samplerecords.h"

#include "applicationrepository.h"
#include "attachmentfolder.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "entitystore.h"
#include "sealedworkspace.h"
#include "syncclient.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace vd;

namespace {

const QString kPassword = QStringLiteral("voucherdesk-demo");
const QString kPassphrase = QStringLiteral("committee laptop 2026");
const QString kPhrase = QStringLiteral("Quartz-Heron-8841 機密評審意見");

// Every byte of every file under the folder, and where each is.
QList<std::pair<QString, QByteArray>> filesUnder(const QString &folder)
{
    QList<std::pair<QString, QByteArray>> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            files.append({file.fileName(), file.readAll()});
    }
    return files;
}

// Where the phrase (or a part of it a person could search for) is in the clear, if anywhere.
QString whereInTheClear(const QString &folder, const QString &phrase)
{
    const QString latin = phrase.section(u' ', 0, 0), chinese = phrase.section(u' ', 1);
    const QList<QByteArray> forms{latin.toUtf8(), chinese.toUtf8(),
                                  QByteArray(reinterpret_cast<const char *>(latin.utf16()), latin.size() * 2)};
    for (const auto &[name, bytes] : filesUnder(folder))
        for (const QByteArray &form : forms)
            if (bytes.contains(form))
                return name;
    return {};
}

QByteArray digestOfFolder(const QString &folder)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &[name, bytes] : filesUnder(folder)) {
        hash.addData(name.toUtf8());
        hash.addData(bytes);
    }
    return hash.result().toHex();
}

CliRun runCliWith(const QStringList &arguments, const QString &passphrase)
{
    return runCli(arguments, {{QStringLiteral("VOUCHERDESK_WORKSPACE_PASSPHRASE"), passphrase}});
}

QJsonObject withDescription(QJsonObject record, const QString &english)
{
    QJsonObject description = record.value(QStringLiteral("description")).toObject();
    description.insert(QStringLiteral("en"), english);
    record.insert(QStringLiteral("description"), description);
    return record;
}

} // namespace

class TestSealedWorkspace : public QObject
{
    Q_OBJECT

private slots:
    void aCaseWrittenToASealedWorkspaceIsNowhereInItsFilesAndComesBack();
    void aWrongPassphraseSaysSoAndChangesNothing();
    void anotherProgramCannotOpenItWhileItIsOpen();
    void aCaseSyncedToACommitteeLaptopIsNowhereInItsFiles();
};

void TestSealedWorkspace::aCaseWrittenToASealedWorkspaceIsNowhereInItsFilesAndComesBack()
{
    QTemporaryDir folder;
    SealedWorkspace::create(folder.path(), kPassphrase);
    QTemporaryDir outside;
    const QString attachmentFile = outside.filePath(QStringLiteral("quotation.txt"));
    {
        QFile file(attachmentFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((QStringLiteral("Quotation: ") + kPhrase).toUtf8());
    }
    QString sha256;
    {
        Workspace workspace(folder.path());
        QVERIFY(workspace.isSealed());
        Workspace second(folder.path()); // as another thread's connection: the same database
        Application application = samples::application();
        application.description = {kPhrase, kPhrase};
        application.attachments = {AttachmentFolder(workspace).add(attachmentFile, QStringLiteral("quotation"))};
        sha256 = application.attachments[0].sha256;
        UnitOfWork work(workspace, QStringLiteral("tester"));
        Enterprise enterprise = samples::enterprise();
        EnterpriseRepository(workspace).save(work, enterprise);
        ApplicationRepository(workspace).save(work, application);
        work.commit();
        QCOMPARE(ApplicationRepository(second).find(application.id).value().description.en, kPhrase);
    }
    QCOMPARE(whereInTheClear(folder.path(), kPhrase), QString());
    QVERIFY(!QFileInfo::exists(Workspace::fileIn(folder.path())));
    QVERIFY(QDir(QStringLiteral("/")).entryList({QStringLiteral("vd-sealed-*")}).isEmpty()); // no journal beside the memdb

    Workspace again(folder.path()); // filled from the sealed file
    QCOMPARE(ApplicationRepository(again).find(samples::application().id).value().description.zh, kPhrase);
    QCOMPARE(AttachmentFolder(again).read(sha256), (QStringLiteral("Quotation: ") + kPhrase).toUtf8());
    QCOMPARE(AttachmentFolder(again).digestOfKept(sha256), sha256);
}

void TestSealedWorkspace::aWrongPassphraseSaysSoAndChangesNothing()
{
    QTemporaryDir folder;
    QCOMPARE(runCliWith({QStringLiteral("init"), QStringLiteral("--sealed"), QStringLiteral("--workspace"), folder.path()},
                        kPassphrase).exitCode, 0);
    const QByteArray before = digestOfFolder(folder.path());
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("zh_HK")}) {
        const CliRun wrong = runCliWith({QStringLiteral("list"), QStringLiteral("--workspace"), folder.path(),
                                         QStringLiteral("--lang"), language},
                                        QStringLiteral("not the passphrase"));
        QVERIFY(wrong.exitCode != 0);
        QVERIFY2(wrong.errText().contains(language == QLatin1String("en") ? QStringLiteral("passphrase")
                                                                          : QStringLiteral("密碼短語")),
                 wrong.err.constData());
    }
    QCOMPARE(digestOfFolder(folder.path()), before);
    try {
        SealedWorkspace::unlock(folder.path(), QStringLiteral("not the passphrase"));
        QFAIL("a wrong passphrase unlocked the workspace");
    } catch (const DomainError &error) {
        QCOMPARE(error.code(), QStringLiteral("PASSPHRASE_WRONG"));
    }
    const CliRun right = runCliWith({QStringLiteral("list"), QStringLiteral("--workspace"), folder.path()}, kPassphrase);
    QVERIFY2(right.exitCode == 0, right.err.constData());
}

void TestSealedWorkspace::anotherProgramCannotOpenItWhileItIsOpen()
{
    QTemporaryDir folder;
    SealedWorkspace::create(folder.path(), kPassphrase);
    Workspace open(folder.path());
    const CliRun other = runCliWith({QStringLiteral("list"), QStringLiteral("--workspace"), folder.path()}, kPassphrase);
    QVERIFY(other.exitCode != 0);
    QVERIFY2(other.errText().contains(QStringLiteral("another program")), other.err.constData());
}

void TestSealedWorkspace::aCaseSyncedToACommitteeLaptopIsNowhereInItsFiles()
{
    QTemporaryDir data;
    BackOfficeProcess server;
    QVERIFY2(server.start({QStringLiteral("--data"), data.path(), QStringLiteral("--http"), QStringLiteral("--port"),
                           QStringLiteral("0"), QStringLiteral("--demo-applications"), QStringLiteral("40")},
                          data.filePath(QStringLiteral("server.log"))),
             server.log().constData());
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(server.port());
    QString member, caseId, reference, secretariat;
    {
        const RawConnection raw(data.filePath(QStringLiteral("workspace.sqlite")));
        const QString pick = QStringLiteral(
            "SELECT %1 FROM users AS u JOIN committee_memberships AS cm ON cm.user_id = u.id "
            "JOIN meetings AS m ON m.term_id = cm.term_id JOIN agenda_items AS ai ON ai.meeting_id = m.id "
            "JOIN applications AS a ON a.id = ai.application_id "
            "WHERE u.role = 'committee_member' AND u.active = 1 AND NOT EXISTS (SELECT 1 FROM interest_declarations AS d "
            "WHERE d.user_id = u.id AND d.application_id = ai.application_id) ORDER BY u.username, ai.application_id LIMIT 1");
        member = raw.scalar(pick.arg(QStringLiteral("u.username"))).toString();
        caseId = raw.scalar(pick.arg(QStringLiteral("ai.application_id"))).toString();
        reference = raw.scalar(pick.arg(QStringLiteral("a.reference"))).toString();
        secretariat = raw.scalar(QStringLiteral("SELECT username FROM users WHERE role = 'secretariat' AND active = 1 "
                                                "ORDER BY username LIMIT 1")).toString();
    }
    QVERIFY(!caseId.isEmpty());

    // The secretariat writes the phrase into the case and sends it to the back office.
    {
        QTemporaryDir deskFolder;
        Workspace desk(deskFolder.path());
        SyncClient client(desk);
        client.signIn(url, secretariat, kPassword);
        client.sync();
        const QJsonObject record = EntityStore(desk).find(QStringLiteral("application"), caseId).value();
        UnitOfWork work(desk, client.session().user.id);
        EntityStore(desk).save(work, QStringLiteral("application"), withDescription(record, kPhrase));
        work.commit();
        QCOMPARE(client.sync().applied, 1);
    }

    // The member's laptop: a sealed workspace, synced by the command line.
    QTemporaryDir laptop;
    QTemporaryDir secrets;
    const QString passwordFile = secrets.filePath(QStringLiteral("password"));
    {
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPassword.toUtf8());
    }
    QCOMPARE(runCliWith({QStringLiteral("init"), QStringLiteral("--sealed"), QStringLiteral("--workspace"), laptop.path()},
                        kPassphrase).exitCode, 0);
    const CliRun sync = runCliWith({QStringLiteral("sync"), QStringLiteral("--workspace"), laptop.path(), QStringLiteral("--server"),
                                    url, QStringLiteral("--user"), member, QStringLiteral("--password-file"), passwordFile},
                                   kPassphrase);
    QVERIFY2(sync.exitCode == 0, sync.err.constData());

    QCOMPARE(whereInTheClear(laptop.path(), kPhrase), QString());
    const CliRun shown = runCliWith({QStringLiteral("show"), reference, QStringLiteral("--workspace"), laptop.path(),
                                     QStringLiteral("--lang"), QStringLiteral("en")},
                                    kPassphrase);
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    QVERIFY2(shown.outText().contains(kPhrase), shown.out.constData());
    QCOMPARE(server.stop(), 0);
}

QTEST_GUILESS_MAIN(TestSealedWorkspace)
#include "tst_sealedworkspace.moc"
