#include "backofficedialog.h"
#include "deskfixture.h"
#include "language.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// Signing in to a back office: what the dialog accepts, what it says is
// wrong, and what it remembers.
class BackOfficeDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void addressIsJudged_data();
    void addressIsJudged();
    void connectWaitsForAddressUserAndPassword();
    void aBadAddressIsExplainedAsItIsTyped();
    void anEmptyUserNameIsExplained();
    void anUnreadableCertificateIsRefused();
    void connectAsksToSignInAndWaitsForTheAnswer();
    void aRefusedSignInKeepsTheDialogOpenWithTheReason();
    void theAccountIsRememberedWithoutThePassword();

private:
    static QPushButton *connectButton(BackOfficeDialog &dialog);
    static QLabel *problemLabel(BackOfficeDialog &dialog);
    static void type(BackOfficeDialog &dialog, const char *field, const QString &text);

    QTemporaryDir m_dir;
};

void BackOfficeDialogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    deskfixture::keepSettingsIn(m_dir.path());
    Language::apply(QStringLiteral("en"));
}

void BackOfficeDialogTest::init()
{
    QSettings().clear();
}

QPushButton *BackOfficeDialogTest::connectButton(BackOfficeDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

QLabel *BackOfficeDialogTest::problemLabel(BackOfficeDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("problemLabel"));
}

// As a person types: the field becomes "modified", unlike setText().
void BackOfficeDialogTest::type(BackOfficeDialog &dialog, const char *field, const QString &text)
{
    auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(field));
    QVERIFY(edit);
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text);
}

void BackOfficeDialogTest::addressIsJudged_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("problemStart");   // empty: accepted

    QTest::newRow("https with a port") << "https://backoffice.example:8443" << "";
    QTest::newRow("https on loopback") << "https://127.0.0.1:8443" << "";
    QTest::newRow("a slash at the end") << "https://127.0.0.1:8443/" << "";
    QTest::newRow("http on loopback") << "http://127.0.0.1:8080" << "";
    QTest::newRow("spaces around") << "  https://127.0.0.1:8443 " << "";
    QTest::newRow("nothing") << "" << "Enter the address of the back office";
    QTest::newRow("only spaces") << "   " << "Enter the address of the back office";
    QTest::newRow("no scheme") << "backoffice.example:8443" << "\"backoffice.example:8443\" is not a back office's address";
    QTest::newRow("host only") << "backoffice.example" << "\"backoffice.example\" is not a back office's address";
    QTest::newRow("another scheme") << "ftp://127.0.0.1" << "\"ftp://127.0.0.1\" is not a back office's address";
    QTest::newRow("no host") << "https://" << "\"https://\" is not a back office's address";
    QTest::newRow("a bad port") << "https://127.0.0.1:99999" << "\"https://127.0.0.1:99999\" is not a back office's address";
    QTest::newRow("http elsewhere") << "http://backoffice.example:8080" << "Plain http:// is used only for a back office on this computer";
    QTest::newRow("http to localhost by name") << "http://localhost:8080" << "Plain http:// is used only for a back office on this computer";
    QTest::newRow("a path") << "https://itc.example/voucherdesk" << "Give the back office's address without a path";
    QTest::newRow("a query") << "https://backoffice.example/?user=cy.hui" << "Give the back office's address without a path";
}

void BackOfficeDialogTest::addressIsJudged()
{
    QFETCH(QString, address);
    QFETCH(QString, problemStart);
    const QString problem = BackOfficeDialog::addressProblem(address);
    if (problemStart.isEmpty())
        QCOMPARE(problem, QString());
    else
        QVERIFY2(problem.startsWith(problemStart), qPrintable(problem));
}

void BackOfficeDialogTest::connectWaitsForAddressUserAndPassword()
{
    BackOfficeDialog dialog;
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(!problemLabel(dialog)->isVisibleTo(&dialog)); // nothing typed yet: nothing called wrong
    type(dialog, "addressEdit", QStringLiteral("https://127.0.0.1:8443"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    type(dialog, "userEdit", QStringLiteral("cy.hui"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    QCOMPARE(dialog.problem(), QStringLiteral("Enter your password at the back office."));
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    QVERIFY(connectButton(dialog)->isEnabled());
    QCOMPARE(dialog.problem(), QString());
    QVERIFY(!problemLabel(dialog)->isVisibleTo(&dialog));
}

void BackOfficeDialogTest::aBadAddressIsExplainedAsItIsTyped()
{
    BackOfficeDialog dialog;
    type(dialog, "userEdit", QStringLiteral("cy.hui"));
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    type(dialog, "addressEdit", QStringLiteral("http://backoffice.example:8080"));
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY(problemLabel(dialog)->isVisibleTo(&dialog));
    QCOMPARE(problemLabel(dialog)->text(), BackOfficeDialog::addressProblem(QStringLiteral("http://backoffice.example:8080")));
    QVERIFY(problemLabel(dialog)->text().endsWith(u'.'));
    type(dialog, "addressEdit", QStringLiteral("https://backoffice.example:8443"));
    QVERIFY(connectButton(dialog)->isEnabled());
    QVERIFY(!problemLabel(dialog)->isVisibleTo(&dialog));
}

void BackOfficeDialogTest::anEmptyUserNameIsExplained()
{
    BackOfficeDialog dialog;
    type(dialog, "addressEdit", QStringLiteral("https://127.0.0.1:8443"));
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    type(dialog, "userEdit", QStringLiteral("cy"));
    type(dialog, "userEdit", QString());
    QVERIFY(!connectButton(dialog)->isEnabled());
    QCOMPARE(dialog.problem(), QStringLiteral("Enter your user name at the back office."));
    QCOMPARE(problemLabel(dialog)->text(), QStringLiteral("Enter your user name at the back office."));
    QVERIFY(problemLabel(dialog)->isVisibleTo(&dialog));
    type(dialog, "userEdit", QStringLiteral("   "));
    QCOMPARE(dialog.problem(), QStringLiteral("Enter your user name at the back office."));
}

void BackOfficeDialogTest::anUnreadableCertificateIsRefused()
{
    BackOfficeDialog dialog;
    type(dialog, "addressEdit", QStringLiteral("https://127.0.0.1:8443"));
    type(dialog, "userEdit", QStringLiteral("cy.hui"));
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    const QString missing = m_dir.filePath(QStringLiteral("no-such.crt"));
    type(dialog, "certificateEdit", missing);
    QVERIFY(!connectButton(dialog)->isEnabled());
    QVERIFY2(dialog.problem().startsWith(QStringLiteral("The certificate file %1 cannot be read").arg(missing)),
             qPrintable(dialog.problem()));
    QFile certificate(missing);
    QVERIFY(certificate.open(QIODevice::WriteOnly));
    certificate.write("-----BEGIN CERTIFICATE-----\n");
    certificate.close();
    type(dialog, "certificateEdit", missing + u' ');  // the text changes: judged again
    QVERIFY(connectButton(dialog)->isEnabled());
    QCOMPARE(dialog.account().certificateFile, missing);
}

void BackOfficeDialogTest::connectAsksToSignInAndWaitsForTheAnswer()
{
    BackOfficeDialog dialog;
    dialog.show();
    QSignalSpy asked(&dialog, &BackOfficeDialog::signInRequested);
    type(dialog, "addressEdit", QStringLiteral(" https://127.0.0.1:8443 "));
    type(dialog, "userEdit", QStringLiteral("cy.hui"));
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    QCOMPARE(asked.size(), 1);
    const auto account = asked.at(0).at(0).value<BackOfficeAccount>();
    QCOMPARE(account.address, QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(account.username, QStringLiteral("cy.hui"));
    QCOMPARE(account.password, QStringLiteral("voucherdesk-demo"));
    QVERIFY(dialog.isSigningIn());
    QVERIFY(!connectButton(dialog)->isEnabled());       // no second sign-in meanwhile
    QVERIFY(dialog.isVisible());
    dialog.showSignInResult({});
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
}

void BackOfficeDialogTest::aRefusedSignInKeepsTheDialogOpenWithTheReason()
{
    BackOfficeDialog dialog;
    dialog.show();
    type(dialog, "addressEdit", QStringLiteral("https://127.0.0.1:8443"));
    type(dialog, "userEdit", QStringLiteral("cy.hui"));
    type(dialog, "passwordEdit", QStringLiteral("wrong password"));
    QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
    const QString answer = QStringLiteral("The user name or password is wrong. 4 tries are left.");
    dialog.showSignInResult(answer);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isSigningIn());
    QCOMPARE(problemLabel(dialog)->text(), answer);
    QCOMPARE(dialog.problem(), answer);
    QVERIFY(connectButton(dialog)->isEnabled());      // to try again
    type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
    QVERIFY(!problemLabel(dialog)->isVisibleTo(&dialog));  // the answer was to the last attempt
    QCOMPARE(BackOfficeDialog::remembered().address, QString()); // nothing remembered from a failure
}

void BackOfficeDialogTest::theAccountIsRememberedWithoutThePassword()
{
    {
        BackOfficeDialog dialog;
        type(dialog, "addressEdit", QStringLiteral("https://127.0.0.1:8443"));
        type(dialog, "userEdit", QStringLiteral("cy.hui"));
        type(dialog, "passwordEdit", QStringLiteral("voucherdesk-demo"));
        QTest::mouseClick(connectButton(dialog), Qt::LeftButton);
        dialog.showSignInResult({});
    }
    QSettings settings;
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QLatin1String("voucherdesk-demo")), qPrintable(key));
    BackOfficeDialog again;
    QCOMPARE(again.account().address, QStringLiteral("https://127.0.0.1:8443"));
    QCOMPARE(again.account().username, QStringLiteral("cy.hui"));
    QCOMPARE(again.account().password, QString());
    QVERIFY(!connectButton(again)->isEnabled());
}

QTEST_MAIN(BackOfficeDialogTest)
#include "tst_backofficedialog.moc"
