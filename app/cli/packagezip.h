#pragma once

// The zip file of a submission package, through Poco Zip: written whole from memory, read whole.

#include <QByteArray>
#include <QMap>
#include <QString>

namespace vd::cli {

// Deflated entries, in the order of their names. Throws DomainError PACKAGE_UNWRITABLE.
void writeZip(const QString &path, const QMap<QString, QByteArray> &entries);
// Every file entry by name. Throws DomainError PACKAGE_INVALID when the file is not a readable zip.
QMap<QString, QByteArray> readZip(const QString &path);

} // namespace vd::cli
