#include "casesummaries.h"

#include "recordjson.h"
#include "scheme.h"
#include "texttable.h"
#include "userrepository.h"

#include <QCoreApplication>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

QJsonValue optionalText(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QString shortDate(const std::optional<QDate> &date, const QLocale &locale)
{
    return date && date->isValid() ? locale.toString(*date, QLocale::ShortFormat) : QString();
}

QString CaseSummaries::username(const QString &userId)
{
    if (userId.isEmpty())
        return {};
    auto found = m_usernames.constFind(userId);
    if (found == m_usernames.constEnd()) {
        const std::optional<User> user = UserRepository(m_workspace).find(userId);
        found = m_usernames.insert(userId, user ? user->username : userId);
    }
    return *found;
}

QJsonArray CaseSummaries::toJson(const QList<ApplicationSummary> &summaries)
{
    QJsonArray array;
    for (const ApplicationSummary &summary : summaries)
        array.append(QJsonObject{
            {QStringLiteral("id"), summary.id},
            {QStringLiteral("reference"), optionalText(summary.reference)},
            {QStringLiteral("status"), summary.status},
            {QStringLiteral("title"), summary.title.toJson()},
            {QStringLiteral("applicant"), summary.enterpriseName.toJson()},
            {QStringLiteral("sector"), optionalText(summary.sector)},
            {QStringLiteral("solution_category"), optionalText(summary.solutionCategory)},
            {QStringLiteral("submitted"), summary.submitted ? QJsonValue(record::dateText(*summary.submitted))
                                                            : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("case_officer"), optionalText(username(summary.caseOfficerId))},
            {QStringLiteral("total_cost"), summary.totalCost.toDecimalString()},
            {QStringLiteral("approved_grant"), summary.approvedGrant ? QJsonValue(summary.approvedGrant->toDecimalString())
                                                                     : QJsonValue(QJsonValue::Null)}});
    return array;
}

void CaseSummaries::printTable(const QList<ApplicationSummary> &summaries)
{
    const Scheme &scheme = Scheme::technologyVoucher();
    const QLocale &locale = m_invocation.locale;
    TextTable table;
    table.addColumn(CliText::tr("Reference"));
    table.addColumn(CliText::tr("Status"));
    table.addColumn(CliText::tr("Title"), TextTable::Align::Left, 34);
    table.addColumn(CliText::tr("Applicant"), TextTable::Align::Left, 26);
    table.addColumn(CliText::tr("Sector"), TextTable::Align::Left, 20);
    table.addColumn(CliText::tr("Submitted"));
    table.addColumn(CliText::tr("Officer"));
    table.addColumn(CliText::tr("Total cost"), TextTable::Align::Right);
    table.addColumn(CliText::tr("Grant"), TextTable::Align::Right);
    for (const ApplicationSummary &summary : summaries)
        table.addRow({summary.reference.isEmpty() ? summary.id : summary.reference,
                      scheme.statuses().nameOf(summary.status, locale), summary.title.in(locale),
                      summary.enterpriseName.in(locale), scheme.sectors().nameOf(summary.sector, locale),
                      shortDate(summary.submitted, locale), username(summary.caseOfficerId),
                      summary.totalCost.toDisplayString(locale),
                      summary.approvedGrant ? summary.approvedGrant->toDisplayString(locale) : QString()});
    table.print(m_invocation.out);
}

} // namespace vd::cli
