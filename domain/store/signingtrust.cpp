#include "signingtrust.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace vd {

namespace {

QString fileIn(const QString &workspaceFolder, const char *name)
{
    return workspaceFolder.isEmpty() ? QString() : QDir(workspaceFolder).filePath(QString::fromLatin1(name));
}

std::optional<QByteArray> read(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

void replace(const QString &path, const QByteArray &bytes)
{
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw DomainError(QStringLiteral("STORAGE_ERROR"), path,
                          QCoreApplication::translate("vd::SigningTrust",
                                                      "what signatures are checked against cannot be kept: %1")
                              .arg(file.errorString()));
}

} // namespace

QString SigningTrust::authorityFileIn(const QString &workspaceFolder)
{
    return fileIn(workspaceFolder, "ca.crt");
}

QString SigningTrust::revocationsFileIn(const QString &workspaceFolder)
{
    return fileIn(workspaceFolder, "revocations.json");
}

std::optional<Certificate> SigningTrust::authority(const QString &workspaceFolder)
{
    const std::optional<QByteArray> pem = read(authorityFileIn(workspaceFolder));
    try {
        return pem ? std::optional<Certificate>(Certificate::fromPem(*pem)) : std::nullopt;
    } catch (const DomainError &) {
        return std::nullopt;
    }
}

RevocationList SigningTrust::revocations(const QString &workspaceFolder)
{
    const std::optional<QByteArray> json = read(revocationsFileIn(workspaceFolder));
    try {
        return json ? RevocationList::fromJson(QJsonDocument::fromJson(*json).array()) : RevocationList();
    } catch (const DomainError &) {
        return {}; // replaced by the next sync, which finds the count differs
    }
}

void SigningTrust::keepAuthority(const QString &workspaceFolder, const QByteArray &pem)
{
    replace(authorityFileIn(workspaceFolder), Certificate::fromPem(pem).pem());
}

void SigningTrust::keepRevocations(const QString &workspaceFolder, const QJsonArray &revocations)
{
    RevocationList::fromJson(revocations); // a list that is not one replaces nothing
    replace(revocationsFileIn(workspaceFolder), QJsonDocument(revocations).toJson(QJsonDocument::Indented));
}

} // namespace vd
