#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>

namespace vd {

// A JSON document too large to parse whole: an object whose members
// ("sections") are mostly long arrays of small objects, such as a workspace
// document of a hundred thousand applications. The top level is scanned once
// for its members; each array is then read one element at a time, each
// element parsed on its own, so memory holds one element and never the tree
// of the whole document. The bytes are borrowed (a mapped file, say) and must
// outlive this object.
//
//   vd::JsonSections document(bytes, fileName);
//   if (const auto *users = document.find(QStringLiteral("users")))
//       document.forEachElement(*users, [&](qsizetype i, const QJsonValue &user) { … });
//
// Syntax errors throw DomainError INPUT_ERROR naming the line and column, in
// the words of JsonReader::parseDocument.
class JsonSections
{
public:
    struct Member
    {
        QString key;
        QByteArrayView value; // the member's value, as written
        qsizetype offset = 0; // where its value starts in the document
    };

    JsonSections(QByteArrayView document, QString sourceName);

    const QList<Member> &members() const { return m_members; }
    const Member *find(const QString &key) const;

    // The value of a member, parsed whole: for small members such as "format".
    QJsonValue value(const Member &member) const;
    bool isArray(const Member &member) const;
    // Calls visit(index, element) for each element of an array member, parsing
    // one element at a time; a member that is not an array throws INPUT_ERROR
    // naming its key.
    void forEachElement(const Member &member, const std::function<void(qsizetype, const QJsonValue &)> &visit) const;

private:
    qsizetype skipSpace(qsizetype pos) const;
    qsizetype endOfString(qsizetype pos) const;  // pos at the opening quote; returns one past the closing one
    qsizetype endOfValue(qsizetype pos) const;   // one past the value starting at pos
    QJsonValue parse(QByteArrayView value, qsizetype offset) const;
    [[noreturn]] void syntaxError(qsizetype offset, const QString &what) const;

    QByteArrayView m_document;
    QString m_sourceName;
    QList<Member> m_members;
};

} // namespace vd
