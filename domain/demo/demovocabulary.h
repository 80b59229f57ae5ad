#pragma once

#include "bilingualtext.h"
#include "money.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <utility>

namespace vd {

class DemoDice;
class Scheme;

// A person's name as Hong Kong writes it: {"Peter Chan Tai Man", "陳大文"}.
struct DemoPerson
{
    BilingualText name;
    QString surname;  // romanised: "Chan"
    QString given;    // romanised: "Tai Man"
    bool female = false;
    // Both forms in one line, as a business registration extract shows them.
    QString fullName() const { return name.en + u' ' + name.zh; }
};

struct DemoCompanyName
{
    BilingualText name;
    BilingualText stem;          // 永發 Wing Fat
    bool manufacturing = false;  // the trade is a manufacturing one
};

struct DemoAddress
{
    BilingualText text;
    BilingualText district;
};

struct DemoClarification
{
    BilingualText question;
    BilingualText answer;
};

struct DemoLetter
{
    BilingualText subject;
    BilingualText body;
};

// Placeholder values for a pattern: {"{reference}", "TVP/2022/01234"}…
using DemoFields = QList<std::pair<QString, QString>>;

// Lists of stock phrases the casework draws on.
enum class DemoPhrases {
    Conditions, Justifications, SupportiveComments, CriticalComments, CaseConflicts, AnnualDeclarations,
    ChangeRequests, ChangeApproved, ChangeRejected, SiteSatisfactory, SiteIssuesFound, SiteSuspicious,
    FinalReports, EvaluationReports, Count
};

// The words of resources/demo/vocabulary.json and how they combine into
// believable Hong Kong enterprises, people, places, projects and casework.
class DemoVocabulary
{
public:
    // Throws DomainError naming the bad entry; checks every sector, solution
    // and budget category of the scheme has words.
    static DemoVocabulary fromJson(const QByteArray &bytes, const QString &sourceName, const Scheme &scheme);
    static DemoVocabulary shipped(const Scheme &scheme);

    DemoPerson person(DemoDice &dice) const;
    // With a title: {"Dr Lee Ka Wai", "李家偉博士"}; distinguished people may be Dr, Prof, Ir or Sr.
    BilingualText titled(const DemoPerson &person, DemoDice &dice, bool distinguished) const;
    DemoCompanyName companyName(DemoDice &dice, const QString &sector, const QString &entityType) const;
    DemoAddress address(DemoDice &dice, const QString &sector) const;
    BilingualText business(DemoDice &dice, const QString &sector) const; // "three retail shops"
    QString supplierName(DemoDice &dice) const;   // "Smart Link Technology Limited 智聯科技有限公司"
    QString auditFirmName(DemoDice &dice) const;  // "Chan & Lee CPA Limited 陳李會計師事務所有限公司"

    BilingualText projectTitle(DemoDice &dice, const QString &solution, const BilingualText &business) const;
    BilingualText projectDescription(DemoDice &dice, const QString &solution, const BilingualText &business,
                                     const BilingualText &district, int employees) const;
    BilingualText budgetItem(DemoDice &dice, const QString &category, const QString &solution, int months) const;

    const DemoClarification &clarification(DemoDice &dice) const;
    const DemoLetter &letter(const QString &kind) const;
    const BilingualText &reason(DemoDice &dice, const QString &kind) const;
    const BilingualText &phrase(DemoDice &dice, DemoPhrases list) const;
    const BilingualText &reductionCondition() const { return m_reductionCondition; }
    const BilingualText &milestone(bool initial) const { return initial ? m_initialMilestone : m_finalMilestone; }
    const BilingualText &committeeName() const { return m_committeeName; }
    const BilingualText &venue(DemoDice &dice) const;
    const BilingualText &videoVenue() const { return m_videoVenue; }
    const QStringList &applicantDeclarations() const { return m_applicantDeclarations; }

    QString money(Money amount, bool chinese) const;  // "HK$180,000" / "港幣180,000元"
    QString date(QDate date, bool chinese) const;     // "23 November 2026" / "2026年11月23日"
    static QString fill(QString pattern, const DemoFields &fields);

private:
    struct SectorWords
    {
        QString premises; // shop | office | industrial
        QList<BilingualText> trades;
        QList<BilingualText> manufacturingTrades;
        QList<BilingualText> businesses;
    };
    struct District
    {
        BilingualText name;
        BilingualText region;
        bool industrial = false;
        QList<BilingualText> streets;
    };
    struct SolutionWords
    {
        QList<BilingualText> titles, modules, solution, benefits;
    };

    BilingualText stem(DemoDice &dice) const;

    QList<BilingualText> m_firstSyllables, m_secondSyllables, m_brands, m_statutoryBodies;
    QHash<QString, QList<BilingualText>> m_suffixes; // by entity type
    QHash<QString, SectorWords> m_sectors;
    QList<BilingualText> m_surnames, m_maleNames, m_femaleNames;
    QStringList m_maleEnglishNames, m_femaleEnglishNames;
    BilingualText m_mister, m_madam;
    QList<BilingualText> m_distinctions;
    QList<District> m_districts, m_industrialDistricts;
    QHash<QString, QList<BilingualText>> m_buildings; // industrial | commercial
    QHash<QString, BilingualText> m_addressFormats;   // office | industrial | shop
    QList<BilingualText> m_supplierStems, m_supplierWords, m_supplierSuffixes;
    BilingualText m_auditFirmFormat;
    QHash<QString, SolutionWords> m_solutions;
    QList<BilingualText> m_projectContexts;
    QHash<QString, QList<BilingualText>> m_budgetItems; // by "category/solution"
    QStringList m_applicantDeclarations;
    BilingualText m_committeeName, m_videoVenue;
    QList<BilingualText> m_venues;
    QList<DemoClarification> m_clarifications;
    QHash<QString, DemoLetter> m_letters;
    QHash<QString, QList<BilingualText>> m_reasons;
    std::array<QList<BilingualText>, size_t(DemoPhrases::Count)> m_phrases;
    BilingualText m_reductionCondition, m_initialMilestone, m_finalMilestone;
    BilingualText m_moneyFormat, m_dateFormat, m_titledFormat;
    QStringList m_monthNames;
};

// The text in the language a person writes in.
inline const QString &inLanguage(const BilingualText &text, bool chinese)
{
    return chinese ? text.zh : text.en;
}

} // namespace vd
