// list and search: the case queue, filtered or searched.
#include "clicommand.h"

#include "applicationrepository.h"
#include "applicationsearch.h"
#include "casesummaries.h"
#include "clioptions.h"
#include "domainerror.h"
#include "scheme.h"
#include "userrepository.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QLocale>

namespace vd::cli {

namespace {

struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(vd::cli)
};

constexpr int kMaximumLimit = 10000;

// Cases waiting for the applicant's answers with a question past its due
// date: a question on a case that has moved on (returned, withdrawn, not
// processed) is no longer awaited.
void overdueOnly(ApplicationFilter &filter, QDate asOf)
{
    const Scheme &scheme = Scheme::technologyVoucher();
    const QString waiting = scheme.deadlines().value(QStringLiteral("clarification_status")).toString();
    if (!filter.statuses.isEmpty() && !filter.statuses.contains(waiting))
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--overdue"),
                          CliText::tr("only cases in the status “%1” wait for answers; add --status %2 or leave "
                                      "--status out").arg(scheme.statuses().nameOf(waiting, QLocale()), waiting));
    filter.statuses = {waiting};
    filter.clarificationOverdueOn = asOf;
}

// The filter of list's options but --officer, which needs the workspace.
ApplicationFilter filterFrom(const Invocation &invocation)
{
    const Scheme &scheme = Scheme::technologyVoucher();
    ApplicationFilter filter;
    filter.statuses = vocabularyOption(invocation, QStringLiteral("status"), scheme.statuses());
    filter.sector = singleVocabularyOption(invocation, QStringLiteral("sector"), scheme.sectors());
    filter.solutionCategory = singleVocabularyOption(invocation, QStringLiteral("category"), scheme.solutionCategories());
    filter.submittedFrom = dateOption(invocation, QStringLiteral("submitted-from"));
    filter.submittedTo = dateOption(invocation, QStringLiteral("submitted-to"));
    const QDate asOf = asOfDay(invocation);
    if (invocation.parser.isSet(QStringLiteral("overdue")))
        overdueOnly(filter, asOf);
    return filter;
}

QString officerId(const Invocation &invocation, Workspace &workspace)
{
    const QString username = invocation.parser.value(QStringLiteral("officer"));
    const std::optional<User> officer = UserRepository(workspace).findByUsername(username);
    if (!officer)
        throw DomainError(QStringLiteral("INPUT_ERROR"), QStringLiteral("--officer"),
                          CliText::tr("there is no user “%1” in this workspace").arg(username));
    return officer->id;
}

void requireNoArguments(const Invocation &invocation)
{
    if (!invocation.arguments.isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), invocation.arguments.first(),
                          CliText::tr("list takes options only; to find cases by words, use search"));
}

int runList(Invocation &invocation)
{
    requireNoArguments(invocation);
    // Options that need no workspace are checked first, so a typo costs nothing.
    const Page page{numberOption(invocation, QStringLiteral("limit"), 50, 1, kMaximumLimit),
                    numberOption(invocation, QStringLiteral("offset"), 0, 0, std::numeric_limits<int>::max())};
    ApplicationFilter filter = filterFrom(invocation);
    const auto workspace = invocation.openWorkspace();
    if (invocation.parser.isSet(QStringLiteral("officer")))
        filter.caseOfficerId = officerId(invocation, *workspace);
    ApplicationRepository applications(*workspace);
    const qint64 total = applications.count(filter);
    const QList<ApplicationSummary> summaries = applications.list(filter, page);
    CaseSummaries printer(*workspace, invocation);
    if (invocation.json) {
        invocation.printJson(QJsonDocument(QJsonObject{{QStringLiteral("total"), total},
                                                       {QStringLiteral("offset"), page.offset},
                                                       {QStringLiteral("limit"), page.limit},
                                                       {QStringLiteral("applications"), printer.toJson(summaries)}}));
        return Success;
    }
    if (summaries.isEmpty()) {
        invocation.out << (total == 0 ? CliText::tr("No case matches.")
                                      : CliText::tr("No cases on this page: %1 match in all.").arg(invocation.locale.toString(total)))
                       << '\n';
        return Success;
    }
    printer.printTable(summaries);
    invocation.out << '\n'
                   << CliText::tr("Cases %1 to %2 of %3.")
                          .arg(invocation.locale.toString(page.offset + 1),
                               invocation.locale.toString(page.offset + summaries.size()), invocation.locale.toString(total))
                   << '\n';
    return Success;
}

int runSearch(Invocation &invocation)
{
    const QString text = invocation.arguments.join(u' ');
    if (text.trimmed().isEmpty())
        throw DomainError(QStringLiteral("INPUT_ERROR"), QString(),
                          CliText::tr("give the words to search for, such as a reference, part of a title or the "
                                      "applicant's name, in English or Chinese"));
    const Page page{numberOption(invocation, QStringLiteral("limit"), 50, 1, kMaximumLimit), 0};
    const auto workspace = invocation.openWorkspace();
    const QList<SearchHit> hits = ApplicationSearch(*workspace).find(text, page);
    QStringList ids;
    for (const SearchHit &hit : hits)
        ids << hit.applicationId;
    const QList<ApplicationSummary> summaries = ApplicationRepository(*workspace).summaries(ids);
    CaseSummaries printer(*workspace, invocation);
    if (invocation.json) {
        invocation.printJson(QJsonDocument(QJsonObject{{QStringLiteral("query"), text},
                                                       {QStringLiteral("limit"), page.limit},
                                                       {QStringLiteral("applications"), printer.toJson(summaries)}}));
        return Success;
    }
    if (summaries.isEmpty()) {
        invocation.out << CliText::tr("No case matches “%1”.").arg(text) << '\n';
        return Success;
    }
    printer.printTable(summaries);
    invocation.out << '\n'
                   << (summaries.size() < page.limit
                           ? CliText::tr("%n case(s) found, newest first.", nullptr, int(summaries.size()))
                           : CliText::tr("The newest %n cases found; there may be more: raise --limit or add words.",
                                         nullptr, int(summaries.size())))
                   << '\n';
    return Success;
}

} // namespace

Command listCommand()
{
    return {QStringLiteral("list"), "",
            QT_TRANSLATE_NOOP("vd::cli", "List the case queue, oldest submission first, filtered by the options."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("status"),
                                  CliText::tr("Only cases in this status (a scheme status id); give it again for several."),
                                  QStringLiteral("status")});
                parser.addOption({QStringLiteral("sector"), CliText::tr("Only applicants of this sector (a scheme sector id)."),
                                  QStringLiteral("sector")});
                parser.addOption({QStringLiteral("category"),
                                  CliText::tr("Only cases of this solution category (a scheme category id)."),
                                  QStringLiteral("category")});
                parser.addOption({QStringLiteral("officer"), CliText::tr("Only cases of this case officer (a username)."),
                                  QStringLiteral("username")});
                parser.addOption({QStringLiteral("overdue"),
                                  CliText::tr("Only cases waiting for the applicant's answers with a question unanswered after its "
                                              "due date (see --as-of).")});
                parser.addOption({QStringLiteral("submitted-from"),
                                  CliText::tr("Only cases submitted on or after this day (YYYY-MM-DD)."), QStringLiteral("date")});
                parser.addOption({QStringLiteral("submitted-to"),
                                  CliText::tr("Only cases submitted on or before this day (YYYY-MM-DD)."), QStringLiteral("date")});
                parser.addOption({QStringLiteral("limit"), CliText::tr("Show at most this many cases (default 50)."),
                                  QStringLiteral("n")});
                parser.addOption({QStringLiteral("offset"), CliText::tr("Skip this many cases first (default 0)."),
                                  QStringLiteral("n")});
                addAsOfOption(parser);
            },
            runList};
}

Command searchCommand()
{
    return {QStringLiteral("search"), QT_TRANSLATE_NOOP("vd::cli", "TEXT"),
            QT_TRANSLATE_NOOP("vd::cli", "Find cases by words of their reference, title, description or applicant, in "
                                         "English or Chinese."),
            Command::Workspace | Command::JsonOutput,
            [](QCommandLineParser &parser) {
                parser.addOption({QStringLiteral("limit"), CliText::tr("Show at most this many cases (default 50)."),
                                  QStringLiteral("n")});
            },
            runSearch};
}

} // namespace vd::cli
