// The applicant's enterprise profile and list of applications, driven
// through their widgets offscreen on a real workspace.
#include "applicationeditor.h"
#include "enterpriseprofileview.h"
#include "enterpriserepository.h"
#include "language.h"
#include "myapplicationsmodel.h"
#include "myapplicationsview.h"

#include "applicantdesk.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace vd;
using vd::testing::ApplicantDesk;

namespace {

template<class Widget>
Widget *field(QWidget &form, const char *name)
{
    auto *widget = form.findChild<Widget *>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no field %s", name);
    return widget;
}

void retype(QWidget &form, const char *name, const QString &text)
{
    auto *edit = field<QLineEdit>(form, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

QPushButton *saveButton(QWidget &form)
{
    return field<QDialogButtonBox>(form, "buttons")->button(QDialogButtonBox::Save);
}

} // namespace

class EnterpriseProfileTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { Language::apply(QStringLiteral("en")); }

    void showsTheSignedInApplicantsEnterprise();
    void showsEachProblemUnderItsFieldAndKeepsSaveDisabled_data();
    void showsEachProblemUnderItsFieldAndKeepsSaveDisabled();
    void savesTheProfileWithItsOwners();
    void myApplicationsListsTheDraftsAndOpensThem();
};

void EnterpriseProfileTest::showsTheSignedInApplicantsEnterprise()
{
    ApplicantDesk desk;
    EnterpriseProfileView view(*desk.session);
    QCOMPARE(field<QLineEdit>(view, "nameZh")->text(), QStringLiteral("永發貿易有限公司"));
    QCOMPARE(field<QLineEdit>(view, "brNumber")->text(), QStringLiteral("31415926"));
    QCOMPARE(field<QComboBox>(view, "sector")->currentText(), QStringLiteral("Wholesale and retail"));
    QVERIFY(view.isValid());
    QVERIFY(!field<QLabel>(view, "brNumberError")->isVisibleTo(&view));
}

void EnterpriseProfileTest::showsEachProblemUnderItsFieldAndKeepsSaveDisabled_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorLabel");
    QTest::addColumn<QString>("message");

    QTest::newRow("BR number too short") << "brNumber" << "1234567" << "brNumberError" << "8 digits";
    QTest::newRow("BR number missing") << "brNumber" << "" << "brNumberError" << "statutory body";
    QTest::newRow("email without domain") << "contactEmail" << "tm.chan@" << "contactEmailError" << "email address";
    QTest::newRow("owner share over 100") << "ownerShare" << "150" << "ownersError" << "from 0 to 100";
    QTest::newRow("owners over 100 together") << "ownerShares" << "60" << "ownersError" << "more than 100%";
}

void EnterpriseProfileTest::showsEachProblemUnderItsFieldAndKeepsSaveDisabled()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, errorLabel);
    QFETCH(QString, message);

    ApplicantDesk desk;
    EnterpriseProfileView view(*desk.session);
    QVERIFY(saveButton(view)->isEnabled() || view.isValid());
    auto *owners = ::field<QTableWidget>(view, "owners");
    if (field.startsWith(QLatin1String("ownerShare"))) {
        const int count = field == QLatin1String("ownerShares") ? 2 : 1;
        for (int i = 0; i < count; ++i) {
            QTest::mouseClick(::field<QPushButton>(view, "addOwner"), Qt::LeftButton);
            owners->item(i, 0)->setText(QStringLiteral("Owner %1").arg(i + 1));
            owners->item(i, 1)->setText(value);
        }
    } else {
        retype(view, field.toLatin1().constData(), value);
    }
    auto *error = ::field<QLabel>(view, errorLabel.toLatin1().constData());
    QVERIFY(error->isVisibleTo(&view));
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(!saveButton(view)->isEnabled());
    QVERIFY(!view.save());

    // A statutory body may have no BR number at all.
    if (field == QLatin1String("brNumber") && value.isEmpty()) {
        auto *type = ::field<QComboBox>(view, "entityType");
        type->setCurrentIndex(type->findData(QStringLiteral("statutory_body")));
        QVERIFY(!error->isVisibleTo(&view));
        QVERIFY(saveButton(view)->isEnabled());
    }
}

void EnterpriseProfileTest::savesTheProfileWithItsOwners()
{
    ApplicantDesk desk;
    EnterpriseProfileView view(*desk.session);
    QSignalSpy saved(&view, &EnterpriseProfileView::saved);
    retype(view, "nameEn", QStringLiteral("Wing Fat Technology Ltd"));
    retype(view, "contactEmail", QStringLiteral("tm.chan@example.com"));
    QTest::mouseClick(field<QPushButton>(view, "addOwner"), Qt::LeftButton);
    auto *owners = field<QTableWidget>(view, "owners");
    owners->item(0, 0)->setText(QStringLiteral("陳大文"));
    owners->item(0, 1)->setText(QStringLiteral("12.5"));
    QVERIFY(saveButton(view)->isEnabled());
    QTest::mouseClick(saveButton(view), Qt::LeftButton);
    QCOMPARE(saved.size(), 1);

    const auto stored = EnterpriseRepository(*desk.workspace).find(desk.session->user().enterpriseId);
    QCOMPARE(stored->name.en, QStringLiteral("Wing Fat Technology Ltd"));
    QCOMPARE(stored->name.zh, QStringLiteral("永發貿易有限公司"));
    QCOMPARE(stored->contactEmail, QStringLiteral("tm.chan@example.com"));
    QCOMPARE(stored->owners, (QList<Owner>{{QStringLiteral("陳大文"), Percentage::fromHundredths(1250)}}));
    QCOMPARE(stored->revision, 2);
}

void EnterpriseProfileTest::myApplicationsListsTheDraftsAndOpensThem()
{
    ApplicantDesk desk;
    MyApplicationsView view(*desk.session);
    QAbstractItemModelTester tester(&view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(view.model().rowCount(), 0);
    QSignalSpy newRequested(&view, &MyApplicationsView::newApplicationRequested);
    QTest::mouseClick(field<QPushButton>(view, "newApplication"), Qt::LeftButton);
    QCOMPARE(newRequested.size(), 1);

    QString id;
    {
        ApplicationEditor editor(*desk.session, QString());
        QTest::keyClicks(field<QLineEdit>(editor, "titleEn"), QStringLiteral("Cloud ERP"));
        id = editor.applicationId();
    } // saved on closing; the session tells the list
    QCOMPARE(view.model().rowCount(), 1);
    const auto cell = [&](int column) { return view.model().index(0, column).data().toString(); };
    QCOMPARE(cell(MyApplicationsModel::Title), QStringLiteral("Cloud ERP"));
    QCOMPARE(cell(MyApplicationsModel::Status), QStringLiteral("Draft"));
    QCOMPARE(cell(MyApplicationsModel::Reference), QStringLiteral("(draft)"));

    auto *table = field<QTableView>(view, "applications");
    QSignalSpy openRequested(&view, &MyApplicationsView::openApplicationRequested);
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::mouseClick(field<QPushButton>(view, "openApplication"), Qt::LeftButton);
    QCOMPARE(openRequested.size(), 1);
    QCOMPARE(openRequested.first().first().toString(), id);

    Language::apply(QStringLiteral("zh_HK"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(cell(MyApplicationsModel::Status), QStringLiteral("草稿"));
    Language::apply(QStringLiteral("en"));
}

QTEST_MAIN(EnterpriseProfileTest)
#include "tst_enterpriseprofile.moc"
