<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>vd::AssessmentJson</name>
    <message>
        <location filename="../domain/core/assessmentjson.cpp" line="+49"/>
        <source>&quot;%1&quot; is not a date and time; write it as 2024-05-02T09:30:00Z</source>
        <translation>&quot;%1&quot; is not a date and time; write it as 2024-05-02T09:30:00Z</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>needs the supplier&apos;s name</source>
        <translation>needs the supplier&apos;s name</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>is required for this category: give the number of months</source>
        <translation>is required for this category: give the number of months</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must be a SHA-256 digest: 64 hexadecimal digits</source>
        <translation>must be a SHA-256 digest: 64 hexadecimal digits</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>unknown format &quot;%1&quot;; expected &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>vd::AuditVerification</name>
    <message numerus="yes">
        <location filename="../domain/store/audittrail.cpp" line="+94"/>
        <source>The audit trail is intact: %n entries checked.</source>
        <translation>
            <numerusform>The audit trail is intact: %n entry checked.</numerusform>
            <numerusform>The audit trail is intact: %n entries checked.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) was changed after it was written.</source>
        <translation>Audit entry %1 (%2) was changed after it was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An audit entry before entry %1 (%2) was deleted.</source>
        <translation>An audit entry before entry %1 (%2) was deleted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) is out of order: entries were moved.</source>
        <translation>Audit entry %1 (%2) is out of order: entries were moved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) was inserted into the trail afterwards.</source>
        <translation>Audit entry %1 (%2) was inserted into the trail afterwards.</translation>
    </message>
</context>
<context>
    <name>vd::CaseDeadline</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="+62"/>
        <source>Applicant&apos;s answer to the clarification request, due %1</source>
        <translation>Applicant&apos;s answer to the clarification request, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the applicant the committee&apos;s result, due %1</source>
        <translation>Tell the applicant the committee&apos;s result, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result of vetting for the applicant, due %1</source>
        <translation>Result of vetting for the applicant, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final report, due %1</source>
        <translation>Final report, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation report, due %1</source>
        <translation>Evaluation report, due %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the project&apos;s accounts and records until %1</source>
        <translation>Keep the project&apos;s accounts and records until %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, due %2</source>
        <translation>%1, due %2</translation>
    </message>
</context>
<context>
    <name>vd::CaseFile</name>
    <message>
        <location filename="../domain/store/casefile.cpp" line="+161"/>
        <source>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</source>
        <translation>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</translation>
    </message>
</context>
<context>
    <name>vd::CaseTransitions</name>
    <message>
        <location filename="../domain/store/casetransitions.cpp" line="+67"/>
        <source>The account %1 is not active, so it cannot act on cases. Ask an administrator to reactivate it, or sign in with your current account.</source>
        <translation>The account %1 is not active, so it cannot act on cases. Ask an administrator to reactivate it, or sign in with your current account.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 was changed since you read it (you saw revision %2, it is now at revision %3). Reload the case and decide again.</source>
        <translation>Case %1 was changed since you read it (you saw revision %2, it is now at revision %3). Reload the case and decide again.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Case %1 is the application of %2; you act for %3, so you cannot take the action “%4” on it.</source>
        <translation>Case %1 is the application of %2; you act for %3, so you cannot take the action “%4” on it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 is the application of %2, the enterprise you belong to: no one may take the action “%3” on a case of their own enterprise. Ask another officer to take it.</source>
        <translation>Case %1 is the application of %2, the enterprise you belong to: no one may take the action “%3” on a case of their own enterprise. Ask another officer to take it.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>there is no user with this name in the workspace. Check the spelling of the username.</source>
        <translation>there is no user with this name in the workspace. Check the spelling of the username.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>this is not an action of the scheme&apos;s workflow. The actions are: %1.</source>
        <translation>this is not an action of the scheme&apos;s workflow. The actions are: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no case in this workspace has this reference or id. Check the reference, or find the case by searching for words of its title.</source>
        <translation>no case in this workspace has this reference or id. Check the reference, or find the case by searching for words of its title.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no case in this workspace has this reference or id, so no case was changed. Check the references, or find the cases by searching for words of their titles.</source>
        <translation>no case in this workspace has this reference or id, so no case was changed. Check the references, or find the cases by searching for words of their titles.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the case was removed from the workspace.</source>
        <translation>the case was removed from the workspace.</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>Application %1 cannot be submitted: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>Application %1 cannot be submitted: the rules find %n problem in it. Correct it and submit again.</numerusform>
            <numerusform>Application %1 cannot be submitted: the rules find %n problems in it. Correct them and submit again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Case %1 cannot be approved: the rules now find %n problem(s) with it. Refer it back to the committee, giving the reason.</source>
        <translation>
            <numerusform>Case %1 cannot be approved: the rules now find %n problem with it. Refer it back to the committee, giving the reason.</numerusform>
            <numerusform>Case %1 cannot be approved: the rules now find %n problems with it. Refer it back to the committee, giving the reason.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePolicy</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="-32"/>
        <source>&quot;%1&quot; is not an action of this scheme</source>
        <translation>&quot;%1&quot; is not an action of this scheme</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>&quot;%1&quot; is not a status of this scheme</translation>
    </message>
</context>
<context>
    <name>vd::DemoRules</name>
    <message>
        <location filename="../domain/demo/demorules.cpp" line="+27"/>
        <source>expected text</source>
        <translation>expected text</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a scheme needs at least one rule set: add one with its effective date</source>
        <translation>a scheme needs at least one rule set: add one with its effective date</translation>
    </message>
</context>
<context>
    <name>vd::DemoStatistics</name>
    <message>
        <location filename="../domain/demo/demostatistics.cpp" line="+28"/>
        <source>expected a year such as 2021</source>
        <translation>expected a year such as 2021</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list at least one year</source>
        <translation>list at least one year</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>expected a whole number from %1 to %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a demo statistics file this program knows</source>
        <translation>not a demo statistics file this program knows</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the endings add up to more than 1000 permille</source>
        <translation>the endings add up to more than 1000 permille</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expected [low, high]</source>
        <translation>expected [low, high]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list at least one budget part</source>
        <translation>list at least one budget part</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>enterprises with one application need a weight</source>
        <translation>enterprises with one application need a weight</translation>
    </message>
</context>
<context>
    <name>vd::DemoVocabulary</name>
    <message>
        <location filename="../domain/demo/demovocabulary.cpp" line="+43"/>
        <source>expected [English, Chinese]</source>
        <translation>expected [English, Chinese]</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+13"/>
        <location line="+138"/>
        <source>list at least one entry</source>
        <translation>list at least one entry</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>expected text</source>
        <translation>expected text</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>not a demo vocabulary this program knows</source>
        <translation>not a demo vocabulary this program knows</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>mark at least one district as industrial</source>
        <translation>mark at least one district as industrial</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>not a solution category of the scheme</source>
        <translation>not a solution category of the scheme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no item fits the solution &quot;%1&quot;: add one, or one for every solution</source>
        <translation>no item fits the solution &quot;%1&quot;: add one, or one for every solution</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>list the twelve months</source>
        <translation>list the twelve months</translation>
    </message>
</context>
<context>
    <name>vd::DemoWorkspace</name>
    <message>
        <location filename="../domain/demo/demoworkspace.cpp" line="+168"/>
        <source>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</source>
        <translation>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</translation>
    </message>
</context>
<context>
    <name>vd::EntityStore</name>
    <message>
        <location filename="../domain/store/entitystore.cpp" line="+81"/>
        <source>there is no kind of record called &quot;%1&quot;</source>
        <translation>there is no kind of record called &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>vd::Finding</name>
    <message>
        <location filename="../domain/core/finding.cpp" line="+37"/>
        <source>d MMMM yyyy</source>
        <extracomment>How dates are written in messages about an application (QDate format)</extracomment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The application has no submission date, so no rules can be applied to it. Give the date it is submitted.</source>
        <translation>The application has no submission date, so no rules can be applied to it. Give the date it is submitted.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The programme takes applications submitted from %2; this one is dated %1, so no rules apply to it. Check the submission date.</source>
        <translation>The programme takes applications submitted from %2; this one is dated %1, so no rules apply to it. Check the submission date.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A business registration number is required: only a statutory body may apply without one. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>A business registration number is required: only a statutory body may apply without one. Enter the 8-digit number shown on your business registration certificate.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business registration number &quot;%1&quot; is not valid. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>The business registration number &quot;%1&quot; is not valid. Enter the 8-digit number shown on your business registration certificate.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listed companies cannot apply: the programme is open to non-listed enterprises only.</source>
        <translation>Listed companies cannot apply: the programme is open to non-listed enterprises only.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Government-subvented bodies and their subsidiaries cannot apply to the programme.</source>
        <translation>Government-subvented bodies and their subsidiaries cannot apply to the programme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only enterprises with substantive business in Hong Kong related to the project can apply. If yours has such business, say so and attach proof, such as its business records in Hong Kong.</source>
        <translation>Only enterprises with substantive business in Hong Kong related to the project can apply. If yours has such business, say so and attach proof, such as its business records in Hong Kong.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: a manufacturing enterprise must have fewer than %2 employees, and yours has %1.</source>
        <translation>Under the rules in force on the submission date only small and medium enterprises may apply: a manufacturing enterprise must have fewer than %2 employees, and yours has %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: an enterprise outside manufacturing must have fewer than %2 employees, and yours has %1.</source>
        <translation>Under the rules in force on the submission date only small and medium enterprises may apply: an enterprise outside manufacturing must have fewer than %2 employees, and yours has %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the date your business commenced: under the rules in force on the submission date it must have operated in Hong Kong since %1 or earlier.</source>
        <translation>Give the date your business commenced: under the rules in force on the submission date it must have operated in Hong Kong since %1 or earlier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date your business must have operated in Hong Kong since %2 or earlier, but it commenced on %1. Apply once it has operated long enough.</source>
        <translation>Under the rules in force on the submission date your business must have operated in Hong Kong since %2 or earlier, but it commenced on %1. Apply once it has operated long enough.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your application %1 is still open. An enterprise may have only one application or project at a time: apply again once that project is completed and its final report is in.</source>
        <translation>Your application %1 is still open. An enterprise may have only one application or project at a time: apply again once that project is completed and its final report is in.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the dates the project starts and ends.</source>
        <translation>Give the dates the project starts and ends.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project ends on %2, before it starts on %1. Correct the start and end dates.</source>
        <translation>The project ends on %2, before it starts on %1. Correct the start and end dates.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A project may last at most %3 months: starting on %1 it must end by %4, but it ends on %2. Shorten the project or correct its dates.</source>
        <translation>A project may last at most %3 months: starting on %1 it must end by %4, but it ends on %2. Shorten the project or correct its dates.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application has no budget items. Add each item you ask funding for, with its amount and quotations.</source>
        <translation>The application has no budget items. Add each item you ask funding for, with its amount and quotations.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item of %1 is over %2: an item that large must be procured by open tender, not by quotations. Reduce the item, or procure it by open tender and ask the secretariat how to proceed.</source>
        <translation>This item of %1 is over %2: an item that large must be procured by open tender, not by quotations. Reduce the item, or procure it by open tender and ask the secretariat how to proceed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item of %1 needs %2 quotations from different suppliers, but has %3. Add quotations from other suppliers, or select a quotation from the programme&apos;s e-procurement platform.</source>
        <translation>This item of %1 needs %2 quotations from different suppliers, but has %3. Add quotations from other suppliers, or select a quotation from the programme&apos;s e-procurement platform.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No quotation of this item is selected. Select the quotation you will buy from.</source>
        <translation>No quotation of this item is selected. Select the quotation you will buy from.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 quotations of this item are selected. Select only the one you will buy from.</source>
        <translation>%1 quotations of this item are selected. Select only the one you will buy from.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The item&apos;s amount of %1 differs from the selected quotation of %2 from %3. Make the amount equal to the selected quotation.</source>
        <translation>The item&apos;s amount of %1 differs from the selected quotation of %2 from %3. Make the amount equal to the selected quotation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected quotation of %1 is not the lowest: %3 quoted %2. Select the lowest quotation, or explain in the justification why you chose this one.</source>
        <translation>The selected quotation of %1 is not the lowest: %3 quoted %2. Select the lowest quotation, or explain in the justification why you chose this one.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the number of months this subscription runs for.</source>
        <translation>Give the number of months this subscription runs for.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A subscription is funded for at most %2 months: of %3 for %1 months, %4 counts towards the grant and you pay the rest.</source>
        <translation>A subscription is funded for at most %2 months: of %3 for %1 months, %4 counts towards the grant and you pay the rest.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit fee is funded up to %2: of %1, %2 counts towards the grant and you pay the rest.</source>
        <translation>The audit fee is funded up to %2: of %1, %2 counts towards the grant and you pay the rest.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off-the-shelf products come to %1 of the project&apos;s total cost of %2, more than the %3 allowed. Reduce them, or replace them with customised solutions.</source>
        <translation>Off-the-shelf products come to %1 of the project&apos;s total cost of %2, more than the %3 allowed. Reduce them, or replace them with customised solutions.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already had %1 projects funded, and the rules in force on the submission date allow at most %2. No further project can be funded.</source>
        <translation>Your enterprise has already had %1 projects funded, and the rules in force on the submission date allow at most %2. No further project can be funded.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already received %2 in grants, which uses up the %1 each enterprise may receive. No further grant can be made.</source>
        <translation>Your enterprise has already received %2 in grants, which uses up the %1 each enterprise may receive. No further grant can be made.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The grant would be %1, but only %2 remains of the total your enterprise may receive, so the grant is %3.</source>
        <translation>The grant would be %1, but only %2 remains of the total your enterprise may receive, so the grant is %3.</translation>
    </message>
</context>
<context>
    <name>vd::HolidayCalendar</name>
    <message>
        <location filename="../domain/core/holidaycalendar.cpp" line="+33"/>
        <source>lists no holiday; every year has gazetted general holidays</source>
        <translation>lists no holiday; every year has gazetted general holidays</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not in %2; move it to its own year</source>
        <translation>%1 is not in %2; move it to its own year</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must come after %1: list a year&apos;s holidays in order, each once</source>
        <translation>must come after %1: list a year&apos;s holidays in order, each once</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a Sunday, a general holiday anyway; list the day designated in substitution instead</source>
        <translation>%1 is a Sunday, a general holiday anyway; list the day designated in substitution instead</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs a name in English, Traditional Chinese and Simplified Chinese</source>
        <translation>needs a name in English, Traditional Chinese and Simplified Chinese</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a holiday calendar this program knows</source>
        <translation>not a holiday calendar this program knows</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lists no year; a calendar must cover at least one</source>
        <translation>lists no year; a calendar must cover at least one</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected %1: the years must follow each other without a gap</source>
        <translation>expected %1: the years must follow each other without a gap</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a missing date</source>
        <translation>a missing date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holiday calendar covers %1 to %2 only, so it cannot tell whether %3 is a working day. Install a holiday calendar that covers that year.</source>
        <translation>The holiday calendar covers %1 to %2 only, so it cannot tell whether %3 is a working day. Install a holiday calendar that covers that year.</translation>
    </message>
</context>
<context>
    <name>vd::JsonReader</name>
    <message>
        <location filename="../domain/core/jsonreader.cpp" line="+23"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true or false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>a list</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>an object</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>line %1, column %2</source>
        <translation>line %1, column %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../domain/core/jsonsections.cpp" line="+198"/>
        <source>not valid JSON (%1)</source>
        <translation>not valid JSON (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../domain/core/jsonsections.cpp" line="-154"/>
        <source>expected a JSON object at the top level</source>
        <translation>expected a JSON object at the top level</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <comment>between values in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+32"/>
        <source>expected an object, found %1</source>
        <translation>expected an object, found %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>is required</source>
        <translation>is required</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>expected a list, found %1</source>
        <translation>expected a list, found %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected text, found %1</source>
        <translation>expected text, found %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown value &quot;%1&quot;; expected one of: %2</source>
        <translation>unknown value &quot;%1&quot;; expected one of: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected true or false, found %1</source>
        <translation>expected true or false, found %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a whole number, found %1</source>
        <translation>expected a whole number, found %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be from %1 to %2</source>
        <translation>must be from %1 to %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an amount of money must be written as text, such as &quot;1200.50&quot;</source>
        <translation>an amount of money must be written as text, such as &quot;1200.50&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not be negative</source>
        <translation>must not be negative</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be greater than zero</source>
        <translation>must be greater than zero</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is too large: at most 999999999999.99</source>
        <translation>is too large: at most 999999999999.99</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a percentage from 0 to 100, such as &quot;40&quot;</source>
        <translation>must be a percentage from 0 to 100, such as &quot;40&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a date that exists; write it as YYYY-MM-DD</source>
        <translation>&quot;%1&quot; is not a date that exists; write it as YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>needs text in English or Chinese</source>
        <translation>needs text in English or Chinese</translation>
    </message>
</context>
<context>
    <name>vd::JsonSections</name>
    <message>
        <location filename="../domain/core/jsonsections.cpp" line="+7"/>
        <source>expected the name of a member, in quotes</source>
        <translation>expected the name of a member, in quotes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a colon after the name of a member</source>
        <translation>expected a colon after the name of a member</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a comma or the closing brace of the document</source>
        <translation>expected a comma or the closing brace of the document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is more text after the end of the document</source>
        <translation>there is more text after the end of the document</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>expected a list of records</source>
        <translation>expected a list of records</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a comma or the closing bracket of the list &quot;%1&quot;</source>
        <translation>expected a comma or the closing bracket of the list &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the document ends inside a text</source>
        <translation>the document ends inside a text</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the document ends too early</source>
        <translation>the document ends too early</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the document ends too early: a list or object is never closed</source>
        <translation>the document ends too early: a list or object is never closed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a value</source>
        <translation>expected a value</translation>
    </message>
</context>
<context>
    <name>vd::Migrations</name>
    <message>
        <location filename="../domain/store/migrations.cpp" line="+143"/>
        <source>the folder of migrations does not exist</source>
        <translation>the folder of migrations does not exist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a migration must be named like 0001_initial.sql</source>
        <translation>a migration must be named like 0001_initial.sql</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the migration: %1</source>
        <translation>cannot read the migration: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>migrations must be numbered 1, 2, 3… without gaps; expected number %1</source>
        <translation>migrations must be numbered 1, 2, 3… without gaps; expected number %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the migration leaves records that refer to missing records</source>
        <translation>the migration leaves records that refer to missing records</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the workspace could not be brought to schema version %1 and stays at version %2: %3</source>
        <translation>the workspace could not be brought to schema version %1 and stays at version %2: %3</translation>
    </message>
</context>
<context>
    <name>vd::Money</name>
    <message>
        <location filename="../domain/core/money.cpp" line="+51"/>
        <source>an amount is required</source>
        <translation>an amount is required</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>the amount is too large</source>
        <translation>the amount is too large</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+11"/>
        <location line="+5"/>
        <source>not an amount of money: use digits such as 1200 or 1200.50</source>
        <translation>not an amount of money: use digits such as 1200 or 1200.50</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>at most two decimal places</source>
        <translation>at most two decimal places</translation>
    </message>
</context>
<context>
    <name>vd::Outbox</name>
    <message>
        <location filename="../domain/store/outbox.cpp" line="+87"/>
        <source>unknown answer &quot;%1&quot; for a queued change</source>
        <translation>unknown answer &quot;%1&quot; for a queued change</translation>
    </message>
</context>
<context>
    <name>vd::Records</name>
    <message>
        <location filename="../domain/store/recordtable.h" line="+569"/>
        <source>there is no such record to remove</source>
        <translation>there is no such record to remove</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this record was changed since it was read (stored revision %1, yours %2); reload it and make the change again</source>
        <translation>this record was changed since it was read (stored revision %1, yours %2); reload it and make the change again</translation>
    </message>
</context>
<context>
    <name>vd::RuleBook</name>
    <message>
        <location filename="../domain/core/rulebook.cpp" line="+31"/>
        <source>is required; write null when the rule does not apply</source>
        <translation>is required; write null when the rule does not apply</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected one of: %1</source>
        <translation>expected one of: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not a valid regular expression: %1</source>
        <translation>not a valid regular expression: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give either &quot;below&quot; or &quot;up_to&quot;</source>
        <translation>give either &quot;below&quot; or &quot;up_to&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bands must rise: each limit above the one before</source>
        <translation>bands must rise: each limit above the one before</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs at least one band</source>
        <translation>needs at least one band</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a budget category; expected one of: %1</source>
        <translation>not a budget category; expected one of: %1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>rule sets must be in the order they took effect</source>
        <translation>rule sets must be in the order they took effect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>&quot;%1&quot; is defined twice</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>needs at least one rule set</source>
        <translation>needs at least one rule set</translation>
    </message>
</context>
<context>
    <name>vd::Scheme</name>
    <message>
        <location filename="../domain/core/scheme.cpp" line="+69"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>&quot;%1&quot; is defined twice</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not a scheme file this program knows</source>
        <translation>not a scheme file this program knows</translation>
    </message>
</context>
<context>
    <name>vd::SyncState</name>
    <message>
        <location filename="../domain/store/syncstate.cpp" line="+40"/>
        <source>the sync state must change in the same transaction as the changes it records</source>
        <translation>the sync state must change in the same transaction as the changes it records</translation>
    </message>
</context>
<context>
    <name>vd::Transaction</name>
    <message>
        <location filename="../domain/store/transaction.cpp" line="+15"/>
        <source>a change was started while another one is still open; finish the first one</source>
        <translation>a change was started while another one is still open; finish the first one</translation>
    </message>
</context>
<context>
    <name>vd::UnitOfWork</name>
    <message>
        <location filename="../domain/store/unitofwork.cpp" line="+137"/>
        <source>audit entry %1 does not continue the audit trail of this workspace; nothing was restored</source>
        <translation>audit entry %1 does not continue the audit trail of this workspace; nothing was restored</translation>
    </message>
</context>
<context>
    <name>vd::Workflow</name>
    <message>
        <location filename="../domain/core/workflow.cpp" line="+37"/>
        <source>must name at least one</source>
        <translation>must name at least one</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected an id written as text</source>
        <translation>expected an id written as text</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>&quot;%1&quot; is listed twice</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a case status of this scheme, so no action can be decided for it. Reload the case and try again.</source>
        <translation>“%1” is not a case status of this scheme, so no action can be decided for it. Reload the case and try again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an action of this scheme. Choose one of the actions offered for the case.</source>
        <translation>“%1” is not an action of this scheme. Choose one of the actions offered for the case.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a role of this scheme, so it cannot act on cases. Ask an administrator to check your account.</source>
        <translation>“%1” is not a role of this scheme, so it cannot act on cases. Ask an administrator to check your account.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is “%1”, which is final: the action “%2” can no longer be taken by anyone, “%3” included.</source>
        <translation>The case is “%1”, which is final: the action “%2” can no longer be taken by anyone, “%3” included.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action “%1” cannot be taken on a case that is “%2” (you act as “%3”).</source>
        <translation>The action “%1” cannot be taken on a case that is “%2” (you act as “%3”).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It can be taken only on a case that is %1.</source>
        <translation>It can be taken only on a case that is %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It can be taken only on a case in one of these statuses: %1.</source>
        <translation>It can be taken only on a case in one of these statuses: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As “%1” you cannot take the action “%2” on a case that is “%3”.</source>
        <translation>As “%1” you cannot take the action “%2” on a case that is “%3”.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only %1 can take it.</source>
        <translation>Only %1 can take it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these roles can take it: %1.</source>
        <translation>Only these roles can take it: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As “%1” you can take the action “%2” on a case that is “%3”, but only with a reason. Write why, and try again.</source>
        <translation>As “%1” you can take the action “%2” on a case that is “%3”, but only with a reason. Write why, and try again.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>lists no status; a workflow needs at least one</source>
        <translation>lists no status; a workflow needs at least one</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only one status can be where every case starts, and &quot;%1&quot; already is</source>
        <translation>only one status can be where every case starts, and &quot;%1&quot; already is</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no status is marked &quot;initial&quot;: true; mark the one where every case starts</source>
        <translation>no status is marked &quot;initial&quot;: true; mark the one where every case starts</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>&quot;%1&quot; is not a status of this scheme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a role of this scheme</source>
        <translation>&quot;%1&quot; is not a role of this scheme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is a terminal status: no action may lead out of it</source>
        <translation>&quot;%1&quot; is a terminal status: no action may lead out of it</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the action would lead from &quot;%1&quot; back to the same status</source>
        <translation>the action would lead from &quot;%1&quot; back to the same status</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no action leads out of &quot;%1&quot;; add one, or mark the status &quot;terminal&quot;: true</source>
        <translation>no action leads out of &quot;%1&quot;; add one, or mark the status &quot;terminal&quot;: true</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no case can reach &quot;%1&quot; from &quot;%2&quot;</source>
        <translation>no case can reach &quot;%1&quot; from &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a case in &quot;%1&quot; could never finish: no chain of actions leads to a terminal status</source>
        <translation>a case in &quot;%1&quot; could never finish: no chain of actions leads to a terminal status</translation>
    </message>
</context>
<context>
    <name>vd::Workspace</name>
    <message>
        <location filename="../domain/store/sql.cpp" line="+25"/>
        <source>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</source>
        <translation>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace database refused a statement: %1 (statement: %2)</source>
        <translation>the workspace database refused a statement: %1 (statement: %2)</translation>
    </message>
    <message>
        <location filename="../domain/store/workspace.cpp" line="+36"/>
        <source>this file is not a VoucherDesk workspace (%1); choose the folder of a workspace, or an empty folder for a new one</source>
        <translation>this file is not a VoucherDesk workspace (%1); choose the folder of a workspace, or an empty folder for a new one</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the workspace: %1</source>
        <translation>cannot read the workspace: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is not an SQLite database</source>
        <translation>it is not an SQLite database</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+28"/>
        <source>another program made it</source>
        <translation>another program made it</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</source>
        <translation>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is no workspace in this folder; create one first (voucherdesk-cli init)</source>
        <translation>there is no workspace in this folder; create one first (voucherdesk-cli init)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the workspace folder</source>
        <translation>cannot create the workspace folder</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</source>
        <translation>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</source>
        <translation>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>it holds tables of another program</source>
        <translation>it holds tables of another program</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceExport</name>
    <message>
        <location filename="../domain/store/workspacedocument.cpp" line="+56"/>
        <source>cannot write the document: %1</source>
        <translation>cannot write the document: %1</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceImport</name>
    <message>
        <location filename="../domain/store/workspaceimport.cpp" line="+103"/>
        <source>must be a SHA-256 hash: 64 hexadecimal digits in lower case</source>
        <translation>must be a SHA-256 hash: 64 hexadecimal digits in lower case</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>is before the start (%1)</source>
        <translation>is before the start (%1)</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>there is no record with the id &quot;%1&quot; in %2, neither in the document nor in the workspace; add it to the document&apos;s &quot;%2&quot;</source>
        <translation>there is no record with the id &quot;%1&quot; in %2, neither in the document nor in the workspace; add it to the document&apos;s &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 already has &quot;%2&quot;; it must be unique</source>
        <translation>%1 already has &quot;%2&quot;; it must be unique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the workspace already has a record with &quot;%1&quot;; it must be unique</source>
        <translation>the workspace already has a record with &quot;%1&quot;; it must be unique</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+360"/>
        <source>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</source>
        <translation>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</translation>
    </message>
    <message>
        <location line="-358"/>
        <source>the id &quot;%1&quot; is used twice in the document; every part needs its own</source>
        <translation>the id &quot;%1&quot; is used twice in the document; every part needs its own</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the workspace already has a part with the id &quot;%1&quot;</source>
        <translation>the workspace already has a part with the id &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>an applicant cannot be related to itself</source>
        <translation>an applicant cannot be related to itself</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+194"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>is scored twice in this review</source>
        <translation>is scored twice in this review</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>unknown format &quot;%1&quot;; expected &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>appears twice in the document</source>
        <translation>appears twice in the document</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown section; a workspace document has: %1</source>
        <translation>unknown section; a workspace document has: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>is not a point in time; write it as 2026-03-01T09:30:00Z</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected a list of records</source>
        <translation>expected a list of records</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>audit entry %1 (%2) should be number %3: entries were removed, added or moved</source>
        <translation>audit entry %1 (%2) should be number %3: entries were removed, added or moved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit entry %1 (%2) does not follow the entry before it: entries were removed, added or moved</source>
        <translation>audit entry %1 (%2) does not follow the entry before it: entries were removed, added or moved</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audit entry %1 (%2) was changed after it was written: its hash does not match its contents</source>
        <translation>audit entry %1 (%2) was changed after it was written: its hash does not match its contents</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the audit trail has no entry about this record; in a document with an audit trail every record must have one</source>
        <translation>the audit trail has no entry about this record; in a document with an audit trail every record must have one</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit trail says this record was removed (audit[%1])</source>
        <translation>the audit trail says this record was removed (audit[%1])</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this record is not what the audit trail last recorded for it (audit[%1]): the record or the trail was changed after the export</source>
        <translation>this record is not what the audit trail last recorded for it (audit[%1]): the record or the trail was changed after the export</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the record this entry is about is not in the document, yet the trail leaves it in place; a document with an audit trail holds every such record</source>
        <translation>the record this entry is about is not in the document, yet the trail leaves it in place; a document with an audit trail holds every such record</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has the same id; every record needs its own</source>
        <translation>%1 has the same id; every record needs its own</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace already has a record with this id in %1; an import only adds records: leave this one out, or import into another workspace</source>
        <translation>the workspace already has a record with this id in %1; an import only adds records: leave this one out, or import into another workspace</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be 1 or more: a record kept with its audit trail keeps its revision</source>
        <translation>must be 1 or more: a record kept with its audit trail keeps its revision</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>the workspace changed as the import began; run the import again</source>
        <translation>the workspace changed as the import began; run the import again</translation>
    </message>
</context>
<context>
    <name>vd::cli</name>
    <message>
        <location filename="../app/cli/assesscommand.cpp" line="+27"/>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>give one file to assess, or - to read standard input</source>
        <translation>give one file to assess, or - to read standard input</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli/documentcommands.cpp" line="+73"/>
        <source>standard input</source>
        <translation>standard input</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../app/cli/documentcommands.cpp" line="+62"/>
        <source>FILE|-</source>
        <translation>FILE|-</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the scheme rules to one application and print the assessment</source>
        <translation>Apply the scheme rules to one application and print the assessment</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommand.cpp" line="+43"/>
        <source>Usage: voucherdesk-cli COMMAND [options]</source>
        <translation>Usage: voucherdesk-cli COMMAND [options]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commands:</source>
        <translation>Commands:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &apos;voucherdesk-cli COMMAND --help&apos; for the options of a command.</source>
        <translation>Run &apos;voucherdesk-cli COMMAND --help&apos; for the options of a command.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language of messages: en, zh_HK or zh_CN.</source>
        <translation>Language of messages: en, zh_HK or zh_CN.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the result as JSON.</source>
        <translation>Print the result as JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace folder (default: %1).</source>
        <translation>The workspace folder (default: %1).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unknown command &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/cli/workspacecommands.cpp" line="+29"/>
        <source>The workspace at %1 is up to date (schema version %2).</source>
        <translation>The workspace at %1 is up to date (schema version %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace at %1 is ready (schema version %2).</source>
        <translation>The workspace at %1 is ready (schema version %2).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>say how many applications to make</source>
        <translation>say how many applications to make</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a whole number</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing demo cases: %1 of %2</source>
        <translation>Writing demo cases: %1 of %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made a demo workspace at %1: %2 applications (seed %3) in %4 s.</source>
        <translation>Made a demo workspace at %1: %2 applications (seed %3) in %4 s.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create a workspace, or bring an older one up to date.</source>
        <translation>Create a workspace, or bring an older one up to date.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fill an empty workspace with realistic bilingual demo data.</source>
        <translation>Fill an empty workspace with realistic bilingual demo data.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many applications to make.</source>
        <translation>How many applications to make.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed: the same seed makes the same data (default 1).</source>
        <translation>The seed: the same seed makes the same data (default 1).</translation>
    </message>
    <message>
        <location filename="../app/cli/auditcommand.cpp" line="+57"/>
        <source>Head hash: %1</source>
        <translation>Head hash: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in %1 s.</source>
        <translation>Checked in %1 s.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entries before it are intact; the last of them has the hash %1.</source>
        <translation>
            <numerusform>%n entry before it is intact; it has the hash %1.</numerusform>
            <numerusform>%n entries before it are intact; the last of them has the hash %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give a subcommand: verify</source>
        <translation>give a subcommand: verify</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a subcommand of audit; the subcommand is: verify</source>
        <translation>not a subcommand of audit; the subcommand is: verify</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit verify takes no further arguments</source>
        <translation>audit verify takes no further arguments</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>verify</source>
        <translation>verify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the audit trail&apos;s hash chain is unbroken (audit verify).</source>
        <translation>Check that the audit trail&apos;s hash chain is unbroken (audit verify).</translation>
    </message>
    <message>
        <location filename="../app/cli/casesummaries.cpp" line="+69"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+214"/>
        <location filename="../app/cli/statscommand.cpp" line="+84"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+15"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+4"/>
        <location filename="../app/cli/statscommand.cpp" line="+4"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="-17"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+3"/>
        <location line="+58"/>
        <source>Total cost</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+33"/>
        <source>“%1” is not a whole number from %2 to %3</source>
        <translation>“%1” is not a whole number from %2 to %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a date that exists; write it as YYYY-MM-DD, such as 2024-03-31</source>
        <translation>“%1” is not a date that exists; write it as YYYY-MM-DD, such as 2024-03-31</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not one of the scheme&apos;s values: %2</source>
        <translation>“%1” is not one of the scheme&apos;s values: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>give it once: cases can be filtered by one value of it</source>
        <translation>give it once: cases can be filtered by one value of it</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Judge deadlines and overdue questions as of this day, YYYY-MM-DD (default: today in Hong Kong).</source>
        <translation>Judge deadlines and overdue questions as of this day, YYYY-MM-DD (default: today in Hong Kong).</translation>
    </message>
    <message>
        <location filename="../app/cli/queuecommands.cpp" line="+37"/>
        <source>only cases in the status “%1” wait for answers; add --status %2 or leave --status out</source>
        <translation>only cases in the status “%1” wait for answers; add --status %2 or leave --status out</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>there is no user “%1” in this workspace</source>
        <translation>there is no user “%1” in this workspace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list takes options only; to find cases by words, use search</source>
        <translation>list takes options only; to find cases by words, use search</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No case matches.</source>
        <translation>No case matches.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases on this page: %1 match in all.</source>
        <translation>No cases on this page: %1 match in all.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases %1 to %2 of %3.</source>
        <translation>Cases %1 to %2 of %3.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give the words to search for, such as a reference, part of a title or the applicant&apos;s name, in English or Chinese</source>
        <translation>give the words to search for, such as a reference, part of a title or the applicant&apos;s name, in English or Chinese</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No case matches “%1”.</source>
        <translation>No case matches “%1”.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n case(s) found, newest first.</source>
        <translation>
            <numerusform>%n case found, newest first.</numerusform>
            <numerusform>%n cases found, newest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n cases found; there may be more: raise --limit or add words.</source>
        <translation>
            <numerusform>The newest %n case found; there may be more: raise --limit or add words.</numerusform>
            <numerusform>The newest %n cases found; there may be more: raise --limit or add words.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List the case queue, oldest submission first, filtered by the options.</source>
        <translation>List the case queue, oldest submission first, filtered by the options.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only cases in this status (a scheme status id); give it again for several.</source>
        <translation>Only cases in this status (a scheme status id); give it again for several.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only applicants of this sector (a scheme sector id).</source>
        <translation>Only applicants of this sector (a scheme sector id).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases of this solution category (a scheme category id).</source>
        <translation>Only cases of this solution category (a scheme category id).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases of this case officer (a username).</source>
        <translation>Only cases of this case officer (a username).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases waiting for the applicant&apos;s answers with a question unanswered after its due date (see --as-of).</source>
        <translation>Only cases waiting for the applicant&apos;s answers with a question unanswered after its due date (see --as-of).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases submitted on or after this day (YYYY-MM-DD).</source>
        <translation>Only cases submitted on or after this day (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases submitted on or before this day (YYYY-MM-DD).</source>
        <translation>Only cases submitted on or before this day (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Show at most this many cases (default 50).</source>
        <translation>Show at most this many cases (default 50).</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Skip this many cases first (default 0).</source>
        <translation>Skip this many cases first (default 0).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find cases by words of their reference, title, description or applicant, in English or Chinese.</source>
        <translation>Find cases by words of their reference, title, description or applicant, in English or Chinese.</translation>
    </message>
    <message>
        <location filename="../app/cli/showcommand.cpp" line="-243"/>
        <source>incoming</source>
        <translation>incoming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>outgoing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>satisfactory</source>
        <translation>satisfactory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issues found</source>
        <translation>issues found</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspicious</source>
        <translation>suspicious</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation</source>
        <translation>evaluation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initial</source>
        <translation>initial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>other</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovery</source>
        <translation>recovery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed</source>
        <translation>proposed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>released</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered</source>
        <translation>recovered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>in person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>hybrid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation>planned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held</source>
        <translation>held</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supported</source>
        <translation>supported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported</source>
        <translation>not supported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upcoming</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due soon</source>
        <translation>due soon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ruling</source>
        <translation>no ruling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may take part</source>
        <translation>may take part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abstains</source>
        <translation>abstains</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leaves the room</source>
        <translation>leaves the room</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+104"/>
        <location filename="../app/cli/statscommand.cpp" line="+1"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Draft %1</source>
        <translation>Draft %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/cli/statscommand.cpp" line="-1"/>
        <source>Solution</source>
        <translation>Solution</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>Case officer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved grant</source>
        <translation>Approved grant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final grant</source>
        <translation>Final grant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Business registration</source>
        <translation>Business registration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business commenced</source>
        <translation>Business commenced</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owners</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>Months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  selected</source>
        <translation>  selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  quotation: %1%2</source>
        <translation>  quotation: %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (e-procurement platform)</source>
        <translation> (e-procurement platform)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  why not the lowest: %1</source>
        <translation>  why not the lowest: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assessment by the rules (%1)</source>
        <translation>Assessment by the rules (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no rule set</source>
        <translation>no rule set</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible cost</source>
        <translation>Eligible cost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant by the rules</source>
        <translation>Grant by the rules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant&apos;s contribution</source>
        <translation>Applicant&apos;s contribution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap remaining before this case</source>
        <translation>Cap remaining before this case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects funded before</source>
        <translation>Projects funded before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial payment up to</source>
        <translation>Initial payment up to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audited accounts required</source>
        <translation>Audited accounts required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report due</source>
        <translation>Final report due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report due</source>
        <translation>Evaluation report due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records kept until</source>
        <translation>Records kept until</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Status history</source>
        <translation>Status history</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+161"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-160"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+124"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../app/cli/statscommand.cpp" line="+4"/>
        <source>Clarifications</source>
        <translation>Clarifications</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asked %1 by %2, due %3</source>
        <translation>Asked %1 by %2, due %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question: %1</source>
        <translation>Question: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered %1 by %2: %3</source>
        <translation>Answered %1 by %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not answered.</source>
        <translation>Not answered.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correspondence</source>
        <translation>Correspondence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Committee</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the agenda of the meeting of %1 (%2, %3), item %4</source>
        <translation>On the agenda of the meeting of %1 (%2, %3), item %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conflict declared by %1: %2; the chair&apos;s ruling: %3</source>
        <translation>Conflict declared by %1: %2; the chair&apos;s ruling: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome, recorded %1 by %2: %3</source>
        <translation>Outcome, recorded %1 by %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Recommended grant</source>
        <translation>  Recommended grant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition: %1</source>
        <translation>Condition: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewer</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supports</source>
        <translation>Supports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Approval and payments</source>
        <translation>Approval and payments</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved %1 by %2: a grant of %3</source>
        <translation>Approved %1 by %2: a grant of %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Funding agreement issued %1</source>
        <translation>Funding agreement issued %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signing booked for</source>
        <translation>  Signing booked for</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signed</source>
        <translation>  Signed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Milestone (%1): %2 due %3</source>
        <translation>Milestone (%1): %2 due %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment (%1): %2, %3; proposed %4 by %5</source>
        <translation>Payment (%1): %2, %3; proposed %4 by %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; released %1 by %2</source>
        <translation>; released %1 by %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes, site checks and reports</source>
        <translation>Changes, site checks and reports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change requested %1 by %2 (%3): %4</source>
        <translation>Change requested %1 by %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site check %1 by %2: %3%4</source>
        <translation>Site check %1 by %2: %3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, referred to law enforcement</source>
        <translation>, referred to law enforcement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report (%1) submitted %2%3</source>
        <translation>Report (%1) submitted %2%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, accepted %1 by %2</source>
        <translation>, accepted %1 by %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met on</source>
        <translation>Met on</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At (UTC)</source>
        <translation>At (UTC)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give one case: its reference, such as TVP/2024/00042, or the id of a draft</source>
        <translation>give one case: its reference, such as TVP/2024/00042, or the id of a draft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>REF</source>
        <translation>REF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show one case in full: applicant, budget, assessment, history, committee, funding, deadlines and audit trail.</source>
        <translation>Show one case in full: applicant, budget, assessment, history, committee, funding, deadlines and audit trail.</translation>
    </message>
    <message>
        <location filename="../app/cli/statscommand.cpp" line="-13"/>
        <source>Management figures as of %1: %2 cases</source>
        <translation>Management figures as of %1: %2 cases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases by status</source>
        <translation>Cases by status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by year of submission</source>
        <translation>Cases by year of submission</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not submitted</source>
        <translation>not submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by sector</source>
        <translation>Cases by sector</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases by solution category</source>
        <translation>Cases by solution category</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unanswered questions: %1, of which overdue: %2</source>
        <translation>Unanswered questions: %1, of which overdue: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approved grants</source>
        <translation>Approved grants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases with an approved grant: %1</source>
        <translation>Cases with an approved grant: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average: %1</source>
        <translation>Average: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processing time, submission to approval</source>
        <translation>Processing time, submission to approval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year of approval</source>
        <translation>Year of approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvals</source>
        <translation>Approvals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days</source>
        <translation>Median days</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>stats takes options only</source>
        <translation>stats takes options only</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Management figures: cases by status, year, sector and solution; grants; processing times; clarifications.</source>
        <translation>Management figures: cases by status, year, sector and solution; grants; processing times; clarifications.</translation>
    </message>
    <message>
        <location filename="../app/cli/transitioncommand.cpp" line="+33"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, approved grant %1</source>
        <translation>, approved grant %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>give the case&apos;s reference and the action, such as: transition TVP/2024/00042 start_screening --as officer01</source>
        <translation>give the case&apos;s reference and the action, such as: transition TVP/2024/00042 start_screening --as officer01</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give at least one case before the action, or --batch with a file of references</source>
        <translation>give at least one case before the action, or --batch with a file of references</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say who takes the action: --as USERNAME</source>
        <translation>say who takes the action: --as USERNAME</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 cases changed, %3 refused.</source>
        <translation>%1 of %2 cases changed, %3 refused.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>REF… ACTION</source>
        <translation>REF… ACTION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a workflow action on cases as a user, if the user&apos;s role, the case&apos;s status and the rules allow it.</source>
        <translation>Take a workflow action on cases as a user, if the user&apos;s role, the case&apos;s status and the rules allow it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user who takes the action (a username).</source>
        <translation>The user who takes the action (a username).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: required by some actions, kept in the case&apos;s history.</source>
        <translation>Why: required by some actions, kept in the case&apos;s history.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also take the action on the cases listed in this file (one reference a line; - reads standard input), each on its own.</source>
        <translation>Also take the action on the cases listed in this file (one reference a line; - reads standard input), each on its own.</translation>
    </message>
    <message>
        <location filename="../app/cli/documentcommands.cpp" line="-70"/>
        <source>give one workspace document to import, or - to read standard input</source>
        <translation>give one workspace document to import, or - to read standard input</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the first %1 problems are listed; there may be more</source>
        <translation>the first %1 problems are listed; there may be more</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was imported</source>
        <translation>nothing was imported</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored %1 records and %2 audit entries into %3 (%4); the audit trail is the document&apos;s own.</source>
        <translation>Restored %1 records and %2 audit entries into %3 (%4); the audit trail is the document&apos;s own.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1 records into %2 (%3), each with an audit entry &quot;import&quot;.</source>
        <translation>Imported %1 records into %2 (%3), each with an audit entry &quot;import&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>export takes no file name; use --output FILE</source>
        <translation>export takes no file name; use --output FILE</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be written: %1</source>
        <translation>cannot be written: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 records and %2 audit entries to %3.</source>
        <translation>Exported %1 records and %2 audit entries to %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add the records of a workspace document to the workspace, all or nothing.</source>
        <translation>Add the records of a workspace document to the workspace, all or nothing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the whole workspace as a workspace document (standard output by default).</source>
        <translation>Write the whole workspace as a workspace document (standard output by default).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the document to this file instead.</source>
        <translation>Write the document to this file instead.</translation>
    </message>
</context>
<context>
    <name>vd::cli::DocumentInput</name>
    <message>
        <location line="-112"/>
        <source>cannot be read: %1</source>
        <translation>cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>vd::record::detail</name>
    <message>
        <location filename="../domain/core/recordjson.cpp" line="+197"/>
        <source>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected an object with &quot;en&quot; and &quot;zh&quot; text</source>
        <translation>expected an object with &quot;en&quot; and &quot;zh&quot; text</translation>
    </message>
</context>
</TS>
