#pragma once

// Changes one value deep inside a JSON document, addressed by the same paths
// the readers report ("application.items[2].amount"), so a test can say
// "this document, with that one thing wrong".
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

namespace jsonedit {

// "items[2].amount" -> "items", "[2]", "amount"
inline QStringList segments(const QString &path)
{
    static const QRegularExpression part(QStringLiteral("[^.\\[\\]]+|\\[[0-9]+\\]"));
    QStringList result;
    for (auto match = part.globalMatch(path); match.hasNext();)
        result.append(match.next().captured());
    return result;
}

// Sets the value at the path (an index one past the end appends); an
// undefined value removes it.
inline QJsonValue changed(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    const QString head = path.takeFirst();
    if (head.startsWith(u'[')) {
        QJsonArray array = node.toArray();
        const int index = head.mid(1, head.size() - 2).toInt();
        if (path.isEmpty() && value.isUndefined())
            array.removeAt(index);
        else if (index == array.size()) // one past the end: appended
            array.append(path.isEmpty() ? value : changed(QJsonValue(), path, value));
        else
            array[index] = path.isEmpty() ? value : changed(array.at(index), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        object.remove(head);
    else
        object.insert(head, path.isEmpty() ? value : changed(object.value(head), path, value));
    return object;
}

inline QJsonObject with(const QJsonObject &document, const QString &path, const QJsonValue &value)
{
    return changed(document, segments(path), value).toObject();
}

inline QJsonObject without(const QJsonObject &document, const QString &path)
{
    return with(document, path, QJsonValue(QJsonValue::Undefined));
}

} // namespace jsonedit
