#include "jsonsections.h"

#include "domainerror.h"
#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cstring>

namespace vd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vd::JsonSections", text);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

bool endsScalar(char c)
{
    return isSpace(c) || c == ',' || c == ']' || c == '}' || c == ':';
}

} // namespace

JsonSections::JsonSections(QByteArrayView document, QString sourceName)
    : m_document(document), m_sourceName(std::move(sourceName))
{
    qsizetype pos = 0;
    if (m_document.startsWith("\xEF\xBB\xBF")) // a byte order mark some editors write
        pos = 3;
    pos = skipSpace(pos);
    if (pos >= m_document.size() || m_document[pos] != '{')
        throw DomainError(QStringLiteral("INPUT_ERROR"), m_sourceName,
                          QCoreApplication::translate("vd::JsonReader", "expected a JSON object at the top level"));
    pos = skipSpace(pos + 1);
    if (pos < m_document.size() && m_document[pos] == '}') {
        ++pos;
    } else {
        for (;;) {
            if (pos >= m_document.size() || m_document[pos] != '"')
                syntaxError(pos, tr("expected the name of a member, in quotes"));
            const qsizetype keyEnd = endOfString(pos);
            const QString key = parse(m_document.sliced(pos, keyEnd - pos), pos).toString();
            pos = skipSpace(keyEnd);
            if (pos >= m_document.size() || m_document[pos] != ':')
                syntaxError(pos, tr("expected a colon after the name of a member"));
            pos = skipSpace(pos + 1);
            const qsizetype valueEnd = endOfValue(pos);
            m_members.append({key, m_document.sliced(pos, valueEnd - pos), pos});
            pos = skipSpace(valueEnd);
            if (pos < m_document.size() && m_document[pos] == ',') {
                pos = skipSpace(pos + 1);
                continue;
            }
            if (pos < m_document.size() && m_document[pos] == '}') {
                ++pos;
                break;
            }
            syntaxError(pos, tr("expected a comma or the closing brace of the document"));
        }
    }
    pos = skipSpace(pos);
    if (pos < m_document.size())
        syntaxError(pos, tr("there is more text after the end of the document"));
}

const JsonSections::Member *JsonSections::find(const QString &key) const
{
    for (const Member &member : m_members) {
        if (member.key == key)
            return &member;
    }
    return nullptr;
}

QJsonValue JsonSections::value(const Member &member) const
{
    return parse(member.value, member.offset);
}

bool JsonSections::isArray(const Member &member) const
{
    return member.value.startsWith('[');
}

void JsonSections::forEachElement(const Member &member,
                                  const std::function<void(qsizetype, const QJsonValue &)> &visit) const
{
    if (!isArray(member))
        throw DomainError(QStringLiteral("INPUT_ERROR"), member.key, tr("expected a list of records"));
    qsizetype pos = skipSpace(member.offset + 1);
    if (pos < m_document.size() && m_document[pos] == ']')
        return;
    for (qsizetype index = 0;; ++index) {
        const qsizetype end = endOfValue(pos);
        visit(index, parse(m_document.sliced(pos, end - pos), pos));
        pos = skipSpace(end);
        if (pos < m_document.size() && m_document[pos] == ',') {
            pos = skipSpace(pos + 1);
            continue;
        }
        if (pos < m_document.size() && m_document[pos] == ']')
            return;
        syntaxError(pos, tr("expected a comma or the closing bracket of the list \"%1\"").arg(member.key));
    }
}

qsizetype JsonSections::skipSpace(qsizetype pos) const
{
    while (pos < m_document.size() && isSpace(m_document[pos]))
        ++pos;
    return pos;
}

qsizetype JsonSections::endOfString(qsizetype pos) const
{
    // memchr finds the next quote fast (most of a document is text); it closes
    // the text unless an odd number of backslashes comes right before it.
    const char *data = m_document.data();
    const char *end = data + m_document.size();
    for (const char *from = data + pos + 1; from < end;) {
        const char *quote = static_cast<const char *>(std::memchr(from, '"', size_t(end - from)));
        if (!quote)
            break;
        const char *escapes = quote;
        while (escapes > from && escapes[-1] == '\\')
            --escapes;
        if ((quote - escapes) % 2 == 0)
            return quote - data + 1;
        from = quote + 1;
    }
    syntaxError(m_document.size(), tr("the document ends inside a text"));
}

qsizetype JsonSections::endOfValue(qsizetype pos) const
{
    const qsizetype size = m_document.size();
    if (pos >= size)
        syntaxError(pos, tr("the document ends too early"));
    const char first = m_document[pos];
    if (first == '"')
        return endOfString(pos);
    if (first == '{' || first == '[') {
        // Brackets are only counted here; whether they match is for the parser to say.
        qsizetype depth = 0;
        for (qsizetype i = pos; i < size;) {
            const char c = m_document[i];
            if (c == '"') {
                i = endOfString(i);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0)
                    return i + 1;
            }
            ++i;
        }
        syntaxError(size, tr("the document ends too early: a list or object is never closed"));
    }
    qsizetype end = pos;
    while (end < size && !endsScalar(m_document[end]))
        ++end;
    if (end == pos)
        syntaxError(pos, tr("expected a value"));
    return end;
}

QJsonValue JsonSections::parse(QByteArrayView value, qsizetype offset) const
{
    // The parser takes only an object or a list, so other values are read inside one.
    const bool container = value.startsWith('{') || value.startsWith('[');
    const QByteArray bytes = container ? QByteArray::fromRawData(value.data(), value.size())
                                       : QByteArray("[").append(value).append(']');
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        syntaxError(offset + error.offset - (container ? 0 : 1), error.errorString());
    if (parsed.isObject())
        return parsed.object();
    return container ? QJsonValue(parsed.array()) : parsed.array().at(0);
}

void JsonSections::syntaxError(qsizetype offset, const QString &what) const
{
    throw DomainError(QStringLiteral("INPUT_ERROR"), m_sourceName + u' ' + JsonReader::lineAndColumn(m_document, offset),
                      QCoreApplication::translate("vd::JsonReader", "not valid JSON (%1)").arg(what));
}

} // namespace vd
