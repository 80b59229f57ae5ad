#pragma once

#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

namespace vd {

class JsonReader;

// A name from scheme data, in the three languages the interface speaks.
struct LocalizedName
{
    QString en;
    QString zhHK;
    QString zhCN;

    // Reads {"en", "zh_HK", "zh_CN"}; throws DomainError naming a missing one.
    static LocalizedName fromJson(const JsonReader &name);
    QString in(const QLocale &locale) const;
};

// One entry of a scheme vocabulary: a status, role, sector, budget category…
struct SchemeTerm
{
    QString id;
    LocalizedName name;
    QJsonObject attributes; // the whole entry, for fields a vocabulary adds (weight, stage, max…)
};

class SchemeVocabulary
{
public:
    SchemeVocabulary() = default;
    explicit SchemeVocabulary(QList<SchemeTerm> terms) : m_terms(std::move(terms)) {}

    const QList<SchemeTerm> &terms() const { return m_terms; }
    QStringList ids() const;
    bool contains(const QString &id) const { return find(id) != nullptr; }
    const SchemeTerm *find(const QString &id) const;
    // The localized name, or the id itself when the term is unknown.
    QString nameOf(const QString &id, const QLocale &locale) const;

private:
    QList<SchemeTerm> m_terms;
};

// A voucher scheme as data (DESIGN.md §3): vocabularies, rule sets, the
// workflow and deadlines. Code interprets it; nothing here is hard-coded.
class Scheme
{
public:
    // Loads and checks a scheme file; throws DomainError naming the bad entry.
    static Scheme fromJson(const QByteArray &bytes, const QString &sourceName);
    static Scheme load(const QString &path);
    // The Technology Voucher Programme shipped in the resources, loaded once.
    static const Scheme &technologyVoucher();

    const QString &id() const { return m_id; }
    const LocalizedName &name() const { return m_name; }
    const QString &referencePrefix() const { return m_referencePrefix; }

    const SchemeVocabulary &entityTypes() const { return m_entityTypes; }
    const SchemeVocabulary &budgetCategories() const { return m_budgetCategories; }
    const SchemeVocabulary &solutionCategories() const { return m_solutionCategories; }
    const SchemeVocabulary &sectors() const { return m_sectors; }
    const SchemeVocabulary &reviewCriteria() const { return m_reviewCriteria; }
    const SchemeVocabulary &roles() const { return m_roles; }
    const SchemeVocabulary &statuses() const { return m_statuses; }
    const SchemeVocabulary &actions() const { return m_actions; }
    // What the secretariat confirms by hand before a case goes further
    // (registered in Hong Kong, not listed…); empty when the scheme has none.
    const SchemeVocabulary &eligibilityChecks() const { return m_eligibilityChecks; }
    // What an applicant declares on submission, and the kinds of file it attaches.
    const SchemeVocabulary &applicantDeclarations() const { return m_applicantDeclarations; }
    const SchemeVocabulary &attachmentKinds() const { return m_attachmentKinds; }

    // Sections interpreted by their own classes (RuleBook, Workflow, DeadlinePolicy).
    const QJsonObject &rules() const { return m_rules; }
    const QJsonObject &deadlines() const { return m_deadlines; }

private:
    QString m_id;
    LocalizedName m_name;
    QString m_referencePrefix;
    SchemeVocabulary m_entityTypes, m_budgetCategories, m_solutionCategories, m_sectors,
        m_reviewCriteria, m_roles, m_statuses, m_actions, m_eligibilityChecks, m_applicantDeclarations,
        m_attachmentKinds;
    QJsonObject m_rules;
    QJsonObject m_deadlines;
};

} // namespace vd
