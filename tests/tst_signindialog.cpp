#include "deskfixture.h"
#include "language.h"
#include "signindialog.h"
#include "userrepository.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vd;

// Choosing who signs in.
class SignInDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void okWaitsForAPersonToBeChosen();
    void returnsThePersonChosen_data();
    void returnsThePersonChosen();
    void returnsNobodyWhenCancelled();
    void activatingAPersonChoosesThem();
    void aPersonHiddenByTheSearchCannotBeChosen();
    void rolesAreNamedInTheInterfaceLanguage_data();
    void rolesAreNamedInTheInterfaceLanguage();

private:
    QPushButton *okButton(SignInDialog &dialog) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
};

void SignInDialogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_workspace = deskfixture::demoWorkspace(m_dir.path(), 20);
    Language::apply(QStringLiteral("en"));
}

QPushButton *SignInDialogTest::okButton(SignInDialog &dialog) const
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void SignInDialogTest::okWaitsForAPersonToBeChosen()
{
    SignInDialog dialog(*m_workspace);
    QVERIFY(!okButton(dialog)->isEnabled());
    auto *people = dialog.findChild<QTreeWidget *>(QStringLiteral("people"));
    people->setCurrentItem(people->topLevelItem(0));  // a role heading is not a person
    QVERIFY(!okButton(dialog)->isEnabled());
    const User officer = UserRepository(*m_workspace).withRole(QStringLiteral("secretariat")).constFirst();
    QVERIFY(dialog.choose(officer.username));
    QVERIFY(okButton(dialog)->isEnabled());
    QVERIFY(!dialog.choose(QStringLiteral("nobody@example.invalid")));
}

void SignInDialogTest::returnsThePersonChosen_data()
{
    QTest::addColumn<QString>("role");
    for (const char *role : {"secretariat", "applicant", "committee_chair", "finance"})
        QTest::newRow(role) << QString::fromLatin1(role);
}

void SignInDialogTest::returnsThePersonChosen()
{
    QFETCH(QString, role);
    QList<User> active = UserRepository(*m_workspace).withRole(role);
    active.removeIf([](const User &user) { return !user.active; });
    QVERIFY(!active.isEmpty());
    const User person = active.constLast();
    SignInDialog dialog(*m_workspace);
    QVERIFY(dialog.choose(person.username));
    okButton(dialog)->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenUser(), std::optional<User>(person));
}

void SignInDialogTest::returnsNobodyWhenCancelled()
{
    SignInDialog dialog(*m_workspace);
    QVERIFY(dialog.choose(UserRepository(*m_workspace).withRole(QStringLiteral("auditor")).constFirst().username));
    dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.chosenUser(), std::nullopt);
}

void SignInDialogTest::activatingAPersonChoosesThem()
{
    const User officer = UserRepository(*m_workspace).withRole(QStringLiteral("secretariat")).constFirst();
    SignInDialog dialog(*m_workspace);
    QVERIFY(dialog.choose(officer.username));
    auto *people = dialog.findChild<QTreeWidget *>(QStringLiteral("people"));
    emit people->itemActivated(people->currentItem(), 0);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenUser(), std::optional<User>(officer));
}

void SignInDialogTest::aPersonHiddenByTheSearchCannotBeChosen()
{
    const User officer = UserRepository(*m_workspace).withRole(QStringLiteral("secretariat")).constFirst();
    SignInDialog dialog(*m_workspace);
    QVERIFY(dialog.choose(officer.username));
    auto *find = dialog.findChild<QLineEdit *>(QStringLiteral("findEdit"));
    find->setText(QStringLiteral("no such person anywhere"));
    QVERIFY(!okButton(dialog)->isEnabled());
    find->setText(officer.username);
    QVERIFY(okButton(dialog)->isEnabled());
}

void SignInDialogTest::rolesAreNamedInTheInterfaceLanguage_data()
{
    QTest::addColumn<QString>("language");
    for (const char *language : {"zh_HK", "zh_CN", "en"})
        QTest::newRow(language) << QString::fromLatin1(language);
}

void SignInDialogTest::rolesAreNamedInTheInterfaceLanguage()
{
    QFETCH(QString, language);
    SignInDialog dialog(*m_workspace);
    Language::apply(language);  // the dialog is already open: it retranslates
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    auto *people = dialog.findChild<QTreeWidget *>(QStringLiteral("people"));
    QStringList headings;
    for (int i = 0; i < people->topLevelItemCount(); ++i)
        headings << people->topLevelItem(i)->text(0);
    const QString officerRole =
        Scheme::technologyVoucher().roles().nameOf(QStringLiteral("secretariat"), Language::localeFor(language));
    QVERIFY2(headings.join(u'|').contains(officerRole), qPrintable(headings.join(u'|')));
    Language::apply(QStringLiteral("en"));
}

QTEST_MAIN(SignInDialogTest)
#include "tst_signindialog.moc"
