#include "scheme.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QFile>

namespace vd {

LocalizedName LocalizedName::fromJson(const JsonReader &name)
{
    return {name.string(QStringLiteral("en")), name.string(QStringLiteral("zh_HK")),
            name.string(QStringLiteral("zh_CN"))};
}

QString LocalizedName::in(const QLocale &locale) const
{
    if (locale.language() == QLocale::Chinese) {
        const bool simplified = locale.script() == QLocale::SimplifiedChineseScript
            || (locale.script() == QLocale::AnyScript && locale.territory() == QLocale::China);
        const QString &preferred = simplified ? zhCN : zhHK;
        if (!preferred.isEmpty())
            return preferred;
        if (!zhHK.isEmpty())
            return zhHK;
    }
    return en;
}

QStringList SchemeVocabulary::ids() const
{
    QStringList ids;
    ids.reserve(m_terms.size());
    for (const SchemeTerm &term : m_terms)
        ids.append(term.id);
    return ids;
}

const SchemeTerm *SchemeVocabulary::find(const QString &id) const
{
    for (const SchemeTerm &term : m_terms) {
        if (term.id == id)
            return &term;
    }
    return nullptr;
}

QString SchemeVocabulary::nameOf(const QString &id, const QLocale &locale) const
{
    const SchemeTerm *term = find(id);
    return term ? term->name.in(locale) : id;
}

namespace {

LocalizedName readName(const JsonReader &entry)
{
    return LocalizedName::fromJson(entry.object(QStringLiteral("name")));
}

SchemeVocabulary readVocabulary(const JsonReader &root, const QString &key, bool required = true)
{
    QList<SchemeTerm> terms;
    QStringList seen;
    for (const JsonReader &entry : root.array(key, required)) {
        SchemeTerm term{entry.string(QStringLiteral("id")), readName(entry), entry.value().toObject()};
        if (seen.contains(term.id))
            entry.fail(QStringLiteral("id"),
                       QCoreApplication::translate("vd::Scheme", "\"%1\" is defined twice").arg(term.id));
        seen.append(term.id);
        terms.append(std::move(term));
    }
    return SchemeVocabulary(std::move(terms));
}

} // namespace

Scheme Scheme::fromJson(const QByteArray &bytes, const QString &sourceName)
{
    const JsonReader root(JsonReader::parseDocument(bytes, sourceName), QString());
    if (root.string(QStringLiteral("format")) != QLatin1String("voucherdesk.scheme/1"))
        root.fail(QStringLiteral("format"), QCoreApplication::translate("vd::Scheme", "not a scheme file this program knows"));
    Scheme scheme;
    scheme.m_id = root.string(QStringLiteral("id"));
    scheme.m_name = readName(root);
    scheme.m_referencePrefix = root.string(QStringLiteral("reference_prefix"));
    scheme.m_entityTypes = readVocabulary(root, QStringLiteral("entity_types"));
    scheme.m_budgetCategories = readVocabulary(root, QStringLiteral("budget_categories"));
    scheme.m_solutionCategories = readVocabulary(root, QStringLiteral("solution_categories"));
    scheme.m_sectors = readVocabulary(root, QStringLiteral("sectors"));
    scheme.m_reviewCriteria = readVocabulary(root, QStringLiteral("review_criteria"));
    scheme.m_roles = readVocabulary(root, QStringLiteral("roles"));
    scheme.m_statuses = readVocabulary(root, QStringLiteral("statuses"));
    scheme.m_actions = readVocabulary(root, QStringLiteral("actions"));
    scheme.m_eligibilityChecks = readVocabulary(root, QStringLiteral("eligibility_checks"), false);
    // Optional: a scheme without them asks for no declarations and takes attachments of any kind.
    scheme.m_applicantDeclarations = readVocabulary(root, QStringLiteral("applicant_declarations"), false);
    scheme.m_attachmentKinds = readVocabulary(root, QStringLiteral("attachment_kinds"), false);
    scheme.m_rules = root.object(QStringLiteral("rules")).value().toObject();
    scheme.m_deadlines = root.object(QStringLiteral("deadlines")).value().toObject();
    return scheme;
}

Scheme Scheme::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw DomainError(QStringLiteral("SCHEME_UNREADABLE"), path, file.errorString());
    return fromJson(file.readAll(), path);
}

const Scheme &Scheme::technologyVoucher()
{
    static const Scheme scheme = load(QStringLiteral(":/voucherdesk/schemes/tvp.json"));
    return scheme;
}

} // namespace vd
