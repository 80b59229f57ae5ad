#pragma once

// Small helpers shared by the signing tests.

#include "domainerror.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <functional>

// The file, written with these bytes.
inline QString writtenFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The code of the DomainError the attempt throws.
inline QString domainErrorCode(const std::function<void()> &attempt)
{
    try {
        attempt();
    } catch (const vd::DomainError &error) {
        return error.code();
    }
    return QStringLiteral("(nothing thrown)");
}
