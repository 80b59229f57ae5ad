<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.ui" line="+14"/>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Steps of the application</source>
        <translation>Steps of the application</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget and quotations</source>
        <translation>Budget and quotations</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+362"/>
        <source>Declarations</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>Review and submit</source>
        <translation>Review and submit</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Project title (English):</source>
        <translation>&amp;Project title (English):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in English</source>
        <translation>Project title in English</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project title (&amp;Chinese):</source>
        <translation>Project title (&amp;Chinese):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in Chinese</source>
        <translation>Project title in Chinese</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Description (English):</source>
        <translation>&amp;Description (English):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in English</source>
        <translation>Project description in English</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>D&amp;escription (Chinese):</source>
        <translation>D&amp;escription (Chinese):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in Chinese</source>
        <translation>Project description in Chinese</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Solution:</source>
        <translation>&amp;Solution:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category</source>
        <translation>Solution category</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project start date</source>
        <translation>Project start date</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project end date</source>
        <translation>Project end date</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Budget &amp;items: one row per procurement. Double-click a cell to change it.</source>
        <translation>Budget &amp;items: one row per procurement. Double-click a cell to change it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Budget items</source>
        <translation>Budget items</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Add item</source>
        <translation>&amp;Add item</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove item</source>
        <translation>&amp;Remove item</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Quotations for the selected item:</source>
        <translation>&amp;Quotations for the selected item:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Quotations of the selected item</source>
        <translation>Quotations of the selected item</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remo&amp;ve quotation</source>
        <translation>Remo&amp;ve quotation</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attach quotations, your business registration certificate and any other supporting documents. Drop files on the list, or choose Add file.</source>
        <translation>Attach quotations, your business registration certificate and any other supporting documents. Drop files on the list, or choose Add file.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Kind of document:</source>
        <translation>&amp;Kind of document:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind of document</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attached files</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Project s&amp;tarts on:</source>
        <translation>Project s&amp;tarts on:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project ends &amp;on:</source>
        <translation>Project ends &amp;on:</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Add quo&amp;tation</source>
        <translation>Add quo&amp;tation</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Add fi&amp;le…</source>
        <translation>Add fi&amp;le…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick each declaration to make it. All of them are needed before you submit.</source>
        <translation>Tick each declaration to make it. All of them are needed before you submit.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This is the application as it will be submitted, in both languages.</source>
        <translation>This is the application as it will be submitted, in both languages.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Application preview</source>
        <translation>Application preview</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export &amp;PDF…</source>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P&amp;rint…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Submit application</source>
        <translation>&amp;Submit application</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the rules say now</source>
        <translation>What the rules say now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total cost:</source>
        <translation>Total cost:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Eligible cost:</source>
        <translation>Eligible cost:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Grant:</source>
        <translation>Grant:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your contribution:</source>
        <translation>Your contribution:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cap left before this project:</source>
        <translation>Cap left before this project:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Quotations still needed:</source>
        <translation>Quotations still needed:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Findings (click one to go to its field):</source>
        <translation>&amp;Findings (click one to go to its field):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Findings of the rules</source>
        <translation>Findings of the rules</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
</context>
<context>
    <name>AuditRouteText</name>
    <message>
        <location filename="../domain/backoffice/auditroutes.cpp" line="+50"/>
        <source>expected a whole number of entries, not &quot;%1&quot;</source>
        <translation>expected a whole number of entries, not &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../forms/caseview.ui" line="+14"/>
        <location line="+6"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project title:</source>
        <translation>Project title:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case officer:</source>
        <translation>Case officer:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Submitted on:</source>
        <translation>Submitted on:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project period:</source>
        <translation>Project period:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Total project cost:</source>
        <translation>Total project cost:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Eligible cost:</source>
        <translation>Eligible cost:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Grant by the rules:</source>
        <translation>Grant by the rules:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Approved grant:</source>
        <translation>Approved grant:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant&apos;s own contribution:</source>
        <translation>Applicant&apos;s own contribution:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cap left before this case:</source>
        <translation>Cap left before this case:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deadlines:</source>
        <translation>Deadlines:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Actions:</source>
        <translation>Actions:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All workflow actions</source>
        <translation>All workflow actions</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Case sections</source>
        <translation>Case sections</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eligibility</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the rules engine found:</source>
        <translation>What the rules engine found:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Findings of the rules engine</source>
        <translation>Findings of the rules engine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked by the secretariat (tick an item once you have seen the proof):</source>
        <translation>Checked by the secretariat (tick an item once you have seen the proof):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Eligibility checklist</source>
        <translation>Eligibility checklist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked by</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clarifications</source>
        <translation>Clarifications</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Clarification requests</source>
        <translation>Clarification requests</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selected request and its reply</source>
        <translation>The selected request and its reply</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New clarification request</source>
        <translation>New clarification request</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Question:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question for the applicant</source>
        <translation>Question for the applicant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Due on:</source>
        <translation>&amp;Due on:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Send request</source>
        <translation>&amp;Send request</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Message about the new request</source>
        <translation>Message about the new request</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your answer to the selected request</source>
        <translation>Your answer to the selected request</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send &amp;answer</source>
        <translation>Send &amp;answer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Message about your answer</source>
        <translation>Message about your answer</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correspondence</source>
        <translation>Correspondence</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Correspondence log</source>
        <translation>Correspondence log</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected letter</source>
        <translation>The selected letter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audit history of the case</source>
        <translation>Audit history of the case</translation>
    </message>
</context>
<context>
    <name>EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.ui" line="+14"/>
        <source>Enterprise profile</source>
        <translation>Enterprise profile</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name (&amp;English):</source>
        <translation>Name (&amp;English):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in English</source>
        <translation>Enterprise name in English</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name (&amp;Chinese):</source>
        <translation>Name (&amp;Chinese):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in Chinese</source>
        <translation>Enterprise name in Chinese</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Business registration number:</source>
        <translation>&amp;Business registration number:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Business registration number</source>
        <translation>Business registration number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>8 digits</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Type of entity:</source>
        <translation>&amp;Type of entity:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type of entity</source>
        <translation>Type of entity</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sect&amp;or:</source>
        <translation>Sect&amp;or:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Business commence&amp;d on:</source>
        <translation>Business commence&amp;d on:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Emplo&amp;yees:</source>
        <translation>Emplo&amp;yees:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Has substantive business in Hong &amp;Kong</source>
        <translation>Has substantive business in Hong &amp;Kong</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Address (Ch&amp;inese):</source>
        <translation>Address (Ch&amp;inese):</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>P&amp;hone:</source>
        <translation>P&amp;hone:</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Date business commenced</source>
        <translation>Date business commenced</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Number of employees</source>
        <translation>Number of employees</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ma&amp;nufacturing enterprise</source>
        <translation>Ma&amp;nufacturing enterprise</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Listed on a stock exchange</source>
        <translation>&amp;Listed on a stock exchange</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Government-subvented body or its subsidiary</source>
        <translation>&amp;Government-subvented body or its subsidiary</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Address and contact</source>
        <translation>Address and contact</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Address (English):</source>
        <translation>&amp;Address (English):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Address in English</source>
        <translation>Address in English</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Address in Chinese</source>
        <translation>Address in Chinese</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact &amp;person:</source>
        <translation>Contact &amp;person:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;mail:</source>
        <translation>E&amp;mail:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact email</source>
        <translation>Contact email</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Owners</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Owners and their shares</source>
        <translation>Owners and their shares</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add o&amp;wner</source>
        <translation>Add o&amp;wner</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remo&amp;ve owner</source>
        <translation>Remo&amp;ve owner</translation>
    </message>
</context>
<context>
    <name>MyApplicationsView</name>
    <message>
        <location filename="../forms/myapplicationsview.ui" line="+14"/>
        <source>My applications</source>
        <translation>My applications</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your enterprise&apos;s applications. Open one to continue a draft or to follow its progress.</source>
        <translation>Your enterprise&apos;s applications. Open one to continue a draft or to follow its progress.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your applications</source>
        <translation>Your applications</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;New application</source>
        <translation>&amp;New application</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
</context>
<context>
    <name>vd::ApiCall</name>
    <message>
        <location filename="../domain/backoffice/apihandler.cpp" line="+89"/>
        <source>The request body is larger than the %1 bytes this server accepts.</source>
        <translation>The request body is larger than the %1 bytes this server accepts.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The request needs a JSON object as its body.</source>
        <translation>The request needs a JSON object as its body.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The address is not a valid URI.</source>
        <translation>The address is not a valid URI.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Too many requests from this address: at most %1 a second. Wait a moment and try again.</source>
        <translation>Too many requests from this address: at most %1 a second. Wait a moment and try again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 accepts only %2.</source>
        <translation>%1 accepts only %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server could not answer this request; it has been logged.</source>
        <translation>The server could not answer this request; it has been logged.</translation>
    </message>
</context>
<context>
    <name>vd::ApiRoutes</name>
    <message>
        <location filename="../domain/backoffice/apiroutes.cpp" line="+87"/>
        <source>The role %1 has no access to cases.</source>
        <translation>The role %1 has no access to cases.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no case %1 among the cases you can see.</source>
        <translation>There is no case %1 among the cases you can see.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a whole number from %1 to %2, not &quot;%3&quot;</source>
        <translation>expected a whole number from %1 to %2, not &quot;%3&quot;</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The role %1 does not sync with the back office.</source>
        <translation>The role %1 does not sync with the back office.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected a number of entries or null</source>
        <translation>expected a number of entries or null</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>There is no %1 here: see docs/api.md for the routes.</source>
        <translation>There is no %1 here: see docs/api.md for the routes.</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/auditroutes.cpp" line="-13"/>
        <source>The role %1 has no access to the audit log&apos;s proofs.</source>
        <translation>The role %1 has no access to the audit log&apos;s proofs.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The audit log has no proof for those sizes: each must be at most its current size, and the first no larger than the second.</source>
        <translation>The audit log has no proof for those sizes: each must be at most its current size, and the first no larger than the second.</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/certificateroutes.cpp" line="+46"/>
        <source>expected the certificate request (PKCS#10 PEM) as &quot;request&quot;</source>
        <translation>expected the certificate request (PKCS#10 PEM) as &quot;request&quot;</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This back office issued no certificate with the serial %1.</source>
        <translation>This back office issued no certificate with the serial %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an administrator or the certificate&apos;s holder may revoke it.</source>
        <translation>Only an administrator or the certificate&apos;s holder may revoke it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a reason for revoking: use unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation</source>
        <translation>&quot;%1&quot; is not a reason for revoking: use unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationDocument</name>
    <message>
        <location filename="../forms/applicationdocument.cpp" line="+122"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business registration number</source>
        <translation>Business registration number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project description</source>
        <translation>Project description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>Solution category</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project period</source>
        <translation>Project period</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total project cost</source>
        <translation>Total project cost</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget and quotations</source>
        <translation>Budget and quotations</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Declarations</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Draft, not yet submitted</source>
        <translation>Draft, not yet submitted</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The PDF could not be written. Check that the folder exists and can be written to.</source>
        <translation>The PDF could not be written. Check that the folder exists and can be written to.</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.cpp" line="+152"/>
        <source>Changes you had not saved, kept at %1, have been recovered. They are saved when you close the application.</source>
        <translation>Changes you had not saved, kept at %1, have been recovered. They are saved when you close the application.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no application %1 in this workspace.</source>
        <translation>There is no application %1 in this workspace.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Make declaration</source>
        <translation>Make declaration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdraw declaration</source>
        <translation>Withdraw declaration</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save draft</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit English title</source>
        <translation>Edit English title</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese title</source>
        <translation>Edit Chinese title</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit English description</source>
        <translation>Edit English description</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese description</source>
        <translation>Edit Chinese description</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose solution</source>
        <translation>Choose solution</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change start date</source>
        <translation>Change start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change end date</source>
        <translation>Change end date</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the kind of solution</source>
        <translation>Choose the kind of solution</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The rules find nothing wrong with this application.</source>
        <translation>The rules find nothing wrong with this application.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Application %1 is %2 and can no longer be changed here. You can still export and print it.</source>
        <translation>Application %1 is %2 and can no longer be changed here. You can still export and print it.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The draft could not be saved: %1 Your changes are kept and saved once this is corrected.</source>
        <translation>The draft could not be saved: %1 Your changes are kept and saved once this is corrected.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Make every declaration before you submit: tick each one on the Declarations page.</source>
        <translation>Make every declaration before you submit: tick each one on the Declarations page.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The application cannot be submitted yet: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>The application cannot be submitted yet: the rules find %n problem in it. Correct it and submit again.</numerusform>
            <numerusform>The application cannot be submitted yet: the rules find %n problems in it. Correct them and submit again.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Submitted. The reference of your application is %1.</source>
        <translation>Submitted. The reference of your application is %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Attach %n file(s)</source>
        <translation>
            <numerusform>Attach %n file</numerusform>
            <numerusform>Attach %n files</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file %1 is not in this workspace&apos;s attachments folder.</source>
        <translation>The file %1 is not in this workspace&apos;s attachments folder.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove attachment %1</source>
        <translation>Remove attachment %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>application</source>
        <translation>application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the application as PDF</source>
        <translation>Export the application as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the application</source>
        <translation>Print the application</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Application %1</source>
        <translation>Application %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New application</source>
        <translation>New application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft: %1</source>
        <translation>Draft: %1</translation>
    </message>
</context>
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
    <name>vd::AttachmentFolder</name>
    <message>
        <location filename="../domain/store/attachmentfolder.cpp" line="+25"/>
        <source>The file could not be attached: %1. Check the file and try again.</source>
        <translation>The file could not be attached: %1. Check the file and try again.</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentIntake</name>
    <message>
        <location filename="../domain/backoffice/attachmentintake.cpp" line="+49"/>
        <source>The attachment could not be stored: %1.</source>
        <translation>The attachment could not be stored: %1.</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentRoutes</name>
    <message>
        <location filename="../domain/backoffice/attachmentroutes.cpp" line="+36"/>
        <source>An attachment is named by its SHA-256: 64 lower-case hexadecimal digits, not &quot;%1&quot;.</source>
        <translation>An attachment is named by its SHA-256: 64 lower-case hexadecimal digits, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The role %1 does not add attachments, so it cannot upload them.</source>
        <translation>The role %1 does not add attachments, so it cannot upload them.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a number of bytes (0 or more) in the query</source>
        <translation>expected a number of bytes (0 or more) in the query</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a number of bytes (0 or more), not &quot;%1&quot;</source>
        <translation>expected a number of bytes (0 or more), not &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The attachment has %1 bytes; this server takes attachments of at most %2 bytes.</source>
        <translation>The attachment has %1 bytes; this server takes attachments of at most %2 bytes.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server holds %1 bytes of this attachment, so the next bytes start at offset %1, not %2.</source>
        <translation>The server holds %1 bytes of this attachment, so the next bytes start at offset %1, not %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These %1 bytes at offset %2 go past the attachment&apos;s size of %3 bytes.</source>
        <translation>These %1 bytes at offset %2 go past the attachment&apos;s size of %3 bytes.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 bytes received do not have the SHA-256 %2, so they were discarded. Send the attachment again from the start.</source>
        <translation>The %1 bytes received do not have the SHA-256 %2, so they were discarded. Send the attachment again from the start.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>There is no attachment %1 among the cases you can see.</source>
        <translation>There is no attachment %1 among the cases you can see.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a range of bytes such as &quot;bytes=1024-&quot;, not &quot;%1&quot;</source>
        <translation>expected a range of bytes such as &quot;bytes=1024-&quot;, not &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The attachment has %1 bytes; there are none from byte %2.</source>
        <translation>The attachment has %1 bytes; there are none from byte %2.</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentSync</name>
    <message>
        <location filename="../domain/sync/attachmentsync.cpp" line="+132"/>
        <source>The file kept for attachment %1 no longer has the content it was attached with, so it was not sent. Attach the file again.</source>
        <translation>The file kept for attachment %1 no longer has the content it was attached with, so it was not sent. Attach the file again.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The back office took none of the last pieces of attachment %1. The next sync tries again from what it holds.</source>
        <translation>The back office took none of the last pieces of attachment %1. The next sync tries again from what it holds.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>An attachment could not be saved here: %1. Make room or check the workspace folder, then sync again.</source>
        <translation>An attachment could not be saved here: %1. Make room or check the workspace folder, then sync again.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The attachment %1 that arrived does not have the content its SHA-256 names, so it was discarded. The next sync fetches it again; if this repeats, ask the back office&apos;s administrator to check the file.</source>
        <translation>The attachment %1 that arrived does not have the content its SHA-256 names, so it was discarded. The next sync fetches it again; if this repeats, ask the back office&apos;s administrator to check the file.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The back office sent more bytes for attachment %1 than its %2 bytes, so what arrived was discarded.</source>
        <translation>The back office sent more bytes for attachment %1 than its %2 bytes, so what arrived was discarded.</translation>
    </message>
</context>
<context>
    <name>vd::AuditLog</name>
    <message>
        <location filename="../domain/store/auditlog.cpp" line="+66"/>
        <source>Audit entry %1 (%2) is at leaf %3 of the audit log, where entry %4 was logged: entries were deleted, moved or inserted.</source>
        <translation>Audit entry %1 (%2) is at leaf %3 of the audit log, where entry %4 was logged: entries were deleted, moved or inserted.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) no longer matches leaf %3 of the audit log: it was changed after it was logged.</source>
        <translation>Audit entry %1 (%2) no longer matches leaf %3 of the audit log: it was changed after it was logged.</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The back office signed a tree head of %1 entries at %2, but the audit trail now holds %3: entries were deleted.</source>
        <translation>The back office signed a tree head of %1 entries at %2, but the audit trail now holds %3: entries were deleted.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tree head of %1 entries signed at %2 no longer matches the audit trail: an entry from %3 to %4 was rewritten.</source>
        <translation>The tree head of %1 entries signed at %2 no longer matches the audit trail: an entry from %3 to %4 was rewritten.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The audit log has leaves after its last audit entry (%1): entries were deleted.</source>
        <translation>The audit log has leaves after its last audit entry (%1): entries were deleted.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The audit log is intact: %1 leaves and %2 signed tree heads checked.</source>
        <translation>The audit log is intact: %1 leaves and %2 signed tree heads checked.</translation>
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
    <name>vd::BackOfficeApplication</name>
    <message>
        <location filename="../domain/backoffice/backofficeapplication.cpp" line="+34"/>
        <source>the data folder (workspace, tls/); made with demo data on first start</source>
        <translation>the data folder (workspace, tls/); made with demo data on first start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the workspace in PostgreSQL (postgresql://user@host:port/db) instead of DIR/workspace.sqlite</source>
        <translation>keep the workspace in PostgreSQL (postgresql://user@host:port/db) instead of DIR/workspace.sqlite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the port to listen on (default 8443; 0 picks a free one)</source>
        <translation>the port to listen on (default 8443; 0 picks a free one)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address to listen on (default 127.0.0.1)</source>
        <translation>the address to listen on (default 127.0.0.1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serve plain HTTP instead of HTTPS (loopback addresses only)</source>
        <translation>serve plain HTTP instead of HTTPS (loopback addresses only)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server certificate (PEM); default: one made in DIR/tls/</source>
        <translation>the server certificate (PEM); default: one made in DIR/tls/</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the certificate&apos;s private key (PEM)</source>
        <translation>the certificate&apos;s private key (PEM)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applications in the demo data made on first start (default 40)</source>
        <translation>applications in the demo data made on first start (default 40)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>show this help</source>
        <translation>show this help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a configuration file (.properties, .ini, .json or .xml)</source>
        <translation>a configuration file (.properties, .ini, .json or .xml)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set any configuration key, e.g. -D limits.threads=32 (repeatable)</source>
        <translation>set any configuration key, e.g. -D limits.threads=32 (repeatable)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--define needs KEY=VALUE, not %1</source>
        <translation>--define needs KEY=VALUE, not %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The VoucherDesk back office: the shared, authoritative store, served over HTTPS.</source>
        <translation>The VoucherDesk back office: the shared, authoritative store, served over HTTPS.</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeConnection</name>
    <message>
        <location filename="../domain/sync/backofficeconnection.cpp" line="+65"/>
        <source>&quot;%1&quot; is not a back office&apos;s address; give one such as https://backoffice.example:8443</source>
        <translation>&quot;%1&quot; is not a back office&apos;s address; give one such as https://backoffice.example:8443</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain http:// is used only for a back office on this computer (127.0.0.1); use https:// for %1, so that your password never crosses the network in the clear</source>
        <translation>plain http:// is used only for a back office on this computer (127.0.0.1); use https:// for %1, so that your password never crosses the network in the clear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the back office&apos;s address without a path, such as https://%1:%2</source>
        <translation>give the back office&apos;s address without a path, such as https://%1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the certificate file cannot be read; give the back office&apos;s certificate (PEM), such as DATA/tls/server.crt</source>
        <translation>the certificate file cannot be read; give the back office&apos;s certificate (PEM), such as DATA/tls/server.crt</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>the back office at %1 did not prove that it is the server the certificate names (%2). Check its address and the certificate file.</source>
        <translation>the back office at %1 did not prove that it is the server the certificate names (%2). Check its address and the certificate file.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot reach the back office at %1 (%2). Nothing was lost: changes not yet sent stay queued for the next sync.</source>
        <translation>cannot reach the back office at %1 (%2). Nothing was lost: changes not yet sent stay queued for the next sync.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your sign-in to the back office at %1 is no longer valid; sign in again</source>
        <translation>your sign-in to the back office at %1 is no longer valid; sign in again</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 could not answer (HTTP %2): %3. Nothing was lost; try again later.</source>
        <translation>the back office at %1 could not answer (HTTP %2): %3. Nothing was lost; try again later.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 refused the request: %2</source>
        <translation>the back office at %1 refused the request: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the back office at %1 answered with something that is not a JSON object: is this address a VoucherDesk back office?</source>
        <translation>the back office at %1 answered with something that is not a JSON object: is this address a VoucherDesk back office?</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the back office at %1 answered the sign-in without a token</source>
        <translation>the back office at %1 answered the sign-in without a token</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeDialog</name>
    <message>
        <location filename="../forms/backofficedialog.ui" line="+9"/>
        <source>Connect to a Back Office</source>
        <translation>Connect to a Back Office</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to the back office of your programme. This workspace then keeps in step with it in the background, and you can go on working while the network is down.</source>
        <translation>Sign in to the back office of your programme. This workspace then keeps in step with it in the background, and you can go on working while the network is down.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Address of the back office</source>
        <translation>Address of the back office</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User name at the back office</source>
        <translation>User name at the back office</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Certificate:</source>
        <translation>&amp;Certificate:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certificate file to trust</source>
        <translation>Certificate file to trust</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system&apos;s trusted authorities</source>
        <translation>The system&apos;s trusted authorities</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>For a back office with a certificate of its own (self-signed), choose the certificate file (PEM) it gave you.</source>
        <translation>For a back office with a certificate of its own (self-signed), choose the certificate file (PEM) it gave you.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What is wrong</source>
        <translation>What is wrong</translation>
    </message>
    <message>
        <location filename="../forms/backofficedialog.cpp" line="+28"/>
        <location line="+158"/>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Enter the address of the back office, such as https://backoffice.example:8443.</source>
        <translation>Enter the address of the back office, such as https://backoffice.example:8443.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.</source>
        <comment>a message made into a sentence: the full stop of the language</comment>
        <translation>%1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter your user name at the back office.</source>
        <translation>Enter your user name at the back office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password at the back office.</source>
        <translation>Enter your password at the back office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate file %1 cannot be read. Choose the certificate (PEM) file the back office gave you, or leave the field empty.</source>
        <translation>The certificate file %1 cannot be read. Choose the certificate (PEM) file the back office gave you, or leave the field empty.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Signing in to %1…</source>
        <translation>Signing in to %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Certificate of the Back Office</source>
        <translation>Certificate of the Back Office</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeFolder</name>
    <message>
        <location filename="../domain/backoffice/backofficefolder.cpp" line="+42"/>
        <source>A self-signed certificate was made for this back office.</source>
        <translation>A self-signed certificate was made for this back office.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A demo workspace was made: %1 applications and %2 users. Every demo user signs in with the password &quot;%3&quot; until they have their own.</source>
        <translation>A demo workspace was made: %1 applications and %2 users. Every demo user signs in with the password &quot;%3&quot; until they have their own.</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeSettings</name>
    <message>
        <location filename="../domain/backoffice/backofficesettings.cpp" line="+33"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>expected a whole number from %1 to %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a whole number from %1 to %2, not %3</source>
        <translation>expected a whole number from %1 to %2, not %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>name the back office&apos;s data folder with --data DIR</source>
        <translation>name the back office&apos;s data folder with --data DIR</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a PostgreSQL URL such as postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</source>
        <translation>expected a PostgreSQL URL such as postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>expected true or false</source>
        <translation>expected true or false</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a password needs at least 8 characters</source>
        <translation>a password needs at least 8 characters</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give both the certificate (--cert) and its key (--key), or neither</source>
        <translation>give both the certificate (--cert) and its key (--key), or neither</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not an IP address</source>
        <translation>%1 is not an IP address</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain HTTP is served only on a loopback address such as 127.0.0.1, not on %1; leave out --http to serve HTTPS</source>
        <translation>plain HTTP is served only on a loopback address such as 127.0.0.1, not on %1; leave out --http to serve HTTPS</translation>
    </message>
</context>
<context>
    <name>vd::BackgroundSync</name>
    <message>
        <location filename="../forms/backgroundsync.cpp" line="+191"/>
        <source>Fetching the cases from the back office…</source>
        <translation>Fetching the cases from the back office…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You are not signed in to the back office.</source>
        <translation>You are not signed in to the back office.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in to the back office first.</source>
        <translation>Sign in to the back office first.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A sync is under way; try again in a moment.</source>
        <translation>A sync is under way; try again in a moment.</translation>
    </message>
</context>
<context>
    <name>vd::BatchActionDialog</name>
    <message>
        <location filename="../forms/batchactiondialog.ui" line="+14"/>
        <source>Apply an action to several cases</source>
        <translation>Apply an action to several cases</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Action:</source>
        <translation>&amp;Action:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../forms/batchactiondialog.cpp" line="+70"/>
        <source>Your role cannot take any action on cases.</source>
        <translation>Your role cannot take any action on cases.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action needs a reason; it is recorded with each case.</source>
        <translation>This action needs a reason; it is recorded with each case.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This action needs no reason.</source>
        <translation>This action needs no reason.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>“%1” will be applied to %n selected case(s), each on its own. A case where the action is not allowed is left as it is and listed afterwards with the reason.</source>
        <translation>
            <numerusform>“%1” will be applied to %n selected case. A case where the action is not allowed is left as it is and listed afterwards with the reason.</numerusform>
            <numerusform>“%1” will be applied to %n selected cases, each on its own. A case where the action is not allowed is left as it is and listed afterwards with the reason.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Apply</source>
        <translation>&amp;Apply</translation>
    </message>
</context>
<context>
    <name>vd::BatchSummaryDialog</name>
    <message>
        <location filename="../forms/batchsummarydialog.ui" line="+14"/>
        <source>What the action did</source>
        <translation>What the action did</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases changed</source>
        <translation>Cases changed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cases refused</source>
        <translation>Cases refused</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused cases and why</source>
        <translation>Refused cases and why</translation>
    </message>
    <message numerus="yes">
        <location filename="../forms/batchsummarydialog.cpp" line="+38"/>
        <source>Applied to %n case(s).</source>
        <translation>
            <numerusform>Applied to %n case.</numerusform>
            <numerusform>Applied to %n cases.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No case was refused.</source>
        <translation>No case was refused.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refused for %n case(s), which stay as they were:</source>
        <translation>
            <numerusform>Refused for %n case, which stays as it was:</numerusform>
            <numerusform>Refused for %n cases, which stay as they were:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was refused</source>
        <translation>Why it was refused</translation>
    </message>
</context>
<context>
    <name>vd::BudgetItemsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+86"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (English)</source>
        <translation>Description (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (Chinese)</source>
        <translation>Description (Chinese)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>Amount (HK$)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>Months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotations</source>
        <translation>Quotations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not the lowest quotation</source>
        <translation>Why not the lowest quotation</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Change %1 of item %2</source>
        <translation>Change %1 of item %2</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add budget item</source>
        <translation>Add budget item</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove budget item %1</source>
        <translation>Remove budget item %1</translation>
    </message>
</context>
<context>
    <name>vd::CanonicalJson</name>
    <message>
        <location filename="../domain/crypto/canonicaljson.cpp" line="+69"/>
        <source>%1 is not a whole number between -(2^53 - 1) and 2^53 - 1: what is signed carries no fractions (amounts are decimal text).</source>
        <translation>%1 is not a whole number between -(2^53 - 1) and 2^53 - 1: what is signed carries no fractions (amounts are decimal text).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The text holds half of a character (a lone surrogate, U+%1) and cannot be signed.</source>
        <translation>The text holds half of a character (a lone surrogate, U+%1) and cannot be signed.</translation>
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
        <location filename="../domain/store/casefile.cpp" line="+177"/>
        <source>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</source>
        <translation>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</translation>
    </message>
</context>
<context>
    <name>vd::CaseQueueModel</name>
    <message>
        <location filename="../forms/casequeuemodel.cpp" line="+193"/>
        <source>(draft)</source>
        <translation>(draft)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A deadline of this case is overdue.</source>
        <translation>A deadline of this case is overdue.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case officer</source>
        <translation>Case officer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total cost</source>
        <translation>Total cost</translation>
    </message>
</context>
<context>
    <name>vd::CaseQueueView</name>
    <message>
        <location filename="../forms/casequeueview.cpp" line="+202"/>
        <source>Counting cases…</source>
        <translation>Counting cases…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.ui" line="+14"/>
        <location line="+3"/>
        <source>Case queue</source>
        <translation>Case queue</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference, title, applicant or BR number, in English or Chinese (Ctrl+F)</source>
        <translation>Reference, title, applicant or BR number, in English or Chinese (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status filter</source>
        <translation>Status filter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Officer:</source>
        <translation>&amp;Officer:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case officer filter</source>
        <translation>Case officer filter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue cases only</source>
        <translation>Overdue cases only</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>O&amp;verdue only</source>
        <translation>O&amp;verdue only</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Secto&amp;r:</source>
        <translation>Secto&amp;r:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sector filter</source>
        <translation>Sector filter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sol&amp;ution:</source>
        <translation>Sol&amp;ution:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category filter</source>
        <translation>Solution category filter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter by submission date</source>
        <translation>Filter by submission date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Su&amp;bmitted from</source>
        <translation>Su&amp;bmitted from</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted on or after</source>
        <translation>Submitted on or after</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submitted on or before</source>
        <translation>Submitted on or before</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Number of cases</source>
        <translation>Number of cases</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Apply an action to the selected cases</source>
        <translation>Apply an action to the selected cases</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply an action to the selected cases…</source>
        <translation>&amp;Apply an action to the selected cases…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.cpp" line="-74"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+44"/>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any officer</source>
        <translation>Any officer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All sectors</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All solutions</source>
        <translation>All solutions</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>More than %1 cases</source>
        <translation>More than %1 cases</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 case(s)</source>
        <translation>
            <numerusform>%1 case</numerusform>
            <numerusform>%1 cases</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Cases not changed</source>
        <translation>Cases not changed</translation>
    </message>
</context>
<context>
    <name>vd::CaseSignatures</name>
    <message>
        <location filename="../domain/store/casesignatures.cpp" line="+39"/>
        <source>Not checked: this workspace has not received the back office&apos;s CA certificate yet (it comes with the next sync).</source>
        <translation>Not checked: this workspace has not received the back office&apos;s CA certificate yet (it comes with the next sync).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>submission</source>
        <translation>submission</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revised application</source>
        <translation>revised application</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>review</source>
        <translation>review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committee outcome</source>
        <translation>committee outcome</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approval</source>
        <translation>approval</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payment release</source>
        <translation>payment release</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not something that is signed</source>
        <translation>&quot;%1&quot; is not something that is signed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This case has no %1 for you to sign.</source>
        <translation>This case has no %1 for you to sign.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This back office takes an application only signed: sign it as it is now (%1: Sign… in the case, or voucherdesk-cli sign), sync, then %2 again.</source>
        <translation>This back office takes an application only signed: sign it as it is now (%1: Sign… in the case, or voucherdesk-cli sign), sync, then %2 again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>submit</source>
        <translation>submit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answer</source>
        <translation>answer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>That record belongs to another case.</source>
        <translation>That record belongs to another case.</translation>
    </message>
</context>
<context>
    <name>vd::CaseText</name>
    <message>
        <location filename="../forms/casetext.cpp" line="+68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From status</source>
        <translation>From status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To status</source>
        <translation>To status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>Case officer</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>Asked by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked at</source>
        <translation>Asked at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered by</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered at</source>
        <translation>Answered at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminded at</source>
        <translation>Reminded at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Written by</source>
        <translation>Written by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist item</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+133"/>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>Checked by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked at</source>
        <translation>Checked at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>Solution category</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project start</source>
        <translation>Project start</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project end</source>
        <translation>Project end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget items</source>
        <translation>Budget items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declarations</source>
        <translation>Declarations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>Contact e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact telephone</source>
        <translation>Contact telephone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>Employees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended grant</source>
        <translation>Recommended grant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>someone outside this workspace</source>
        <translation>someone outside this workspace</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+53"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online portal</source>
        <translation>Online portal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Application</source>
        <translation>Application</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status change</source>
        <translation>Status change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarification request</source>
        <translation>Clarification request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correspondence</source>
        <translation>Correspondence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligibility checklist</source>
        <translation>Eligibility checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change request</source>
        <translation>Change request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site check</source>
        <translation>Site check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project report</source>
        <translation>Project report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda item</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declaration of interest</source>
        <translation>Declaration of interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee outcome</source>
        <translation>Committee outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding agreement</source>
        <translation>Funding agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disbursement milestone</source>
        <translation>Disbursement milestone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related enterprise</source>
        <translation>Related enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User account</source>
        <translation>User account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee</source>
        <translation>Committee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee term</source>
        <translation>Committee term</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee membership</source>
        <translation>Committee membership</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Removed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation withdrawn</source>
        <translation>Confirmation withdrawn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n details</source>
        <translation>
            <numerusform>%n detail</numerusform>
            <numerusform>%n details</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>vd::CaseTimelineModel</name>
    <message>
        <location filename="../forms/casetimelinemodel.cpp" line="+77"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes (before → after)</source>
        <translation>Changes (before → after)</translation>
    </message>
</context>
<context>
    <name>vd::CaseTransitions</name>
    <message>
        <location filename="../domain/store/casetransitions.cpp" line="+69"/>
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
    <name>vd::CaseView</name>
    <message>
        <location filename="../forms/caseview.cpp" line="+154"/>
        <source>This case is another enterprise&apos;s application: you can open only your own enterprise&apos;s cases.</source>
        <translation>This case is another enterprise&apos;s application: you can open only your own enterprise&apos;s cases.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>none yet (a draft)</source>
        <translation>none yet (a draft)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (BR %2)</source>
        <translation>%1 (BR %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not assigned yet</source>
        <translation>not assigned yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not submitted yet</source>
        <translation>not submitted yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not approved</source>
        <translation>not approved</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — overdue</source>
        <translation>%1 — overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — due soon</source>
        <translation>%1 — due soon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — met on %2</source>
        <translation>%1 — met on %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none running</source>
        <translation>none running</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signatures (%1)</source>
        <translation>Signatures (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verifies</source>
        <translation>Verifies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record has changed since it was signed.</source>
        <translation>The record has changed since it was signed.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign with another key and certificate…</source>
        <translation>Sign with another key and certificate…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your signing key</source>
        <translation>Your signing key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted signing key (*.key *.pem);;All files (*)</source>
        <translation>Encrypted signing key (*.key *.pem);;All files (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (*.crt *.pem);;All files (*)</source>
        <translation>Certificate (*.crt *.pem);;All files (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign the %1</source>
        <translation>Sign the %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of your signing key:</source>
        <translation>Passphrase of your signing key:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This certificate is %1&apos;s, not yours.</source>
        <translation>This certificate is %1&apos;s, not yours.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed: the %1. It goes to the back office with the next sync, which checks it.</source>
        <translation>Signed: the %1. It goes to the back office with the next sync, which checks it.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application meets every rule of the scheme checked by the rules engine.</source>
        <translation>The application meets every rule of the scheme checked by the rules engine.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>The scheme allows %n days to answer; a due date on a Sunday or a public holiday moves to the next day.</source>
        <translation>
            <numerusform>The scheme allows %n day to answer; a due date on a Sunday or a public holiday moves to the next day.</numerusform>
            <numerusform>The scheme allows %n days to answer; a due date on a Sunday or a public holiday moves to the next day.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;p&gt;No clarification has been asked on this case.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No clarification has been asked on this case.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Question&lt;/b&gt; (due %1):&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Question&lt;/b&gt; (due %1):&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Reply&lt;/b&gt; from %1, %2:&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Reply&lt;/b&gt; from %1, %2:&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;i&gt;Not answered yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Not answered yet.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This request was due by %1: an answer can no longer be given here. Please contact your case officer.</source>
        <translation>This request was due by %1: an answer can no longer be given here. Please contact your case officer.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Moves the case to “%1”.</source>
        <translation>Moves the case to “%1”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You will be asked for the reason.</source>
        <translation>You will be asked for the reason.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Why? The reason is kept with the case and shown to the applicant.</source>
        <translation>Why? The reason is kept with the case and shown to the applicant.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done: the case is now “%1”.</source>
        <translation>Done: the case is now “%1”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request sent; the answer is due by %1.</source>
        <translation>Request sent; the answer is due by %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the request you are answering.</source>
        <translation>Select the request you are answering.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your answer has been sent to the secretariat.</source>
        <translation>Your answer has been sent to the secretariat.</translation>
    </message>
</context>
<context>
    <name>vd::Certificate</name>
    <message>
        <location filename="../domain/crypto/certificate.cpp" line="+29"/>
        <source>This is not an X.509 certificate.</source>
        <translation>This is not an X.509 certificate.</translation>
    </message>
</context>
<context>
    <name>vd::CertificateAuthority</name>
    <message>
        <location filename="../domain/crypto/certificateauthority.cpp" line="+39"/>
        <source>The certificate authority&apos;s folder cannot be used: %1.</source>
        <translation>The certificate authority&apos;s folder cannot be used: %1.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The certificate request is damaged or not signed by its own key.</source>
        <translation>The certificate request is damaged or not signed by its own key.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate request is not for an ECDSA P-256 key.</source>
        <translation>The certificate request is not for an ECDSA P-256 key.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request was made for &quot;%1&quot;, not for this person.</source>
        <translation>The certificate request was made for &quot;%1&quot;, not for this person.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it cannot be created</source>
        <translation>it cannot be created</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the certificate is not the key&apos;s</source>
        <translation>the certificate is not the key&apos;s</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This certificate authority issued no certificate with that serial number.</source>
        <translation>This certificate authority issued no certificate with that serial number.</translation>
    </message>
</context>
<context>
    <name>vd::ClarificationModel</name>
    <message>
        <location filename="../forms/clarificationmodel.cpp" line="+52"/>
        <location line="+8"/>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+53"/>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>vd::Clarifications</name>
    <message>
        <location filename="../domain/store/clarifications.cpp" line="+76"/>
        <source>only the secretariat asks applicants for clarification.</source>
        <translation>only the secretariat asks applicants for clarification.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this case is not in the workspace.</source>
        <translation>this case is not in the workspace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the case is closed: a closed case takes no more questions.</source>
        <translation>the case is closed: a closed case takes no more questions.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write the question the applicant is to answer.</source>
        <translation>write the question the applicant is to answer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the due date must be after today: give the applicant time to answer.</source>
        <translation>the due date must be after today: give the applicant time to answer.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Request for clarification: %1</source>
        <translation>Request for clarification: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>only the applicant answers its clarification requests.</source>
        <translation>only the applicant answers its clarification requests.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this clarification request is not in the workspace.</source>
        <translation>this clarification request is not in the workspace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you can answer only your own enterprise&apos;s clarification requests.</source>
        <translation>you can answer only your own enterprise&apos;s clarification requests.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this request has been answered already. To add anything, write to the secretariat.</source>
        <translation>this request has been answered already. To add anything, write to the secretariat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the answer was due by %1 and can no longer be given here. Please contact the secretariat case officer about your application.</source>
        <translation>the answer was due by %1 and can no longer be given here. Please contact the secretariat case officer about your application.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write your answer to the question before sending it.</source>
        <translation>write your answer to the question before sending it.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reply to request for clarification (%1)</source>
        <translation>Reply to request for clarification (%1)</translation>
    </message>
</context>
<context>
    <name>vd::ConflictPanel</name>
    <message>
        <location filename="../forms/conflictpanel.ui" line="+9"/>
        <location filename="../forms/conflictpanel.cpp" line="+86"/>
        <location line="+186"/>
        <source>Conflicts and Rejected Changes</source>
        <translation>Conflicts and Rejected Changes</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>These records were changed both on this desk and at the back office. Compare the two versions field by field and keep one of them; until you choose, both are kept.</source>
        <translation>These records were changed both on this desk and at the back office. Compare the two versions field by field and keep one of them; until you choose, both are kept.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+139"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+129"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Found</source>
        <translation>Found</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The two versions, field by field</source>
        <translation>The two versions, field by field</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Keep Mine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this desk&apos;s version to the back office, over the one it holds</source>
        <translation>Send this desk&apos;s version to the back office, over the one it holds</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Take Theirs</source>
        <translation>&amp;Take Theirs</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the back office&apos;s version and drop this desk&apos;s change</source>
        <translation>Keep the back office&apos;s version and drop this desk&apos;s change</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office refused these changes, for the reason given. They are kept here for you to see and are not sent again; change the record in a way the back office allows, or ask the secretariat.</source>
        <translation>The back office refused these changes, for the reason given. They are kept here for you to see and are not sent again; change the record in a way the back office allows, or ask the secretariat.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rejected changes</source>
        <translation>Rejected changes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was sent</source>
        <translation>What was sent</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have seen why it was refused: take it off the list</source>
        <translation>You have seen why it was refused: take it off the list</translation>
    </message>
    <message>
        <location filename="../forms/conflictpanel.cpp" line="-170"/>
        <source>a case no longer on this desk</source>
        <translation>a case no longer on this desk</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+97"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+65"/>
        <source>No reason was given</source>
        <translation>No reason was given</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Conflicts (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (%1)</source>
        <translation>Rejected (%1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There are no conflicts: every change made on this desk agrees with the back office.</source>
        <translation>There are no conflicts: every change made on this desk agrees with the back office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a conflict to compare its two versions.</source>
        <translation>Choose a conflict to compare its two versions.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You removed this record on this desk; the back office changed it.</source>
        <translation>You removed this record on this desk; the back office changed it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The back office removed this record; you changed it on this desk.</source>
        <translation>The back office removed this record; you changed it on this desk.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields that differ: %1.</source>
        <translation>Fields that differ: %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The back office has refused none of the changes made on this desk.</source>
        <translation>The back office has refused none of the changes made on this desk.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was sent:</source>
        <translation>What was sent:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The conflict was not settled</source>
        <translation>The conflict was not settled</translation>
    </message>
</context>
<context>
    <name>vd::CorrespondenceModel</name>
    <message>
        <location filename="../forms/correspondencemodel.cpp" line="+78"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In or out</source>
        <translation>In or out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written by</source>
        <translation>Written by</translation>
    </message>
</context>
<context>
    <name>vd::Crypto</name>
    <message>
        <location filename="../domain/crypto/opensslhandles.cpp" line="+63"/>
        <source>The cryptographic library failed (%1). This is a fault in the program or its installation, not in your data.</source>
        <translation>The cryptographic library failed (%1). This is a fault in the program or its installation, not in your data.</translation>
    </message>
</context>
<context>
    <name>vd::DeadlineModel</name>
    <message>
        <location filename="../forms/deadlinemodel.cpp" line="+22"/>
        <source>Answer to clarification</source>
        <translation>Answer to clarification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee result to the applicant (2 working days)</source>
        <translation>Committee result to the applicant (2 working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vetting result (60 working days)</source>
        <translation>Vetting result (60 working days)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report</source>
        <translation>Final report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report</source>
        <translation>Evaluation report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep project records</source>
        <translation>Keep project records</translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>Overdue by %n day</numerusform>
            <numerusform>Overdue by %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>Due in %n day</numerusform>
            <numerusform>Due in %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePanel</name>
    <message>
        <location filename="../forms/deadlinepanel.ui" line="+14"/>
        <source>Summary of deadlines</source>
        <translation>Summary of deadlines</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deadlines due and overdue</source>
        <translation>Deadlines due and overdue</translation>
    </message>
    <message>
        <location filename="../forms/deadlinepanel.cpp" line="+41"/>
        <location line="+105"/>
        <source>Looking for deadlines…</source>
        <translation>Looking for deadlines…</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The deadlines could not be read. %1</source>
        <translation>The deadlines could not be read. %1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Nothing is overdue, and nothing falls due in the next %n day(s).</source>
        <translation>
            <numerusform>Nothing is overdue, and nothing falls due in the next %n day.</numerusform>
            <numerusform>Nothing is overdue, and nothing falls due in the next %n days.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue: %1. Due within a week: %2. All deadlines in the next %3 days: %4.</source>
        <translation>Overdue: %1. Due within a week: %2. All deadlines in the next %3 days: %4.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>VoucherDesk deadlines</source>
        <translation>VoucherDesk deadlines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n due this week</source>
        <translation>
            <numerusform>%n due this week</numerusform>
            <numerusform>%n due this week</numerusform>
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
        <location filename="../domain/demo/demoworkspace.cpp" line="+340"/>
        <source>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</source>
        <translation>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</translation>
    </message>
</context>
<context>
    <name>vd::Desk</name>
    <message>
        <location filename="../app/desktop/desk.cpp" line="+39"/>
        <source>There is no active user “%1” in the workspace %2.</source>
        <translation>There is no active user “%1” in the workspace %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--password-file: %1 cannot be read (%2).</source>
        <translation>--password-file: %1 cannot be read (%2).</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>--server: say who signs in to the back office with --user.</source>
        <translation>--server: say who signs in to the back office with --user.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: give the file that holds the password with --password-file.</source>
        <translation>--server: give the file that holds the password with --password-file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: %1</source>
        <translation>--server: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signing in to the back office at %1 failed. %2</source>
        <translation>Signing in to the back office at %1 failed. %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office at %1 failed. %2</source>
        <translation>The first sync with the back office at %1 failed. %2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>You are at the desk as %1: sign in to the back office as %1, or sign out and choose another person.</source>
        <translation>You are at the desk as %1: sign in to the back office as %1, or sign out and choose another person.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace keeps in step with the back office at %1 and cannot sync with another. For %2, make a new workspace (File ▸ Switch Workspace).</source>
        <translation>This workspace keeps in step with the back office at %1 and cannot sync with another. For %2, make a new workspace (File ▸ Switch Workspace).</translation>
    </message>
    <message>
        <location filename="../app/desktop/screenshots.cpp" line="+63"/>
        <source>the screenshot could not be written</source>
        <translation>the screenshot could not be written</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>The same fields were changed at the back office.</source>
        <translation>The same fields were changed at the back office.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the case officer of this application may change it.</source>
        <translation>Only the case officer of this application may change it.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the folder for the screenshots cannot be made</source>
        <translation>the folder for the screenshots cannot be made</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="+47"/>
        <source>The workspace has no such user to photograph the desk for; name one with --user.</source>
        <translation>The workspace has no such user to photograph the desk for; name one with --user.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>VoucherDesk: the desktop for technology voucher applications and their cases.</source>
        <translation>VoucherDesk: the desktop for technology voucher applications and their cases.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the workspace in this folder instead of asking.</source>
        <translation>Open the workspace in this folder instead of asking.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as this user instead of asking.</source>
        <translation>Sign in as this user instead of asking.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this language and remember it: en, zh_HK or zh_CN.</source>
        <translation>Use this language and remember it: en, zh_HK or zh_CN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write screenshots of the main windows into this folder and quit (needs --workspace).</source>
        <translation>Write screenshots of the main windows into this folder and quit (needs --workspace).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office at this address as --user and sync with it in the background; the workspace is made if it is missing.</source>
        <translation>Sign in to the back office at this address as --user and sync with it in the background; the workspace is made if it is missing.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The back office password is the first line of this file.</source>
        <translation>The back office password is the first line of this file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the back office&apos;s certificate in this file (PEM), for a back office with a self-signed certificate.</source>
        <translation>Trust the back office&apos;s certificate in this file (PEM), for a back office with a self-signed certificate.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--lang: say en, zh_HK or zh_CN.</source>
        <translation>--lang: say en, zh_HK or zh_CN.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--server: say in which workspace folder to keep what it syncs with --workspace.</source>
        <translation>--server: say in which workspace folder to keep what it syncs with --workspace.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--screenshots: say which workspace to photograph with --workspace.</source>
        <translation>--screenshots: say which workspace to photograph with --workspace.</translation>
    </message>
</context>
<context>
    <name>vd::DetachedSignature</name>
    <message>
        <location filename="../domain/crypto/detachedsignature.cpp" line="+78"/>
        <source>This signing key is not the one the certificate of %1 was issued for.</source>
        <translation>This signing key is not the one the certificate of %1 was issued for.</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The signature of %1 verifies.</source>
        <translation>The signature of %1 verifies.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a VoucherDesk signature: a detached CMS signature with one signer, the signer&apos;s certificate and a signing time.</source>
        <translation>This is not a VoucherDesk signature: a detached CMS signature with one signer, the signer&apos;s certificate and a signing time.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature does not verify with the key of %1&apos;s certificate.</source>
        <translation>The signature does not verify with the key of %1&apos;s certificate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed content has been changed since %1 signed it.</source>
        <translation>The signed content has been changed since %1 signed it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 was not issued by the back office&apos;s certificate authority (%2).</source>
        <translation>The certificate of %1 was not issued by the back office&apos;s certificate authority (%2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was not valid when the signature was made.</source>
        <translation>The certificate of %1 was not valid when the signature was made.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 had been revoked when the signature was made.</source>
        <translation>The certificate of %1 had been revoked when the signature was made.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature claims to be made at %1, later than now.</source>
        <translation>The signature claims to be made at %1, later than now.</translation>
    </message>
</context>
<context>
    <name>vd::DraftJournal</name>
    <message>
        <location filename="../domain/store/draftjournal.cpp" line="+46"/>
        <source>The draft could not be saved: %1. Check that the workspace folder can be written to.</source>
        <translation>The draft could not be saved: %1. Check that the workspace folder can be written to.</translation>
    </message>
</context>
<context>
    <name>vd::EligibilityChecklist</name>
    <message>
        <location filename="../domain/store/eligibilitychecklist.cpp" line="+49"/>
        <source>the scheme&apos;s eligibility checklist has no such item.</source>
        <translation>the scheme&apos;s eligibility checklist has no such item.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only the secretariat ticks the eligibility checklist.</source>
        <translation>only the secretariat ticks the eligibility checklist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this case is not in the workspace.</source>
        <translation>this case is not in the workspace.</translation>
    </message>
</context>
<context>
    <name>vd::EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.cpp" line="+90"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Enter the 8-digit number on your business registration certificate. Only a statutory body may leave it empty.</source>
        <translation>Enter the 8-digit number on your business registration certificate. Only a statutory body may leave it empty.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A business registration number has 8 digits; this one has %n.</source>
        <translation>
            <numerusform>A business registration number has 8 digits; this one has %n.</numerusform>
            <numerusform>A business registration number has 8 digits; this one has %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the enterprise&apos;s name in English, in Chinese or both.</source>
        <translation>Give the enterprise&apos;s name in English, in Chinese or both.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an email address. Write it as name@example.com.</source>
        <translation>This is not an email address. Write it as name@example.com.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Owner %1 has no name.</source>
        <translation>Owner %1 has no name.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The share of owner %1 must be a number from 0 to 100, such as 40 or 12.5.</source>
        <translation>The share of owner %1 must be a number from 0 to 100, such as 40 or 12.5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The owners&apos; shares add up to more than 100%.</source>
        <translation>The owners&apos; shares add up to more than 100%.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The profile could not be saved: %1</source>
        <translation>The profile could not be saved: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile is saved.</source>
        <translation>The profile is saved.</translation>
    </message>
</context>
<context>
    <name>vd::EntityStore</name>
    <message>
        <location filename="../domain/store/entitystore.cpp" line="+111"/>
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
    <name>vd::MainWindow</name>
    <message>
        <location filename="../forms/mainwindow.ui" line="+9"/>
        <source>VoucherDesk</source>
        <translation>VoucherDesk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;witch Workspace…</source>
        <translation>S&amp;witch Workspace…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign &amp;Out</source>
        <translation>Sign &amp;Out</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Connect to a Back Office…</source>
        <translation>&amp;Connect to a Back Office…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;ync Now</source>
        <translation>S&amp;ync Now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts and &amp;Rejected Changes…</source>
        <translation>Conflicts and &amp;Rejected Changes…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Close Case</source>
        <translation>&amp;Close Case</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;About VoucherDesk</source>
        <translation>&amp;About VoucherDesk</translation>
    </message>
    <message>
        <location filename="../app/desktop/deskpages.cpp" line="+57"/>
        <source>Cannot open the case</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>My Applications</source>
        <translation>My Applications</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise Profile</source>
        <translation>Enterprise Profile</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case Queue</source>
        <translation>Case Queue</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadlines</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../forms/mainwindow.cpp" line="+195"/>
        <source>New application</source>
        <translation>New application</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft application</source>
        <translation>Draft application</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>VoucherDesk — %1</source>
        <translation>VoucherDesk — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: %1</source>
        <translation>Workspace: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed-in person</source>
        <translation>Signed-in person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About VoucherDesk</source>
        <translation>About VoucherDesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;VoucherDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Runs the %2: applications, screening, the assessment committee, funding agreements and payments.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;VoucherDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Runs the %2: applications, screening, the assessment committee, funding agreements and payments.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vd::Migrations</name>
    <message>
        <location filename="../domain/store/migrations.cpp" line="+147"/>
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
        <location line="+15"/>
        <source>the PostgreSQL migrations must have the same files as the SQLite ones; %1 differs</source>
        <translation>the PostgreSQL migrations must have the same files as the SQLite ones; %1 differs</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the migration leaves records that refer to missing records</source>
        <translation>the migration leaves records that refer to missing records</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+39"/>
        <source>the workspace could not be brought to schema version %1 and stays at version %2: %3</source>
        <translation>the workspace could not be brought to schema version %1 and stays at version %2: %3</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>these migrations have no PostgreSQL set (a postgresql/ folder)</source>
        <translation>these migrations have no PostgreSQL set (a postgresql/ folder)</translation>
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
    <name>vd::MoneyDelegate</name>
    <message>
        <location filename="../forms/editordelegates.cpp" line="+19"/>
        <source>e.g. 120000.00</source>
        <translation>e.g. 120000.00</translation>
    </message>
</context>
<context>
    <name>vd::MyApplicationsModel</name>
    <message>
        <location filename="../forms/myapplicationsmodel.cpp" line="+75"/>
        <source>(draft)</source>
        <translation>(draft)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next deadline</source>
        <translation>Next deadline</translation>
    </message>
</context>
<context>
    <name>vd::Outbox</name>
    <message>
        <location filename="../domain/store/outbox.cpp" line="+89"/>
        <source>unknown answer &quot;%1&quot; for a queued change</source>
        <translation>unknown answer &quot;%1&quot; for a queued change</translation>
    </message>
</context>
<context>
    <name>vd::QuotationsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+74"/>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>Amount (HK$)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>Selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the e-procurement platform</source>
        <translation>From the e-procurement platform</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change supplier of quotation %1</source>
        <translation>Change supplier of quotation %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change amount of quotation %1</source>
        <translation>Change amount of quotation %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select quotation %1</source>
        <translation>Select quotation %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark quotation %1 as from the e-procurement platform</source>
        <translation>Mark quotation %1 as from the e-procurement platform</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add quotation to item %1</source>
        <translation>Add quotation to item %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove quotation %1</source>
        <translation>Remove quotation %1</translation>
    </message>
</context>
<context>
    <name>vd::RecordComparisonModel</name>
    <message>
        <location filename="../forms/recordcomparisonmodel.cpp" line="+96"/>
        <source>%1 (English)</source>
        <translation>%1 (English)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (Chinese)</source>
        <translation>%1 (Chinese)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk&apos;s version</source>
        <translation>This desk&apos;s version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back office&apos;s version</source>
        <translation>Back office&apos;s version</translation>
    </message>
</context>
<context>
    <name>vd::Records</name>
    <message>
        <location filename="../domain/store/recordtable.h" line="+665"/>
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
    <name>vd::RevocationList</name>
    <message>
        <location filename="../domain/crypto/revocationlist.cpp" line="+80"/>
        <source>A revocation needs a serial, a time and a reason.</source>
        <translation>A revocation needs a serial, a time and a reason.</translation>
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
    <name>vd::SealedBox</name>
    <message>
        <location filename="../domain/crypto/sealedbox.cpp" line="+135"/>
        <source>The passphrase does not open this workspace&apos;s sealed cases. Nothing was changed; try again with the passphrase you chose for it.</source>
        <translation>The passphrase does not open this workspace&apos;s sealed cases. Nothing was changed; try again with the passphrase you chose for it.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sealed case content does not open with this workspace&apos;s key: it was changed or moved.</source>
        <translation>Sealed case content does not open with this workspace&apos;s key: it was changed or moved.</translation>
    </message>
</context>
<context>
    <name>vd::SealedWorkspace</name>
    <message>
        <location filename="../domain/store/sealedworkspace.cpp" line="+55"/>
        <source>this is not a sealed VoucherDesk workspace</source>
        <translation>this is not a sealed VoucherDesk workspace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sealed workspace is cut short</source>
        <translation>the sealed workspace is cut short</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the sealed workspace cannot be written: %1</source>
        <translation>the sealed workspace cannot be written: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>this workspace is sealed; give its passphrase to open it</source>
        <translation>this workspace is sealed; give its passphrase to open it</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>this folder holds a workspace already; nothing was changed</source>
        <translation>this folder holds a workspace already; nothing was changed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the workspace folder</source>
        <translation>cannot create the workspace folder</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>another program has this sealed workspace open; close it there first</source>
        <translation>another program has this sealed workspace open; close it there first</translation>
    </message>
</context>
<context>
    <name>vd::SignInDesk</name>
    <message numerus="yes">
        <location filename="../domain/backoffice/signindesk.cpp" line="+47"/>
        <source>Too many failed sign-ins: %1 is locked until %2 UTC (%n minute(s) from now). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>Too many failed sign-ins: %1 is locked until %2 UTC (%n minute from now). Try again then, or ask an administrator.</numerusform>
            <numerusform>Too many failed sign-ins: %1 is locked until %2 UTC (%n minutes from now). Try again then, or ask an administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Too many failed sign-ins: %1 is now locked for %n minute(s). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>Too many failed sign-ins: %1 is now locked for %n minute. Try again then, or ask an administrator.</numerusform>
            <numerusform>Too many failed sign-ins: %1 is now locked for %n minutes. Try again then, or ask an administrator.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The username or password is wrong. After %n more failed attempt(s) the account is locked for %1 minutes.</source>
        <translation>
            <numerusform>The username or password is wrong. After %n more failed attempt the account is locked for %1 minutes.</numerusform>
            <numerusform>The username or password is wrong. After %n more failed attempts the account is locked for %1 minutes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in first: send the token from POST /api/v1/login as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>Sign in first: send the token from POST /api/v1/login as &quot;Authorization: Bearer TOKEN&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The access token is unknown or has expired: sign in again.</source>
        <translation>The access token is unknown or has expired: sign in again.</translation>
    </message>
</context>
<context>
    <name>vd::SignInDialog</name>
    <message>
        <location filename="../forms/signindialog.ui" line="+9"/>
        <source>Sign In</source>
        <translation>Sign In</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose who you are. The people of this workspace are listed by their role.</source>
        <translation>Choose who you are. The people of this workspace are listed by their role.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find a person</source>
        <translation>Find a person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name or user name</source>
        <translation>Name or user name</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>People by role</source>
        <translation>People by role</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../forms/signindialog.cpp" line="+118"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 more; type part of a name to find them</source>
        <translation>%1 more; type part of a name to find them</translation>
    </message>
</context>
<context>
    <name>vd::SignedContent</name>
    <message>
        <location filename="../domain/store/signedcontent.cpp" line="+16"/>
        <source>&quot;%1&quot; is not something that is signed: use %2</source>
        <translation>&quot;%1&quot; is not something that is signed: use %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no %1 %2 in this workspace to sign.</source>
        <translation>There is no %1 %2 in this workspace to sign.</translation>
    </message>
</context>
<context>
    <name>vd::SigningKey</name>
    <message>
        <location filename="../domain/crypto/signingkey.cpp" line="+53"/>
        <source>This is not an ECDSA P-256 key, the only kind VoucherDesk signs with.</source>
        <translation>This is not an ECDSA P-256 key, the only kind VoucherDesk signs with.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This is not an encrypted signing key (a PEM file beginning &quot;-----BEGIN ENCRYPTED PRIVATE KEY-----&quot;).</source>
        <translation>This is not an encrypted signing key (a PEM file beginning &quot;-----BEGIN ENCRYPTED PRIVATE KEY-----&quot;).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase does not unlock this signing key. Check it and try again; the key file has not been changed.</source>
        <translation>The passphrase does not unlock this signing key. Check it and try again; the key file has not been changed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signing key cannot be read: %1.</source>
        <translation>The signing key cannot be read: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A signing key needs a passphrase.</source>
        <translation>A signing key needs a passphrase.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The signing key cannot be saved: %1.</source>
        <translation>The signing key cannot be saved: %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The certificate authority&apos;s key file is damaged.</source>
        <translation>The certificate authority&apos;s key file is damaged.</translation>
    </message>
</context>
<context>
    <name>vd::SigningTrust</name>
    <message>
        <location filename="../domain/store/signingtrust.cpp" line="+35"/>
        <source>what signatures are checked against cannot be kept: %1</source>
        <translation>what signatures are checked against cannot be kept: %1</translation>
    </message>
</context>
<context>
    <name>vd::SubmissionManifest</name>
    <message>
        <location filename="../domain/store/submissionmanifest.cpp" line="+44"/>
        <source>There is no application with this reference in the workspace.</source>
        <translation>There is no application with this reference in the workspace.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment&apos;s content (SHA-256 %1) is not in this workspace; sync to fetch it, then try again.</source>
        <translation>The attachment&apos;s content (SHA-256 %1) is not in this workspace; sync to fetch it, then try again.</translation>
    </message>
</context>
<context>
    <name>vd::SyncClient</name>
    <message>
        <location filename="../domain/sync/syncclient.cpp" line="+169"/>
        <source>sign in to the back office before syncing</source>
        <translation>sign in to the back office before syncing</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>the back office answered %1 of the %2 changes sent; they stay queued</source>
        <translation>the back office answered %1 of the %2 changes sent; they stay queued</translation>
    </message>
</context>
<context>
    <name>vd::SyncDesk</name>
    <message>
        <location filename="../domain/backoffice/syncdesk.cpp" line="+154"/>
        <source>expected an array of case ids</source>
        <translation>expected an array of case ids</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a case id (a string)</source>
        <translation>expected a case id (a string)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected this device&apos;s id (a string)</source>
        <translation>expected this device&apos;s id (a string)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>expected this device&apos;s id: 1 to 100 characters</source>
        <translation>expected this device&apos;s id: 1 to 100 characters</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A push carries at most %1 operations; send the rest in another push.</source>
        <translation>A push carries at most %1 operations; send the rest in another push.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>an upsert carries the record</source>
        <translation>an upsert carries the record</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>There is no kind of record called &quot;%1&quot;.</source>
        <translation>There is no kind of record called &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the back office makes %1 records: they come with the workflow action.</source>
        <translation>Only the back office makes %1 records: they come with the workflow action.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A record&apos;s id must be a UUID, not &quot;%1&quot;.</source>
        <translation>A record&apos;s id must be a UUID, not &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record refers to a record the back office does not have (or no longer has).</source>
        <translation>The record refers to a record the back office does not have (or no longer has).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your role (%1) may not change %2 records.</source>
        <translation>Your role (%1) may not change %2 records.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case is not among the cases you can see.</source>
        <translation>The case is not among the cases you can see.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A signature is never changed or removed; sign again instead.</source>
        <translation>A signature is never changed or removed; sign again instead.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A review is written only by its reviewer.</source>
        <translation>A review is written only by its reviewer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An interest declaration is made only by the member it is about.</source>
        <translation>An interest declaration is made only by the member it is about.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An applicant changes only its own enterprise&apos;s records.</source>
        <translation>An applicant changes only its own enterprise&apos;s records.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A submitted application changes only through its workflow, or when clarification is requested.</source>
        <translation>A submitted application changes only through its workflow, or when clarification is requested.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role (%1) moves a case through its workflow but does not edit it.</source>
        <translation>Your role (%1) moves a case through its workflow but does not edit it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The record was changed on the back office (revision %1) after the revision %2 you removed.</source>
        <translation>The record was changed on the back office (revision %1) after the revision %2 you removed.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The record&apos;s id is not the operation&apos;s record_id.</source>
        <translation>The record&apos;s id is not the operation&apos;s record_id.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record was removed on the back office after you changed it.</source>
        <translation>The record was removed on the back office after you changed it.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A new application starts as a draft; it is submitted by the submit action.</source>
        <translation>A new application starts as a draft; it is submitted by the submit action.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The record is at revision %1 on the back office; yours was made on revision %2.</source>
        <translation>The record is at revision %1 on the back office; yours was made on revision %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changed on the back office too (revision %1, yours was made on %2): %3.</source>
        <translation>Changed on the back office too (revision %1, yours was made on %2): %3.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A case&apos;s status changes only by a workflow action (such as submit), not by editing it.</source>
        <translation>A case&apos;s status changes only by a workflow action (such as submit), not by editing it.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A signature is made only by its signer.</source>
        <translation>A signature is made only by its signer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This back office checks no signatures.</source>
        <translation>This back office checks no signatures.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signature for %1 signs a record of another kind, not %2.</source>
        <translation>A signature for %1 signs a record of another kind, not %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your role (%1) does not sign this %2.</source>
        <translation>Your role (%1) does not sign this %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed record belongs to another case.</source>
        <translation>The signed record belongs to another case.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was signed is not the %1 as the back office holds it: it changed after it was signed. Sync, look at it again and sign it again.</source>
        <translation>What was signed is not the %1 as the back office holds it: it changed after it was signed. Sync, look at it again and sign it again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The signature&apos;s certificate or signing time is not the one the record names, or not yours.</source>
        <translation>The signature&apos;s certificate or signing time is not the one the record names, or not yours.</translation>
    </message>
</context>
<context>
    <name>vd::SyncIndicator</name>
    <message>
        <location filename="../forms/syncindicator.cpp" line="+104"/>
        <source>Not connected to a back office</source>
        <translation>Not connected to a back office</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed in to %1</source>
        <translation>Not signed in to %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in to the back office…</source>
        <translation>Signing in to the back office…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced at %1</source>
        <translation>Synced at %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: the back office cannot be reached</source>
        <translation>Offline: the back office cannot be reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline since the sync at %1</source>
        <translation>Offline since the sync at %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office again</source>
        <translation>Sign in to the back office again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last sync failed; it is tried again shortly</source>
        <translation>The last sync failed; it is tried again shortly</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING: sync stopped, the back office&apos;s audit history is not the one this desk saw</source>
        <translation>WARNING: sync stopped, the back office&apos;s audit history is not the one this desk saw</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · waiting to be sent: %1</source>
        <translation> · waiting to be sent: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts: %1</source>
        <translation>Conflicts: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>See the conflicts and the changes the back office refused</source>
        <translation>See the conflicts and the changes the back office refused</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync Now</source>
        <translation>Sync Now</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back office: %1</source>
        <translation>Back office: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
</context>
<context>
    <name>vd::SyncProtocol</name>
    <message>
        <location filename="../domain/backoffice/syncprotocol.cpp" line="+38"/>
        <source>A sync request must name its protocol version in the VoucherDesk-Protocol header; this server serves %1.</source>
        <translation>A sync request must name its protocol version in the VoucherDesk-Protocol header; this server serves %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server serves sync protocol %1, not &quot;%2&quot;: update VoucherDesk or the back office so that they share a version.</source>
        <translation>This server serves sync protocol %1, not &quot;%2&quot;: update VoucherDesk or the back office so that they share a version.</translation>
    </message>
</context>
<context>
    <name>vd::SyncReplica</name>
    <message>
        <location filename="../domain/store/syncreplica.cpp" line="+283"/>
        <source>the back office answered &quot;%1&quot; for a queued change, which this program does not know</source>
        <translation>the back office answered &quot;%1&quot; for a queued change, which this program does not know</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>there is no conflict for change %1; it may have been resolved already</source>
        <translation>there is no conflict for change %1; it may have been resolved already</translation>
    </message>
</context>
<context>
    <name>vd::SyncState</name>
    <message>
        <location filename="../domain/store/syncstate.cpp" line="+43"/>
        <source>the sync state must change in the same transaction as the changes it records</source>
        <translation>the sync state must change in the same transaction as the changes it records</translation>
    </message>
</context>
<context>
    <name>vd::Transaction</name>
    <message>
        <location filename="../domain/store/transaction.cpp" line="+36"/>
        <source>a change was started while another one is still open; finish the first one</source>
        <translation>a change was started while another one is still open; finish the first one</translation>
    </message>
</context>
<context>
    <name>vd::TreeHeadWatch</name>
    <message>
        <location filename="../domain/sync/treeheadwatch.cpp" line="+59"/>
        <source>The back office sent no complete signed head of its audit log; the sync was stopped.</source>
        <translation>The back office sent no complete signed head of its audit log; the sync was stopped.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WARNING: the back office&apos;s audit history was rewritten. %1 This desk saw its audit log at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). The sync was stopped before anything more was received: tell the programme&apos;s auditor.</source>
        <translation>WARNING: the back office&apos;s audit history was rewritten. %1 This desk saw its audit log at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). The sync was stopped before anything more was received: tell the programme&apos;s auditor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entries this desk saw are gone.</source>
        <translation>Entries this desk saw are gone.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same number of entries now hashes differently.</source>
        <translation>The same number of entries now hashes differently.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It gave no consistency proof made of hashes.</source>
        <translation>It gave no consistency proof made of hashes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its consistency proof does not lead from the old head to the new one.</source>
        <translation>Its consistency proof does not lead from the old head to the new one.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>WARNING: the back office signs its audit log with another key than the one this desk knows. The sync was stopped: ask the programme&apos;s administrator whether the key was replaced.</source>
        <translation>WARNING: the back office signs its audit log with another key than the one this desk knows. The sync was stopped: ask the programme&apos;s administrator whether the key was replaced.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WARNING: the back office&apos;s tree head of %1 entries does not carry a valid signature. The sync was stopped.</source>
        <translation>WARNING: the back office&apos;s tree head of %1 entries does not carry a valid signature. The sync was stopped.</translation>
    </message>
</context>
<context>
    <name>vd::UnitOfWork</name>
    <message>
        <location filename="../domain/store/unitofwork.cpp" line="+102"/>
        <source>audit entries written in bulk do not continue the audit trail of this workspace; nothing was written</source>
        <translation>audit entries written in bulk do not continue the audit trail of this workspace; nothing was written</translation>
    </message>
    <message>
        <location line="+58"/>
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
        <location filename="../domain/store/sql.cpp" line="+32"/>
        <source>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</source>
        <translation>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace database refused a statement: %1 (statement: %2)</source>
        <translation>the workspace database refused a statement: %1 (statement: %2)</translation>
    </message>
    <message>
        <location filename="../domain/store/workspace.cpp" line="+40"/>
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
        <location line="+54"/>
        <source>another program made it</source>
        <translation>another program made it</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</source>
        <translation>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this database holds no workspace yet; create one first (voucherdesk-cli init, or start the back office on it)</source>
        <translation>this database holds no workspace yet; create one first (voucherdesk-cli init, or start the back office on it)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no workspace in this folder; create one first (voucherdesk-cli init)</source>
        <translation>there is no workspace in this folder; create one first (voucherdesk-cli init)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot create the workspace folder</source>
        <translation>cannot create the workspace folder</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>the SQLite driver of Qt SQL gives no connection handle; VoucherDesk needs Qt&apos;s QSQLITE driver</source>
        <translation>the SQLite driver of Qt SQL gives no connection handle; VoucherDesk needs Qt&apos;s QSQLITE driver</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>the database&apos;s encoding is %1; VoucherDesk needs a UTF8 database (CREATE DATABASE … ENCODING &apos;UTF8&apos;)</source>
        <translation>the database&apos;s encoding is %1; VoucherDesk needs a UTF8 database (CREATE DATABASE … ENCODING &apos;UTF8&apos;)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</source>
        <translation>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</source>
        <translation>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+117"/>
        <source>it holds tables of another program</source>
        <translation>it holds tables of another program</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceDialog</name>
    <message>
        <location filename="../forms/workspacedialog.ui" line="+9"/>
        <source>Open a Workspace</source>
        <translation>Open a Workspace</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recent workspaces:</source>
        <translation>&amp;Recent workspaces:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recent workspaces</source>
        <translation>Recent workspaces</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Folder…</source>
        <translation>Open &amp;Folder…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New workspace</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fol&amp;der:</source>
        <translation>Fol&amp;der:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder of the new workspace</source>
        <translation>Folder of the new workspace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contents:</source>
        <translation>Contents:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E&amp;mpty</source>
        <translation>E&amp;mpty</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo &amp;data, applications:</source>
        <translation>Demo &amp;data, applications:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Number of demo applications</source>
        <translation>Number of demo applications</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Create</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Co&amp;nnect to a Back Office…</source>
        <translation>Co&amp;nnect to a Back Office…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the new workspace in the folder from a back office: sign in, and it fetches what you may see</source>
        <translation>Make the new workspace in the folder from a back office: sign in, and it fetches what you may see</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../forms/workspacedialog.cpp" line="+107"/>
        <source>The workspace in %1 is sealed: its cases are kept encrypted on this computer. Type its passphrase to open it.</source>
        <translation>The workspace in %1 is sealed: its cases are kept encrypted on this computer. Type its passphrase to open it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealed workspace</source>
        <translation>Sealed workspace</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cases on a committee member&apos;s computer are kept encrypted. Choose a passphrase of at least 8 characters for this workspace: it is asked for each time the workspace opens, and cannot be recovered if forgotten (the back office keeps the cases).</source>
        <translation>Cases on a committee member&apos;s computer are kept encrypted. Choose a passphrase of at least 8 characters for this workspace: it is asked for each time the workspace opens, and cannot be recovered if forgotten (the back office keeps the cases).</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+16"/>
        <source>Seal this workspace</source>
        <translation>Seal this workspace</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type the passphrase again:</source>
        <translation>Type the passphrase again:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase is shorter than 8 characters.</source>
        <translation>The passphrase is shorter than 8 characters.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This folder cannot be opened as a workspace. %1</source>
        <translation>This folder cannot be opened as a workspace. %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Say in which folder to make the workspace.</source>
        <translation>Say in which folder to make the workspace.</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+25"/>
        <source>There is already a workspace in %1. Open it instead, or choose another folder.</source>
        <translation>There is already a workspace in %1. Open it instead, or choose another folder.</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+54"/>
        <source>The workspace could not be made. %1</source>
        <translation>The workspace could not be made. %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office failed, so the workspace in %1 is still empty; connect again to retry. %2</source>
        <translation>The first sync with the back office failed, so the workspace in %1 is still empty; connect again to retry. %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office did not send the account of %1, so nobody could work at this desk. Ask the secretariat whether %1 may use the desktop application.</source>
        <translation>The back office did not send the account of %1, so nobody could work at this desk. Ask the secretariat whether %1 may use the desktop application.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing demo applications…</source>
        <translation>Writing demo applications…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a Workspace Folder</source>
        <translation>Open a Workspace Folder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the New Workspace</source>
        <translation>Folder for the New Workspace</translation>
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
        <location filename="../domain/store/workspaceimport.cpp" line="+104"/>
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
        <location line="+375"/>
        <source>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</source>
        <translation>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</translation>
    </message>
    <message>
        <location line="-373"/>
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
        <location line="+209"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>is scored twice in this review</source>
        <translation>is scored twice in this review</translation>
    </message>
    <message>
        <location line="+61"/>
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
        <location line="+139"/>
        <source>the workspace changed as the import began; run the import again</source>
        <translation>the workspace changed as the import began; run the import again</translation>
    </message>
</context>
<context>
    <name>vd::cli</name>
    <message>
        <location filename="../app/cli/assesscommand.cpp" line="+27"/>
        <location filename="../app/cli/documentcommands.cpp" line="+35"/>
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
        <location filename="../app/cli/documentcommands.cpp" line="+39"/>
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
        <location filename="../app/cli/clicommand.cpp" line="+45"/>
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
        <location line="+3"/>
        <source>A sealed workspace&apos;s passphrase, from the first line of this file (else VOUCHERDESK_WORKSPACE_PASSPHRASE, else asked for).</source>
        <translation>A sealed workspace&apos;s passphrase, from the first line of this file (else VOUCHERDESK_WORKSPACE_PASSPHRASE, else asked for).</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Passphrase of the sealed workspace: </source>
        <translation>Passphrase of the sealed workspace: </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unknown command &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../app/cli/workspacecommands.cpp" line="+30"/>
        <source>this folder holds a workspace already; --sealed makes a new one</source>
        <translation>this folder holds a workspace already; --sealed makes a new one</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a sealed workspace needs a passphrase of at least 8 characters</source>
        <translation>a sealed workspace needs a passphrase of at least 8 characters</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+4"/>
        <source>Seal the new workspace at rest under a passphrase (for committee members&apos; laptops).</source>
        <translation>Seal the new workspace at rest under a passphrase (for committee members&apos; laptops).</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location filename="../app/cli/auditcommand.cpp" line="+63"/>
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
        <location line="+43"/>
        <source>The back office&apos;s tree head of %1 entries (root %2) carries a valid signature.</source>
        <translation>The back office&apos;s tree head of %1 entries (root %2) carries a valid signature.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is consistent with the head of %1 entries this workspace kept: no history it saw was rewritten.</source>
        <translation>It is consistent with the head of %1 entries this workspace kept: no history it saw was rewritten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace had kept no head of this back office; this one is kept for the next check.</source>
        <translation>This workspace had kept no head of this back office; this one is kept for the next check.</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+19"/>
        <source>verify [--server URL --user NAME]</source>
        <translation>verify [--server URL --user NAME]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the audit trail&apos;s hash chain is unbroken, and with --server the back office&apos;s signed audit log (audit verify).</source>
        <translation>Check that the audit trail&apos;s hash chain is unbroken, and with --server the back office&apos;s signed audit log (audit verify).</translation>
    </message>
    <message>
        <location filename="../app/cli/casesummaries.cpp" line="+69"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+234"/>
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
        <location line="+59"/>
        <source>Total cost</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+34"/>
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
        <location filename="../app/cli/showcommand.cpp" line="-264"/>
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
        <location line="+109"/>
        <source>%1: %2</source>
        <comment>a labelled field of a case</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../app/cli/statscommand.cpp" line="+1"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+3"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <comment>between the contact&apos;s name, email and phone</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owners</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <comment>between the owners of an enterprise</comment>
        <translation>; </translation>
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
        <location line="+180"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="-179"/>
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
        <location line="+123"/>
        <location line="+20"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="-175"/>
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
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifies</source>
        <translation>verifies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (the record has changed since it was signed)</source>
        <translation> (the record has changed since it was signed)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
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
        <location filename="../app/cli/synccommand.cpp" line="+28"/>
        <source>Password: </source>
        <translation>Password: </translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+19"/>
        <source>this option is needed: --%1 FILE</source>
        <translation>this option is needed: --%1 FILE</translation>
    </message>
    <message>
        <location filename="../app/cli/certificatecommand.cpp" line="+34"/>
        <source>the file cannot be written: %1</source>
        <translation>the file cannot be written: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this file exists already; a new key and certificate are written to new files</source>
        <translation>this file exists already; a new key and certificate are written to new files</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase for your new signing key: </source>
        <translation>Passphrase for your new signing key: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a signing key needs a passphrase of at least 8 characters</source>
        <translation>a signing key needs a passphrase of at least 8 characters</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Issued certificate %1 to %2, valid until %3. Your key is in %4 (encrypted with your passphrase), the certificate in %5.</source>
        <translation>Issued certificate %1 to %2, valid until %3. Your key is in %4 (encrypted with your passphrase), the certificate in %5.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Certificate %1 is revoked as of %2 (%3): signatures made with it from then on do not verify. Every desk learns of it at its next sync.</source>
        <translation>Certificate %1 is revoked as of %2 (%3): signatures made with it from then on do not verify. Every desk learns of it at its next sync.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>say certificate request --key FILE --certificate FILE, or certificate revoke SERIAL</source>
        <translation>say certificate request --key FILE --certificate FILE, or certificate revoke SERIAL</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>request --key FILE --certificate FILE | revoke SERIAL</source>
        <translation>request --key FILE --certificate FILE | revoke SERIAL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get a signing certificate from the back office for a key made here, or revoke one.</source>
        <translation>Get a signing certificate from the back office for a key made here, or revoke one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: where to write your new signing key (encrypted PEM).</source>
        <translation>request: where to write your new signing key (encrypted PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request: where to write your signing certificate (PEM).</source>
        <translation>request: where to write your signing certificate (PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request: where to write the back office&apos;s CA certificate (PEM), what signatures are verified against.</source>
        <translation>request: where to write the back office&apos;s CA certificate (PEM), what signatures are verified against.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: read the new key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>request: read the new key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>revoke: unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation.</source>
        <translation>revoke: unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation.</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+8"/>
        <location filename="../app/cli/secretinput.cpp" line="+56"/>
        <location filename="../app/cli/transitioncommand.cpp" line="+33"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 cannot be read: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/packagecommand.cpp" line="+54"/>
        <source>the workspace&apos;s copy of this attachment is missing or damaged</source>
        <translation>the workspace&apos;s copy of this attachment is missing or damaged</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>say where to write the package: --output FILE</source>
        <translation>say where to write the package: --output FILE</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/cli/signcommand.cpp" line="+40"/>
        <source>Passphrase of your signing key: </source>
        <translation>Passphrase of your signing key: </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Wrote %1: %2 signed by %3, with %n attachment(s).</source>
        <translation>
            <numerusform>Wrote %1: %2 signed by %3, with %n attachment.</numerusform>
            <numerusform>Wrote %1: %2 signed by %3, with %n attachments.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ATTACHMENT_MISSING: %1 (%2) is not in the package.</source>
        <translation>ATTACHMENT_MISSING: %1 (%2) is not in the package.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ATTACHMENT_CHANGED: %1 (%2) is not the file that was signed: its SHA-256 is %3.</source>
        <translation>ATTACHMENT_CHANGED: %1 (%2) is not the file that was signed: its SHA-256 is %3.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is not a submission package: it has no %1 or no %2.</source>
        <translation>This is not a submission package: it has no %1 or no %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verified: signed by %1 (%2, %3) at %4 with certificate %5; the manifest and its attachments are as signed.</source>
        <translation>Verified: signed by %1 (%2, %3) at %4 with certificate %5; the manifest and its attachments are as signed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>say package export REF --output FILE, or package verify FILE</source>
        <translation>say package export REF --output FILE, or package verify FILE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>export REF --output FILE | verify FILE</source>
        <translation>export REF --output FILE | verify FILE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a signed submission as one zip file, or check one.</source>
        <translation>Write a signed submission as one zip file, or check one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: the package file to write.</source>
        <translation>export: the package file to write.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: your signing key (encrypted PEM).</source>
        <translation>export: your signing key (encrypted PEM).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: your signing certificate (PEM), issued by the back office.</source>
        <translation>export: your signing certificate (PEM), issued by the back office.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>export: read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s CA certificate (PEM): export puts it in the chain, verify trusts it.</source>
        <translation>The back office&apos;s CA certificate (PEM): export puts it in the chain, verify trusts it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>verify: the back office&apos;s revocations (JSON, DATA/ca/revocations.json; else those the workspace received at its last sync).</source>
        <translation>verify: the back office&apos;s revocations (JSON, DATA/ca/revocations.json; else those the workspace received at its last sync).</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+65"/>
        <source>Attachment not synced: %1</source>
        <translation>Attachment not synced: %1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>say which back office: --server https://HOST:PORT</source>
        <translation>say which back office: --server https://HOST:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>say who signs in: --user USERNAME</source>
        <translation>say who signs in: --user USERNAME</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>sync takes no arguments besides its options</source>
        <translation>sync takes no arguments besides its options</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>give the changes per push as a whole number from 1 to 2000</source>
        <translation>give the changes per push as a whole number from 1 to 2000</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>no password was given: type it when asked, or use --password-file FILE or the environment variable VOUCHERDESK_PASSWORD</source>
        <translation>no password was given: type it when asked, or use --password-file FILE or the environment variable VOUCHERDESK_PASSWORD</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>--server URL --user NAME</source>
        <translation>--server URL --user NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send this workspace&apos;s changes to a back office and receive what is new there.</source>
        <translation>Send this workspace&apos;s changes to a back office and receive what is new there.</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>The back office&apos;s address: https://HOST:PORT (http:// only for 127.0.0.1).</source>
        <translation>The back office&apos;s address: https://HOST:PORT (http:// only for 127.0.0.1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your username at the back office.</source>
        <translation>Your username at the back office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the password from the first line of this file (else the environment variable VOUCHERDESK_PASSWORD, else asked for).</source>
        <translation>Read the password from the first line of this file (else the environment variable VOUCHERDESK_PASSWORD, else asked for).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust this certificate (PEM) for the back office, such as its self-signed DATA/tls/server.crt.</source>
        <translation>Trust this certificate (PEM) for the back office, such as its self-signed DATA/tls/server.crt.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pushed: %1 (applied: %2, of them merged: %3; already there: %4; in conflict: %5; rejected: %6).</source>
        <translation>Pushed: %1 (applied: %2, of them merged: %3; already there: %4; in conflict: %5; rejected: %6).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pulled: %1 (stored: %2). Cases that left your view and were removed here: %3.</source>
        <translation>Pulled: %1 (stored: %2). Cases that left your view and were removed here: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attachments sent: %1; already at the back office: %2; received: %3; not yet uploaded by anyone: %4.</source>
        <translation>Attachments sent: %1; already at the back office: %2; received: %3; not yet uploaded by anyone: %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s audit log: size %1, root %2, consistent with what this desk saw before.</source>
        <translation>The back office&apos;s audit log: size %1, root %2, consistent with what this desk saw before.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now at %1. Waiting to be sent: %2; conflicts: %3 and rejected changes: %4, for you to look at. Requests: %5, in %6 ms.</source>
        <translation>Now at %1. Waiting to be sent: %2; conflicts: %3 and rejected changes: %4, for you to look at. Requests: %5, in %6 ms.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Changes sent per push (default 500).</source>
        <translation>Changes sent per push (default 500).</translation>
    </message>
    <message>
        <location filename="../app/cli/transitioncommand.cpp" line="+15"/>
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
        <source>Read a workspace document into the workspace, all or nothing (docs/formats.md).</source>
        <translation>Read a workspace document into the workspace, all or nothing (docs/formats.md).</translation>
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
    <message>
        <location filename="../app/cli/packagezip.cpp" line="+48"/>
        <source>The package cannot be written: %1.</source>
        <translation>The package cannot be written: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The package cannot be read.</source>
        <translation>The package cannot be read.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is not a readable zip file: %1.</source>
        <translation>This is not a readable zip file: %1.</translation>
    </message>
    <message>
        <location filename="../app/cli/signcommand.cpp" line="-8"/>
        <source>say sign REF PURPOSE, the purpose one of: %1</source>
        <translation>say sign REF PURPOSE, the purpose one of: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say what is signed: %1</source>
        <translation>say what is signed: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no case %1 in this workspace.</source>
        <translation>There is no case %1 in this workspace.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed the %1 of %2 as %3 at %4 (certificate %5). It goes to the back office with the next sync, which checks it.</source>
        <translation>Signed the %1 of %2 as %3 at %4 (certificate %5). It goes to the back office with the next sync, which checks it.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>REF PURPOSE --key FILE --certificate FILE</source>
        <translation>REF PURPOSE --key FILE --certificate FILE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign an item of a case (submission, revision, review, committee_outcome, approval, payment_release) with your key; the next sync sends it.</source>
        <translation>Sign an item of a case (submission, revision, review, committee_outcome, approval, payment_release) with your key; the next sync sends it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your signing key (encrypted PEM).</source>
        <translation>Your signing key (encrypted PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your signing certificate (PEM), issued by the back office.</source>
        <translation>Your signing certificate (PEM), issued by the back office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>Read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record to sign (its id), when the case has more than one of its kind.</source>
        <translation>The record to sign (its id), when the case has more than one of its kind.</translation>
    </message>
</context>
<context>
    <name>vd::record</name>
    <message>
        <location filename="../domain/core/recordjson.cpp" line="+192"/>
        <source>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected an object with &quot;en&quot; and &quot;zh&quot; text</source>
        <translation>expected an object with &quot;en&quot; and &quot;zh&quot; text</translation>
    </message>
</context>
</TS>
