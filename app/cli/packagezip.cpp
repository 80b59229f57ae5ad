#include "packagezip.h"

#include "domainerror.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Path.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <sstream>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

} // namespace

void writeZip(const QString &path, const QMap<QString, QByteArray> &entries)
{
    std::ostringstream zip;
    {
        Poco::Zip::Compress compress(zip, true);
        const Poco::DateTime now;
        for (auto entry = entries.cbegin(); entry != entries.cend(); ++entry) {
            std::istringstream data(entry.value().toStdString());
            compress.addFile(data, now, Poco::Path(entry.key().toStdString(), Poco::Path::PATH_UNIX),
                             Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_NORMAL);
        }
        compress.close();
    }
    const std::string bytes = zip.str();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), qint64(bytes.size())) != qint64(bytes.size())
        || !file.commit())
        throw DomainError(QStringLiteral("PACKAGE_UNWRITABLE"), path,
                          CliText::tr("The package cannot be written: %1.").arg(file.errorString()));
}

QMap<QString, QByteArray> readZip(const QString &path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in)
        throw DomainError(QStringLiteral("PACKAGE_INVALID"), path, CliText::tr("The package cannot be read."));
    QMap<QString, QByteArray> entries;
    try {
        const Poco::Zip::ZipArchive archive(in);
        for (auto header = archive.headerBegin(); header != archive.headerEnd(); ++header) {
            if (!header->second.isFile())
                continue;
            in.clear();
            Poco::Zip::ZipInputStream entry(in, header->second, true);
            std::string data;
            Poco::StreamCopier::copyToString(entry, data);
            entries.insert(QString::fromStdString(header->first), QByteArray::fromStdString(data));
        }
    } catch (const Poco::Exception &error) {
        throw DomainError(QStringLiteral("PACKAGE_INVALID"), path,
                          CliText::tr("This is not a readable zip file: %1.").arg(QString::fromStdString(error.displayText())));
    }
    return entries;
}

} // namespace vd::cli
