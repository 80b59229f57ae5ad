// The words of each finding (docs/rules.md), put together when shown so that
// they follow the language and locale in force at that moment.
#include "assessment.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>

#include <functional>

namespace vd {

namespace {

struct FindingText
{
    Q_DECLARE_TR_FUNCTIONS(vd::Finding)
};

// A finding's plain arguments, formatted for the current locale.
class Arguments
{
public:
    explicit Arguments(const QStringList &values) : m_values(values) {}

    QString text(int i) const { return m_values.value(i); }
    bool isEmpty(int i) const { return text(i).isEmpty(); }
    QString money(int i) const
    {
        const auto amount = Money::parse(text(i));
        return amount ? amount->toDisplayString(QLocale()) : text(i);
    }
    QString date(int i) const
    {
        const QDate date = QDate::fromString(text(i), Qt::ISODate);
        //: How dates are written in messages about an application (QDate format)
        return date.isValid() ? QLocale().toString(date, FindingText::tr("d MMMM yyyy")) : text(i);
    }
    QString count(int i) const
    {
        bool ok = false;
        const qlonglong number = text(i).toLongLong(&ok);
        return ok ? QLocale().toString(number) : text(i);
    }
    QString percent(int i) const { return text(i) + QLocale().percent(); }

private:
    QStringList m_values;
};

using Wording = std::function<QString(const Arguments &)>;

const QHash<QString, Wording> &wordings()
{
    static const QHash<QString, Wording> table{
        {QStringLiteral("SCHEME_NOT_OPEN"), [](const Arguments &a) {
             if (a.isEmpty(0))
                 return FindingText::tr("The application has no submission date, so no rules can be applied to it. "
                                        "Give the date it is submitted.");
             return FindingText::tr("The programme takes applications submitted from %2; this one is dated %1, so no "
                                    "rules apply to it. Check the submission date.").arg(a.date(0), a.date(1));
         }},
        {QStringLiteral("INVALID_BR_NUMBER"), [](const Arguments &a) {
             if (a.isEmpty(0))
                 return FindingText::tr("A business registration number is required: only a statutory body may apply "
                                        "without one. Enter the 8-digit number shown on your business registration "
                                        "certificate.");
             return FindingText::tr("The business registration number \"%1\" is not valid. Enter the 8-digit number "
                                    "shown on your business registration certificate.").arg(a.text(0));
         }},
        {QStringLiteral("LISTED_ENTITY"), [](const Arguments &) {
             return FindingText::tr("Listed companies cannot apply: the programme is open to non-listed enterprises only.");
         }},
        {QStringLiteral("GOVERNMENT_SUBVENTED"), [](const Arguments &) {
             return FindingText::tr("Government-subvented bodies and their subsidiaries cannot apply to the programme.");
         }},
        {QStringLiteral("NO_SUBSTANTIVE_BUSINESS"), [](const Arguments &) {
             return FindingText::tr("Only enterprises with substantive business in Hong Kong related to the project "
                                    "can apply. If yours has such business, say so and attach proof, such as its "
                                    "business records in Hong Kong.");
         }},
        {QStringLiteral("NOT_SME"), [](const Arguments &a) {
             if (a.text(2) == QLatin1String("manufacturing"))
                 return FindingText::tr("Under the rules in force on the submission date only small and medium "
                                        "enterprises may apply: a manufacturing enterprise must have fewer than %2 "
                                        "employees, and yours has %1.").arg(a.count(0), a.count(1));
             return FindingText::tr("Under the rules in force on the submission date only small and medium enterprises "
                                    "may apply: an enterprise outside manufacturing must have fewer than %2 employees, "
                                    "and yours has %1.").arg(a.count(0), a.count(1));
         }},
        {QStringLiteral("INSUFFICIENT_OPERATING_HISTORY"), [](const Arguments &a) {
             if (a.isEmpty(0))
                 return FindingText::tr("Give the date your business commenced: under the rules in force on the "
                                        "submission date it must have operated in Hong Kong since %1 or earlier.")
                     .arg(a.date(1));
             return FindingText::tr("Under the rules in force on the submission date your business must have operated "
                                    "in Hong Kong since %2 or earlier, but it commenced on %1. Apply once it has "
                                    "operated long enough.").arg(a.date(0), a.date(1));
         }},
        {QStringLiteral("PREVIOUS_APPLICATION_OPEN"), [](const Arguments &a) {
             return FindingText::tr("Your application %1 is still open. An enterprise may have only one application or "
                                    "project at a time: apply again once that project is completed and its final "
                                    "report is in.").arg(a.text(0));
         }},
        {QStringLiteral("PERIOD_MISSING"), [](const Arguments &) {
             return FindingText::tr("Give the dates the project starts and ends.");
         }},
        {QStringLiteral("INVALID_PERIOD"), [](const Arguments &a) {
             return FindingText::tr("The project ends on %2, before it starts on %1. Correct the start and end dates.")
                 .arg(a.date(0), a.date(1));
         }},
        {QStringLiteral("DURATION_EXCEEDED"), [](const Arguments &a) {
             return FindingText::tr("A project may last at most %3 months: starting on %1 it must end by %4, but it "
                                    "ends on %2. Shorten the project or correct its dates.")
                 .arg(a.date(0), a.date(1), a.count(2), a.date(3));
         }},
        {QStringLiteral("NO_ITEMS"), [](const Arguments &) {
             return FindingText::tr("The application has no budget items. Add each item you ask funding for, with its "
                                    "amount and quotations.");
         }},
        {QStringLiteral("OPEN_TENDER_REQUIRED"), [](const Arguments &a) {
             return FindingText::tr("This item of %1 is over %2: an item that large must be procured by open tender, "
                                    "not by quotations. Reduce the item, or procure it by open tender and ask the "
                                    "secretariat how to proceed.").arg(a.money(0), a.money(1));
         }},
        {QStringLiteral("QUOTATIONS_INSUFFICIENT"), [](const Arguments &a) {
             return FindingText::tr("This item of %1 needs %2 quotations from different suppliers, but has %3. Add "
                                    "quotations from other suppliers, or select a quotation from the programme's "
                                    "e-procurement platform.").arg(a.money(0), a.count(1), a.count(2));
         }},
        {QStringLiteral("SELECTED_QUOTATION_INVALID"), [](const Arguments &a) {
             if (a.text(0) == QLatin1String("0"))
                 return FindingText::tr("No quotation of this item is selected. Select the quotation you will buy from.");
             return FindingText::tr("%1 quotations of this item are selected. Select only the one you will buy from.")
                 .arg(a.count(0));
         }},
        {QStringLiteral("ITEM_AMOUNT_MISMATCH"), [](const Arguments &a) {
             return FindingText::tr("The item's amount of %1 differs from the selected quotation of %2 from %3. Make "
                                    "the amount equal to the selected quotation.").arg(a.money(0), a.money(1), a.text(2));
         }},
        {QStringLiteral("LOWEST_QUOTATION_NOT_SELECTED"), [](const Arguments &a) {
             return FindingText::tr("The selected quotation of %1 is not the lowest: %3 quoted %2. Select the lowest "
                                    "quotation, or explain in the justification why you chose this one.")
                 .arg(a.money(0), a.money(1), a.text(2));
         }},
        {QStringLiteral("MONTHS_MISSING"), [](const Arguments &) {
             return FindingText::tr("Give the number of months this subscription runs for.");
         }},
        {QStringLiteral("SUBSCRIPTION_CAPPED"), [](const Arguments &a) {
             return FindingText::tr("A subscription is funded for at most %2 months: of %3 for %1 months, %4 counts "
                                    "towards the grant and you pay the rest.")
                 .arg(a.count(0), a.count(1), a.money(2), a.money(3));
         }},
        {QStringLiteral("AUDIT_FEE_CAPPED"), [](const Arguments &a) {
             return FindingText::tr("The audit fee is funded up to %2: of %1, %2 counts towards the grant and you pay "
                                    "the rest.").arg(a.money(0), a.money(1));
         }},
        {QStringLiteral("OFF_THE_SHELF_OVER_LIMIT"), [](const Arguments &a) {
             return FindingText::tr("Off-the-shelf products come to %1 of the project's total cost of %2, more than the "
                                    "%3 allowed. Reduce them, or replace them with customised solutions.")
                 .arg(a.money(0), a.money(1), a.percent(2));
         }},
        {QStringLiteral("PROJECT_LIMIT_REACHED"), [](const Arguments &a) {
             return FindingText::tr("Your enterprise has already had %1 projects funded, and the rules in force on the "
                                    "submission date allow at most %2. No further project can be funded.")
                 .arg(a.count(0), a.count(1));
         }},
        {QStringLiteral("CAP_EXHAUSTED"), [](const Arguments &a) {
             return FindingText::tr("Your enterprise has already received %2 in grants, which uses up the %1 each "
                                    "enterprise may receive. No further grant can be made.").arg(a.money(0), a.money(1));
         }},
        {QStringLiteral("GRANT_LIMITED_BY_CAP"), [](const Arguments &a) {
             return FindingText::tr("The grant would be %1, but only %2 remains of the total your enterprise may "
                                    "receive, so the grant is %3.").arg(a.money(0), a.money(1), a.money(2));
         }},
    };
    return table;
}

} // namespace

QString Finding::message() const
{
    const auto wording = wordings().constFind(code);
    return wording == wordings().constEnd() ? code : (*wording)(Arguments(arguments));
}

} // namespace vd
