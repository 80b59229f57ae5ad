#pragma once

#include "applicationrepository.h"
#include "clicommand.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace vd {
class Workspace;
}

namespace vd::cli {

// Rows of a case queue, as `list` and `search` print them: a table in the
// terminal (names in the chosen language, money for the locale) or JSON
// objects {"id", "reference", "status", "title", "applicant", "sector",
// "solution_category", "submitted", "case_officer", "total_cost", "approved_grant"}.
class CaseSummaries
{
public:
    CaseSummaries(Workspace &workspace, const Invocation &invocation)
        : m_workspace(workspace), m_invocation(invocation)
    {}

    QJsonArray toJson(const QList<ApplicationSummary> &summaries);
    void printTable(const QList<ApplicationSummary> &summaries);

private:
    QString username(const QString &userId);

    Workspace &m_workspace;
    const Invocation &m_invocation;
    QHash<QString, QString> m_usernames;
};

// A day in the locale's short form, or an empty string.
QString shortDate(const std::optional<QDate> &date, const QLocale &locale);

} // namespace vd::cli
