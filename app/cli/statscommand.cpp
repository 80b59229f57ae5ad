// stats: the management figures of a workspace.
#include "clicommand.h"

#include "casestatistics.h"
#include "casesummaries.h"
#include "clioptions.h"
#include "domainerror.h"
#include "holidaycalendar.h"
#include "recordjson.h"
#include "scheme.h"
#include "texttable.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

QJsonArray countsJson(const QList<CaseCount> &counts, const QString &key, const SchemeVocabulary *vocabulary,
                      const QLocale &locale)
{
    QJsonArray array;
    for (const CaseCount &count : counts) {
        QJsonObject object{{key, count.key.isEmpty() ? QJsonValue() : QJsonValue(count.key)},
                           {QStringLiteral("applications"), count.applications}};
        if (vocabulary)
            object.insert(QStringLiteral("name"), vocabulary->nameOf(count.key, locale));
        array.append(object);
    }
    return array;
}

double medianDays(const ProcessingTime &time)
{
    return double(time.medianHalfDays) / 2;
}

QJsonObject statisticsJson(const CaseStatistics &statistics, const QLocale &locale)
{
    const Scheme &scheme = Scheme::technologyVoucher();
    QJsonArray processing;
    for (const ProcessingTime &time : statistics.processingByYear)
        processing.append(QJsonObject{{QStringLiteral("year"), time.year},
                                      {QStringLiteral("approvals"), time.approvals},
                                      {QStringLiteral("median_days"), medianDays(time)}});
    return {{QStringLiteral("as_of"), record::dateText(statistics.asOf)},
            {QStringLiteral("applications"), statistics.applications},
            {QStringLiteral("by_status"), countsJson(statistics.byStatus, QStringLiteral("status"), &scheme.statuses(), locale)},
            {QStringLiteral("by_submission_year"),
             countsJson(statistics.bySubmissionYear, QStringLiteral("year"), nullptr, locale)},
            {QStringLiteral("by_sector"), countsJson(statistics.bySector, QStringLiteral("sector"), &scheme.sectors(), locale)},
            {QStringLiteral("by_solution_category"),
             countsJson(statistics.bySolutionCategory, QStringLiteral("solution_category"), &scheme.solutionCategories(), locale)},
            {QStringLiteral("approved_grants"),
             QJsonObject{{QStringLiteral("applications"), statistics.approvedApplications},
                         {QStringLiteral("total"), statistics.approvedGrantTotal.toDecimalString()},
                         {QStringLiteral("average"), statistics.approvedGrantAverage.toDecimalString()}}},
            {QStringLiteral("processing_days_by_year"), processing},
            {QStringLiteral("clarifications"), QJsonObject{{QStringLiteral("open"), statistics.openClarifications},
                                                           {QStringLiteral("overdue"), statistics.overdueClarifications}}}};
}

class StatisticsPrinter
{
public:
    StatisticsPrinter(const CaseStatistics &statistics, const Invocation &invocation)
        : m_statistics(statistics), m_out(invocation.out), m_locale(invocation.locale)
    {}

    void print()
    {
        const Scheme &scheme = Scheme::technologyVoucher();
        m_out << CliText::tr("Management figures as of %1: %2 cases")
                     .arg(shortDate(m_statistics.asOf, m_locale), number(m_statistics.applications))
              << '\n';
        counts(CliText::tr("Cases by status"), CliText::tr("Status"), m_statistics.byStatus, &scheme.statuses(),
               CliText::tr("(unknown)"));
        counts(CliText::tr("Cases by year of submission"), CliText::tr("Year"), m_statistics.bySubmissionYear, nullptr,
               CliText::tr("not submitted"));
        counts(CliText::tr("Cases by sector"), CliText::tr("Sector"), m_statistics.bySector, &scheme.sectors(),
               CliText::tr("(none)"));
        counts(CliText::tr("Cases by solution category"), CliText::tr("Solution"), m_statistics.bySolutionCategory,
               &scheme.solutionCategories(), CliText::tr("(none)"));
        grants();
        processing();
        heading(CliText::tr("Clarifications"));
        m_out << CliText::tr("Unanswered questions: %1, of which overdue: %2")
                     .arg(number(m_statistics.openClarifications), number(m_statistics.overdueClarifications))
              << '\n';
    }

private:
    QString number(qint64 value) const { return m_locale.toString(value); }
    void heading(const QString &title) { m_out << '\n' << title << '\n' << QString(displayWidth(title), u'=') << '\n'; }

    void counts(const QString &title, const QString &column, const QList<CaseCount> &counts,
                const SchemeVocabulary *vocabulary, const QString &missing)
    {
        heading(title);
        TextTable table;
        table.addColumn(column);
        table.addColumn(CliText::tr("Cases"), TextTable::Align::Right);
        table.addColumn(CliText::tr("Share"), TextTable::Align::Right);
        for (const CaseCount &count : counts) {
            const QString name = count.key.isEmpty() ? missing : vocabulary ? vocabulary->nameOf(count.key, m_locale) : count.key;
            table.addRow({name, number(count.applications), share(count.applications)});
        }
        table.print(m_out);
    }

    // A percentage with one decimal, from whole numbers.
    QString share(qint64 part) const
    {
        if (m_statistics.applications == 0)
            return {};
        const qint64 tenths = (part * 1000 + m_statistics.applications / 2) / m_statistics.applications;
        return m_locale.toString(tenths / 10) + m_locale.decimalPoint() + QString::number(tenths % 10) + m_locale.percent();
    }

    void grants()
    {
        heading(CliText::tr("Approved grants"));
        m_out << CliText::tr("Cases with an approved grant: %1").arg(number(m_statistics.approvedApplications)) << '\n'
              << CliText::tr("Total: %1").arg(m_statistics.approvedGrantTotal.toDisplayString(m_locale)) << '\n'
              << CliText::tr("Average: %1").arg(m_statistics.approvedGrantAverage.toDisplayString(m_locale)) << '\n';
    }

    void processing()
    {
        heading(CliText::tr("Processing time, submission to approval"));
        TextTable table;
        table.addColumn(CliText::tr("Year of approval"));
        table.addColumn(CliText::tr("Approvals"), TextTable::Align::Right);
        table.addColumn(CliText::tr("Median days"), TextTable::Align::Right);
        for (const ProcessingTime &time : m_statistics.processingByYear)
            table.addRow({QString::number(time.year), number(time.approvals), m_locale.toString(medianDays(time), 'f', 1)});
        table.print(m_out);
    }

    const CaseStatistics &m_statistics;
    QTextStream &m_out;
    const QLocale &m_locale;
};

int runStats(Invocation &invocation)
{
    if (!invocation.arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), invocation.arguments.first(),
                          CliText::tr("stats takes options only"));
    const QDate asOf = asOfDay(invocation);
    const auto workspace = invocation.openWorkspace();
    const CaseStatistics statistics =
        CaseStatistics::compute(*workspace, asOf, Scheme::technologyVoucher(), HolidayCalendar::hongKong());
    if (invocation.json)
        invocation.printJson(QJsonDocument(statisticsJson(statistics, invocation.locale)));
    else
        StatisticsPrinter(statistics, invocation).print();
    return Success;
}

} // namespace

Command statsCommand()
{
    return {QStringLiteral("stats"), "",
            QT_TRANSLATE_NOOP("vd::cli", "Management figures: cases by status, year, sector and solution; grants; "
                                         "processing times; clarifications."),
            Command::Workspace | Command::JsonOutput, [](QCommandLineParser &parser) { addAsOfOption(parser); }, runStats};
}

} // namespace vd::cli
