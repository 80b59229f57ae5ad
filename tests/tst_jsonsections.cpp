// JsonSections: a large document read section by section, each element on its
// own, with syntax errors named by line and column.
#include "domainerror.h"
#include "jsonsections.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vd;

namespace {

// "key: element, element | key: …" for a whole document.
QString outline(const QByteArray &document)
{
    const JsonSections sections(document, QStringLiteral("doc"));
    QStringList parts;
    for (const JsonSections::Member &member : sections.members()) {
        if (!sections.isArray(member)) {
            parts << member.key + QStringLiteral(": =") + QString::fromUtf8(QJsonDocument(QJsonArray{sections.value(member)})
                                                                                .toJson(QJsonDocument::Compact));
            continue;
        }
        QStringList elements;
        sections.forEachElement(member, [&](qsizetype index, const QJsonValue &element) {
            QCOMPARE_GE(index, 0);
            elements << QString::fromUtf8(QJsonDocument(QJsonArray{element}).toJson(QJsonDocument::Compact));
        });
        parts << member.key + QStringLiteral(": ") + elements.join(QStringLiteral(", "));
    }
    return parts.join(QStringLiteral(" | "));
}

QString errorOf(const QByteArray &document)
{
    try {
        outline(document);
    } catch (const DomainError &error) {
        return error.fullMessage();
    }
    return QString();
}

} // namespace

class JsonSectionsTest : public QObject
{
    Q_OBJECT

private slots:
    void readsEachElementOnItsOwn_data();
    void readsEachElementOnItsOwn();
    void namesWhereTheSyntaxBreaks_data();
    void namesWhereTheSyntaxBreaks();
    void aMemberThatIsNotAListIsNamed();
};

void JsonSectionsTest::readsEachElementOnItsOwn_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("outline");
    QTest::newRow("empty object") << QByteArray("{}") << QString();
    QTest::newRow("spaces everywhere") << QByteArray(" \n{ \"a\" :\t[ {\"x\":1} ,\r\n {\"x\":2} ] }\n ")
                                       << QStringLiteral(R"(a: [{"x":1}], [{"x":2}])");
    QTest::newRow("one per line, as export writes")
        << QByteArray("{\"format\":\"f/1\",\n\"users\":[\n{\"id\":\"u\"},\n{\"id\":\"v\"}\n],\n\"none\":[\n]}\n")
        << QStringLiteral(R"(format: =["f/1"] | users: [{"id":"u"}], [{"id":"v"}] | none: )");
    QTest::newRow("quotes and backslashes in text")
        << QByteArray(R"({"a":[{"t":"say \"hi\" \\"},{"t":"\\\\"},{"t":"]}\"["}]})")
        << QStringLiteral(R"(a: [{"t":"say \"hi\" \\"}], [{"t":"\\\\"}], [{"t":"]}\"["}])");
    QTest::newRow("Chinese and escapes") << QByteArray(R"({"名":["永發\u0000\n"]})") << QStringLiteral(R"(名: ["永發\u0000\n"])");
    QTest::newRow("values that are not objects") << QByteArray(R"({"a":[1,-2.5e3,true,null,"s",[[]]]})")
                                                 << QStringLiteral(R"(a: [1], [-2500], [true], [null], ["s"], [[[]]])");
    QTest::newRow("a byte order mark") << QByteArray("\xEF\xBB\xBF{\"a\":[]}") << QStringLiteral("a: ");
    QTest::newRow("scalar members") << QByteArray(R"({"n":12,"s":"x","z":null})") << QStringLiteral(R"(n: =[12] | s: =["x"] | z: =[null])");
}

void JsonSectionsTest::readsEachElementOnItsOwn()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, outline);
    QCOMPARE(::outline(document), outline);
}

void JsonSectionsTest::namesWhereTheSyntaxBreaks_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("error");
    QTest::newRow("nothing") << QByteArray() << QStringLiteral("doc: expected a JSON object at the top level");
    QTest::newRow("a list") << QByteArray("[1]") << QStringLiteral("doc: expected a JSON object at the top level");
    QTest::newRow("ends after a colon") << QByteArray(R"({"format": )") << QStringLiteral("doc line 1, column 12: not valid JSON (the document ends too early)");
    QTest::newRow("a name without quotes") << QByteArray("{a:[]}") << QStringLiteral("doc line 1, column 2: not valid JSON (expected the name of a member, in quotes)");
    QTest::newRow("no colon") << QByteArray(R"({"a" []})") << QStringLiteral("doc line 1, column 6: not valid JSON (expected a colon after the name of a member)");
    QTest::newRow("a text never closed") << QByteArray("{\"a\":[\"x]}") << QStringLiteral("doc line 1, column 11: not valid JSON (the document ends inside a text)");
    QTest::newRow("a list never closed") << QByteArray("{\"a\":[{\"x\":1},\n{\"x\":2}") << QStringLiteral("doc line 2, column 8: not valid JSON (the document ends too early: a list or object is never closed)");
    QTest::newRow("a comma too many") << QByteArray("{\"a\":[{\"x\":1},\n]}") << QStringLiteral("doc line 2, column 1: not valid JSON (expected a value)");
    QTest::newRow("two elements without a comma") << QByteArray("{\"a\":[{\"x\":1} {\"x\":2}]}") << QStringLiteral("doc line 1, column 15: not valid JSON (expected a comma or the closing bracket of the list \"a\")");
    QTest::newRow("a bad element, on its line") << QByteArray("{\"a\":[\n{\"x\":1},\n{\"x\":tru}\n]}") << QStringLiteral("doc line 3, column 7: not valid JSON (illegal value)");
    QTest::newRow("brackets that do not match") << QByteArray("{\"a\":[{\"x\":[1}]]}") << QStringLiteral("doc line 1, column 15: not valid JSON (missing value separator)");
    QTest::newRow("text after the end") << QByteArray("{\"a\":[]}\n}") << QStringLiteral("doc line 2, column 1: not valid JSON (there is more text after the end of the document)");
    QTest::newRow("a bad number") << QByteArray("{\"a\":[1.2.3]}") << QStringLiteral("doc line 1, column 11: not valid JSON (missing value separator)");
}

void JsonSectionsTest::namesWhereTheSyntaxBreaks()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, error);
    QCOMPARE(errorOf(document), error);
}

void JsonSectionsTest::aMemberThatIsNotAListIsNamed()
{
    const QByteArray document(R"({"users":{"id":"u"}})");
    const JsonSections sections(document, QStringLiteral("doc"));
    QCOMPARE(sections.members().size(), 1);
    QVERIFY(!sections.isArray(*sections.find(QStringLiteral("users"))));
    QVERIFY(sections.find(QStringLiteral("applicants")) == nullptr);
    try {
        sections.forEachElement(*sections.find(QStringLiteral("users")), [](qsizetype, const QJsonValue &) {});
        QFAIL("read an object as a list");
    } catch (const DomainError &error) {
        QCOMPARE(error.where(), QStringLiteral("users"));
    }
}

QTEST_GUILESS_MAIN(JsonSectionsTest)
#include "tst_jsonsections.moc"
