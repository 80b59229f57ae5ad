#include "applicationrepository.h"
#include "attachmentfolder.h"
#include "canonicaljson.h"
#include "domainerror.h"
#include "enterpriserepository.h"
#include "samplerecords.h"
#include "submissionmanifest.h"
#include "unitofwork.h"
#include "workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace vd;

class TestSubmissionManifest : public QObject
{
    Q_OBJECT

private slots:
    void isCanonicalJsonOfTheApplicationWithItsAttachmentsHashes();
    void leavesOutWhatTheSecretariatChanges();
    void changesWithWhatTheApplicantStates();
    void isBuiltFromTheWorkspaceByReference();
    void refusesAnUnknownReferenceOrAMissingAttachment();
};

void TestSubmissionManifest::isCanonicalJsonOfTheApplicationWithItsAttachmentsHashes()
{
    const SubmissionManifest manifest = SubmissionManifest::of(samples::application());
    const QJsonObject parsed = QJsonDocument::fromJson(manifest.bytes).object();
    QCOMPARE(CanonicalJson::of(parsed), manifest.bytes);
    QCOMPARE(parsed.value(QStringLiteral("format")).toString(), QStringLiteral("voucherdesk-submission/1"));
    const QJsonObject application = parsed.value(QStringLiteral("application")).toObject();
    QVERIFY(!application.contains(QStringLiteral("reference"))); // given by the back office after signing
    QVERIFY(!application.contains(QStringLiteral("submitted")));
    QCOMPARE(application.value(QStringLiteral("attachments")).toArray().first().toObject().value(QStringLiteral("sha256")).toString(),
             samples::attachment().sha256);
    QCOMPARE(manifest.attachments, QList<AttachmentReference>{samples::attachment()});
    QCOMPARE(manifest.reference, QStringLiteral("TVP/2026/00042"));
}

void TestSubmissionManifest::leavesOutWhatTheSecretariatChanges()
{
    Application later = samples::application();
    later.status = QStringLiteral("approved");
    later.revision = 9;
    later.caseOfficerId = QStringLiteral("someone-else");
    later.approvedGrant = Money::fromDollars(1);
    later.updatedAt = later.updatedAt.addDays(30);
    QCOMPARE(SubmissionManifest::of(later).bytes, SubmissionManifest::of(samples::application()).bytes);
    QVERIFY(!SubmissionManifest::of(later).bytes.contains("\"status\""));
}

void TestSubmissionManifest::changesWithWhatTheApplicantStates()
{
    const QByteArray original = SubmissionManifest::of(samples::application()).bytes;
    Application changed = samples::application();
    changed.items[0].amount = changed.items[0].amount + Money::fromCents(1);
    QVERIFY(SubmissionManifest::of(changed).bytes != original);
    changed = samples::application();
    changed.attachments[0].sha256[0] = u'0';
    QVERIFY(SubmissionManifest::of(changed).bytes != original);
}

void TestSubmissionManifest::isBuiltFromTheWorkspaceByReference()
{
    QTemporaryDir dir;
    Workspace workspace(dir.path());
    const QString file = dir.filePath(QStringLiteral("quotation.pdf"));
    QFile pdf(file);
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write("%PDF-1.4 a quotation");
    pdf.close();
    Application application = samples::application();
    application.attachments = {AttachmentFolder(workspace).add(file, QStringLiteral("quotation"))};
    {
        UnitOfWork work(workspace, QStringLiteral("tester"));
        Enterprise enterprise = samples::enterprise();
        EnterpriseRepository(workspace).save(work, enterprise);
        ApplicationRepository(workspace).save(work, application);
        work.commit();
    }
    const SubmissionManifest manifest = SubmissionManifest::forReference(workspace, QStringLiteral("TVP/2026/00042"));
    QCOMPARE(manifest.attachments.size(), 1);
    QCOMPARE(manifest.attachments[0].sha256, AttachmentFolder::digestOf(file));
    QVERIFY(manifest.bytes.contains(AttachmentFolder::digestOf(file).toLatin1()));
}

void TestSubmissionManifest::refusesAnUnknownReferenceOrAMissingAttachment()
{
    QTemporaryDir dir;
    Workspace workspace(dir.path());
    {
        UnitOfWork work(workspace, QStringLiteral("tester"));
        Enterprise enterprise = samples::enterprise();
        EnterpriseRepository(workspace).save(work, enterprise);
        Application application = samples::application(); // its attachment's content was never added
        ApplicationRepository(workspace).save(work, application);
        work.commit();
    }
    const auto codeOf = [&](const QString &reference) {
        try {
            SubmissionManifest::forReference(workspace, reference);
        } catch (const DomainError &error) {
            return error.code();
        }
        return QStringLiteral("(nothing thrown)");
    };
    QCOMPARE(codeOf(QStringLiteral("TVP/2026/99999")), QStringLiteral("NOT_FOUND"));
    QCOMPARE(codeOf(QStringLiteral("TVP/2026/00042")), QStringLiteral("ATTACHMENT_MISSING"));
}

QTEST_GUILESS_MAIN(TestSubmissionManifest)
#include "tst_submissionmanifest.moc"
