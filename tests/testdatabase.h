#pragma once

#include "postgresdialect.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QUrl>

#include <set>

// The database the back office's tests run on. ctest registers each of them
// twice (tests/CMakeLists.txt, vd_add_database_test): NAME on SQLite, where a
// data folder holds workspace.sqlite, and NAME_postgres, with
// VD_TEST_POSTGRES naming the file in which the `postgres` fixture
// (scripts/postgres.sh) wrote the URL of its throwaway cluster. There every
// back-office data folder gets a database of its own, made empty on first
// use and named after the folder, so a server started again on the same
// folder finds its database again.
namespace TestDatabase {

inline bool onPostgres()
{
    return !qEnvironmentVariableIsEmpty("VD_TEST_POSTGRES");
}

// The fixture's cluster, as written by scripts/postgres.sh start.
inline QUrl clusterUrl()
{
    static const QUrl url = [] {
        QFile file(qEnvironmentVariable("VD_TEST_POSTGRES"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("VD_TEST_POSTGRES names %s, which cannot be read: is the postgres fixture running?",
                   qPrintable(file.fileName()));
        return QUrl(QString::fromUtf8(file.readAll().trimmed()));
    }();
    return url;
}

inline QSqlDatabase connect(const QString &name, const QUrl &url)
{
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    database.setHostName(url.host());
    database.setPort(url.port(5432));
    database.setUserName(url.userName());
    database.setDatabaseName(url.path().mid(1));
    if (!database.open())
        qFatal("cannot connect to %s: %s", qPrintable(url.toString()), qPrintable(database.lastError().text()));
    return database;
}

// The database of a back office's data folder, made (empty) when it is not there yet.
inline QString urlFor(const QString &dataFolder)
{
    const QByteArray path = QFileInfo(dataFolder).absoluteFilePath().toUtf8();
    const QString name = QStringLiteral("vd_") + QString::fromLatin1(
        QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(20));
    QUrl url = clusterUrl();
    {
        QSqlDatabase cluster = connect(QStringLiteral("vd-test-cluster"), url);
        {
            QSqlQuery query(cluster);
            query.prepare(QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = ?"));
            query.addBindValue(name);
            if (!query.exec() || !query.next())
                qFatal("cannot look for database %s: %s", qPrintable(name), qPrintable(query.lastError().text()));
            if (query.value(0).toInt() == 0
                && !QSqlQuery(cluster).exec(QStringLiteral("CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0").arg(name)))
                qFatal("cannot create database %s", qPrintable(name));
        }
        cluster.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("vd-test-cluster"));
    url.setPath(u'/' + name);
    return url.toString();
}

// Where the back office of a data folder keeps its workspace: the folder
// itself on SQLite (voucherdesk-cli --workspace takes either), else its database.
inline QString workspaceOf(const QString &dataFolder)
{
    return onPostgres() ? urlFor(dataFolder) : dataFolder;
}

// The data folders back offices were started with in this test (desks' folders are not among them).
inline std::set<QString> &backOfficeFolders()
{
    static std::set<QString> folders;
    return folders;
}

inline bool isBackOfficeFolder(const QString &folder)
{
    return backOfficeFolders().count(QFileInfo(folder).absoluteFilePath()) > 0;
}

// A back office's arguments with --database added after --data DIR on PostgreSQL.
inline QStringList withDatabase(QStringList arguments)
{
    const qsizetype data = arguments.indexOf(QStringLiteral("--data"));
    if (onPostgres() && data >= 0 && data + 1 < arguments.size() && !arguments.contains(QStringLiteral("--database"))) {
        backOfficeFolders().insert(QFileInfo(arguments[data + 1]).absoluteFilePath());
        arguments << QStringLiteral("--database") << urlFor(arguments[data + 1]);
    }
    return arguments;
}

} // namespace TestDatabase
