#include "deskfixture.h"
#include "userrepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vd;

// The voucherdesk program itself, run as a person would (offscreen), with
// settings in a folder of the test's own.
class DesktopAppTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportsItsFirstPaintAsOneJsonLine();
    void aLanguageChosenIsUsedAtTheNextStart();
    void refusesWhatTheCommandLineNamesWrongly_data();
    void refusesWhatTheCommandLineNamesWrongly();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments, bool reportFirstPaint = false);

    QTemporaryDir m_config;
    QTemporaryDir m_dir;
    QString m_officer;
};

void DesktopAppTest::initTestCase()
{
    QVERIFY(m_config.isValid() && m_dir.isValid());
    const auto workspace = deskfixture::demoWorkspace(m_dir.path(), 20);
    m_officer = UserRepository(*workspace).withRole(QStringLiteral("secretariat")).constFirst().username;
}

DesktopAppTest::Run DesktopAppTest::run(const QStringList &arguments, bool reportFirstPaint)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (reportFirstPaint)
        environment.insert(QStringLiteral("VD_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(VD_DESKTOP), arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

void DesktopAppTest::reportsItsFirstPaintAsOneJsonLine()
{
    const Run started = run({QStringLiteral("--workspace"), m_dir.path(), QStringLiteral("--user"), m_officer}, true);
    QCOMPARE(started.exitCode, 0);
    const QStringList lines = started.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 1);
    const QJsonObject figures = QJsonDocument::fromJson(lines.constFirst().toUtf8()).object();
    for (const char *measure : {"first_paint_ms", "since_main_ms", "rss_kb"})
        QVERIFY2(figures.value(QLatin1String(measure)).toInteger() > 0, qPrintable(lines.constFirst()));
    QVERIFY(figures.value(QStringLiteral("first_paint_ms")).toInteger()
            >= figures.value(QStringLiteral("since_main_ms")).toInteger() - 10);  // 10 ms ticks
}

// --lang is remembered; the next start speaks it before any window exists
// (its --help comes in Qt's words for the language).
void DesktopAppTest::aLanguageChosenIsUsedAtTheNextStart()
{
    const QStringList signIn{QStringLiteral("--workspace"), m_dir.path(), QStringLiteral("--user"), m_officer};
    QCOMPARE(run(signIn + QStringList{QStringLiteral("--lang"), QStringLiteral("zh_HK")}, true).exitCode, 0);
    QVERIFY2(run({QStringLiteral("--help")}).out.contains(QStringLiteral("選項")), "no Traditional Chinese");
    QCOMPARE(run(signIn + QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN")}, true).exitCode, 0);
    QVERIFY2(run({QStringLiteral("--help")}).out.contains(QStringLiteral("选项")), "no Simplified Chinese");
    QCOMPARE(run(signIn + QStringList{QStringLiteral("--lang"), QStringLiteral("en")}, true).exitCode, 0);
    QVERIFY2(run({QStringLiteral("--help")}).out.contains(QStringLiteral("Options:")), "no English");
}

void DesktopAppTest::refusesWhatTheCommandLineNamesWrongly_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("said");
    QTest::newRow("no such workspace") << QStringList{QStringLiteral("--workspace"), QStringLiteral("/nonexistent/ws"),
                                                      QStringLiteral("--user"), QStringLiteral("x")}
                                       << QStringLiteral("/nonexistent/ws");
    QTest::newRow("no such user") << QStringList{QStringLiteral("--workspace"), QStringLiteral("WORKSPACE"),
                                                 QStringLiteral("--user"), QStringLiteral("nobody")}
                                  << QStringLiteral("nobody");
    QTest::newRow("unknown language") << QStringList{QStringLiteral("--lang"), QStringLiteral("fr")}
                                      << QStringLiteral("zh_HK");
    QTest::newRow("screenshots without a workspace") << QStringList{QStringLiteral("--screenshots"), QStringLiteral("x")}
                                                     << QStringLiteral("--workspace");
    QTest::newRow("a back office without a workspace")
        << QStringList{QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:8443"), QStringLiteral("--user"),
                       QStringLiteral("x")}
        << QStringLiteral("--workspace");
    QTest::newRow("a back office without a user")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("WORKSPACE"), QStringLiteral("--server"),
                       QStringLiteral("https://127.0.0.1:8443")}
        << QStringLiteral("--user");
    QTest::newRow("a back office without a password file")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("WORKSPACE"), QStringLiteral("--server"),
                       QStringLiteral("https://127.0.0.1:8443"), QStringLiteral("--user"), QStringLiteral("x")}
        << QStringLiteral("--password-file");
    QTest::newRow("a back office over plain http elsewhere")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("WORKSPACE"), QStringLiteral("--server"),
                       QStringLiteral("http://backoffice.example:8080"), QStringLiteral("--user"), QStringLiteral("x"),
                       QStringLiteral("--password-file"), QStringLiteral("/nonexistent/password")}
        << QStringLiteral("--server: Plain http://");
    QTest::newRow("an unreadable password file")
        << QStringList{QStringLiteral("--workspace"), QStringLiteral("WORKSPACE"), QStringLiteral("--server"),
                       QStringLiteral("https://127.0.0.1:8443"), QStringLiteral("--user"), QStringLiteral("x"),
                       QStringLiteral("--password-file"), QStringLiteral("/nonexistent/password")}
        << QStringLiteral("--password-file: /nonexistent/password cannot be read");
}

void DesktopAppTest::refusesWhatTheCommandLineNamesWrongly()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, said);
    arguments.replaceInStrings(QStringLiteral("WORKSPACE"), m_dir.path());
    const Run refused = run(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(said), qPrintable(refused.err));
    QVERIFY(refused.out.isEmpty());
}

QTEST_GUILESS_MAIN(DesktopAppTest)
#include "tst_desktopapp.moc"
