<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.ui" line="+14"/>
        <source>Application</source>
        <translation>申請</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Steps of the application</source>
        <translation>申請步驟</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget and quotations</source>
        <translation>預算及報價</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+362"/>
        <source>Declarations</source>
        <translation>聲明</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>Review and submit</source>
        <translation>檢查及遞交</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Project title (English):</source>
        <translation>項目名稱（英文）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in English</source>
        <translation>項目英文名稱</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project title (&amp;Chinese):</source>
        <translation>項目名稱（中文）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in Chinese</source>
        <translation>項目中文名稱</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Description (English):</source>
        <translation>說明（英文）(&amp;D)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in English</source>
        <translation>項目英文說明</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>D&amp;escription (Chinese):</source>
        <translation>說明（中文）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in Chinese</source>
        <translation>項目中文說明</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Solution:</source>
        <translation>方案(&amp;S)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category</source>
        <translation>方案類別</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project start date</source>
        <translation>項目開始日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project end date</source>
        <translation>項目結束日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Budget &amp;items: one row per procurement. Double-click a cell to change it.</source>
        <translation>開支項目(&amp;I)：每項採購佔一行。按兩下儲存格即可修改。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Budget items</source>
        <translation>開支項目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Add item</source>
        <translation>加入開支項目(&amp;A)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove item</source>
        <translation>移除開支項目(&amp;R)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Quotations for the selected item:</source>
        <translation>所選開支項目的報價(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Quotations of the selected item</source>
        <translation>所選開支項目的報價</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remo&amp;ve quotation</source>
        <translation>移除報價(&amp;V)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attach quotations, your business registration certificate and any other supporting documents. Drop files on the list, or choose Add file.</source>
        <translation>請夾附報價、商業登記證及任何其他證明文件。可將檔案拖放至清單，或選擇「加入檔案」。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Kind of document:</source>
        <translation>文件類別(&amp;K)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind of document</source>
        <translation>文件類別</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attached files</source>
        <translation>已夾附的檔案</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Project s&amp;tarts on:</source>
        <translation>項目開始日期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project ends &amp;on:</source>
        <translation>項目完成日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Add quo&amp;tation</source>
        <translation>加入報價(&amp;T)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Add fi&amp;le…</source>
        <translation>加入檔案(&amp;L)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick each declaration to make it. All of them are needed before you submit.</source>
        <translation>請剔選每項聲明以作出聲明。遞交申請前須作出所有聲明。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This is the application as it will be submitted, in both languages.</source>
        <translation>以下為申請遞交時的內容，中英文版本並列。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Application preview</source>
        <translation>申請預覽</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export &amp;PDF…</source>
        <translation>匯出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P&amp;rint…</source>
        <translation>列印(&amp;R)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Submit application</source>
        <translation>遞交申請(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the rules say now</source>
        <translation>按規則的即時評估</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total cost:</source>
        <translation>總成本：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Eligible cost:</source>
        <translation>合資格開支：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Grant:</source>
        <translation>資助額：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your contribution:</source>
        <translation>貴企業承擔的款額：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cap left before this project:</source>
        <translation>本項目前尚餘的資助上限：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Quotations still needed:</source>
        <translation>尚需提供的報價：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Findings (click one to go to its field):</source>
        <translation>評估結果（按一下可前往相關欄位）(&amp;F)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Findings of the rules</source>
        <translation>按規則評估的結果</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
</context>
<context>
    <name>AuditRouteText</name>
    <message>
        <location filename="../domain/backoffice/auditroutes.cpp" line="+50"/>
        <source>expected a whole number of entries, not &quot;%1&quot;</source>
        <translation>應為完整的記錄數目，而非「%1」</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../forms/caseview.ui" line="+14"/>
        <location line="+6"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference:</source>
        <translation>參考編號：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Status:</source>
        <translation>狀態：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project title:</source>
        <translation>項目名稱：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant:</source>
        <translation>申請企業：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case officer:</source>
        <translation>個案主任：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Submitted on:</source>
        <translation>遞交日期：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project period:</source>
        <translation>項目期間：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Total project cost:</source>
        <translation>項目總成本：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Eligible cost:</source>
        <translation>合資格開支：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Grant by the rules:</source>
        <translation>按規則計算的資助額：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Approved grant:</source>
        <translation>批核資助額：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant&apos;s own contribution:</source>
        <translation>申請企業承擔的款額：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cap left before this case:</source>
        <translation>本個案前尚餘的資助上限：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deadlines:</source>
        <translation>限期：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message</source>
        <translation>訊息</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Actions:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All actions</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All workflow actions</source>
        <translation>所有工作流程操作</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Case sections</source>
        <translation>個案各部分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eligibility</source>
        <translation>申請資格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the rules engine found:</source>
        <translation>規則引擎的檢查結果：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Findings of the rules engine</source>
        <translation>規則引擎的檢查結果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finding</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked by the secretariat (tick an item once you have seen the proof):</source>
        <translation>由秘書處核實（核閱證明文件後，請在相關事項加上剔號）：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Eligibility checklist</source>
        <translation>資格審核清單</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>事項</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked by</source>
        <translation>核實人員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clarifications</source>
        <translation>澄清事項</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Clarification requests</source>
        <translation>澄清要求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selected request and its reply</source>
        <translation>所選要求及其回覆</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New clarification request</source>
        <translation>新的澄清要求</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Question:</source>
        <translation>問題(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question for the applicant</source>
        <translation>向申請企業提出的問題</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Due on:</source>
        <translation>限期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Due date</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Send request</source>
        <translation>發出要求(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Message about the new request</source>
        <translation>有關新要求的訊息</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your answer to the selected request</source>
        <translation>閣下對所選要求的回覆</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your answer</source>
        <translation>閣下的回覆</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send &amp;answer</source>
        <translation>發出回覆(&amp;A)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Message about your answer</source>
        <translation>有關閣下回覆的訊息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correspondence</source>
        <translation>往來通訊</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Correspondence log</source>
        <translation>往來通訊記錄</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected letter</source>
        <translation>所選通訊</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History</source>
        <translation>歷史記錄</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audit history of the case</source>
        <translation>個案的審計記錄</translation>
    </message>
</context>
<context>
    <name>EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.ui" line="+14"/>
        <source>Enterprise profile</source>
        <translation>企業資料</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enterprise</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name (&amp;English):</source>
        <translation>英文名稱(&amp;E)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in English</source>
        <translation>企業英文名稱</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name (&amp;Chinese):</source>
        <translation>中文名稱(&amp;C)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in Chinese</source>
        <translation>企業中文名稱</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Business registration number:</source>
        <translation>商業登記號碼(&amp;B)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Business registration number</source>
        <translation>商業登記號碼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>8 digits</source>
        <translation>8位數字</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Type of entity:</source>
        <translation>經營形式(&amp;T)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type of entity</source>
        <translation>經營形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sect&amp;or:</source>
        <translation>行業(&amp;O)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Business commence&amp;d on:</source>
        <translation>開業日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Emplo&amp;yees:</source>
        <translation>僱員人數(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Has substantive business in Hong &amp;Kong</source>
        <translation>在香港有實質業務運作(&amp;K)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Address (Ch&amp;inese):</source>
        <translation>地址（中文）(&amp;I)：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>P&amp;hone:</source>
        <translation>電話(&amp;H)：</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Sector</source>
        <translation>行業</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Date business commenced</source>
        <translation>開業日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Number of employees</source>
        <translation>僱員人數</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ma&amp;nufacturing enterprise</source>
        <translation>製造業企業(&amp;N)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Listed on a stock exchange</source>
        <translation>在證券交易所上市(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Government-subvented body or its subsidiary</source>
        <translation>政府資助機構或其附屬機構(&amp;G)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Address and contact</source>
        <translation>地址及聯絡資料</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Address (English):</source>
        <translation>英文地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Address in English</source>
        <translation>英文地址</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Address in Chinese</source>
        <translation>中文地址</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Contact &amp;person:</source>
        <translation>聯絡人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact person</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contact phone</source>
        <translation>聯絡電話</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;mail:</source>
        <translation>電郵(&amp;M)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact email</source>
        <translation>聯絡電郵</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Owners</source>
        <translation>擁有人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Owners and their shares</source>
        <translation>擁有人及其持股比例</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add o&amp;wner</source>
        <translation>新增擁有人(&amp;W)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remo&amp;ve owner</source>
        <translation>移除擁有人(&amp;V)</translation>
    </message>
</context>
<context>
    <name>MyApplicationsView</name>
    <message>
        <location filename="../forms/myapplicationsview.ui" line="+14"/>
        <source>My applications</source>
        <translation>我的申請</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your enterprise&apos;s applications. Open one to continue a draft or to follow its progress.</source>
        <translation>貴企業的申請。開啟申請即可繼續編輯草稿或跟進申請進度。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your applications</source>
        <translation>貴企業的申請</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;New application</source>
        <translation>新申請(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Re&amp;fresh</source>
        <translation>重新整理(&amp;F)</translation>
    </message>
</context>
<context>
    <name>vd::ApiCall</name>
    <message>
        <location filename="../domain/backoffice/apihandler.cpp" line="+89"/>
        <source>The request body is larger than the %1 bytes this server accepts.</source>
        <translation>要求內容超出本伺服器可接受的 %1 位元組上限。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The request needs a JSON object as its body.</source>
        <translation>要求內容須為 JSON 物件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The address is not a valid URI.</source>
        <translation>此網址並非有效的 URI。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Too many requests from this address: at most %1 a second. Wait a moment and try again.</source>
        <translation>來自此位址的要求過多：每秒最多 %1 個。請稍候再試。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 accepts only %2.</source>
        <translation>%1 只接受 %2。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server could not answer this request; it has been logged.</source>
        <translation>伺服器未能回應此要求；事件已記錄在案。</translation>
    </message>
</context>
<context>
    <name>vd::ApiRoutes</name>
    <message>
        <location filename="../domain/backoffice/apiroutes.cpp" line="+87"/>
        <source>The role %1 has no access to cases.</source>
        <translation>角色 %1 無權查閱個案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no case %1 among the cases you can see.</source>
        <translation>閣下可查閱的個案中沒有個案 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a whole number from %1 to %2, not &quot;%3&quot;</source>
        <translation>應為 %1 至 %2 之間的整數，而非「%3」</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The role %1 does not sync with the back office.</source>
        <translation>角色 %1 不會與後台同步。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected a number of entries or null</source>
        <translation>應為記錄數目或 null</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>There is no %1 here: see docs/api.md for the routes.</source>
        <translation>此處沒有 %1：路由一覽請參閱 docs/api.md。</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/auditroutes.cpp" line="-13"/>
        <source>The role %1 has no access to the audit log&apos;s proofs.</source>
        <translation>角色 %1 無權取得審計日誌的證明。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The audit log has no proof for those sizes: each must be at most its current size, and the first no larger than the second.</source>
        <translation>審計日誌沒有這兩個大小之間的證明：每個大小均不得超過其現有大小，且第一個不得大於第二個。</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/certificateroutes.cpp" line="+46"/>
        <source>expected the certificate request (PKCS#10 PEM) as &quot;request&quot;</source>
        <translation>應以「request」提供證書申請（PKCS#10 PEM）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This back office issued no certificate with the serial %1.</source>
        <translation>此後台並無簽發序號為 %1 的證書。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an administrator or the certificate&apos;s holder may revoke it.</source>
        <translation>只有系統管理員或證書持有人可撤銷此證書。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a reason for revoking: use unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation</source>
        <translation>「%1」不是撤銷理由：請使用 unspecified、key_compromise、affiliation_changed、superseded 或 cessation_of_operation</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationDocument</name>
    <message>
        <location filename="../forms/applicationdocument.cpp" line="+122"/>
        <source>Applicant</source>
        <translation>申請企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business registration number</source>
        <translation>商業登記號碼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Project</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>項目名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project description</source>
        <translation>項目說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>方案類別</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project period</source>
        <translation>項目期間</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total project cost</source>
        <translation>項目總成本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget and quotations</source>
        <translation>預算及報價</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Declarations</source>
        <translation>聲明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Draft, not yet submitted</source>
        <translation>草稿，尚未遞交</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The PDF could not be written. Check that the folder exists and can be written to.</source>
        <translation>無法寫入 PDF 檔案。請檢查該資料夾是否存在及可供寫入。</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.cpp" line="+152"/>
        <source>Changes you had not saved, kept at %1, have been recovered. They are saved when you close the application.</source>
        <translation>閣下於%1暫存但尚未儲存的更改已經還原。這些更改會在閣下關閉申請時儲存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no application %1 in this workspace.</source>
        <translation>此工作區內沒有申請 %1。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Make declaration</source>
        <translation>作出聲明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdraw declaration</source>
        <translation>撤回聲明</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Undo</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save draft</source>
        <translation>儲存草稿(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit English title</source>
        <translation>修改英文名稱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese title</source>
        <translation>修改中文名稱</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit English description</source>
        <translation>修改英文說明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese description</source>
        <translation>修改中文說明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose solution</source>
        <translation>選擇方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change start date</source>
        <translation>更改開始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change end date</source>
        <translation>更改結束日期</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Attach files</source>
        <translation>夾附檔案</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the kind of solution</source>
        <translation>選擇方案類別</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256：%1</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The rules find nothing wrong with this application.</source>
        <translation>按規則檢查，本申請沒有發現任何問題。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Application %1 is %2 and can no longer be changed here. You can still export and print it.</source>
        <translation>申請 %1 的狀態為「%2」，不能再在此修改。閣下仍可匯出及列印此申請。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The draft could not be saved: %1 Your changes are kept and saved once this is corrected.</source>
        <translation>無法儲存草稿：%1 閣下的更改已予保留，問題更正後便會儲存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Make every declaration before you submit: tick each one on the Declarations page.</source>
        <translation>遞交前須作出所有聲明：請在「聲明」頁剔選每一項。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The application cannot be submitted yet: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>申請尚未能遞交：按規則檢查發現 %n 項問題。請更正後再遞交。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Submitted. The reference of your application is %1.</source>
        <translation>已遞交。閣下申請的參考編號為 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Attach %n file(s)</source>
        <translation>
            <numerusform>夾附 %n 個檔案</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file %1 is not in this workspace&apos;s attachments folder.</source>
        <translation>檔案 %1 不在此工作區的附件資料夾內。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove attachment %1</source>
        <translation>移除附件 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>application</source>
        <translation>申請</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the application as PDF</source>
        <translation>將申請匯出為 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1.</source>
        <translation>已匯出至 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the application</source>
        <translation>列印申請</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Application %1</source>
        <translation>申請 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New application</source>
        <translation>新申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft: %1</source>
        <translation>草稿：%1</translation>
    </message>
</context>
<context>
    <name>vd::AssessmentJson</name>
    <message>
        <location filename="../domain/core/assessmentjson.cpp" line="+49"/>
        <source>&quot;%1&quot; is not a date and time; write it as 2024-05-02T09:30:00Z</source>
        <translation>「%1」並非有效的日期及時間；請以2024-05-02T09:30:00Z的格式填寫</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>needs the supplier&apos;s name</source>
        <translation>須填寫供應商名稱</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>is required for this category: give the number of months</source>
        <translation>此預算類別必須填寫此項：請註明月數</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must be a SHA-256 digest: 64 hexadecimal digits</source>
        <translation>必須是SHA-256摘要，即64位十六進制數字</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>不明格式「%1」；應為「%2」</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>不明計劃「%1」；應為「%2」</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentFolder</name>
    <message>
        <location filename="../domain/store/attachmentfolder.cpp" line="+25"/>
        <source>The file could not be attached: %1. Check the file and try again.</source>
        <translation>無法夾附檔案：%1。請檢查該檔案，然後再試。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentIntake</name>
    <message>
        <location filename="../domain/backoffice/attachmentintake.cpp" line="+49"/>
        <source>The attachment could not be stored: %1.</source>
        <translation>無法儲存附件：%1。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentRoutes</name>
    <message>
        <location filename="../domain/backoffice/attachmentroutes.cpp" line="+36"/>
        <source>An attachment is named by its SHA-256: 64 lower-case hexadecimal digits, not &quot;%1&quot;.</source>
        <translation>附件以其 SHA-256 命名，即 64 位小寫十六進制數字，而非「%1」。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The role %1 does not add attachments, so it cannot upload them.</source>
        <translation>角色 %1 不會加入附件，因此不能上載附件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a number of bytes (0 or more) in the query</source>
        <translation>查詢參數中應有位元組數目（0 或以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a number of bytes (0 or more), not &quot;%1&quot;</source>
        <translation>應為位元組數目（0 或以上），而非「%1」</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The attachment has %1 bytes; this server takes attachments of at most %2 bytes.</source>
        <translation>此附件有 %1 位元組；本伺服器只接受最多 %2 位元組的附件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server holds %1 bytes of this attachment, so the next bytes start at offset %1, not %2.</source>
        <translation>伺服器已存有此附件的 %1 位元組，因此接續的資料應由偏移位置 %1 開始，而非 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These %1 bytes at offset %2 go past the attachment&apos;s size of %3 bytes.</source>
        <translation>由偏移位置 %2 起的這 %1 位元組超出了附件的大小（%3 位元組）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 bytes received do not have the SHA-256 %2, so they were discarded. Send the attachment again from the start.</source>
        <translation>收到的 %1 位元組與 SHA-256 %2 不符，因此已被捨棄。請由頭再傳送此附件。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>There is no attachment %1 among the cases you can see.</source>
        <translation>閣下可查閱的個案中沒有附件 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a range of bytes such as &quot;bytes=1024-&quot;, not &quot;%1&quot;</source>
        <translation>應為位元組範圍，例如「bytes=1024-」，而非「%1」</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The attachment has %1 bytes; there are none from byte %2.</source>
        <translation>此附件有 %1 位元組；由第 %2 位元組起並無資料。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentSync</name>
    <message>
        <location filename="../domain/sync/attachmentsync.cpp" line="+132"/>
        <source>The file kept for attachment %1 no longer has the content it was attached with, so it was not sent. Attach the file again.</source>
        <translation>為附件 %1 保存的檔案內容已與夾附時不同，因此未有傳送。請重新夾附該檔案。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The back office took none of the last pieces of attachment %1. The next sync tries again from what it holds.</source>
        <translation>後台未有接收附件 %1 最後傳送的任何部分。下次同步時會由後台已存有的部分起再試。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>An attachment could not be saved here: %1. Make room or check the workspace folder, then sync again.</source>
        <translation>無法在本機儲存附件：%1。請騰出空間或檢查工作區資料夾，然後再同步。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The attachment %1 that arrived does not have the content its SHA-256 names, so it was discarded. The next sync fetches it again; if this repeats, ask the back office&apos;s administrator to check the file.</source>
        <translation>收到的附件 %1 內容與其 SHA-256 不符，因此已被捨棄。下次同步時會再次取得該附件；如問題持續，請聯絡後台的系統管理員檢查該檔案。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The back office sent more bytes for attachment %1 than its %2 bytes, so what arrived was discarded.</source>
        <translation>後台為附件 %1 傳來的資料多於其 %2 位元組，因此收到的資料已被捨棄。</translation>
    </message>
</context>
<context>
    <name>vd::AuditLog</name>
    <message>
        <location filename="../domain/store/auditlog.cpp" line="+66"/>
        <source>Audit entry %1 (%2) is at leaf %3 of the audit log, where entry %4 was logged: entries were deleted, moved or inserted.</source>
        <translation>審計記錄 %1（%2）位於審計日誌的第 %3 片葉，而該處記錄的是第 %4 項：有記錄被刪除、移動或插入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) no longer matches leaf %3 of the audit log: it was changed after it was logged.</source>
        <translation>審計記錄 %1（%2）與審計日誌的第 %3 片葉不再相符：記錄在登錄後曾被更改。</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The back office signed a tree head of %1 entries at %2, but the audit trail now holds %3: entries were deleted.</source>
        <translation>後台於 %2 簽署了 %1 項記錄的樹頂，但審計線索現只有 %3 項：有記錄被刪除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tree head of %1 entries signed at %2 no longer matches the audit trail: an entry from %3 to %4 was rewritten.</source>
        <translation>於 %2 簽署、共 %1 項記錄的樹頂與審計線索不再相符：第 %3 至 %4 項之間有記錄被改寫。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The audit log has leaves after its last audit entry (%1): entries were deleted.</source>
        <translation>審計日誌在其最後一項審計記錄（%1）之後仍有葉：有記錄被刪除。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The audit log is intact: %1 leaves and %2 signed tree heads checked.</source>
        <translation>審計日誌完整無缺：已核對 %1 片葉及 %2 個已簽署的樹頂。</translation>
    </message>
</context>
<context>
    <name>vd::AuditVerification</name>
    <message numerus="yes">
        <location filename="../domain/store/audittrail.cpp" line="+94"/>
        <source>The audit trail is intact: %n entries checked.</source>
        <translation>
            <numerusform>審計線索完整無缺：已核對 %n 項記錄。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) was changed after it was written.</source>
        <translation>第 %1 項審計記錄（%2）在寫入後曾被更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An audit entry before entry %1 (%2) was deleted.</source>
        <translation>第 %1 項審計記錄（%2）之前的一項記錄已被刪除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) is out of order: entries were moved.</source>
        <translation>第 %1 項審計記錄（%2）次序不符：記錄曾被移動。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) was inserted into the trail afterwards.</source>
        <translation>第 %1 項審計記錄（%2）是事後插入審計線索的。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeApplication</name>
    <message>
        <location filename="../domain/backoffice/backofficeapplication.cpp" line="+34"/>
        <source>the data folder (workspace, tls/); made with demo data on first start</source>
        <translation>數據資料夾（工作區、tls/）；首次啟動時建立並填入示範資料</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the workspace in PostgreSQL (postgresql://user@host:port/db) instead of DIR/workspace.sqlite</source>
        <translation>將工作區存於 PostgreSQL（postgresql://user@host:port/db），而非 DIR/workspace.sqlite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the port to listen on (default 8443; 0 picks a free one)</source>
        <translation>監聽的連接埠（預設 8443；0 表示自動選用空置連接埠）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address to listen on (default 127.0.0.1)</source>
        <translation>監聽的位址（預設 127.0.0.1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serve plain HTTP instead of HTTPS (loopback addresses only)</source>
        <translation>以純 HTTP 代替 HTTPS 提供服務（只限迴路位址）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server certificate (PEM); default: one made in DIR/tls/</source>
        <translation>伺服器證書（PEM）；預設：在 DIR/tls/ 建立的證書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the certificate&apos;s private key (PEM)</source>
        <translation>證書的私人密碼匙（PEM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applications in the demo data made on first start (default 40)</source>
        <translation>首次啟動時建立的示範資料中的申請宗數（預設 40）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>show this help</source>
        <translation>顯示此說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a configuration file (.properties, .ini, .json or .xml)</source>
        <translation>設定檔（.properties、.ini、.json 或 .xml）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set any configuration key, e.g. -D limits.threads=32 (repeatable)</source>
        <translation>設定任何設定鍵，例如 -D limits.threads=32（可重複使用）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--define needs KEY=VALUE, not %1</source>
        <translation>--define 須為 KEY=VALUE 格式，而非 %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The VoucherDesk back office: the shared, authoritative store, served over HTTPS.</source>
        <translation>券務台後台：經 HTTPS 提供服務的共用權威資料庫。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeConnection</name>
    <message>
        <location filename="../domain/sync/backofficeconnection.cpp" line="+65"/>
        <source>&quot;%1&quot; is not a back office&apos;s address; give one such as https://backoffice.example:8443</source>
        <translation>「%1」並非後台網址；請提供例如 https://backoffice.example:8443 的網址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain http:// is used only for a back office on this computer (127.0.0.1); use https:// for %1, so that your password never crosses the network in the clear</source>
        <translation>純 http:// 只用於本電腦上的後台（127.0.0.1）；%1 請使用 https://，以免閣下的密碼以明文經網絡傳送</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the back office&apos;s address without a path, such as https://%1:%2</source>
        <translation>請提供不含路徑的後台網址，例如 https://%1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the certificate file cannot be read; give the back office&apos;s certificate (PEM), such as DATA/tls/server.crt</source>
        <translation>無法讀取證書檔案；請提供後台的證書（PEM），例如 DATA/tls/server.crt</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>the back office at %1 did not prove that it is the server the certificate names (%2). Check its address and the certificate file.</source>
        <translation>位於 %1 的後台未能證明其為證書所指明的伺服器（%2）。請檢查其網址及證書檔案。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot reach the back office at %1 (%2). Nothing was lost: changes not yet sent stay queued for the next sync.</source>
        <translation>無法連接位於 %1 的後台（%2）。資料未有遺失：尚未傳送的更改會留待下次同步時傳送。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your sign-in to the back office at %1 is no longer valid; sign in again</source>
        <translation>閣下在位於 %1 的後台的登入已失效；請重新登入</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 could not answer (HTTP %2): %3. Nothing was lost; try again later.</source>
        <translation>位於 %1 的後台未能回應（HTTP %2）：%3。資料未有遺失；請稍後再試。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 refused the request: %2</source>
        <translation>位於 %1 的後台拒絕了此要求：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the back office at %1 answered with something that is not a JSON object: is this address a VoucherDesk back office?</source>
        <translation>位於 %1 的後台的回應並非 JSON 物件：此網址是否券務台後台？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the back office at %1 answered the sign-in without a token</source>
        <translation>位於 %1 的後台回應登入時未有提供權杖</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeDialog</name>
    <message>
        <location filename="../forms/backofficedialog.ui" line="+9"/>
        <source>Connect to a Back Office</source>
        <translation>連接後台</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to the back office of your programme. This workspace then keeps in step with it in the background, and you can go on working while the network is down.</source>
        <translation>請登入閣下所屬計劃的後台。此工作區其後會在背景與後台保持同步，即使網絡中斷，閣下仍可繼續工作。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Address:</source>
        <translation>網址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Address of the back office</source>
        <translation>後台網址</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User name:</source>
        <translation>用戶名稱(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User name at the back office</source>
        <translation>後台的用戶名稱</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Certificate:</source>
        <translation>證書(&amp;C)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certificate file to trust</source>
        <translation>要信任的證書檔案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system&apos;s trusted authorities</source>
        <translation>系統信任的核證機關</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>For a back office with a certificate of its own (self-signed), choose the certificate file (PEM) it gave you.</source>
        <translation>如後台使用自己的證書（自行簽署），請選擇其提供給閣下的證書檔案（PEM）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What is wrong</source>
        <translation>問題所在</translation>
    </message>
    <message>
        <location filename="../forms/backofficedialog.cpp" line="+28"/>
        <location line="+158"/>
        <source>&amp;Connect</source>
        <translation>連接(&amp;C)</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Enter the address of the back office, such as https://backoffice.example:8443.</source>
        <translation>請輸入後台網址，例如 https://backoffice.example:8443。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1.</source>
        <comment>a message made into a sentence: the full stop of the language</comment>
        <translation>%1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter your user name at the back office.</source>
        <translation>請輸入閣下在後台的用戶名稱。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password at the back office.</source>
        <translation>請輸入閣下在後台的密碼。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate file %1 cannot be read. Choose the certificate (PEM) file the back office gave you, or leave the field empty.</source>
        <translation>無法讀取證書檔案 %1。請選擇後台提供給閣下的證書檔案（PEM），或將此欄留空。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Signing in to %1…</source>
        <translation>正在登入 %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Certificate of the Back Office</source>
        <translation>後台的證書</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>證書 (*.crt *.pem *.cer);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeFolder</name>
    <message>
        <location filename="../domain/backoffice/backofficefolder.cpp" line="+42"/>
        <source>A self-signed certificate was made for this back office.</source>
        <translation>已為此後台建立自行簽署的證書。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A demo workspace was made: %1 applications and %2 users. Every demo user signs in with the password &quot;%3&quot; until they have their own.</source>
        <translation>已建立示範工作區：%1 宗申請及 %2 名用戶。所有示範用戶在設定自己的密碼前，均以密碼「%3」登入。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeSettings</name>
    <message>
        <location filename="../domain/backoffice/backofficesettings.cpp" line="+33"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>應為 %1 至 %2 之間的整數</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a whole number from %1 to %2, not %3</source>
        <translation>應為 %1 至 %2 之間的整數，而非 %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>name the back office&apos;s data folder with --data DIR</source>
        <translation>請以 --data DIR 指明後台的數據資料夾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a PostgreSQL URL such as postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</source>
        <translation>應為 PostgreSQL 網址，例如 postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>expected true or false</source>
        <translation>應為 true 或 false</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a password needs at least 8 characters</source>
        <translation>密碼須最少有 8 個字元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give both the certificate (--cert) and its key (--key), or neither</source>
        <translation>請同時提供證書（--cert）及其密碼匙（--key），或兩者皆不提供</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not an IP address</source>
        <translation>%1 並非 IP 位址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain HTTP is served only on a loopback address such as 127.0.0.1, not on %1; leave out --http to serve HTTPS</source>
        <translation>純 HTTP 只可在迴路位址（例如 127.0.0.1）上提供，不可在 %1 上提供；如要提供 HTTPS，請略去 --http</translation>
    </message>
</context>
<context>
    <name>vd::BackgroundSync</name>
    <message>
        <location filename="../forms/backgroundsync.cpp" line="+191"/>
        <source>Fetching the cases from the back office…</source>
        <translation>正在從後台取得個案…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You are not signed in to the back office.</source>
        <translation>閣下尚未登入後台。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in to the back office first.</source>
        <translation>請先登入後台。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A sync is under way; try again in a moment.</source>
        <translation>正在同步；請稍後再試。</translation>
    </message>
</context>
<context>
    <name>vd::BatchActionDialog</name>
    <message>
        <location filename="../forms/batchactiondialog.ui" line="+14"/>
        <source>Apply an action to several cases</source>
        <translation>對多宗個案採取操作</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Action:</source>
        <translation>操作(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../forms/batchactiondialog.cpp" line="+70"/>
        <source>Your role cannot take any action on cases.</source>
        <translation>閣下的角色不能對個案採取任何操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action needs a reason; it is recorded with each case.</source>
        <translation>此操作必須說明理由；理由會記入每宗個案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This action needs no reason.</source>
        <translation>此操作無須說明理由。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>“%1” will be applied to %n selected case(s), each on its own. A case where the action is not allowed is left as it is and listed afterwards with the reason.</source>
        <translation>
            <numerusform>將對所選的 %n 宗個案逐一採取「%1」操作。不容許採取此操作的個案會維持原狀，並會在完成後連同原因列出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Apply</source>
        <translation>執行(&amp;A)</translation>
    </message>
</context>
<context>
    <name>vd::BatchSummaryDialog</name>
    <message>
        <location filename="../forms/batchsummarydialog.ui" line="+14"/>
        <source>What the action did</source>
        <translation>操作結果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases changed</source>
        <translation>已更改的個案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cases refused</source>
        <translation>被拒的個案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused cases and why</source>
        <translation>被拒的個案及原因</translation>
    </message>
    <message numerus="yes">
        <location filename="../forms/batchsummarydialog.cpp" line="+38"/>
        <source>Applied to %n case(s).</source>
        <translation>
            <numerusform>已對 %n 宗個案採取操作。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No case was refused.</source>
        <translation>沒有個案被拒。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refused for %n case(s), which stay as they were:</source>
        <translation>
            <numerusform>%n 宗個案被拒，維持原狀：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was refused</source>
        <translation>被拒原因</translation>
    </message>
</context>
<context>
    <name>vd::BudgetItemsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+86"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (English)</source>
        <translation>說明（英文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (Chinese)</source>
        <translation>說明（中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>金額（港元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>月數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotations</source>
        <translation>報價</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not the lowest quotation</source>
        <translation>不選最低報價的原因</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Change %1 of item %2</source>
        <translation>更改第 %2 項開支項目的%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add budget item</source>
        <translation>新增開支項目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove budget item %1</source>
        <translation>移除第 %1 項開支項目</translation>
    </message>
</context>
<context>
    <name>vd::CanonicalJson</name>
    <message>
        <location filename="../domain/crypto/canonicaljson.cpp" line="+69"/>
        <source>%1 is not a whole number between -(2^53 - 1) and 2^53 - 1: what is signed carries no fractions (amounts are decimal text).</source>
        <translation>%1 不是介乎 -(2^53 - 1) 與 2^53 - 1 之間的整數：簽署的內容不含小數（金額以十進制文字表示）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The text holds half of a character (a lone surrogate, U+%1) and cannot be signed.</source>
        <translation>文字含有半個字元（單獨的代理字元 U+%1），無法簽署。</translation>
    </message>
</context>
<context>
    <name>vd::CaseDeadline</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="+62"/>
        <source>Applicant&apos;s answer to the clarification request, due %1</source>
        <translation>申請企業回覆澄清要求，限期為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the applicant the committee&apos;s result, due %1</source>
        <translation>通知申請企業評審委員會的評審結果，限期為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result of vetting for the applicant, due %1</source>
        <translation>通知申請企業審批結果，限期為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final report, due %1</source>
        <translation>提交總結報告，限期為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation report, due %1</source>
        <translation>提交評估報告，限期為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the project&apos;s accounts and records until %1</source>
        <translation>項目的賬目及紀錄須保存至%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, due %2</source>
        <translation>%1，限期為%2</translation>
    </message>
</context>
<context>
    <name>vd::CaseFile</name>
    <message>
        <location filename="../domain/store/casefile.cpp" line="+177"/>
        <source>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</source>
        <translation>此工作區內沒有參考編號或識別碼與此相符的%1個案。請改以個案標題或申請企業名稱中的字詞搜尋該個案。</translation>
    </message>
</context>
<context>
    <name>vd::CaseQueueModel</name>
    <message>
        <location filename="../forms/casequeuemodel.cpp" line="+193"/>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A deadline of this case is overdue.</source>
        <translation>此個案有限期已過。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reference</source>
        <translation>參考編號</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申請企業</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case officer</source>
        <translation>個案主任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>遞交日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total cost</source>
        <translation>總成本</translation>
    </message>
</context>
<context>
    <name>vd::CaseQueueView</name>
    <message>
        <location filename="../forms/casequeueview.cpp" line="+202"/>
        <source>Counting cases…</source>
        <translation>正在點算個案…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.ui" line="+14"/>
        <location line="+3"/>
        <source>Case queue</source>
        <translation>個案隊列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search:</source>
        <translation>搜尋(&amp;S)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search cases</source>
        <translation>搜尋個案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference, title, applicant or BR number, in English or Chinese (Ctrl+F)</source>
        <translation>參考編號、標題、申請企業或商業登記號碼，中英文均可（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>S&amp;tatus:</source>
        <translation>狀態(&amp;T)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status filter</source>
        <translation>狀態篩選</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Officer:</source>
        <translation>個案主任(&amp;O)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case officer filter</source>
        <translation>個案主任篩選</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue cases only</source>
        <translation>只顯示逾期個案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>O&amp;verdue only</source>
        <translation>只限逾期(&amp;V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Secto&amp;r:</source>
        <translation>行業(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sector filter</source>
        <translation>行業篩選</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sol&amp;ution:</source>
        <translation>方案(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category filter</source>
        <translation>方案類別篩選</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter by submission date</source>
        <translation>按遞交日期篩選</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Su&amp;bmitted from</source>
        <translation>遞交日期由(&amp;B)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted on or after</source>
        <translation>於此日期或之後遞交</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submitted on or before</source>
        <translation>於此日期或之前遞交</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cases</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Number of cases</source>
        <translation>個案數目</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Apply an action to the selected cases</source>
        <translation>對所選個案採取操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply an action to the selected cases…</source>
        <translation>對所選個案採取操作(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.cpp" line="-74"/>
        <source>All statuses</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+44"/>
        <source>Open cases</source>
        <translation>未結束的個案</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any officer</source>
        <translation>任何個案主任</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All sectors</source>
        <translation>所有行業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All solutions</source>
        <translation>所有方案</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>More than %1 cases</source>
        <translation>超過 %1 宗個案</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 case(s)</source>
        <translation>
            <numerusform>%1 宗個案</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Cases not changed</source>
        <translation>個案未有更改</translation>
    </message>
</context>
<context>
    <name>vd::CaseSignatures</name>
    <message>
        <location filename="../domain/store/casesignatures.cpp" line="+39"/>
        <source>Not checked: this workspace has not received the back office&apos;s CA certificate yet (it comes with the next sync).</source>
        <translation>未核對：此工作區尚未收到後台的核證機關證書（會在下次同步時收到）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>submission</source>
        <translation>提交申請</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revised application</source>
        <translation>經修訂的申請</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>review</source>
        <translation>評審</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committee outcome</source>
        <translation>委員會決定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approval</source>
        <translation>批核</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payment release</source>
        <translation>發放款項</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not something that is signed</source>
        <translation>「%1」不是可簽署的項目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This case has no %1 for you to sign.</source>
        <translation>此個案沒有可供閣下簽署的%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This back office takes an application only signed: sign it as it is now (%1: Sign… in the case, or voucherdesk-cli sign), sync, then %2 again.</source>
        <translation>此後台只接受已簽署的申請：請按申請現時的內容簽署（%1：在個案中選「簽署…」，或使用 voucherdesk-cli sign），同步後再%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>submit</source>
        <translation>遞交</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answer</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>That record belongs to another case.</source>
        <translation>該記錄屬於另一個個案。</translation>
    </message>
</context>
<context>
    <name>vd::CaseText</name>
    <message>
        <location filename="../forms/casetext.cpp" line="+68"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From status</source>
        <translation>原狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To status</source>
        <translation>新狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>參考編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>項目名稱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>遞交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>個案主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved grant</source>
        <translation>批核資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final grant</source>
        <translation>最終資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>回覆</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>提問人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked at</source>
        <translation>提問時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered by</source>
        <translation>回覆人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered at</source>
        <translation>回覆時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminded at</source>
        <translation>提醒時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>內容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>收發</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>途徑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written by</source>
        <translation>撰寫人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist item</source>
        <translation>審核清單事項</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+133"/>
        <source>Confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Note</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>核實人員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked at</source>
        <translation>核實時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>方案類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project start</source>
        <translation>項目開始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project end</source>
        <translation>項目結束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget items</source>
        <translation>開支項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declarations</source>
        <translation>聲明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申請企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>聯絡電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact telephone</source>
        <translation>聯絡電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>僱員人數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>行業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意見</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>備註</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>評分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended grant</source>
        <translation>建議資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用戶名稱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>已啟用</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nobody</source>
        <translation>無人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>someone outside this workspace</source>
        <translation>本工作區以外的人士</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>發出</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+53"/>
        <source>E-mail</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online portal</source>
        <translation>網上平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Application</source>
        <translation>申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status change</source>
        <translation>狀態變更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarification request</source>
        <translation>澄清要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correspondence</source>
        <translation>往來通訊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligibility checklist</source>
        <translation>資格審核清單</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change request</source>
        <translation>變更申請</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site check</source>
        <translation>實地查核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project report</source>
        <translation>項目報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda item</source>
        <translation>議程項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declaration of interest</source>
        <translation>利益申報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>評審</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee outcome</source>
        <translation>評審委員會結果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>批核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding agreement</source>
        <translation>資助協議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disbursement milestone</source>
        <translation>撥款里程碑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>撥款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related enterprise</source>
        <translation>關聯企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User account</source>
        <translation>用戶帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee</source>
        <translation>評審委員會</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee term</source>
        <translation>委員會任期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee membership</source>
        <translation>委員會成員資格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>會議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>出席記錄</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created</source>
        <translation>已建立</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>已刪除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>已匯入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation withdrawn</source>
        <translation>已撤回確認</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n details</source>
        <translation>
            <numerusform>%n 項細節</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
</context>
<context>
    <name>vd::CaseTimelineModel</name>
    <message>
        <location filename="../forms/casetimelinemodel.cpp" line="+77"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>事項</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes (before → after)</source>
        <translation>更改內容（更改前 → 更改後）</translation>
    </message>
</context>
<context>
    <name>vd::CaseTransitions</name>
    <message>
        <location filename="../domain/store/casetransitions.cpp" line="+69"/>
        <source>The account %1 is not active, so it cannot act on cases. Ask an administrator to reactivate it, or sign in with your current account.</source>
        <translation>帳戶 %1 並非處於啟用狀態，因此不能處理個案。請聯絡系統管理員重新啟用該帳戶，或以閣下現時的帳戶登入。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 was changed since you read it (you saw revision %2, it is now at revision %3). Reload the case and decide again.</source>
        <translation>個案 %1 在閣下讀取後已被更改（閣下所見為修訂版本 %2，現時為修訂版本 %3）。請重新載入個案，然後再作決定。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Case %1 is the application of %2; you act for %3, so you cannot take the action “%4” on it.</source>
        <translation>個案 %1 是%2的申請；閣下代表%3，因此不可對此個案採取「%4」操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 is the application of %2, the enterprise you belong to: no one may take the action “%3” on a case of their own enterprise. Ask another officer to take it.</source>
        <translation>個案 %1 是閣下所屬企業%2的申請：任何人均不可對本身所屬企業的個案採取「%3」操作。請交由另一位人員處理。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>there is no user with this name in the workspace. Check the spelling of the username.</source>
        <translation>工作區內沒有此名稱的用戶。請核對用戶名稱的拼寫。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>this is not an action of the scheme&apos;s workflow. The actions are: %1.</source>
        <translation>此項並非本計劃工作流程的操作。可採取的操作為：%1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no case in this workspace has this reference or id. Check the reference, or find the case by searching for words of its title.</source>
        <translation>此工作區內沒有參考編號或識別碼與此相符的個案。請核對參考編號，或以個案標題中的字詞搜尋該個案。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no case in this workspace has this reference or id, so no case was changed. Check the references, or find the cases by searching for words of their titles.</source>
        <translation>此工作區內沒有參考編號或識別碼與此相符的個案，因此沒有任何個案被更改。請核對參考編號，或以個案標題中的字詞搜尋有關個案。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the case was removed from the workspace.</source>
        <translation>該個案已從工作區移除。</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>Application %1 cannot be submitted: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>申請 %1 未能遞交：按規則檢查發現 %n 項問題。請更正後再遞交。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Case %1 cannot be approved: the rules now find %n problem(s) with it. Refer it back to the committee, giving the reason.</source>
        <translation>
            <numerusform>個案 %1 未能批核：按規則檢查現發現 %n 項問題。請將個案發回評審委員會，並說明理由。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::CaseView</name>
    <message>
        <location filename="../forms/caseview.cpp" line="+154"/>
        <source>This case is another enterprise&apos;s application: you can open only your own enterprise&apos;s cases.</source>
        <translation>此個案屬另一企業的申請：閣下只可開啟貴企業本身的個案。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>none yet (a draft)</source>
        <translation>暫無（仍為草稿）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1</source>
        <translation>個案 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (BR %2)</source>
        <translation>%1（商業登記號碼 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not assigned yet</source>
        <translation>尚未指派</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not submitted yet</source>
        <translation>尚未遞交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not approved</source>
        <translation>未獲批核</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — overdue</source>
        <translation>%1 — 已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — due soon</source>
        <translation>%1 — 即將到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — met on %2</source>
        <translation>%1 — 已於%2完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none running</source>
        <translation>暫無限期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signatures (%1)</source>
        <translation>簽署（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>簽署項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>簽署人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate</source>
        <translation>證書</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>核對</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verifies</source>
        <translation>核實無誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record has changed since it was signed.</source>
        <translation>該記錄在簽署後已被更改。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign…</source>
        <translation>簽署…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign with another key and certificate…</source>
        <translation>以另一組密鑰及證書簽署…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your signing key</source>
        <translation>閣下的簽署密鑰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted signing key (*.key *.pem);;All files (*)</source>
        <translation>已加密的簽署密鑰 (*.key *.pem);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your signing certificate</source>
        <translation>閣下的簽署證書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (*.crt *.pem);;All files (*)</source>
        <translation>證書 (*.crt *.pem);;所有檔案 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign the %1</source>
        <translation>簽署%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of your signing key:</source>
        <translation>簽署密鑰的密碼短語：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This certificate is %1&apos;s, not yours.</source>
        <translation>此證書屬於 %1，並非閣下的。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed: the %1. It goes to the back office with the next sync, which checks it.</source>
        <translation>已簽署：%1。簽署會在下次同步時送往後台，並由後台核對。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Fail</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass</source>
        <translation>符合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application meets every rule of the scheme checked by the rules engine.</source>
        <translation>本申請符合規則引擎所核對的所有計劃規則。</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>The scheme allows %n days to answer; a due date on a Sunday or a public holiday moves to the next day.</source>
        <translation>
            <numerusform>本計劃容許 %n 天回覆期；如限期適逢星期日或公眾假期，則順延至翌日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;p&gt;No clarification has been asked on this case.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此個案未有提出任何澄清要求。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Question&lt;/b&gt; (due %1):&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;問題&lt;/b&gt;（限期：%1）：&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Reply&lt;/b&gt; from %1, %2:&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;回覆&lt;/b&gt;（%1，%2）：&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;i&gt;Not answered yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;尚未回覆。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This request was due by %1: an answer can no longer be given here. Please contact your case officer.</source>
        <translation>此要求的回覆限期為%1，現已不能在此回覆。請聯絡閣下的個案主任。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Moves the case to “%1”.</source>
        <translation>將個案轉至「%1」。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You will be asked for the reason.</source>
        <translation>系統會要求閣下說明理由。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Why? The reason is kept with the case and shown to the applicant.</source>
        <translation>請說明理由。理由會記入個案，並會向申請企業顯示。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not done: %1</source>
        <translation>未能完成：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done: the case is now “%1”.</source>
        <translation>已完成：個案現時的狀態為「%1」。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request sent; the answer is due by %1.</source>
        <translation>要求已發出；回覆限期為%1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the request you are answering.</source>
        <translation>請選擇閣下要回覆的要求。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your answer has been sent to the secretariat.</source>
        <translation>閣下的回覆已送交秘書處。</translation>
    </message>
</context>
<context>
    <name>vd::Certificate</name>
    <message>
        <location filename="../domain/crypto/certificate.cpp" line="+29"/>
        <source>This is not an X.509 certificate.</source>
        <translation>這不是 X.509 證書。</translation>
    </message>
</context>
<context>
    <name>vd::CertificateAuthority</name>
    <message>
        <location filename="../domain/crypto/certificateauthority.cpp" line="+39"/>
        <source>The certificate authority&apos;s folder cannot be used: %1.</source>
        <translation>無法使用核證機關的資料夾：%1。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The certificate request is damaged or not signed by its own key.</source>
        <translation>證書申請已損壞，或並非由其本身的密鑰簽署。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate request is not for an ECDSA P-256 key.</source>
        <translation>證書申請並非用於 ECDSA P-256 密鑰。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request was made for &quot;%1&quot;, not for this person.</source>
        <translation>證書申請是為「%1」而作，並非為此人。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it cannot be created</source>
        <translation>無法建立</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the certificate is not the key&apos;s</source>
        <translation>證書與密鑰不相符</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This certificate authority issued no certificate with that serial number.</source>
        <translation>此核證機關並無簽發該序號的證書。</translation>
    </message>
</context>
<context>
    <name>vd::ClarificationModel</name>
    <message>
        <location filename="../forms/clarificationmodel.cpp" line="+52"/>
        <location line="+8"/>
        <source>%1 by %2</source>
        <translation>%2於%1</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+53"/>
        <source>Answered</source>
        <translation>已回覆</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>待回覆</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Question</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked</source>
        <translation>提出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>狀況</translation>
    </message>
</context>
<context>
    <name>vd::Clarifications</name>
    <message>
        <location filename="../domain/store/clarifications.cpp" line="+76"/>
        <source>only the secretariat asks applicants for clarification.</source>
        <translation>只有秘書處可要求申請企業作出澄清。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this case is not in the workspace.</source>
        <translation>此個案不在工作區內。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the case is closed: a closed case takes no more questions.</source>
        <translation>個案已結束：已結束的個案不可再提出問題。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write the question the applicant is to answer.</source>
        <translation>請填寫要求申請企業回答的問題。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the due date must be after today: give the applicant time to answer.</source>
        <translation>限期必須在今日之後：請給予申請企業時間回覆。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Request for clarification: %1</source>
        <translation>澄清要求：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>only the applicant answers its clarification requests.</source>
        <translation>只有申請企業可回覆其澄清要求。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this clarification request is not in the workspace.</source>
        <translation>此澄清要求不在工作區內。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you can answer only your own enterprise&apos;s clarification requests.</source>
        <translation>閣下只可回覆所屬企業的澄清要求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this request has been answered already. To add anything, write to the secretariat.</source>
        <translation>此要求已獲回覆。如需補充，請致函秘書處。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the answer was due by %1 and can no longer be given here. Please contact the secretariat case officer about your application.</source>
        <translation>回覆限期為%1，現已不能在此回覆。請就閣下的申請聯絡秘書處個案主任。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write your answer to the question before sending it.</source>
        <translation>請先填寫對問題的回覆，然後再傳送。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reply to request for clarification (%1)</source>
        <translation>回覆澄清要求（%1）</translation>
    </message>
</context>
<context>
    <name>vd::ConflictPanel</name>
    <message>
        <location filename="../forms/conflictpanel.ui" line="+9"/>
        <location filename="../forms/conflictpanel.cpp" line="+86"/>
        <location line="+186"/>
        <source>Conflicts and Rejected Changes</source>
        <translation>衝突及被拒的更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Conflicts</source>
        <translation>衝突</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>These records were changed both on this desk and at the back office. Compare the two versions field by field and keep one of them; until you choose, both are kept.</source>
        <translation>以下記錄在本機及後台均已被更改。請逐欄比較兩個版本，並保留其中一個；在閣下作出選擇前，兩個版本均會保留。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+139"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+129"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Found</source>
        <translation>發現時間</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The two versions, field by field</source>
        <translation>兩個版本的逐欄比較</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Keep Mine</source>
        <translation>保留我的版本(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this desk&apos;s version to the back office, over the one it holds</source>
        <translation>將本機的版本傳送至後台，取代後台現有的版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Take Theirs</source>
        <translation>採用後台的版本(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the back office&apos;s version and drop this desk&apos;s change</source>
        <translation>保留後台的版本，並捨棄本機的更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rejected</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office refused these changes, for the reason given. They are kept here for you to see and are not sent again; change the record in a way the back office allows, or ask the secretariat.</source>
        <translation>後台基於所列理由拒絕了以下更改。這些更改會保留在此供閣下查閱，但不會再次傳送；請以後台容許的方式更改有關記錄，或向秘書處查詢。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rejected changes</source>
        <translation>被拒的更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved</source>
        <translation>儲存時間</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was sent</source>
        <translation>已傳送的內容</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Dismiss</source>
        <translation>不再顯示(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have seen why it was refused: take it off the list</source>
        <translation>閣下已知悉被拒的理由：將此項從列表中移除</translation>
    </message>
    <message>
        <location filename="../forms/conflictpanel.cpp" line="-170"/>
        <source>a case no longer on this desk</source>
        <translation>本機已沒有的個案</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+97"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+65"/>
        <source>No reason was given</source>
        <translation>未有提供理由</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Conflicts (%1)</source>
        <translation>衝突（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (%1)</source>
        <translation>被拒（%1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There are no conflicts: every change made on this desk agrees with the back office.</source>
        <translation>沒有衝突：在本機作出的所有更改均與後台一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a conflict to compare its two versions.</source>
        <translation>請選擇一項衝突，以比較其兩個版本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You removed this record on this desk; the back office changed it.</source>
        <translation>閣下已在本機刪除此記錄；後台則更改了此記錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The back office removed this record; you changed it on this desk.</source>
        <translation>後台已刪除此記錄；閣下則在本機更改了此記錄。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields that differ: %1.</source>
        <translation>不同的欄位：%1 個。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The back office has refused none of the changes made on this desk.</source>
        <translation>後台未有拒絕在本機作出的任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused: %1</source>
        <translation>拒絕理由：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was sent:</source>
        <translation>已傳送的內容：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The conflict was not settled</source>
        <translation>衝突未能解決</translation>
    </message>
</context>
<context>
    <name>vd::CorrespondenceModel</name>
    <message>
        <location filename="../forms/correspondencemodel.cpp" line="+78"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In or out</source>
        <translation>收發</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>途徑</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written by</source>
        <translation>撰寫人</translation>
    </message>
</context>
<context>
    <name>vd::Crypto</name>
    <message>
        <location filename="../domain/crypto/opensslhandles.cpp" line="+63"/>
        <source>The cryptographic library failed (%1). This is a fault in the program or its installation, not in your data.</source>
        <translation>加密程式庫出錯（%1）。這是程式或其安裝的問題，並非閣下資料的問題。</translation>
    </message>
</context>
<context>
    <name>vd::DeadlineModel</name>
    <message>
        <location filename="../forms/deadlinemodel.cpp" line="+22"/>
        <source>Answer to clarification</source>
        <translation>回覆澄清要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee result to the applicant (2 working days)</source>
        <translation>通知申請企業評審委員會結果（2個工作天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vetting result (60 working days)</source>
        <translation>審批結果（60個工作天）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report</source>
        <translation>總結報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report</source>
        <translation>評估報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep project records</source>
        <translation>保存項目記錄</translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 日</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今日到期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>%n 日後到期</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>到期情況</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>個案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申請企業</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePanel</name>
    <message>
        <location filename="../forms/deadlinepanel.ui" line="+14"/>
        <source>Summary of deadlines</source>
        <translation>限期摘要</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Refresh</source>
        <translation>重新整理(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deadlines due and overdue</source>
        <translation>即將到期及已逾期的限期</translation>
    </message>
    <message>
        <location filename="../forms/deadlinepanel.cpp" line="+41"/>
        <location line="+105"/>
        <source>Looking for deadlines…</source>
        <translation>正在查找限期…</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The deadlines could not be read. %1</source>
        <translation>無法讀取限期。%1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Nothing is overdue, and nothing falls due in the next %n day(s).</source>
        <translation>
            <numerusform>沒有逾期事項，未來 %n 天內亦沒有到期事項。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue: %1. Due within a week: %2. All deadlines in the next %3 days: %4.</source>
        <translation>已逾期：%1。一星期內到期：%2。未來 %3 天內的所有限期：%4。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>VoucherDesk deadlines</source>
        <translation>券務台限期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadlines</source>
        <translation>限期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 項已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n due this week</source>
        <translation>
            <numerusform>%n 項於本星期到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePolicy</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="-32"/>
        <source>&quot;%1&quot; is not an action of this scheme</source>
        <translation>「%1」並非本計劃的操作</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>「%1」並非本計劃的狀態</translation>
    </message>
</context>
<context>
    <name>vd::DemoRules</name>
    <message>
        <location filename="../domain/demo/demorules.cpp" line="+27"/>
        <source>expected text</source>
        <translation>應為文字</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a scheme needs at least one rule set: add one with its effective date</source>
        <translation>計劃須最少有一套規則：請加入一套規則及其生效日期</translation>
    </message>
</context>
<context>
    <name>vd::DemoStatistics</name>
    <message>
        <location filename="../domain/demo/demostatistics.cpp" line="+28"/>
        <source>expected a year such as 2021</source>
        <translation>應為年份，例如 2021</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list at least one year</source>
        <translation>請最少列出一個年份</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>應為 %1 至 %2 之間的整數</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a demo statistics file this program knows</source>
        <translation>本程式不認識此示範統計檔案</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the endings add up to more than 1000 permille</source>
        <translation>各種結果的比例合計超過千分之一千</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expected [low, high]</source>
        <translation>應為 [下限, 上限]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list at least one budget part</source>
        <translation>請最少列出一個預算部分</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>enterprises with one application need a weight</source>
        <translation>只有一宗申請的企業須設定比重</translation>
    </message>
</context>
<context>
    <name>vd::DemoVocabulary</name>
    <message>
        <location filename="../domain/demo/demovocabulary.cpp" line="+43"/>
        <source>expected [English, Chinese]</source>
        <translation>應為 [英文, 中文]</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+13"/>
        <location line="+138"/>
        <source>list at least one entry</source>
        <translation>請最少列出一項</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>expected text</source>
        <translation>應為文字</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>not a demo vocabulary this program knows</source>
        <translation>本程式不認識此示範詞彙檔案</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>mark at least one district as industrial</source>
        <translation>請最少將一個地區標示為工業區</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>not a solution category of the scheme</source>
        <translation>並非本計劃的方案類別</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no item fits the solution &quot;%1&quot;: add one, or one for every solution</source>
        <translation>沒有適用於方案「%1」的開支項目：請加入一項，或加入適用於所有方案的項目</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>list the twelve months</source>
        <translation>請列出十二個月份</translation>
    </message>
</context>
<context>
    <name>vd::DemoWorkspace</name>
    <message>
        <location filename="../domain/demo/demoworkspace.cpp" line="+340"/>
        <source>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</source>
        <translation>此工作區已有資料；示範資料只可放入空白工作區：請以 --workspace 選擇新的資料夾</translation>
    </message>
</context>
<context>
    <name>vd::Desk</name>
    <message>
        <location filename="../app/desktop/desk.cpp" line="+39"/>
        <source>There is no active user “%1” in the workspace %2.</source>
        <translation>工作區 %2 內沒有處於啟用狀態的用戶「%1」。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--password-file: %1 cannot be read (%2).</source>
        <translation>--password-file：無法讀取 %1（%2）。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>--server: say who signs in to the back office with --user.</source>
        <translation>--server：請以 --user 指明登入後台的用戶。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: give the file that holds the password with --password-file.</source>
        <translation>--server：請以 --password-file 提供存有密碼的檔案。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: %1</source>
        <translation>--server：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signing in to the back office at %1 failed. %2</source>
        <translation>未能登入位於 %1 的後台。%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office at %1 failed. %2</source>
        <translation>與位於 %1 的後台首次同步失敗。%2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>You are at the desk as %1: sign in to the back office as %1, or sign out and choose another person.</source>
        <translation>閣下現以 %1 身分使用本機：請以 %1 登入後台，或登出後選擇另一人員。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace keeps in step with the back office at %1 and cannot sync with another. For %2, make a new workspace (File ▸ Switch Workspace).</source>
        <translation>此工作區與位於 %1 的後台保持同步，不能與其他後台同步。如要使用 %2，請建立新的工作區（檔案 ▸ 切換工作區）。</translation>
    </message>
    <message>
        <location filename="../app/desktop/screenshots.cpp" line="+63"/>
        <source>the screenshot could not be written</source>
        <translation>無法寫入螢幕截圖</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>The same fields were changed at the back office.</source>
        <translation>後台亦更改了相同的欄位。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the case officer of this application may change it.</source>
        <translation>只有此申請的個案主任可更改此申請。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the folder for the screenshots cannot be made</source>
        <translation>無法建立存放螢幕截圖的資料夾</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="+47"/>
        <source>The workspace has no such user to photograph the desk for; name one with --user.</source>
        <translation>工作區內沒有可用作拍攝螢幕截圖的此用戶；請以 --user 指明用戶。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>VoucherDesk: the desktop for technology voucher applications and their cases.</source>
        <translation>券務台：處理科技券申請及其個案的桌面程式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the workspace in this folder instead of asking.</source>
        <translation>開啟此資料夾內的工作區，而不作詢問。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as this user instead of asking.</source>
        <translation>以此用戶登入，而不作詢問。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this language and remember it: en, zh_HK or zh_CN.</source>
        <translation>使用此語言並記住選擇：en、zh_HK 或 zh_CN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write screenshots of the main windows into this folder and quit (needs --workspace).</source>
        <translation>將主要視窗的螢幕截圖寫入此資料夾，然後結束（須配合 --workspace）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office at this address as --user and sync with it in the background; the workspace is made if it is missing.</source>
        <translation>以 --user 指明的用戶登入此網址的後台，並在背景與其同步；如工作區尚未存在，會自動建立。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The back office password is the first line of this file.</source>
        <translation>後台密碼為此檔案的第一行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the back office&apos;s certificate in this file (PEM), for a back office with a self-signed certificate.</source>
        <translation>信任此檔案內的後台證書（PEM），適用於使用自行簽署證書的後台。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--lang: say en, zh_HK or zh_CN.</source>
        <translation>--lang：請指明 en、zh_HK 或 zh_CN。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--server: say in which workspace folder to keep what it syncs with --workspace.</source>
        <translation>--server：請以 --workspace 指明存放同步資料的工作區資料夾。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--screenshots: say which workspace to photograph with --workspace.</source>
        <translation>--screenshots：請以 --workspace 指明要拍攝螢幕截圖的工作區。</translation>
    </message>
</context>
<context>
    <name>vd::DetachedSignature</name>
    <message>
        <location filename="../domain/crypto/detachedsignature.cpp" line="+78"/>
        <source>This signing key is not the one the certificate of %1 was issued for.</source>
        <translation>此簽署密鑰並非 %1 的證書所對應的密鑰。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The signature of %1 verifies.</source>
        <translation>%1 的簽署核實無誤。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a VoucherDesk signature: a detached CMS signature with one signer, the signer&apos;s certificate and a signing time.</source>
        <translation>這不是 VoucherDesk 的簽署：應為只有一名簽署人的分離式 CMS 簽署，附有簽署人的證書及簽署時間。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature does not verify with the key of %1&apos;s certificate.</source>
        <translation>以 %1 的證書中的密鑰無法核實此簽署。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed content has been changed since %1 signed it.</source>
        <translation>簽署的內容在 %1 簽署後已被更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 was not issued by the back office&apos;s certificate authority (%2).</source>
        <translation>%1 的證書並非由後台的核證機關（%2）簽發。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was not valid when the signature was made.</source>
        <translation>作出簽署時，%1 的證書並非有效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 had been revoked when the signature was made.</source>
        <translation>作出簽署時，%1 的證書已被撤銷。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature claims to be made at %1, later than now.</source>
        <translation>此簽署聲稱於 %1 作出，遲於現在。</translation>
    </message>
</context>
<context>
    <name>vd::DraftJournal</name>
    <message>
        <location filename="../domain/store/draftjournal.cpp" line="+46"/>
        <source>The draft could not be saved: %1. Check that the workspace folder can be written to.</source>
        <translation>無法儲存草稿：%1。請檢查工作區資料夾是否可供寫入。</translation>
    </message>
</context>
<context>
    <name>vd::EligibilityChecklist</name>
    <message>
        <location filename="../domain/store/eligibilitychecklist.cpp" line="+49"/>
        <source>the scheme&apos;s eligibility checklist has no such item.</source>
        <translation>本計劃的資格審查清單並無此項。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only the secretariat ticks the eligibility checklist.</source>
        <translation>只有秘書處可剔選資格審查清單。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this case is not in the workspace.</source>
        <translation>此個案不在工作區內。</translation>
    </message>
</context>
<context>
    <name>vd::EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.cpp" line="+90"/>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share (%)</source>
        <translation>持股比例（%）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Enter the 8-digit number on your business registration certificate. Only a statutory body may leave it empty.</source>
        <translation>請填寫商業登記證上的8位數字號碼。只有法定機構可留空此欄。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A business registration number has 8 digits; this one has %n.</source>
        <translation>
            <numerusform>商業登記號碼應有8位數字；此號碼有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the enterprise&apos;s name in English, in Chinese or both.</source>
        <translation>請填寫企業的英文或中文名稱，或同時填寫兩者。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an email address. Write it as name@example.com.</source>
        <translation>此並非有效的電郵地址。請以 name@example.com 的格式填寫。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Owner %1 has no name.</source>
        <translation>第 %1 位擁有人未有填寫名稱。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The share of owner %1 must be a number from 0 to 100, such as 40 or 12.5.</source>
        <translation>第 %1 位擁有人的持股比例須為0至100之間的數字，例如40或12.5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The owners&apos; shares add up to more than 100%.</source>
        <translation>各擁有人的持股比例合計超過100%。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The profile could not be saved: %1</source>
        <translation>無法儲存企業資料：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile is saved.</source>
        <translation>企業資料已儲存。</translation>
    </message>
</context>
<context>
    <name>vd::EntityStore</name>
    <message>
        <location filename="../domain/store/entitystore.cpp" line="+111"/>
        <source>there is no kind of record called &quot;%1&quot;</source>
        <translation>沒有名為「%1」的記錄類別</translation>
    </message>
</context>
<context>
    <name>vd::Finding</name>
    <message>
        <location filename="../domain/core/finding.cpp" line="+37"/>
        <source>d MMMM yyyy</source>
        <extracomment>How dates are written in messages about an application (QDate format)</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The application has no submission date, so no rules can be applied to it. Give the date it is submitted.</source>
        <translation>本申請未有註明遞交日期，因此無法按任何規則評估。請填寫申請的遞交日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The programme takes applications submitted from %2; this one is dated %1, so no rules apply to it. Check the submission date.</source>
        <translation>本計劃接受於%2或以後遞交的申請；本申請的日期為%1，因此不適用任何規則。請核對遞交日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A business registration number is required: only a statutory body may apply without one. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>必須提供商業登記號碼：只有法定機構可在沒有商業登記號碼的情況下申請。請填寫商業登記證上的8位數字號碼。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business registration number &quot;%1&quot; is not valid. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>商業登記號碼「%1」無效。請填寫商業登記證上的8位數字號碼。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listed companies cannot apply: the programme is open to non-listed enterprises only.</source>
        <translation>上市公司不可申請：本計劃只接受非上市企業申請。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Government-subvented bodies and their subsidiaries cannot apply to the programme.</source>
        <translation>政府資助機構及其附屬機構不可申請本計劃。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only enterprises with substantive business in Hong Kong related to the project can apply. If yours has such business, say so and attach proof, such as its business records in Hong Kong.</source>
        <translation>只有在香港有與項目相關的實質業務運作的企業方可申請。如貴企業有此類業務，請加以說明並夾附證明文件，例如在香港的業務紀錄。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: a manufacturing enterprise must have fewer than %2 employees, and yours has %1.</source>
        <translation>根據遞交日期當日有效的規則，只有中小企業方可申請：製造業企業的僱員人數須少於%2人，而貴企業有%1人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: an enterprise outside manufacturing must have fewer than %2 employees, and yours has %1.</source>
        <translation>根據遞交日期當日有效的規則，只有中小企業方可申請：非製造業企業的僱員人數須少於%2人，而貴企業有%1人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the date your business commenced: under the rules in force on the submission date it must have operated in Hong Kong since %1 or earlier.</source>
        <translation>請填寫貴企業的開業日期：根據遞交日期當日有效的規則，貴企業須於%1或之前已開始在香港經營。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date your business must have operated in Hong Kong since %2 or earlier, but it commenced on %1. Apply once it has operated long enough.</source>
        <translation>根據遞交日期當日有效的規則，貴企業須於%2或之前已開始在香港經營，但貴企業於%1才開業。請待經營時間符合要求後再提出申請。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your application %1 is still open. An enterprise may have only one application or project at a time: apply again once that project is completed and its final report is in.</source>
        <translation>貴企業的申請%1尚未完結。每家企業同一時間只可有一宗申請或一個項目：請待該項目完成並已提交總結報告後，再提出申請。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the dates the project starts and ends.</source>
        <translation>請填寫項目的開始日期及結束日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project ends on %2, before it starts on %1. Correct the start and end dates.</source>
        <translation>項目的結束日期（%2）早於開始日期（%1）。請更正開始日期及結束日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A project may last at most %3 months: starting on %1 it must end by %4, but it ends on %2. Shorten the project or correct its dates.</source>
        <translation>項目最長為期%3個月：項目於%1開始，須於%4或之前結束，但現定於%2結束。請縮短項目期限或更正項目日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application has no budget items. Add each item you ask funding for, with its amount and quotations.</source>
        <translation>本申請未有列出任何開支項目。請逐一加入申請資助的開支項目，並填寫金額及附上報價。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item of %1 is over %2: an item that large must be procured by open tender, not by quotations. Reduce the item, or procure it by open tender and ask the secretariat how to proceed.</source>
        <translation>此開支項目的金額為%1，超過%2：如此金額的開支項目須以公開招標方式採購，不可以報價方式採購。請削減此開支項目，或以公開招標方式採購，並向秘書處查詢辦理方法。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item of %1 needs %2 quotations from different suppliers, but has %3. Add quotations from other suppliers, or select a quotation from the programme&apos;s e-procurement platform.</source>
        <translation>此開支項目的金額為%1，須有%2份來自不同供應商的報價，但現只有%3份。請加入其他供應商的報價，或選用本計劃電子採購平台上的報價。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No quotation of this item is selected. Select the quotation you will buy from.</source>
        <translation>此開支項目未有選定任何報價。請選定擬採用的報價。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 quotations of this item are selected. Select only the one you will buy from.</source>
        <translation>此開支項目選定了%1份報價。請只選定擬採用的一份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The item&apos;s amount of %1 differs from the selected quotation of %2 from %3. Make the amount equal to the selected quotation.</source>
        <translation>此開支項目的金額（%1）與選定的%3報價（%2）不符。請將金額改為與選定報價相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected quotation of %1 is not the lowest: %3 quoted %2. Select the lowest quotation, or explain in the justification why you chose this one.</source>
        <translation>選定的報價（%1）並非最低：%3的報價為%2。請選定最低的報價，或在理由說明中解釋選用此報價的原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the number of months this subscription runs for.</source>
        <translation>請填寫此訂用服務的訂用月數。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A subscription is funded for at most %2 months: of %3 for %1 months, %4 counts towards the grant and you pay the rest.</source>
        <translation>訂用服務最多只可獲資助%2個月：此訂用服務為期%1個月，費用合共%3，其中只有%4計入資助範圍，餘額須由貴企業支付。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit fee is funded up to %2: of %1, %2 counts towards the grant and you pay the rest.</source>
        <translation>核數費用的資助上限為%2：核數費用為%1，其中只有%2計入資助範圍，餘額須由貴企業支付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off-the-shelf products come to %1 of the project&apos;s total cost of %2, more than the %3 allowed. Reduce them, or replace them with customised solutions.</source>
        <translation>現成產品的開支合共%1（項目總成本為%2），超過准許的%3上限。請削減現成產品，或改以度身訂造的方案代替。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already had %1 projects funded, and the rules in force on the submission date allow at most %2. No further project can be funded.</source>
        <translation>貴企業已有%1個項目獲資助，而根據遞交日期當日有效的規則，每家企業最多只可有%2個項目獲資助。因此，貴企業不可再有其他項目獲資助。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already received %2 in grants, which uses up the %1 each enterprise may receive. No further grant can be made.</source>
        <translation>貴企業已獲資助合共%2，已用盡每家企業%1的累計資助上限。因此，貴企業不可再獲發資助。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The grant would be %1, but only %2 remains of the total your enterprise may receive, so the grant is %3.</source>
        <translation>按資助比例計算的資助額為%1，但貴企業的累計資助上限只餘%2，因此資助額定為%3。</translation>
    </message>
</context>
<context>
    <name>vd::HolidayCalendar</name>
    <message>
        <location filename="../domain/core/holidaycalendar.cpp" line="+33"/>
        <source>lists no holiday; every year has gazetted general holidays</source>
        <translation>未有列出任何假期；每年均有憲報公布的公眾假期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not in %2; move it to its own year</source>
        <translation>%1不在%2年內；請移至所屬年份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must come after %1: list a year&apos;s holidays in order, each once</source>
        <translation>必須在%1之後：每年的假期須按日期先後列出，每日只可列出一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a Sunday, a general holiday anyway; list the day designated in substitution instead</source>
        <translation>%1是星期日，本已是公眾假期；請改為列出指定的補假日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs a name in English, Traditional Chinese and Simplified Chinese</source>
        <translation>須有英文、繁體中文及簡體中文名稱</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a holiday calendar this program knows</source>
        <translation>並非本程式可識別的假期表</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lists no year; a calendar must cover at least one</source>
        <translation>未有列出任何年份；假期表須涵蓋最少一年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected %1: the years must follow each other without a gap</source>
        <translation>應為%1：年份須順序相連，不可中斷</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a missing date</source>
        <translation>未有提供的日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holiday calendar covers %1 to %2 only, so it cannot tell whether %3 is a working day. Install a holiday calendar that covers that year.</source>
        <translation>假期表只涵蓋%1至%2，因此無法判斷%3是否工作天。請安裝涵蓋該年份的假期表。</translation>
    </message>
</context>
<context>
    <name>vd::JsonReader</name>
    <message>
        <location filename="../domain/core/jsonreader.cpp" line="+23"/>
        <source>null</source>
        <translation>空值（null）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>true或false</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>數字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>物件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>line %1, column %2</source>
        <translation>第%1行第%2個字元</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../domain/core/jsonsections.cpp" line="+198"/>
        <source>not valid JSON (%1)</source>
        <translation>並非有效的JSON（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../domain/core/jsonsections.cpp" line="-154"/>
        <source>expected a JSON object at the top level</source>
        <translation>最外層應為JSON物件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, </source>
        <comment>between values in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+32"/>
        <source>expected an object, found %1</source>
        <translation>應為物件，但所填為%1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>is required</source>
        <translation>必須填寫</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>expected a list, found %1</source>
        <translation>應為列表，但所填為%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected text, found %1</source>
        <translation>應為文字，但所填為%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown value &quot;%1&quot;; expected one of: %2</source>
        <translation>不明的值「%1」；應為以下其中之一：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected true or false, found %1</source>
        <translation>應為true或false，但所填為%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a whole number, found %1</source>
        <translation>應為整數，但所填為%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be from %1 to %2</source>
        <translation>必須介乎%1至%2之間</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an amount of money must be written as text, such as &quot;1200.50&quot;</source>
        <translation>金額須以文字填寫，例如&quot;1200.50&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not be negative</source>
        <translation>不可為負數</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be greater than zero</source>
        <translation>必須大於零</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is too large: at most 999999999999.99</source>
        <translation>金額過大：上限為999999999999.99</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a percentage from 0 to 100, such as &quot;40&quot;</source>
        <translation>必須是0至100之間的百分比，例如&quot;40&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a date that exists; write it as YYYY-MM-DD</source>
        <translation>「%1」並非有效日期；請以YYYY-MM-DD格式填寫</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>needs text in English or Chinese</source>
        <translation>須有英文或中文內容</translation>
    </message>
</context>
<context>
    <name>vd::JsonSections</name>
    <message>
        <location filename="../domain/core/jsonsections.cpp" line="+7"/>
        <source>expected the name of a member, in quotes</source>
        <translation>應為以引號括住的成員名稱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a colon after the name of a member</source>
        <translation>成員名稱之後應有冒號</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a comma or the closing brace of the document</source>
        <translation>應為逗號或文件的結束大括號</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is more text after the end of the document</source>
        <translation>文件結束後仍有其他文字</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>expected a list of records</source>
        <translation>應為記錄列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a comma or the closing bracket of the list &quot;%1&quot;</source>
        <translation>應為逗號或列表「%1」的結束方括號</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the document ends inside a text</source>
        <translation>文件在一段文字中途結束</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the document ends too early</source>
        <translation>文件過早結束</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the document ends too early: a list or object is never closed</source>
        <translation>文件過早結束：有列表或物件未有結束</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a value</source>
        <translation>應為一個值</translation>
    </message>
</context>
<context>
    <name>vd::MainWindow</name>
    <message>
        <location filename="../forms/mainwindow.ui" line="+9"/>
        <source>VoucherDesk</source>
        <translation>券務台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pages</source>
        <translation>頁面</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;witch Workspace…</source>
        <translation>切換工作區(&amp;W)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign &amp;Out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Connect to a Back Office…</source>
        <translation>連接後台(&amp;C)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts and &amp;Rejected Changes…</source>
        <translation>衝突及被拒的更改(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Close Case</source>
        <translation>關閉個案(&amp;C)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;About VoucherDesk</source>
        <translation>關於券務台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/desktop/deskpages.cpp" line="+57"/>
        <source>Cannot open the case</source>
        <translation>無法開啟個案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>My Applications</source>
        <translation>我的申請</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise Profile</source>
        <translation>企業資料</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case Queue</source>
        <translation>個案隊列</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadlines</source>
        <translation>限期</translation>
    </message>
    <message>
        <location filename="../forms/mainwindow.cpp" line="+195"/>
        <source>New application</source>
        <translation>新申請</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft application</source>
        <translation>申請草稿</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>VoucherDesk — %1</source>
        <translation>券務台 — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in as %1 (%2)</source>
        <translation>已登入：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: %1</source>
        <translation>工作區：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed-in person</source>
        <translation>已登入人士</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作區</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About VoucherDesk</source>
        <translation>關於券務台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;VoucherDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Runs the %2: applications, screening, the assessment committee, funding agreements and payments.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;券務台 %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;用於處理%2的各項工作：申請、初步審查、評審委員會、資助協議及撥款。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vd::Migrations</name>
    <message>
        <location filename="../domain/store/migrations.cpp" line="+147"/>
        <source>the folder of migrations does not exist</source>
        <translation>遷移檔案的資料夾不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a migration must be named like 0001_initial.sql</source>
        <translation>遷移檔案的名稱須採用0001_initial.sql的格式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the migration: %1</source>
        <translation>無法讀取遷移檔案：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>migrations must be numbered 1, 2, 3… without gaps; expected number %1</source>
        <translation>遷移檔案須按1、2、3……順序編號，不可中斷；應為第 %1 號</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the PostgreSQL migrations must have the same files as the SQLite ones; %1 differs</source>
        <translation>PostgreSQL 的遷移檔案必須與 SQLite 的相同；%1 不相符</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the migration leaves records that refer to missing records</source>
        <translation>此遷移會令部分記錄指向不存在的記錄</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+39"/>
        <source>the workspace could not be brought to schema version %1 and stays at version %2: %3</source>
        <translation>工作區未能更新至結構版本 %1，仍維持於版本 %2：%3</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>these migrations have no PostgreSQL set (a postgresql/ folder)</source>
        <translation>這些遷移沒有 PostgreSQL 版本（postgresql/ 資料夾）</translation>
    </message>
</context>
<context>
    <name>vd::Money</name>
    <message>
        <location filename="../domain/core/money.cpp" line="+51"/>
        <source>an amount is required</source>
        <translation>必須填寫金額</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>the amount is too large</source>
        <translation>金額過大</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+11"/>
        <location line="+5"/>
        <source>not an amount of money: use digits such as 1200 or 1200.50</source>
        <translation>並非有效金額：請以數字填寫，例如1200或1200.50</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>at most two decimal places</source>
        <translation>最多只可有兩個小數位</translation>
    </message>
</context>
<context>
    <name>vd::MoneyDelegate</name>
    <message>
        <location filename="../forms/editordelegates.cpp" line="+19"/>
        <source>e.g. 120000.00</source>
        <translation>例如 120000.00</translation>
    </message>
</context>
<context>
    <name>vd::MyApplicationsModel</name>
    <message>
        <location filename="../forms/myapplicationsmodel.cpp" line="+75"/>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reference</source>
        <translation>參考編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>遞交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最後更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next deadline</source>
        <translation>下一個限期</translation>
    </message>
</context>
<context>
    <name>vd::Outbox</name>
    <message>
        <location filename="../domain/store/outbox.cpp" line="+89"/>
        <source>unknown answer &quot;%1&quot; for a queued change</source>
        <translation>待傳送的更改收到不明回覆「%1」</translation>
    </message>
</context>
<context>
    <name>vd::QuotationsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+74"/>
        <source>Supplier</source>
        <translation>供應商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>金額（港元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>已選定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the e-procurement platform</source>
        <translation>來自電子採購平台</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change supplier of quotation %1</source>
        <translation>更改第 %1 份報價的供應商</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change amount of quotation %1</source>
        <translation>更改第 %1 份報價的金額</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select quotation %1</source>
        <translation>選定第 %1 份報價</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark quotation %1 as from the e-procurement platform</source>
        <translation>將第 %1 份報價標示為來自電子採購平台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add quotation to item %1</source>
        <translation>為第 %1 項開支項目新增報價</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove quotation %1</source>
        <translation>移除第 %1 份報價</translation>
    </message>
</context>
<context>
    <name>vd::RecordComparisonModel</name>
    <message>
        <location filename="../forms/recordcomparisonmodel.cpp" line="+96"/>
        <source>%1 (English)</source>
        <translation>%1（英文）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (Chinese)</source>
        <translation>%1（中文）</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk&apos;s version</source>
        <translation>本機的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back office&apos;s version</source>
        <translation>後台的版本</translation>
    </message>
</context>
<context>
    <name>vd::Records</name>
    <message>
        <location filename="../domain/store/recordtable.h" line="+665"/>
        <source>there is no such record to remove</source>
        <translation>沒有此項記錄可供刪除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this record was changed since it was read (stored revision %1, yours %2); reload it and make the change again</source>
        <translation>此記錄在讀取後已被更改（已儲存的修訂版本為 %1，閣下的為 %2）；請重新載入後再作更改</translation>
    </message>
</context>
<context>
    <name>vd::RevocationList</name>
    <message>
        <location filename="../domain/crypto/revocationlist.cpp" line="+80"/>
        <source>A revocation needs a serial, a time and a reason.</source>
        <translation>撤銷須有序號、時間及理由。</translation>
    </message>
</context>
<context>
    <name>vd::RuleBook</name>
    <message>
        <location filename="../domain/core/rulebook.cpp" line="+31"/>
        <source>is required; write null when the rule does not apply</source>
        <translation>必須填寫；如規則不適用，請填寫null</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected one of: %1</source>
        <translation>應為以下其中之一：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not a valid regular expression: %1</source>
        <translation>並非有效的正規表達式：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give either &quot;below&quot; or &quot;up_to&quot;</source>
        <translation>請填寫「below」或「up_to」其中一項</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bands must rise: each limit above the one before</source>
        <translation>金額級別須逐級遞增：每級的限額須高於前一級</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs at least one band</source>
        <translation>須有最少一個金額級別</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a budget category; expected one of: %1</source>
        <translation>並非預算類別；應為以下其中之一：%1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>rule sets must be in the order they took effect</source>
        <translation>規則組須按生效日期先後排列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>「%1」重複定義</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>needs at least one rule set</source>
        <translation>須有最少一個規則組</translation>
    </message>
</context>
<context>
    <name>vd::Scheme</name>
    <message>
        <location filename="../domain/core/scheme.cpp" line="+69"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>「%1」重複定義</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not a scheme file this program knows</source>
        <translation>並非本程式可識別的計劃檔案</translation>
    </message>
</context>
<context>
    <name>vd::SealedBox</name>
    <message>
        <location filename="../domain/crypto/sealedbox.cpp" line="+135"/>
        <source>The passphrase does not open this workspace&apos;s sealed cases. Nothing was changed; try again with the passphrase you chose for it.</source>
        <translation>此密碼短語無法開啟此工作區的密封個案。未有任何更改；請以閣下為此工作區所設的密碼短語再試。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sealed case content does not open with this workspace&apos;s key: it was changed or moved.</source>
        <translation>密封的個案內容無法以此工作區的密鑰開啟：內容已被更改或移動。</translation>
    </message>
</context>
<context>
    <name>vd::SealedWorkspace</name>
    <message>
        <location filename="../domain/store/sealedworkspace.cpp" line="+55"/>
        <source>this is not a sealed VoucherDesk workspace</source>
        <translation>這不是已密封的 VoucherDesk 工作區</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sealed workspace is cut short</source>
        <translation>已密封的工作區不完整</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the sealed workspace cannot be written: %1</source>
        <translation>無法寫入已密封的工作區：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>this workspace is sealed; give its passphrase to open it</source>
        <translation>此工作區已密封；請提供其密碼短語以開啟</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>this folder holds a workspace already; nothing was changed</source>
        <translation>此資料夾已有工作區；未有任何更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the workspace folder</source>
        <translation>無法建立工作區資料夾</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>another program has this sealed workspace open; close it there first</source>
        <translation>另一程式已開啟此密封工作區；請先在該程式中關閉</translation>
    </message>
</context>
<context>
    <name>vd::SignInDesk</name>
    <message numerus="yes">
        <location filename="../domain/backoffice/signindesk.cpp" line="+47"/>
        <source>Too many failed sign-ins: %1 is locked until %2 UTC (%n minute(s) from now). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>登入失敗次數過多：%1 已被鎖定至 %2 UTC（尚餘 %n 分鐘）。請屆時再試，或聯絡系統管理員。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Too many failed sign-ins: %1 is now locked for %n minute(s). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>登入失敗次數過多：%1 現已被鎖定 %n 分鐘。請屆時再試，或聯絡系統管理員。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The username or password is wrong. After %n more failed attempt(s) the account is locked for %1 minutes.</source>
        <translation>
            <numerusform>用戶名稱或密碼錯誤。如再有 %n 次登入失敗，帳戶將被鎖定 %1 分鐘。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in first: send the token from POST /api/v1/login as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>請先登入：將 POST /api/v1/login 取得的權杖以「Authorization: Bearer TOKEN」傳送。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The access token is unknown or has expired: sign in again.</source>
        <translation>存取權杖不明或已過期：請重新登入。</translation>
    </message>
</context>
<context>
    <name>vd::SignInDialog</name>
    <message>
        <location filename="../forms/signindialog.ui" line="+9"/>
        <source>Sign In</source>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose who you are. The people of this workspace are listed by their role.</source>
        <translation>請選擇閣下的身分。此工作區的人員按角色列出。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Find:</source>
        <translation>尋找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find a person</source>
        <translation>尋找人員</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name or user name</source>
        <translation>姓名或用戶名稱</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>People by role</source>
        <translation>按角色列出的人員</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Person</source>
        <translation>人員</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>用戶名稱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../forms/signindialog.cpp" line="+118"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 more; type part of a name to find them</source>
        <translation>另有 %1 人；請輸入部分姓名以尋找</translation>
    </message>
</context>
<context>
    <name>vd::SignedContent</name>
    <message>
        <location filename="../domain/store/signedcontent.cpp" line="+16"/>
        <source>&quot;%1&quot; is not something that is signed: use %2</source>
        <translation>「%1」不是可簽署的項目：請使用 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no %1 %2 in this workspace to sign.</source>
        <translation>此工作區內沒有可簽署的 %1 %2。</translation>
    </message>
</context>
<context>
    <name>vd::SigningKey</name>
    <message>
        <location filename="../domain/crypto/signingkey.cpp" line="+53"/>
        <source>This is not an ECDSA P-256 key, the only kind VoucherDesk signs with.</source>
        <translation>這不是 ECDSA P-256 密鑰，而 VoucherDesk 只以此類密鑰簽署。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This is not an encrypted signing key (a PEM file beginning &quot;-----BEGIN ENCRYPTED PRIVATE KEY-----&quot;).</source>
        <translation>這不是已加密的簽署密鑰（以「-----BEGIN ENCRYPTED PRIVATE KEY-----」開首的 PEM 檔案）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase does not unlock this signing key. Check it and try again; the key file has not been changed.</source>
        <translation>此密碼短語無法解鎖此簽署密鑰。請檢查後再試；密鑰檔案未有更改。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signing key cannot be read: %1.</source>
        <translation>無法讀取簽署密鑰：%1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A signing key needs a passphrase.</source>
        <translation>簽署密鑰須設有密碼短語。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The signing key cannot be saved: %1.</source>
        <translation>無法儲存簽署密鑰：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The certificate authority&apos;s key file is damaged.</source>
        <translation>核證機關的密鑰檔案已損壞。</translation>
    </message>
</context>
<context>
    <name>vd::SigningTrust</name>
    <message>
        <location filename="../domain/store/signingtrust.cpp" line="+35"/>
        <source>what signatures are checked against cannot be kept: %1</source>
        <translation>無法保存用以核對簽署的資料：%1</translation>
    </message>
</context>
<context>
    <name>vd::SubmissionManifest</name>
    <message>
        <location filename="../domain/store/submissionmanifest.cpp" line="+44"/>
        <source>There is no application with this reference in the workspace.</source>
        <translation>工作區內沒有此編號的申請。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment&apos;s content (SHA-256 %1) is not in this workspace; sync to fetch it, then try again.</source>
        <translation>附件內容（SHA-256 %1）不在此工作區內；請先同步以取得該附件，然後再試。</translation>
    </message>
</context>
<context>
    <name>vd::SyncClient</name>
    <message>
        <location filename="../domain/sync/syncclient.cpp" line="+169"/>
        <source>sign in to the back office before syncing</source>
        <translation>請先登入後台，然後再同步</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>the back office answered %1 of the %2 changes sent; they stay queued</source>
        <translation>後台只回應了已傳送的 %2 項更改中的 %1 項；這些更改會繼續留待傳送</translation>
    </message>
</context>
<context>
    <name>vd::SyncDesk</name>
    <message>
        <location filename="../domain/backoffice/syncdesk.cpp" line="+154"/>
        <source>expected an array of case ids</source>
        <translation>應為個案識別碼的陣列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a case id (a string)</source>
        <translation>應為個案識別碼（字串）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected this device&apos;s id (a string)</source>
        <translation>應為本裝置的識別碼（字串）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>expected this device&apos;s id: 1 to 100 characters</source>
        <translation>應為本裝置的識別碼：1 至 100 個字元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A push carries at most %1 operations; send the rest in another push.</source>
        <translation>每次傳送最多包含 %1 項操作；其餘操作請另行傳送。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>an upsert carries the record</source>
        <translation>upsert 操作須附有記錄</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>There is no kind of record called &quot;%1&quot;.</source>
        <translation>沒有名為「%1」的記錄類別。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the back office makes %1 records: they come with the workflow action.</source>
        <translation>只有後台可建立類別為 %1 的記錄：這些記錄隨工作流程操作產生。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A record&apos;s id must be a UUID, not &quot;%1&quot;.</source>
        <translation>記錄的識別碼須為 UUID，而非「%1」。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record refers to a record the back office does not have (or no longer has).</source>
        <translation>此記錄所指的記錄並不存在於後台（或已不再存在）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your role (%1) may not change %2 records.</source>
        <translation>閣下的角色（%1）不可更改類別為 %2 的記錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case is not among the cases you can see.</source>
        <translation>此個案不在閣下可查閱的個案之中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A signature is never changed or removed; sign again instead.</source>
        <translation>簽署一經作出便不會更改或刪除；如有需要，請重新簽署。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A review is written only by its reviewer.</source>
        <translation>評審只可由其評審員撰寫。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An interest declaration is made only by the member it is about.</source>
        <translation>利益申報只可由所涉及的委員作出。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An applicant changes only its own enterprise&apos;s records.</source>
        <translation>申請企業只可更改其本身企業的記錄。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A submitted application changes only through its workflow, or when clarification is requested.</source>
        <translation>已遞交的申請只可經其工作流程更改，或在被要求澄清時更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role (%1) moves a case through its workflow but does not edit it.</source>
        <translation>閣下的角色（%1）可按工作流程處理個案，但不可編輯個案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The record was changed on the back office (revision %1) after the revision %2 you removed.</source>
        <translation>閣下刪除的是修訂版本 %2，但此記錄其後已在後台被更改（修訂版本 %1）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The record&apos;s id is not the operation&apos;s record_id.</source>
        <translation>記錄的識別碼與操作的 record_id 不符。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record was removed on the back office after you changed it.</source>
        <translation>閣下更改此記錄後，此記錄已在後台被刪除。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A new application starts as a draft; it is submitted by the submit action.</source>
        <translation>新申請須以草稿形式開始；申請須經「遞交」操作遞交。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The record is at revision %1 on the back office; yours was made on revision %2.</source>
        <translation>此記錄在後台的修訂版本為 %1；閣下的更改是基於修訂版本 %2 作出。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changed on the back office too (revision %1, yours was made on %2): %3.</source>
        <translation>後台亦已更改（修訂版本 %1，閣下的更改基於 %2）：%3。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A case&apos;s status changes only by a workflow action (such as submit), not by editing it.</source>
        <translation>個案的狀態只可經工作流程操作（例如遞交）更改，不可直接編輯。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A signature is made only by its signer.</source>
        <translation>簽署只可由簽署人本人作出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This back office checks no signatures.</source>
        <translation>此後台不核對簽署。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signature for %1 signs a record of another kind, not %2.</source>
        <translation>%1 的簽署所簽的是另一類記錄，而非 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your role (%1) does not sign this %2.</source>
        <translation>閣下的角色（%1）不會簽署此%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed record belongs to another case.</source>
        <translation>所簽署的記錄屬於另一個個案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was signed is not the %1 as the back office holds it: it changed after it was signed. Sync, look at it again and sign it again.</source>
        <translation>所簽署的內容與後台所存的%1不同：它在簽署後已被更改。請同步，再次查看後重新簽署。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The signature&apos;s certificate or signing time is not the one the record names, or not yours.</source>
        <translation>簽署的證書或簽署時間與記錄所載的不符，或並非閣下的。</translation>
    </message>
</context>
<context>
    <name>vd::SyncIndicator</name>
    <message>
        <location filename="../forms/syncindicator.cpp" line="+104"/>
        <source>Not connected to a back office</source>
        <translation>未連接後台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed in to %1</source>
        <translation>未登入 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in to the back office…</source>
        <translation>正在登入後台…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>已連接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced at %1</source>
        <translation>已於%1同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: the back office cannot be reached</source>
        <translation>離線：無法連接後台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline since the sync at %1</source>
        <translation>自%1同步後處於離線狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office again</source>
        <translation>請重新登入後台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last sync failed; it is tried again shortly</source>
        <translation>上次同步失敗；稍後會自動再試</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING: sync stopped, the back office&apos;s audit history is not the one this desk saw</source>
        <translation>警告：同步已停止，後台的審計記錄歷史與本機所見的不同</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · waiting to be sent: %1</source>
        <translation> · 待傳送：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts: %1</source>
        <translation>衝突：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: %1</source>
        <translation>被拒：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>See the conflicts and the changes the back office refused</source>
        <translation>查看衝突及後台拒絕的更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect…</source>
        <translation>連接…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back office: %1</source>
        <translation>後台：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>vd::SyncProtocol</name>
    <message>
        <location filename="../domain/backoffice/syncprotocol.cpp" line="+38"/>
        <source>A sync request must name its protocol version in the VoucherDesk-Protocol header; this server serves %1.</source>
        <translation>同步要求須在 VoucherDesk-Protocol 標頭中註明協定版本；本伺服器提供的版本為 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server serves sync protocol %1, not &quot;%2&quot;: update VoucherDesk or the back office so that they share a version.</source>
        <translation>本伺服器提供的同步協定為 %1，而非「%2」：請更新券務台或後台，使兩者使用相同版本。</translation>
    </message>
</context>
<context>
    <name>vd::SyncReplica</name>
    <message>
        <location filename="../domain/store/syncreplica.cpp" line="+283"/>
        <source>the back office answered &quot;%1&quot; for a queued change, which this program does not know</source>
        <translation>後台就一項待傳送的更改回覆了「%1」，本程式無法識別此回覆</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>there is no conflict for change %1; it may have been resolved already</source>
        <translation>更改 %1 沒有衝突；衝突可能已經解決</translation>
    </message>
</context>
<context>
    <name>vd::SyncState</name>
    <message>
        <location filename="../domain/store/syncstate.cpp" line="+43"/>
        <source>the sync state must change in the same transaction as the changes it records</source>
        <translation>同步狀態須與其記錄的更改在同一交易中更新</translation>
    </message>
</context>
<context>
    <name>vd::Transaction</name>
    <message>
        <location filename="../domain/store/transaction.cpp" line="+36"/>
        <source>a change was started while another one is still open; finish the first one</source>
        <translation>上一項更改尚未完成便開始了另一項更改；請先完成第一項</translation>
    </message>
</context>
<context>
    <name>vd::TreeHeadWatch</name>
    <message>
        <location filename="../domain/sync/treeheadwatch.cpp" line="+59"/>
        <source>The back office sent no complete signed head of its audit log; the sync was stopped.</source>
        <translation>後台未有傳來完整、已簽署的審計日誌樹頂；同步已停止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WARNING: the back office&apos;s audit history was rewritten. %1 This desk saw its audit log at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). The sync was stopped before anything more was received: tell the programme&apos;s auditor.</source>
        <translation>警告：後台的審計記錄歷史已被改寫。%1 本機曾見其審計日誌有 %2 項記錄（根 %3，簽署於 %4）；現時則顯示 %5 項記錄（根 %6，簽署於 %7）。同步已在收到更多內容前停止：請通知計劃的審計師。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entries this desk saw are gone.</source>
        <translation>本機曾見的記錄已消失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same number of entries now hashes differently.</source>
        <translation>相同數目的記錄現時得出不同的雜湊值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It gave no consistency proof made of hashes.</source>
        <translation>後台未有提供由雜湊值組成的一致性證明。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its consistency proof does not lead from the old head to the new one.</source>
        <translation>其一致性證明無法由舊樹頂推導至新樹頂。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>WARNING: the back office signs its audit log with another key than the one this desk knows. The sync was stopped: ask the programme&apos;s administrator whether the key was replaced.</source>
        <translation>警告：後台以本機不認識的另一密鑰簽署其審計日誌。同步已停止：請向計劃的系統管理員查詢密鑰是否已更換。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WARNING: the back office&apos;s tree head of %1 entries does not carry a valid signature. The sync was stopped.</source>
        <translation>警告：後台 %1 項記錄的樹頂沒有有效簽署。同步已停止。</translation>
    </message>
</context>
<context>
    <name>vd::UnitOfWork</name>
    <message>
        <location filename="../domain/store/unitofwork.cpp" line="+102"/>
        <source>audit entries written in bulk do not continue the audit trail of this workspace; nothing was written</source>
        <translation>批量寫入的審計記錄未能延續此工作區的審計線索；未有寫入任何內容</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>audit entry %1 does not continue the audit trail of this workspace; nothing was restored</source>
        <translation>第 %1 項審計記錄未能接續此工作區的審計線索；未有還原任何資料</translation>
    </message>
</context>
<context>
    <name>vd::Workflow</name>
    <message>
        <location filename="../domain/core/workflow.cpp" line="+37"/>
        <source>must name at least one</source>
        <translation>須列出最少一項</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected an id written as text</source>
        <translation>應為以文字填寫的識別碼</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>「%1」重複列出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“%1”</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 %2</source>
        <comment>one sentence after another</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a case status of this scheme, so no action can be decided for it. Reload the case and try again.</source>
        <translation>「%1」並非本計劃的個案狀態，因此無法判斷可採取的操作。請重新載入個案，然後再試。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an action of this scheme. Choose one of the actions offered for the case.</source>
        <translation>「%1」並非本計劃的操作。請從個案可採取的操作中選擇。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a role of this scheme, so it cannot act on cases. Ask an administrator to check your account.</source>
        <translation>「%1」並非本計劃的角色，因此不能處理個案。請聯絡系統管理員查核閣下的帳戶。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is “%1”, which is final: the action “%2” can no longer be taken by anyone, “%3” included.</source>
        <translation>個案狀態為「%1」，已屬最終狀態：任何人（包括「%3」）均不可再採取「%2」操作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action “%1” cannot be taken on a case that is “%2” (you act as “%3”).</source>
        <translation>狀態為「%2」的個案不可採取「%1」操作（閣下的身分為「%3」）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It can be taken only on a case that is %1.</source>
        <translation>此操作只適用於狀態為%1的個案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It can be taken only on a case in one of these statuses: %1.</source>
        <translation>此操作只適用於處於以下其中一種狀態的個案：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As “%1” you cannot take the action “%2” on a case that is “%3”.</source>
        <translation>閣下以「%1」身分，不可對狀態為「%3」的個案採取「%2」操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only %1 can take it.</source>
        <translation>只有%1可採取此操作。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these roles can take it: %1.</source>
        <translation>只有以下角色可採取此操作：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As “%1” you can take the action “%2” on a case that is “%3”, but only with a reason. Write why, and try again.</source>
        <translation>閣下以「%1」身分，可對狀態為「%3」的個案採取「%2」操作，但必須說明理由。請填寫理由，然後再試。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>lists no status; a workflow needs at least one</source>
        <translation>未有列出任何狀態；工作流程須有最少一個狀態</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only one status can be where every case starts, and &quot;%1&quot; already is</source>
        <translation>只可有一個狀態作為所有個案的起始狀態，而「%1」已是起始狀態</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no status is marked &quot;initial&quot;: true; mark the one where every case starts</source>
        <translation>沒有任何狀態標示為&quot;initial&quot;: true；請標示所有個案的起始狀態</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>「%1」並非本計劃的狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a role of this scheme</source>
        <translation>「%1」並非本計劃的角色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is a terminal status: no action may lead out of it</source>
        <translation>「%1」是終結狀態：不可有任何操作由此狀態轉出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the action would lead from &quot;%1&quot; back to the same status</source>
        <translation>此操作會由「%1」轉回同一狀態</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no action leads out of &quot;%1&quot;; add one, or mark the status &quot;terminal&quot;: true</source>
        <translation>沒有任何操作可由「%1」轉出；請加入一項操作，或將此狀態標示為&quot;terminal&quot;: true</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no case can reach &quot;%1&quot; from &quot;%2&quot;</source>
        <translation>個案無法由「%2」到達「%1」</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a case in &quot;%1&quot; could never finish: no chain of actions leads to a terminal status</source>
        <translation>處於「%1」的個案永遠無法完結：沒有任何一連串操作可通往終結狀態</translation>
    </message>
</context>
<context>
    <name>vd::Workspace</name>
    <message>
        <location filename="../domain/store/sql.cpp" line="+32"/>
        <source>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</source>
        <translation>工作區正被另一程式使用；請關閉該程式或稍後再試（%1；指令：%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace database refused a statement: %1 (statement: %2)</source>
        <translation>工作區資料庫拒絕執行指令：%1（指令：%2）</translation>
    </message>
    <message>
        <location filename="../domain/store/workspace.cpp" line="+40"/>
        <source>this file is not a VoucherDesk workspace (%1); choose the folder of a workspace, or an empty folder for a new one</source>
        <translation>此檔案並非券務台工作區（%1）；請選擇工作區所在的資料夾，或選擇空白資料夾以建立新工作區</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the workspace: %1</source>
        <translation>無法讀取工作區：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is not an SQLite database</source>
        <translation>此檔案並非 SQLite 資料庫</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+54"/>
        <source>another program made it</source>
        <translation>此檔案由另一程式建立</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</source>
        <translation>此工作區由較新版本的券務台寫入（結構版本 %1；本程式只支援至 %2）；請安裝較新版本的程式再開啟。工作區未有任何改動。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this database holds no workspace yet; create one first (voucherdesk-cli init, or start the back office on it)</source>
        <translation>此資料庫尚未有工作區；請先建立（voucherdesk-cli init，或在其上啟動後台）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no workspace in this folder; create one first (voucherdesk-cli init)</source>
        <translation>此資料夾內沒有工作區；請先建立一個（voucherdesk-cli init）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot create the workspace folder</source>
        <translation>無法建立工作區資料夾</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>the SQLite driver of Qt SQL gives no connection handle; VoucherDesk needs Qt&apos;s QSQLITE driver</source>
        <translation>Qt SQL 的 SQLite 驅動程式未有提供連線控制代碼；券務台須使用 Qt 的 QSQLITE 驅動程式</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>the database&apos;s encoding is %1; VoucherDesk needs a UTF8 database (CREATE DATABASE … ENCODING &apos;UTF8&apos;)</source>
        <translation>資料庫的編碼為 %1；VoucherDesk 需要 UTF8 資料庫（CREATE DATABASE … ENCODING &apos;UTF8&apos;）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</source>
        <translation>工作區無法使用預寫式日誌（日誌模式仍為「%1」）；請將工作區存放於本機磁碟</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</source>
        <translation>此 SQLite 沒有附三元組分詞器的 FTS5 全文搜尋功能（須使用 3.34 或以上並啟用 FTS5 的 SQLite）：%1</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+117"/>
        <source>it holds tables of another program</source>
        <translation>其中載有另一程式的資料表</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceDialog</name>
    <message>
        <location filename="../forms/workspacedialog.ui" line="+9"/>
        <source>Open a Workspace</source>
        <translation>開啟工作區</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recent workspaces:</source>
        <translation>最近使用的工作區(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recent workspaces</source>
        <translation>最近使用的工作區</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open</source>
        <translation>開啟(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Folder…</source>
        <translation>開啟資料夾(&amp;F)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New workspace</source>
        <translation>新工作區</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fol&amp;der:</source>
        <translation>資料夾(&amp;D)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder of the new workspace</source>
        <translation>新工作區的資料夾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contents:</source>
        <translation>內容：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E&amp;mpty</source>
        <translation>空白(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo &amp;data, applications:</source>
        <translation>示範資料，申請宗數(&amp;D)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Number of demo applications</source>
        <translation>示範申請宗數</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Create</source>
        <translation>建立(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Co&amp;nnect to a Back Office…</source>
        <translation>連接後台(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the new workspace in the folder from a back office: sign in, and it fetches what you may see</source>
        <translation>從後台在此資料夾建立新工作區：登入後，會取得閣下可查閱的資料</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../forms/workspacedialog.cpp" line="+107"/>
        <source>The workspace in %1 is sealed: its cases are kept encrypted on this computer. Type its passphrase to open it.</source>
        <translation>%1 內的工作區已密封：其個案以加密方式存於此電腦。請輸入其密碼短語以開啟。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealed workspace</source>
        <translation>已密封的工作區</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cases on a committee member&apos;s computer are kept encrypted. Choose a passphrase of at least 8 characters for this workspace: it is asked for each time the workspace opens, and cannot be recovered if forgotten (the back office keeps the cases).</source>
        <translation>委員會委員電腦上的個案會以加密方式存放。請為此工作區設定最少 8 個字元的密碼短語：每次開啟工作區時均須輸入；如忘記將無法取回（個案仍存於後台）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+16"/>
        <source>Seal this workspace</source>
        <translation>密封此工作區</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type the passphrase again:</source>
        <translation>請再輸入一次密碼短語：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase is shorter than 8 characters.</source>
        <translation>密碼短語少於 8 個字元。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>兩次輸入的密碼短語不相同。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This folder cannot be opened as a workspace. %1</source>
        <translation>此資料夾無法以工作區形式開啟。%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Say in which folder to make the workspace.</source>
        <translation>請指明在哪個資料夾建立工作區。</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+25"/>
        <source>There is already a workspace in %1. Open it instead, or choose another folder.</source>
        <translation>%1 內已有工作區。請改為開啟該工作區，或選擇另一個資料夾。</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+54"/>
        <source>The workspace could not be made. %1</source>
        <translation>無法建立工作區。%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office failed, so the workspace in %1 is still empty; connect again to retry. %2</source>
        <translation>與後台首次同步失敗，因此 %1 內的工作區仍然空白；請重新連接再試。%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office did not send the account of %1, so nobody could work at this desk. Ask the secretariat whether %1 may use the desktop application.</source>
        <translation>後台未有傳送 %1 的帳戶，因此無人可在本機工作。請向秘書處查詢 %1 是否可使用桌面應用程式。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing demo applications…</source>
        <translation>正在寫入示範申請…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a Workspace Folder</source>
        <translation>開啟工作區資料夾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the New Workspace</source>
        <translation>新工作區的資料夾</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceExport</name>
    <message>
        <location filename="../domain/store/workspacedocument.cpp" line="+56"/>
        <source>cannot write the document: %1</source>
        <translation>無法寫入文件：%1</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceImport</name>
    <message>
        <location filename="../domain/store/workspaceimport.cpp" line="+104"/>
        <source>must be a SHA-256 hash: 64 hexadecimal digits in lower case</source>
        <translation>須為 SHA-256 雜湊值：64 位小寫十六進位數字</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>is before the start (%1)</source>
        <translation>早於開始日期（%1）</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>there is no record with the id &quot;%1&quot; in %2, neither in the document nor in the workspace; add it to the document&apos;s &quot;%2&quot;</source>
        <translation>在 %2 中，文件及工作區內均沒有編號為「%1」的記錄；請將其加入文件的「%2」</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 already has &quot;%2&quot;; it must be unique</source>
        <translation>%1 已使用「%2」；此值不得重複</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the workspace already has a record with &quot;%1&quot;; it must be unique</source>
        <translation>工作區已有記錄使用「%1」；此值不得重複</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+375"/>
        <source>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</source>
        <translation>須為小寫的 UUID，例如 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</translation>
    </message>
    <message>
        <location line="-373"/>
        <source>the id &quot;%1&quot; is used twice in the document; every part needs its own</source>
        <translation>文件內編號「%1」被使用了兩次；每個部分須有自己的編號</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the workspace already has a part with the id &quot;%1&quot;</source>
        <translation>工作區已有編號為「%1」的部分</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>an applicant cannot be related to itself</source>
        <translation>申請企業不能與自身有關連</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+209"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>不明的計劃「%1」；應為「%2」</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>is scored twice in this review</source>
        <translation>在此評審中被評分兩次</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>不明的格式「%1」；應為「%2」</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>appears twice in the document</source>
        <translation>在文件中出現兩次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown section; a workspace document has: %1</source>
        <translation>不明的部分；工作區文件包括：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>並非有效的時間；請寫成 2026-03-01T09:30:00Z 的格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected a list of records</source>
        <translation>應為記錄列表</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>audit entry %1 (%2) should be number %3: entries were removed, added or moved</source>
        <translation>第 %1 項審計記錄（%2）應為第 %3 項：有記錄曾被刪除、加入或移動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit entry %1 (%2) does not follow the entry before it: entries were removed, added or moved</source>
        <translation>第 %1 項審計記錄（%2）未能接續前一項記錄：有記錄曾被刪除、加入或移動</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audit entry %1 (%2) was changed after it was written: its hash does not match its contents</source>
        <translation>第 %1 項審計記錄（%2）在寫入後曾被更改：其雜湊值與內容不符</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the audit trail has no entry about this record; in a document with an audit trail every record must have one</source>
        <translation>審計線索中沒有關於此記錄的項目；附有審計線索的文件中，每項記錄均須有相關項目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit trail says this record was removed (audit[%1])</source>
        <translation>審計線索顯示此記錄已被刪除（audit[%1]）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this record is not what the audit trail last recorded for it (audit[%1]): the record or the trail was changed after the export</source>
        <translation>此記錄與審計線索最後所載的不符（audit[%1]）：記錄或審計線索在匯出後曾被更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the record this entry is about is not in the document, yet the trail leaves it in place; a document with an audit trail holds every such record</source>
        <translation>此項目所涉及的記錄不在文件內，但審計線索顯示該記錄仍然存在；附有審計線索的文件須載有所有這類記錄</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has the same id; every record needs its own</source>
        <translation>%1 的編號相同；每項記錄須有自己的編號</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace already has a record with this id in %1; an import only adds records: leave this one out, or import into another workspace</source>
        <translation>工作區的 %1 中已有此編號的記錄；匯入只會加入記錄：請略去此項，或匯入另一工作區</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be 1 or more: a record kept with its audit trail keeps its revision</source>
        <translation>須為 1 或以上：連同審計線索保存的記錄會保留其修訂版本</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>the workspace changed as the import began; run the import again</source>
        <translation>匯入開始時工作區有所改動；請重新匯入</translation>
    </message>
</context>
<context>
    <name>vd::cli</name>
    <message>
        <location filename="../app/cli/assesscommand.cpp" line="+27"/>
        <location filename="../app/cli/documentcommands.cpp" line="+35"/>
        <source>cannot be read: %1</source>
        <translation>無法讀取：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>give one file to assess, or - to read standard input</source>
        <translation>請指明一個要評估的檔案，或以「-」表示從標準輸入讀取</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli/documentcommands.cpp" line="+39"/>
        <source>standard input</source>
        <translation>標準輸入</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../app/cli/documentcommands.cpp" line="+62"/>
        <source>FILE|-</source>
        <translation>檔案（FILE），或以「-」表示標準輸入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the scheme rules to one application and print the assessment</source>
        <translation>按計劃規則評估一宗申請，並顯示評估結果</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommand.cpp" line="+45"/>
        <source>Usage: voucherdesk-cli COMMAND [options]</source>
        <translation>用法：voucherdesk-cli 指令 [選項]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commands:</source>
        <translation>指令：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &apos;voucherdesk-cli COMMAND --help&apos; for the options of a command.</source>
        <translation>執行「voucherdesk-cli 指令 --help」可查看該指令的選項。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language of messages: en, zh_HK or zh_CN.</source>
        <translation>訊息所用語言：en、zh_HK或zh_CN。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the result as JSON.</source>
        <translation>以JSON格式輸出結果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace folder (default: %1).</source>
        <translation>工作區資料夾（預設：%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A sealed workspace&apos;s passphrase, from the first line of this file (else VOUCHERDESK_WORKSPACE_PASSPHRASE, else asked for).</source>
        <translation>已密封工作區的密碼短語，取自此檔案的第一行（否則使用 VOUCHERDESK_WORKSPACE_PASSPHRASE，再否則會詢問）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Passphrase of the sealed workspace: </source>
        <translation>已密封工作區的密碼短語：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>不明指令「%1」</translation>
    </message>
    <message>
        <location filename="../app/cli/workspacecommands.cpp" line="+30"/>
        <source>this folder holds a workspace already; --sealed makes a new one</source>
        <translation>此資料夾已有工作區；--sealed 只會建立新的工作區</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a sealed workspace needs a passphrase of at least 8 characters</source>
        <translation>已密封的工作區須設有最少 8 個字元的密碼短語</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The workspace at %1 is up to date (schema version %2).</source>
        <translation>位於 %1 的工作區已是最新（結構版本 %2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace at %1 is ready (schema version %2).</source>
        <translation>位於 %1 的工作區已準備就緒（結構版本 %2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>say how many applications to make</source>
        <translation>請註明要建立多少宗申請</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a whole number</source>
        <translation>須為整數</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing demo cases: %1 of %2</source>
        <translation>正在寫入示範個案：%2 宗之中的第 %1 宗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made a demo workspace at %1: %2 applications (seed %3) in %4 s.</source>
        <translation>已於 %1 建立示範工作區：%2 宗申請（種子 %3），歷時 %4 秒。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create a workspace, or bring an older one up to date.</source>
        <translation>建立工作區，或將舊的工作區更新至最新版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seal the new workspace at rest under a passphrase (for committee members&apos; laptops).</source>
        <translation>以密碼短語將新工作區加密存放（供委員會委員的手提電腦使用）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fill an empty workspace with realistic bilingual demo data.</source>
        <translation>在空白工作區填入貼近實況的中英文示範資料。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many applications to make.</source>
        <translation>要建立的申請宗數。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed: the same seed makes the same data (default 1).</source>
        <translation>種子：相同的種子會產生相同的資料（預設為 1）。</translation>
    </message>
    <message>
        <location filename="../app/cli/auditcommand.cpp" line="+63"/>
        <source>Head hash: %1</source>
        <translation>最新雜湊值：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in %1 s.</source>
        <translation>核對歷時 %1 秒。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entries before it are intact; the last of them has the hash %1.</source>
        <translation>
            <numerusform>此前的 %n 項記錄完整無缺；其中最後一項的雜湊值為 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The back office&apos;s tree head of %1 entries (root %2) carries a valid signature.</source>
        <translation>後台 %1 項記錄的樹頂（根 %2）附有有效簽署。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is consistent with the head of %1 entries this workspace kept: no history it saw was rewritten.</source>
        <translation>它與此工作區所保存的 %1 項記錄的樹頂一致：其所見的歷史均未被改寫。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace had kept no head of this back office; this one is kept for the next check.</source>
        <translation>此工作區先前未有保存此後台的樹頂；現已保存此樹頂，供下次核對。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>give a subcommand: verify</source>
        <translation>請指明子指令：verify</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a subcommand of audit; the subcommand is: verify</source>
        <translation>並非 audit 的子指令；子指令為：verify</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit verify takes no further arguments</source>
        <translation>audit verify 不接受其他參數</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>verify [--server URL --user NAME]</source>
        <translation>verify [--server 網址 --user 名稱]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the audit trail&apos;s hash chain is unbroken, and with --server the back office&apos;s signed audit log (audit verify).</source>
        <translation>核對審計線索的雜湊鏈是否完整；加上 --server 時亦核對後台已簽署的審計日誌（audit verify）。</translation>
    </message>
    <message>
        <location filename="../app/cli/casesummaries.cpp" line="+69"/>
        <source>Reference</source>
        <translation>參考編號</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+234"/>
        <location filename="../app/cli/statscommand.cpp" line="+84"/>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+15"/>
        <source>Applicant</source>
        <translation>申請企業</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+4"/>
        <location filename="../app/cli/statscommand.cpp" line="+4"/>
        <source>Sector</source>
        <translation>行業</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="-17"/>
        <source>Submitted</source>
        <translation>遞交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>個案主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+3"/>
        <location line="+59"/>
        <source>Total cost</source>
        <translation>總成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant</source>
        <translation>資助額</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+34"/>
        <source>“%1” is not a whole number from %2 to %3</source>
        <translation>「%1」並非 %2 至 %3 之間的整數</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a date that exists; write it as YYYY-MM-DD, such as 2024-03-31</source>
        <translation>「%1」並非有效日期；請以YYYY-MM-DD格式填寫，例如2024-03-31</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not one of the scheme&apos;s values: %2</source>
        <translation>「%1」並非本計劃的有效值；有效值為：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>give it once: cases can be filtered by one value of it</source>
        <translation>此選項只可填寫一次：個案只可按其中一個值篩選</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Judge deadlines and overdue questions as of this day, YYYY-MM-DD (default: today in Hong Kong).</source>
        <translation>以此日期（YYYY-MM-DD）為準，判斷限期及逾期未覆的問題（預設：香港時間今日）。</translation>
    </message>
    <message>
        <location filename="../app/cli/queuecommands.cpp" line="+37"/>
        <source>only cases in the status “%1” wait for answers; add --status %2 or leave --status out</source>
        <translation>只有狀態為「%1」的個案才會等待回覆；請加上 --status %2，或不使用 --status</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>there is no user “%1” in this workspace</source>
        <translation>此工作區內沒有用戶「%1」</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list takes options only; to find cases by words, use search</source>
        <translation>list 只接受選項；如要按字詞搜尋個案，請使用 search</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No case matches.</source>
        <translation>沒有符合條件的個案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases on this page: %1 match in all.</source>
        <translation>本頁沒有個案：合共 %1 宗個案符合條件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases %1 to %2 of %3.</source>
        <translation>第 %1 至 %2 宗個案，共 %3 宗。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give the words to search for, such as a reference, part of a title or the applicant&apos;s name, in English or Chinese</source>
        <translation>請提供搜尋字詞，例如參考編號、標題的部分字詞或申請企業名稱，中英文均可</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No case matches “%1”.</source>
        <translation>沒有個案符合「%1」。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n case(s) found, newest first.</source>
        <translation>
            <numerusform>找到 %n 宗個案，按由新至舊排列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n cases found; there may be more: raise --limit or add words.</source>
        <translation>
            <numerusform>以下為找到的最新 %n 宗個案，可能尚有更多：請提高 --limit 或加入更多字詞。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List the case queue, oldest submission first, filtered by the options.</source>
        <translation>按選項篩選並列出個案隊列，最早遞交的個案排先。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only cases in this status (a scheme status id); give it again for several.</source>
        <translation>只列出此狀態的個案（計劃的狀態 id）；如有多個狀態，可重複使用此選項。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only applicants of this sector (a scheme sector id).</source>
        <translation>只列出此行業的申請企業（計劃的行業 id）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases of this solution category (a scheme category id).</source>
        <translation>只列出此方案類別的個案（計劃的類別 id）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases of this case officer (a username).</source>
        <translation>只列出此個案主任負責的個案（用戶名稱）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases waiting for the applicant&apos;s answers with a question unanswered after its due date (see --as-of).</source>
        <translation>只列出正等待申請企業回覆，且有問題逾期未覆的個案（見 --as-of）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases submitted on or after this day (YYYY-MM-DD).</source>
        <translation>只列出於此日期或之後遞交的個案（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases submitted on or before this day (YYYY-MM-DD).</source>
        <translation>只列出於此日期或之前遞交的個案（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Show at most this many cases (default 50).</source>
        <translation>最多顯示的個案數目（預設為 50）。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Skip this many cases first (default 0).</source>
        <translation>先略過的個案數目（預設為 0）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TEXT</source>
        <translation>搜尋字詞（TEXT）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find cases by words of their reference, title, description or applicant, in English or Chinese.</source>
        <translation>按參考編號、標題、說明或申請企業中的字詞搜尋個案，中英文均可。</translation>
    </message>
    <message>
        <location filename="../app/cli/showcommand.cpp" line="-264"/>
        <source>incoming</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>發出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>電郵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>信件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>網上平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>電話</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>待處理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒絕</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>satisfactory</source>
        <translation>滿意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issues found</source>
        <translation>發現問題</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>最終</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation</source>
        <translation>評估</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>initial</source>
        <translation>首期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovery</source>
        <translation>追回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>proposed</source>
        <translation>已建議</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>已發放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>實體</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>視像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation>已排期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held</source>
        <translation>已舉行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>supported</source>
        <translation>支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upcoming</source>
        <translation>未到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due soon</source>
        <translation>即將到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>met</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no ruling</source>
        <translation>未有裁決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may take part</source>
        <translation>可參與</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abstains</source>
        <translation>放棄表決</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leaves the room</source>
        <translation>須離席</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>%1: %2</source>
        <comment>a labelled field of a case</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../app/cli/statscommand.cpp" line="+1"/>
        <location line="+2"/>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Draft %1</source>
        <translation>草稿 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/cli/statscommand.cpp" line="-1"/>
        <source>Solution</source>
        <translation>方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>個案主任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved grant</source>
        <translation>批核資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final grant</source>
        <translation>最終資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>識別碼</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Business registration</source>
        <translation>商業登記號碼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employees</source>
        <translation>僱員人數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business commenced</source>
        <translation>開業日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation>聯絡人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <comment>between the contact&apos;s name, email and phone</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owners</source>
        <translation>擁有人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>; </source>
        <comment>between the owners of an enterprise</comment>
        <translation>；</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget</source>
        <translation>預算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>項次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>類別</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>說明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>月數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  selected</source>
        <translation>  已選定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  quotation: %1%2</source>
        <translation>  報價：%1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (e-procurement platform)</source>
        <translation> （電子採購平台）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  why not the lowest: %1</source>
        <translation>  不選最低報價的原因：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>總額</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assessment by the rules (%1)</source>
        <translation>按規則評估（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no rule set</source>
        <translation>沒有適用的規則組</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible</source>
        <translation>符合資格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible cost</source>
        <translation>合資格開支</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant by the rules</source>
        <translation>按規則計算的資助額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant&apos;s contribution</source>
        <translation>申請企業承擔的款額</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap remaining before this case</source>
        <translation>本個案前尚餘的資助上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects funded before</source>
        <translation>先前獲資助的項目數目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial payment up to</source>
        <translation>首期撥款上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audited accounts required</source>
        <translation>須提交經審計賬目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report due</source>
        <translation>總結報告限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report due</source>
        <translation>評估報告限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records kept until</source>
        <translation>紀錄保存至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Status history</source>
        <translation>狀態記錄</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+33"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+180"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>From</source>
        <translation>原狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新狀態</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+123"/>
        <location line="+20"/>
        <source>By</source>
        <translation>經辦人</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../app/cli/statscommand.cpp" line="+4"/>
        <source>Clarifications</source>
        <translation>澄清事項</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asked %1 by %2, due %3</source>
        <translation>由%2於%1提出，限期為%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question: %1</source>
        <translation>問題：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered %1 by %2: %3</source>
        <translation>由%2於%1回覆：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not answered.</source>
        <translation>尚未回覆。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correspondence</source>
        <translation>往來通訊</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>收發</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>途徑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主旨</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Committee</source>
        <translation>評審委員會</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the agenda of the meeting of %1 (%2, %3), item %4</source>
        <translation>列入%1的會議（%2，%3）議程第 %4 項</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conflict declared by %1: %2; the chair&apos;s ruling: %3</source>
        <translation>%1申報利益衝突：%2；主席裁決：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome, recorded %1 by %2: %3</source>
        <translation>評審結果（由%2於%1記錄）：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Recommended grant</source>
        <translation>  建議資助額</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition: %1</source>
        <translation>條件：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewer</source>
        <translation>評審員</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supports</source>
        <translation>是否支持</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>意見</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Approval and payments</source>
        <translation>批核及撥款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved %1 by %2: a grant of %3</source>
        <translation>由%2於%1批核：資助額為%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Funding agreement issued %1</source>
        <translation>資助協議於%1發出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signing booked for</source>
        <translation>  預約簽署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signed</source>
        <translation>  簽署日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Milestone (%1): %2 due %3</source>
        <translation>撥款里程碑（%1）：%2，限期為%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment (%1): %2, %3; proposed %4 by %5</source>
        <translation>撥款（%1）：%2，%3；由%5於%4建議發放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; released %1 by %2</source>
        <translation>；由%2於%1發放</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes, site checks and reports</source>
        <translation>變更、實地查核及報告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change requested %1 by %2 (%3): %4</source>
        <translation>由%2於%1申請變更（%3）：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site check %1 by %2: %3%4</source>
        <translation>由%2於%1進行實地查核：%3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, referred to law enforcement</source>
        <translation>，已轉介執法機關</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report (%1) submitted %2%3</source>
        <translation>報告（%1）於%2提交%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, accepted %1 by %2</source>
        <translation>，由%2於%1接納</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline</source>
        <translation>限期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>狀況</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures</source>
        <translation>簽署</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>簽署項目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate</source>
        <translation>證書</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>核對</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifies</source>
        <translation>核實無誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (the record has changed since it was signed)</source>
        <translation>（該記錄在簽署後已被更改）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit trail</source>
        <translation>審計線索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry</source>
        <translation>序號</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>At (UTC)</source>
        <translation>時間（UTC）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record</source>
        <translation>記錄</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give one case: its reference, such as TVP/2024/00042, or the id of a draft</source>
        <translation>請指明一宗個案：其參考編號（例如TVP/2024/00042）或草稿的識別碼</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>REF</source>
        <translation>參考編號（REF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show one case in full: applicant, budget, assessment, history, committee, funding, deadlines and audit trail.</source>
        <translation>顯示一宗個案的全部資料：申請企業、預算、評估、狀態記錄、評審委員會、撥款、限期及審計線索。</translation>
    </message>
    <message>
        <location filename="../app/cli/statscommand.cpp" line="-13"/>
        <source>Management figures as of %1: %2 cases</source>
        <translation>截至%1的管理統計數字：共 %2 宗個案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases by status</source>
        <translation>按狀態劃分的個案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unknown)</source>
        <translation>（不明）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by year of submission</source>
        <translation>按遞交年份劃分的個案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not submitted</source>
        <translation>未遞交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by sector</source>
        <translation>按行業劃分的個案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases by solution category</source>
        <translation>按方案類別劃分的個案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unanswered questions: %1, of which overdue: %2</source>
        <translation>未回覆的問題：%1 項，其中逾期：%2 項</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cases</source>
        <translation>個案數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approved grants</source>
        <translation>獲批資助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases with an approved grant: %1</source>
        <translation>獲批資助的個案：%1 宗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total: %1</source>
        <translation>資助總額：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average: %1</source>
        <translation>平均資助額：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processing time, submission to approval</source>
        <translation>處理時間（由遞交至批核）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year of approval</source>
        <translation>批核年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvals</source>
        <translation>批核宗數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days</source>
        <translation>日數中位數</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>stats takes options only</source>
        <translation>stats 只接受選項</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Management figures: cases by status, year, sector and solution; grants; processing times; clarifications.</source>
        <translation>管理統計數字：按狀態、年份、行業及方案劃分的個案；資助；處理時間；澄清事項。</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+28"/>
        <source>Password: </source>
        <translation>密碼：</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+19"/>
        <source>this option is needed: --%1 FILE</source>
        <translation>須提供此選項：--%1 檔案</translation>
    </message>
    <message>
        <location filename="../app/cli/certificatecommand.cpp" line="+34"/>
        <source>the file cannot be written: %1</source>
        <translation>無法寫入檔案：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this file exists already; a new key and certificate are written to new files</source>
        <translation>此檔案已存在；新的密鑰及證書須寫入新檔案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase for your new signing key: </source>
        <translation>新簽署密鑰的密碼短語：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a signing key needs a passphrase of at least 8 characters</source>
        <translation>簽署密鑰須設有最少 8 個字元的密碼短語</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Issued certificate %1 to %2, valid until %3. Your key is in %4 (encrypted with your passphrase), the certificate in %5.</source>
        <translation>已向 %2 簽發證書 %1，有效期至 %3。閣下的密鑰存於 %4（以閣下的密碼短語加密），證書存於 %5。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Certificate %1 is revoked as of %2 (%3): signatures made with it from then on do not verify. Every desk learns of it at its next sync.</source>
        <translation>證書 %1 已於 %2 撤銷（%3）：此後以其作出的簽署均無法核實。各工作站會在下次同步時得知。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>say certificate request --key FILE --certificate FILE, or certificate revoke SERIAL</source>
        <translation>請輸入 certificate request --key 檔案 --certificate 檔案，或 certificate revoke 序號</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>request --key FILE --certificate FILE | revoke SERIAL</source>
        <translation>request --key 檔案 --certificate 檔案 | revoke 序號</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get a signing certificate from the back office for a key made here, or revoke one.</source>
        <translation>為在本機產生的密鑰向後台取得簽署證書，或撤銷證書。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: where to write your new signing key (encrypted PEM).</source>
        <translation>request：新簽署密鑰的寫入位置（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request: where to write your signing certificate (PEM).</source>
        <translation>request：簽署證書的寫入位置（PEM）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request: where to write the back office&apos;s CA certificate (PEM), what signatures are verified against.</source>
        <translation>request：後台核證機關證書（PEM）的寫入位置，用以核實簽署。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: read the new key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>request：由此檔案的第一行讀取新密鑰的密碼短語（否則使用 VOUCHERDESK_PASSPHRASE，再否則會詢問）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>revoke: unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation.</source>
        <translation>revoke：unspecified、key_compromise、affiliation_changed、superseded 或 cessation_of_operation。</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+8"/>
        <location filename="../app/cli/secretinput.cpp" line="+56"/>
        <location filename="../app/cli/transitioncommand.cpp" line="+33"/>
        <source>%1 cannot be read: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/packagecommand.cpp" line="+54"/>
        <source>the workspace&apos;s copy of this attachment is missing or damaged</source>
        <translation>工作區內此附件的副本遺失或已損壞</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>say where to write the package: --output FILE</source>
        <translation>請指明套件的寫入位置：--output 檔案</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/cli/signcommand.cpp" line="+40"/>
        <source>Passphrase of your signing key: </source>
        <translation>閣下簽署密鑰的密碼短語：</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Wrote %1: %2 signed by %3, with %n attachment(s).</source>
        <translation>
            <numerusform>已寫入 %1：%2，由 %3 簽署，附 %n 個附件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ATTACHMENT_MISSING: %1 (%2) is not in the package.</source>
        <translation>ATTACHMENT_MISSING：套件內沒有 %1（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ATTACHMENT_CHANGED: %1 (%2) is not the file that was signed: its SHA-256 is %3.</source>
        <translation>ATTACHMENT_CHANGED：%1（%2）並非已簽署的檔案：其 SHA-256 為 %3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is not a submission package: it has no %1 or no %2.</source>
        <translation>這不是提交套件：其中沒有 %1 或沒有 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verified: signed by %1 (%2, %3) at %4 with certificate %5; the manifest and its attachments are as signed.</source>
        <translation>核實無誤：由 %1（%2，%3）於 %4 以證書 %5 簽署；清單及其附件均與簽署時相同。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>say package export REF --output FILE, or package verify FILE</source>
        <translation>請輸入 package export 編號 --output 檔案，或 package verify 檔案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>export REF --output FILE | verify FILE</source>
        <translation>export 編號 --output 檔案 | verify 檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a signed submission as one zip file, or check one.</source>
        <translation>將已簽署的提交內容寫成一個 zip 檔案，或核對此類檔案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: the package file to write.</source>
        <translation>export：要寫入的套件檔案。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: your signing key (encrypted PEM).</source>
        <translation>export：閣下的簽署密鑰（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: your signing certificate (PEM), issued by the back office.</source>
        <translation>export：閣下的簽署證書（PEM），由後台簽發。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>export：由此檔案的第一行讀取密鑰的密碼短語（否則使用 VOUCHERDESK_PASSPHRASE，再否則會詢問）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s CA certificate (PEM): export puts it in the chain, verify trusts it.</source>
        <translation>後台的核證機關證書（PEM）：export 會將其放入證書鏈，verify 會信任它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>verify: the back office&apos;s revocations (JSON, DATA/ca/revocations.json; else those the workspace received at its last sync).</source>
        <translation>verify：後台的撤銷清單（JSON，DATA/ca/revocations.json；否則使用工作區上次同步時收到的清單）。</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+65"/>
        <source>Attachment not synced: %1</source>
        <translation>附件未能同步：%1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>say which back office: --server https://HOST:PORT</source>
        <translation>請指明後台：--server https://HOST:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>say who signs in: --user USERNAME</source>
        <translation>請指明登入的用戶：--user USERNAME</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>sync takes no arguments besides its options</source>
        <translation>sync 除選項外不接受其他參數</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>give the changes per push as a whole number from 1 to 2000</source>
        <translation>請以 1 至 2000 之間的整數指明每次傳送的更改數目</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>no password was given: type it when asked, or use --password-file FILE or the environment variable VOUCHERDESK_PASSWORD</source>
        <translation>未有提供密碼：請在提示時輸入，或使用 --password-file FILE 或環境變數 VOUCHERDESK_PASSWORD</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>--server URL --user NAME</source>
        <translation>--server URL --user NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send this workspace&apos;s changes to a back office and receive what is new there.</source>
        <translation>將此工作區的更改傳送至後台，並接收後台的新資料。</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>The back office&apos;s address: https://HOST:PORT (http:// only for 127.0.0.1).</source>
        <translation>後台網址：https://HOST:PORT（http:// 只限用於 127.0.0.1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your username at the back office.</source>
        <translation>閣下在後台的用戶名稱。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the password from the first line of this file (else the environment variable VOUCHERDESK_PASSWORD, else asked for).</source>
        <translation>從此檔案的第一行讀取密碼（否則使用環境變數 VOUCHERDESK_PASSWORD，再否則會提示輸入）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust this certificate (PEM) for the back office, such as its self-signed DATA/tls/server.crt.</source>
        <translation>信任此後台證書（PEM），例如後台自行簽署的 DATA/tls/server.crt。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pushed: %1 (applied: %2, of them merged: %3; already there: %4; in conflict: %5; rejected: %6).</source>
        <translation>已傳送：%1（已套用：%2，其中已合併：%3；後台已有：%4；有衝突：%5；被拒：%6）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pulled: %1 (stored: %2). Cases that left your view and were removed here: %3.</source>
        <translation>已接收：%1（已儲存：%2）。已離開閣下檢視範圍並已在本機移除的個案：%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attachments sent: %1; already at the back office: %2; received: %3; not yet uploaded by anyone: %4.</source>
        <translation>已傳送附件：%1；後台已有：%2；已接收：%3；尚未有人上載：%4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s audit log: size %1, root %2, consistent with what this desk saw before.</source>
        <translation>後台的審計日誌：大小 %1，根 %2，與本機先前所見的一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now at %1. Waiting to be sent: %2; conflicts: %3 and rejected changes: %4, for you to look at. Requests: %5, in %6 ms.</source>
        <translation>現位於 %1。待傳送：%2；衝突：%3 及被拒的更改：%4，有待閣下處理。請求：%5，歷時 %6 毫秒。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Changes sent per push (default 500).</source>
        <translation>每次傳送的更改數目（預設 500）。</translation>
    </message>
    <message>
        <location filename="../app/cli/transitioncommand.cpp" line="+15"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, approved grant %1</source>
        <translation>，批核資助額為%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>give the case&apos;s reference and the action, such as: transition TVP/2024/00042 start_screening --as officer01</source>
        <translation>請提供個案的參考編號及操作，例如：transition TVP/2024/00042 start_screening --as officer01</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give at least one case before the action, or --batch with a file of references</source>
        <translation>請在操作之前指明最少一宗個案，或以 --batch 提供列有參考編號的檔案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say who takes the action: --as USERNAME</source>
        <translation>請註明採取此操作的用戶：--as USERNAME</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 cases changed, %3 refused.</source>
        <translation>%2 宗個案中有 %1 宗已更改，%3 宗被拒。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>REF… ACTION</source>
        <translation>參考編號（REF…）及操作（ACTION）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a workflow action on cases as a user, if the user&apos;s role, the case&apos;s status and the rules allow it.</source>
        <translation>以指定用戶的身分對個案採取工作流程操作，惟用戶角色、個案狀態及規則均須容許。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user who takes the action (a username).</source>
        <translation>採取此操作的用戶（用戶名稱）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: required by some actions, kept in the case&apos;s history.</source>
        <translation>理由：部分操作必須填寫，並會記入個案的狀態記錄。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also take the action on the cases listed in this file (one reference a line; - reads standard input), each on its own.</source>
        <translation>同時對此檔案所列的個案逐一採取此操作（每行一個參考編號；以「-」表示從標準輸入讀取）。</translation>
    </message>
    <message>
        <location filename="../app/cli/documentcommands.cpp" line="-70"/>
        <source>give one workspace document to import, or - to read standard input</source>
        <translation>請提供一份要匯入的工作區文件，或以 - 從標準輸入讀取</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the first %1 problems are listed; there may be more</source>
        <translation>只列出首 %1 個問題；可能還有其他問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was imported</source>
        <translation>未有匯入任何資料</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored %1 records and %2 audit entries into %3 (%4); the audit trail is the document&apos;s own.</source>
        <translation>已將 %1 項記錄及 %2 項審計記錄還原至 %3（%4）；審計線索沿用文件本身的記錄。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1 records into %2 (%3), each with an audit entry &quot;import&quot;.</source>
        <translation>已將 %1 項記錄匯入 %2（%3），每項均附有「import」審計記錄。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>export takes no file name; use --output FILE</source>
        <translation>export 不接受檔案名稱；請使用 --output FILE</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be written: %1</source>
        <translation>無法寫入：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 records and %2 audit entries to %3.</source>
        <translation>已將 %1 項記錄及 %2 項審計記錄匯出至 %3。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read a workspace document into the workspace, all or nothing (docs/formats.md).</source>
        <translation>將工作區文件讀入工作區，全部匯入或全部不匯入（docs/formats.md）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the whole workspace as a workspace document (standard output by default).</source>
        <translation>將整個工作區寫成工作區文件（預設輸出至標準輸出）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the document to this file instead.</source>
        <translation>改為將文件寫入此檔案。</translation>
    </message>
    <message>
        <location filename="../app/cli/packagezip.cpp" line="+48"/>
        <source>The package cannot be written: %1.</source>
        <translation>無法寫入套件：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The package cannot be read.</source>
        <translation>無法讀取套件。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is not a readable zip file: %1.</source>
        <translation>這不是可讀取的 zip 檔案：%1。</translation>
    </message>
    <message>
        <location filename="../app/cli/signcommand.cpp" line="-8"/>
        <source>say sign REF PURPOSE, the purpose one of: %1</source>
        <translation>請輸入 sign 編號 項目，項目為以下之一：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say what is signed: %1</source>
        <translation>請指明簽署的項目：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no case %1 in this workspace.</source>
        <translation>此工作區內沒有個案 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed the %1 of %2 as %3 at %4 (certificate %5). It goes to the back office with the next sync, which checks it.</source>
        <translation>已以 %3 的身分於 %4 簽署 %2 的%1（證書 %5）。簽署會在下次同步時送往後台，並由後台核對。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>REF PURPOSE --key FILE --certificate FILE</source>
        <translation>編號 項目 --key 檔案 --certificate 檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign an item of a case (submission, revision, review, committee_outcome, approval, payment_release) with your key; the next sync sends it.</source>
        <translation>以閣下的密鑰簽署個案的項目（submission、revision、review、committee_outcome、approval、payment_release）；下次同步時送出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your signing key (encrypted PEM).</source>
        <translation>閣下的簽署密鑰（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your signing certificate (PEM), issued by the back office.</source>
        <translation>閣下的簽署證書（PEM），由後台簽發。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>由此檔案的第一行讀取密鑰的密碼短語（否則使用 VOUCHERDESK_PASSPHRASE，再否則會詢問）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record to sign (its id), when the case has more than one of its kind.</source>
        <translation>要簽署的記錄（其 id），當個案有多於一項同類記錄時使用。</translation>
    </message>
</context>
<context>
    <name>vd::record</name>
    <message>
        <location filename="../domain/core/recordjson.cpp" line="+192"/>
        <source>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>「%1」並非有效的時間；請寫成 2026-03-01T09:30:00Z 的格式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected an object with &quot;en&quot; and &quot;zh&quot; text</source>
        <translation>應為附有「en」及「zh」文字的物件</translation>
    </message>
</context>
</TS>
