#include "keptrevocations.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace vd {

QString KeptRevocations::fileIn(const QString &workspaceFolder)
{
    return workspaceFolder.isEmpty() ? QString() : QDir(workspaceFolder).filePath(QStringLiteral("revocations.json"));
}

RevocationList KeptRevocations::load(const QString &workspaceFolder)
{
    QFile file(fileIn(workspaceFolder));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    try {
        return RevocationList::fromJson(QJsonDocument::fromJson(file.readAll()).array());
    } catch (const DomainError &) {
        return {}; // a damaged copy is replaced by the next sync, which finds the count differs
    }
}

void KeptRevocations::keep(const QString &workspaceFolder, const QJsonArray &revocations)
{
    RevocationList::fromJson(revocations); // refuses a list that is not one before anything is replaced
    QSaveFile file(fileIn(workspaceFolder));
    if (file.fileName().isEmpty())
        return;
    const QByteArray bytes = QJsonDocument(revocations).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw DomainError(QStringLiteral("STORAGE_ERROR"), file.fileName(),
                          QCoreApplication::translate("vd::KeptRevocations",
                                                      "the certificate revocations cannot be kept: %1")
                              .arg(file.errorString()));
}

} // namespace vd
