#pragma once

#include "testdatabase.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// A plain Qt SQL connection to a workspace file beside the Workspace, for
// looking at the file or tampering with it as someone with sqlite3 would.
// In a test run on PostgreSQL (testdatabase.h), the DIR/workspace.sqlite of
// a back office started on DIR stands for the database of DIR, and the SQL goes
// through the store's dialect seam as the store's own does.
class RawConnection
{
public:
    explicit RawConnection(const QString &file) : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        if (file.startsWith(QLatin1String("postgresql://"))) { // a Workspace's file() on PostgreSQL
            m_postgres = true;
            TestDatabase::connect(m_name, QUrl(file));
            return;
        }
        if (TestDatabase::onPostgres() && TestDatabase::isBackOfficeFolder(QFileInfo(file).absolutePath())) {
            m_postgres = true;
            TestDatabase::connect(m_name, QUrl(TestDatabase::urlFor(QFileInfo(file).absolutePath())));
            return;
        }
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(file);
        if (!database.open())
            qFatal("cannot open %s", qPrintable(file));
    }
    ~RawConnection()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    RawConnection(const RawConnection &) = delete;
    RawConnection &operator=(const RawConnection &) = delete;

    // The statement run with its values, its rows to read.
    QSqlQuery select(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        query.prepare(m_postgres ? vd::sql::forPostgres(sql) : sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("%s failed: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query;
    }
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query = select(sql, values);
        return query.next() ? query.value(0) : QVariant();
    }
    void run(const QString &sql, const QVariantList &values = {}) const { scalar(sql, values); }
    qint64 count(const QString &table) const
    {
        return scalar(QStringLiteral("SELECT count(*) FROM ") + table).toLongLong();
    }

private:
    QString m_name;
    bool m_postgres = false;
    static inline int s_count = 0;
};
