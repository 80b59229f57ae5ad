#pragma once

#include "application.h"
#include "bilingualtext.h"
#include "demodice.h"
#include "money.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace vd {

struct DemoProgramme;
struct DemoRuleSet;
struct Enterprise;

// What a case needs to know about its applicant.
struct DemoApplicant
{
    const Enterprise *enterprise = nullptr;
    QString coordinatorId;   // the user who acts for the enterprise
    BilingualText contact;   // the coordinator with a title, for letters
    BilingualText business;  // "three retail shops"
    BilingualText district;
    bool chinese = false;    // writes to the secretariat in Chinese
};

// Drafts what an enterprise proposes: a title, a description and a budget
// whose quotations obey the scheme's bands, sized so that grants average what
// the statistics give for the rule set in force.
class DemoProposal
{
public:
    DemoProposal(DemoProgramme &programme, DemoDice &dice);

    // Fills the application's content and returns the grant the rules give
    // it: the funding ratio of the eligible cost, within the cap remaining.
    Money draft(Application &application, const DemoApplicant &applicant, const DemoRuleSet &ruleSet,
                QDate submitted, Money capRemaining);

private:
    QList<BudgetItem> budget(const QString &solution, const DemoRuleSet &ruleSet, QDate submitted, bool chinese);
    BudgetItem item(const QString &category, const QString &solution, Money amount, QDate submitted, bool chinese);
    void quote(BudgetItem &item, QDate submitted, bool chinese);

    DemoProgramme &m_programme;
    DemoDice &m_dice;
    QStringList m_solutions;
    DemoWeights m_solutionWeights; // the scheme's weights
};

} // namespace vd
