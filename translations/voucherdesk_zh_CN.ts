<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.ui" line="+14"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Steps of the application</source>
        <translation>申请步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Budget and quotations</source>
        <translation>预算及报价</translation>
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
        <translation>声明</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>Review and submit</source>
        <translation>检查并提交</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Project title (English):</source>
        <translation>项目名称（英文）(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in English</source>
        <translation>项目英文名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Project title (&amp;Chinese):</source>
        <translation>项目名称（中文）(&amp;C)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project title in Chinese</source>
        <translation>项目中文名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Description (English):</source>
        <translation>描述（英文）(&amp;D)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in English</source>
        <translation>项目英文描述</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>D&amp;escription (Chinese):</source>
        <translation>描述（中文）(&amp;E)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Project description in Chinese</source>
        <translation>项目中文描述</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Solution:</source>
        <translation>方案(&amp;S)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category</source>
        <translation>方案类别</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project start date</source>
        <translation>项目开始日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project end date</source>
        <translation>项目结束日期</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Budget &amp;items: one row per procurement. Double-click a cell to change it.</source>
        <translation>开支项目(&amp;I)：每项采购占一行。双击单元格即可修改。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Budget items</source>
        <translation>开支项目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Add item</source>
        <translation>添加开支项目(&amp;A)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove item</source>
        <translation>删除开支项目(&amp;R)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Quotations for the selected item:</source>
        <translation>所选开支项目的报价(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Quotations of the selected item</source>
        <translation>所选开支项目的报价</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Remo&amp;ve quotation</source>
        <translation>删除报价(&amp;V)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Attach quotations, your business registration certificate and any other supporting documents. Drop files on the list, or choose Add file.</source>
        <translation>请附上报价、商业登记证及任何其他证明文件。可将文件拖放到列表中，或选择“添加文件”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Kind of document:</source>
        <translation>文件类别(&amp;K)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind of document</source>
        <translation>文件类别</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attached files</source>
        <translation>已附加的文件</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Project s&amp;tarts on:</source>
        <translation>项目开始日期(&amp;T)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project ends &amp;on:</source>
        <translation>项目完成日期(&amp;O)：</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Add quo&amp;tation</source>
        <translation>添加报价(&amp;T)</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Add fi&amp;le…</source>
        <translation>添加文件(&amp;L)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tick each declaration to make it. All of them are needed before you submit.</source>
        <translation>请勾选每项声明以作出声明。提交申请前须作出全部声明。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This is the application as it will be submitted, in both languages.</source>
        <translation>以下为申请提交时的内容，中英文版本并列。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Application preview</source>
        <translation>申请预览</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Submit application</source>
        <translation>提交申请(&amp;S)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What the rules say now</source>
        <translation>按规则的实时评估</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Total cost:</source>
        <translation>总成本：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Eligible cost:</source>
        <translation>可资助费用：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Grant:</source>
        <translation>资助额：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your contribution:</source>
        <translation>贵企业自筹金额：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cap left before this project:</source>
        <translation>本项目之前剩余的资助上限：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Quotations still needed:</source>
        <translation>尚需提供的报价：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Findings (click one to go to its field):</source>
        <translation>评估结果（单击可转到相应字段）(&amp;F)：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Findings of the rules</source>
        <translation>按规则评估的结果</translation>
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
        <translation>应为完整的记录数目，而非“%1”</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../forms/caseview.ui" line="+14"/>
        <location line="+6"/>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference:</source>
        <translation>参考编号：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project title:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant:</source>
        <translation>申请企业：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case officer:</source>
        <translation>个案主任：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Submitted on:</source>
        <translation>提交日期：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Project period:</source>
        <translation>项目期间：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Total project cost:</source>
        <translation>项目总成本：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Eligible cost:</source>
        <translation>可资助费用：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Grant by the rules:</source>
        <translation>按规则计算的资助额：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Approved grant:</source>
        <translation>批准资助额：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applicant&apos;s own contribution:</source>
        <translation>申请企业自筹金额：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cap left before this case:</source>
        <translation>本个案之前剩余的资助上限：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deadlines:</source>
        <translation>截止日期：</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Message</source>
        <translation>消息</translation>
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
        <translation>个案各部分</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Eligibility</source>
        <translation>申请资格</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the rules engine found:</source>
        <translation>规则引擎的检查结果：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Findings of the rules engine</source>
        <translation>规则引擎的检查结果</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finding</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked by the secretariat (tick an item once you have seen the proof):</source>
        <translation>由秘书处核查（查阅证明文件后，请勾选相关事项）：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Eligibility checklist</source>
        <translation>资格审核清单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checked by</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clarifications</source>
        <translation>澄清事项</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Clarification requests</source>
        <translation>澄清要求</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selected request and its reply</source>
        <translation>所选要求及其答复</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New clarification request</source>
        <translation>新的澄清要求</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Question:</source>
        <translation>问题(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Question for the applicant</source>
        <translation>向申请企业提出的问题</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Due on:</source>
        <translation>截止日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Due date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Send request</source>
        <translation>发送要求(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Message about the new request</source>
        <translation>关于新要求的消息</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your answer to the selected request</source>
        <translation>您对所选要求的答复</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your answer</source>
        <translation>您的答复</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send &amp;answer</source>
        <translation>发送答复(&amp;A)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Message about your answer</source>
        <translation>关于您的答复的消息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Correspondence</source>
        <translation>往来函件</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Correspondence log</source>
        <translation>往来函件记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The selected letter</source>
        <translation>所选函件</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audit history of the case</source>
        <translation>个案的审计记录</translation>
    </message>
</context>
<context>
    <name>EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.ui" line="+14"/>
        <source>Enterprise profile</source>
        <translation>企业资料</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name (&amp;English):</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in English</source>
        <translation>企业英文名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name (&amp;Chinese):</source>
        <translation>中文名称(&amp;C)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Enterprise name in Chinese</source>
        <translation>企业中文名称</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Business registration number:</source>
        <translation>商业登记号码(&amp;B)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Business registration number</source>
        <translation>商业登记号码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>8 digits</source>
        <translation>8位数字</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Type of entity:</source>
        <translation>经营形式(&amp;T)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type of entity</source>
        <translation>经营形式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sect&amp;or:</source>
        <translation>行业(&amp;O)：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Business commence&amp;d on:</source>
        <translation>开业日期(&amp;D)：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Emplo&amp;yees:</source>
        <translation>雇员人数(&amp;Y)：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Has substantive business in Hong &amp;Kong</source>
        <translation>在香港有实质业务运作(&amp;K)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Address (Ch&amp;inese):</source>
        <translation>地址（中文）(&amp;I)：</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>P&amp;hone:</source>
        <translation>电话(&amp;H)：</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Date business commenced</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Number of employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ma&amp;nufacturing enterprise</source>
        <translation>制造业企业(&amp;N)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Listed on a stock exchange</source>
        <translation>在证券交易所上市(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Government-subvented body or its subsidiary</source>
        <translation>政府资助机构或其附属机构(&amp;G)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Address and contact</source>
        <translation>地址及联系方式</translation>
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
        <translation>联系人(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>E&amp;mail:</source>
        <translation>电子邮件(&amp;M)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contact email</source>
        <translation>联系电子邮件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Owners</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Owners and their shares</source>
        <translation>所有人及其持股比例</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Add o&amp;wner</source>
        <translation>添加所有人(&amp;W)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remo&amp;ve owner</source>
        <translation>删除所有人(&amp;V)</translation>
    </message>
</context>
<context>
    <name>MyApplicationsView</name>
    <message>
        <location filename="../forms/myapplicationsview.ui" line="+14"/>
        <source>My applications</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your enterprise&apos;s applications. Open one to continue a draft or to follow its progress.</source>
        <translation>贵企业的申请。打开申请即可继续编辑草稿或跟进申请进度。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your applications</source>
        <translation>贵企业的申请</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;New application</source>
        <translation>新建申请(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>vd::ApiCall</name>
    <message>
        <location filename="../domain/backoffice/apihandler.cpp" line="+89"/>
        <source>The request body is larger than the %1 bytes this server accepts.</source>
        <translation>请求正文超过本服务器可接受的 %1 字节上限。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The request needs a JSON object as its body.</source>
        <translation>请求正文必须是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The address is not a valid URI.</source>
        <translation>该地址不是有效的 URI。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Too many requests from this address: at most %1 a second. Wait a moment and try again.</source>
        <translation>来自此地址的请求过多：每秒最多 %1 个。请稍候再试。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 accepts only %2.</source>
        <translation>%1 只接受 %2。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The server could not answer this request; it has been logged.</source>
        <translation>服务器无法响应此请求；已记录该错误。</translation>
    </message>
</context>
<context>
    <name>vd::ApiRoutes</name>
    <message>
        <location filename="../domain/backoffice/apiroutes.cpp" line="+87"/>
        <source>The role %1 has no access to cases.</source>
        <translation>角色 %1 无权访问个案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no case %1 among the cases you can see.</source>
        <translation>您可查看的个案中没有个案 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a whole number from %1 to %2, not &quot;%3&quot;</source>
        <translation>应为 %1 至 %2 之间的整数，而不是“%3”</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The role %1 does not sync with the back office.</source>
        <translation>角色 %1 不与后台同步。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>expected a number of entries or null</source>
        <translation>应为记录数目或 null</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>There is no %1 here: see docs/api.md for the routes.</source>
        <translation>此处没有 %1：路由列表请参阅 docs/api.md。</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/auditroutes.cpp" line="-13"/>
        <source>The role %1 has no access to the audit log&apos;s proofs.</source>
        <translation>角色 %1 无权获取审计日志的证明。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The audit log has no proof for those sizes: each must be at most its current size, and the first no larger than the second.</source>
        <translation>审计日志没有这两个大小之间的证明：每个大小均不得超过其当前大小，且第一个不得大于第二个。</translation>
    </message>
    <message>
        <location filename="../domain/backoffice/certificateroutes.cpp" line="+46"/>
        <source>expected the certificate request (PKCS#10 PEM) as &quot;request&quot;</source>
        <translation>应以“request”提供证书申请（PKCS#10 PEM）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>This back office issued no certificate with the serial %1.</source>
        <translation>此后台并未签发序列号为 %1 的证书。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only an administrator or the certificate&apos;s holder may revoke it.</source>
        <translation>只有系统管理员或证书持有人可吊销此证书。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a reason for revoking: use unspecified, key_compromise, affiliation_changed, superseded or cessation_of_operation</source>
        <translation>“%1”不是吊销理由：请使用 unspecified、key_compromise、affiliation_changed、superseded 或 cessation_of_operation</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationDocument</name>
    <message>
        <location filename="../forms/applicationdocument.cpp" line="+122"/>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business registration number</source>
        <translation>商业登记号码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project description</source>
        <translation>项目描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>方案类别</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project period</source>
        <translation>项目期间</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Total project cost</source>
        <translation>项目总成本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Budget and quotations</source>
        <translation>预算及报价</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Draft, not yet submitted</source>
        <translation>草稿，尚未提交</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The PDF could not be written. Check that the folder exists and can be written to.</source>
        <translation>无法写入 PDF 文件。请检查该文件夹是否存在且可写入。</translation>
    </message>
</context>
<context>
    <name>vd::ApplicationEditor</name>
    <message>
        <location filename="../forms/applicationeditor.cpp" line="+152"/>
        <source>Changes you had not saved, kept at %1, have been recovered. They are saved when you close the application.</source>
        <translation>您于%1暂存但尚未保存的更改已经恢复。这些更改将在您关闭申请时保存。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no application %1 in this workspace.</source>
        <translation>此工作区中没有申请 %1。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Make declaration</source>
        <translation>作出声明</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdraw declaration</source>
        <translation>撤回声明</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Edit English title</source>
        <translation>修改英文名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese title</source>
        <translation>修改中文名称</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit English description</source>
        <translation>修改英文描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Chinese description</source>
        <translation>修改中文描述</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose solution</source>
        <translation>选择方案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Change start date</source>
        <translation>更改开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change end date</source>
        <translation>更改结束日期</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the kind of solution</source>
        <translation>选择方案类别</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类别</translation>
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
        <translation>按规则检查，本申请未发现任何问题。</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Application %1 is %2 and can no longer be changed here. You can still export and print it.</source>
        <translation>申请 %1 的状态为“%2”，不能再在此修改。您仍可导出和打印该申请。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The draft could not be saved: %1 Your changes are kept and saved once this is corrected.</source>
        <translation>无法保存草稿：%1 您的更改已保留，问题更正后即会保存。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Make every declaration before you submit: tick each one on the Declarations page.</source>
        <translation>提交前须作出全部声明：请在“声明”页面勾选每一项。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The application cannot be submitted yet: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>申请暂时无法提交：按规则检查发现 %n 个问题。请更正后重新提交。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Submitted. The reference of your application is %1.</source>
        <translation>已提交。您的申请参考编号为 %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Attach %n file(s)</source>
        <translation>
            <numerusform>附加 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file %1 is not in this workspace&apos;s attachments folder.</source>
        <translation>文件 %1 不在此工作区的附件文件夹中。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Remove attachment %1</source>
        <translation>删除附件 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the application as PDF</source>
        <translation>将申请导出为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Print the application</source>
        <translation>打印申请</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Application %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New application</source>
        <translation>新申请</translation>
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
        <translation>“%1”不是有效的日期和时间；请按2024-05-02T09:30:00Z的格式填写</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>needs the supplier&apos;s name</source>
        <translation>须填写供应商名称</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>is required for this category: give the number of months</source>
        <translation>此预算类别必须填写此项：请注明月数</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must be a SHA-256 digest: 64 hexadecimal digits</source>
        <translation>必须是SHA-256摘要，即64位十六进制数字</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>未知格式“%1”；应为“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>未知计划“%1”；应为“%2”</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentFolder</name>
    <message>
        <location filename="../domain/store/attachmentfolder.cpp" line="+25"/>
        <source>The file could not be attached: %1. Check the file and try again.</source>
        <translation>无法附加文件：%1。请检查该文件后重试。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentIntake</name>
    <message>
        <location filename="../domain/backoffice/attachmentintake.cpp" line="+49"/>
        <source>The attachment could not be stored: %1.</source>
        <translation>无法存储附件：%1。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentRoutes</name>
    <message>
        <location filename="../domain/backoffice/attachmentroutes.cpp" line="+36"/>
        <source>An attachment is named by its SHA-256: 64 lower-case hexadecimal digits, not &quot;%1&quot;.</source>
        <translation>附件以其 SHA-256 命名，即 64 位小写十六进制数字，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The role %1 does not add attachments, so it cannot upload them.</source>
        <translation>角色 %1 不添加附件，因此不能上传附件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a number of bytes (0 or more) in the query</source>
        <translation>查询参数中应有字节数（0 或以上）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected a number of bytes (0 or more), not &quot;%1&quot;</source>
        <translation>应为字节数（0 或以上），而不是“%1”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The attachment has %1 bytes; this server takes attachments of at most %2 bytes.</source>
        <translation>此附件有 %1 字节；本服务器只接受最多 %2 字节的附件。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The server holds %1 bytes of this attachment, so the next bytes start at offset %1, not %2.</source>
        <translation>服务器已存有此附件的 %1 字节，因此后续数据应从偏移量 %1 开始，而不是 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>These %1 bytes at offset %2 go past the attachment&apos;s size of %3 bytes.</source>
        <translation>从偏移量 %2 起的这 %1 字节超出了附件的大小（%3 字节）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 bytes received do not have the SHA-256 %2, so they were discarded. Send the attachment again from the start.</source>
        <translation>收到的 %1 字节与 SHA-256 %2 不符，因此已被丢弃。请从头重新发送此附件。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>There is no attachment %1 among the cases you can see.</source>
        <translation>您可查看的个案中没有附件 %1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a range of bytes such as &quot;bytes=1024-&quot;, not &quot;%1&quot;</source>
        <translation>应为字节范围，例如“bytes=1024-”，而不是“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The attachment has %1 bytes; there are none from byte %2.</source>
        <translation>此附件有 %1 字节；从第 %2 字节起没有数据。</translation>
    </message>
</context>
<context>
    <name>vd::AttachmentSync</name>
    <message>
        <location filename="../domain/sync/attachmentsync.cpp" line="+132"/>
        <source>The file kept for attachment %1 no longer has the content it was attached with, so it was not sent. Attach the file again.</source>
        <translation>为附件 %1 保存的文件内容已与附加时不同，因此未发送。请重新附加该文件。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>The back office took none of the last pieces of attachment %1. The next sync tries again from what it holds.</source>
        <translation>后台未接收附件 %1 最后发送的任何部分。下次同步时将从后台已有的部分开始重试。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>An attachment could not be saved here: %1. Make room or check the workspace folder, then sync again.</source>
        <translation>无法在本机保存附件：%1。请腾出空间或检查工作区文件夹，然后重新同步。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The attachment %1 that arrived does not have the content its SHA-256 names, so it was discarded. The next sync fetches it again; if this repeats, ask the back office&apos;s administrator to check the file.</source>
        <translation>收到的附件 %1 内容与其 SHA-256 不符，因此已被丢弃。下次同步时将重新获取该附件；如问题仍然出现，请联系后台的系统管理员检查该文件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The back office sent more bytes for attachment %1 than its %2 bytes, so what arrived was discarded.</source>
        <translation>后台为附件 %1 发送的数据多于其 %2 字节，因此收到的数据已被丢弃。</translation>
    </message>
</context>
<context>
    <name>vd::AuditLog</name>
    <message>
        <location filename="../domain/store/auditlog.cpp" line="+66"/>
        <source>Audit entry %1 (%2) is at leaf %3 of the audit log, where entry %4 was logged: entries were deleted, moved or inserted.</source>
        <translation>审计记录 %1（%2）位于审计日志的第 %3 个叶节点，而该处记录的是第 %4 项：有记录被删除、移动或插入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) no longer matches leaf %3 of the audit log: it was changed after it was logged.</source>
        <translation>审计记录 %1（%2）与审计日志的第 %3 个叶节点不再相符：记录在登记后曾被更改。</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The back office signed a tree head of %1 entries at %2, but the audit trail now holds %3: entries were deleted.</source>
        <translation>后台于 %2 签署了 %1 项记录的树根签名，但审计线索现只有 %3 项：有记录被删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tree head of %1 entries signed at %2 no longer matches the audit trail: an entry from %3 to %4 was rewritten.</source>
        <translation>于 %2 签署、共 %1 项记录的树根签名与审计线索不再相符：第 %3 至 %4 项之间有记录被改写。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The audit log has leaves after its last audit entry (%1): entries were deleted.</source>
        <translation>审计日志在其最后一项审计记录（%1）之后仍有叶节点：有记录被删除。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The audit log is intact: %1 leaves and %2 signed tree heads checked.</source>
        <translation>审计日志完整无缺：已核对 %1 个叶节点及 %2 个已签署的树根签名。</translation>
    </message>
</context>
<context>
    <name>vd::AuditVerification</name>
    <message numerus="yes">
        <location filename="../domain/store/audittrail.cpp" line="+94"/>
        <source>The audit trail is intact: %n entries checked.</source>
        <translation>
            <numerusform>审计轨迹完整无缺：已核对 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audit entry %1 (%2) was changed after it was written.</source>
        <translation>第 %1 条审计记录（%2）在写入后曾被更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An audit entry before entry %1 (%2) was deleted.</source>
        <translation>第 %1 条审计记录（%2）之前的一条记录已被删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) is out of order: entries were moved.</source>
        <translation>第 %1 条审计记录（%2）顺序不符：记录曾被移动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit entry %1 (%2) was inserted into the trail afterwards.</source>
        <translation>第 %1 条审计记录（%2）是事后插入审计轨迹的。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeApplication</name>
    <message>
        <location filename="../domain/backoffice/backofficeapplication.cpp" line="+34"/>
        <source>the data folder (workspace, tls/); made with demo data on first start</source>
        <translation>数据文件夹（工作区、tls/）；首次启动时创建并填入示范数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep the workspace in PostgreSQL (postgresql://user@host:port/db) instead of DIR/workspace.sqlite</source>
        <translation>将工作区存于 PostgreSQL（postgresql://user@host:port/db），而非 DIR/workspace.sqlite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the port to listen on (default 8443; 0 picks a free one)</source>
        <translation>监听端口（默认 8443；0 表示自动选择空闲端口）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address to listen on (default 127.0.0.1)</source>
        <translation>监听地址（默认 127.0.0.1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>serve plain HTTP instead of HTTPS (loopback addresses only)</source>
        <translation>使用纯 HTTP 代替 HTTPS 提供服务（仅限环回地址）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server certificate (PEM); default: one made in DIR/tls/</source>
        <translation>服务器证书（PEM）；默认：在 DIR/tls/ 中创建的证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the certificate&apos;s private key (PEM)</source>
        <translation>证书的私钥（PEM）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>applications in the demo data made on first start (default 40)</source>
        <translation>首次启动时创建的示范数据中的申请数量（默认 40）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>show this help</source>
        <translation>显示此帮助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a configuration file (.properties, .ini, .json or .xml)</source>
        <translation>配置文件（.properties、.ini、.json 或 .xml）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set any configuration key, e.g. -D limits.threads=32 (repeatable)</source>
        <translation>设置任意配置项，例如 -D limits.threads=32（可重复使用）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--define needs KEY=VALUE, not %1</source>
        <translation>--define 需要 KEY=VALUE 格式，而不是 %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The VoucherDesk back office: the shared, authoritative store, served over HTTPS.</source>
        <translation>券务台后台：通过 HTTPS 提供服务的共享权威数据存储。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeConnection</name>
    <message>
        <location filename="../domain/sync/backofficeconnection.cpp" line="+65"/>
        <source>&quot;%1&quot; is not a back office&apos;s address; give one such as https://backoffice.example:8443</source>
        <translation>“%1”不是后台地址；请提供例如 https://backoffice.example:8443 的地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>plain http:// is used only for a back office on this computer (127.0.0.1); use https:// for %1, so that your password never crosses the network in the clear</source>
        <translation>纯 http:// 仅用于本机上的后台（127.0.0.1）；%1 请使用 https://，以免您的密码以明文形式通过网络传输</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give the back office&apos;s address without a path, such as https://%1:%2</source>
        <translation>请提供不含路径的后台地址，例如 https://%1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the certificate file cannot be read; give the back office&apos;s certificate (PEM), such as DATA/tls/server.crt</source>
        <translation>无法读取证书文件；请提供后台的证书（PEM），例如 DATA/tls/server.crt</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>the back office at %1 did not prove that it is the server the certificate names (%2). Check its address and the certificate file.</source>
        <translation>位于 %1 的后台未能证明其为证书所指定的服务器（%2）。请检查其地址和证书文件。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>cannot reach the back office at %1 (%2). Nothing was lost: changes not yet sent stay queued for the next sync.</source>
        <translation>无法连接位于 %1 的后台（%2）。数据没有丢失：尚未发送的更改将留待下次同步时发送。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>your sign-in to the back office at %1 is no longer valid; sign in again</source>
        <translation>您在位于 %1 的后台的登录已失效；请重新登录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 could not answer (HTTP %2): %3. Nothing was lost; try again later.</source>
        <translation>位于 %1 的后台无法响应（HTTP %2）：%3。数据没有丢失；请稍后再试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the back office at %1 refused the request: %2</source>
        <translation>位于 %1 的后台拒绝了此请求：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the back office at %1 answered with something that is not a JSON object: is this address a VoucherDesk back office?</source>
        <translation>位于 %1 的后台返回的内容不是 JSON 对象：此地址是否为券务台后台？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the back office at %1 answered the sign-in without a token</source>
        <translation>位于 %1 的后台响应登录时未提供令牌</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeDialog</name>
    <message>
        <location filename="../forms/backofficedialog.ui" line="+9"/>
        <source>Connect to a Back Office</source>
        <translation>连接后台</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign in to the back office of your programme. This workspace then keeps in step with it in the background, and you can go on working while the network is down.</source>
        <translation>请登录您所属计划的后台。此工作区随后会自动与其保持同步，即使网络中断，您也可以继续工作。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Address of the back office</source>
        <translation>后台地址</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User name at the back office</source>
        <translation>后台的用户名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Certificate:</source>
        <translation>证书(&amp;C)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certificate file to trust</source>
        <translation>要信任的证书文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system&apos;s trusted authorities</source>
        <translation>系统信任的证书颁发机构</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>For a back office with a certificate of its own (self-signed), choose the certificate file (PEM) it gave you.</source>
        <translation>如后台使用自己的证书（自签名），请选择其提供给您的证书文件（PEM）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What is wrong</source>
        <translation>问题所在</translation>
    </message>
    <message>
        <location filename="../forms/backofficedialog.cpp" line="+28"/>
        <location line="+158"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Enter the address of the back office, such as https://backoffice.example:8443.</source>
        <translation>请输入后台地址，例如 https://backoffice.example:8443。</translation>
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
        <translation>请输入您在后台的用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter your password at the back office.</source>
        <translation>请输入您在后台的密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate file %1 cannot be read. Choose the certificate (PEM) file the back office gave you, or leave the field empty.</source>
        <translation>无法读取证书文件 %1。请选择后台提供给您的证书文件（PEM），或将此栏留空。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Certificate of the Back Office</source>
        <translation>后台的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>证书 (*.crt *.pem *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeFolder</name>
    <message>
        <location filename="../domain/backoffice/backofficefolder.cpp" line="+42"/>
        <source>A self-signed certificate was made for this back office.</source>
        <translation>已为此后台创建自签名证书。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A demo workspace was made: %1 applications and %2 users. Every demo user signs in with the password &quot;%3&quot; until they have their own.</source>
        <translation>已创建示范工作区：%1 宗申请和 %2 名用户。所有示范用户在设置自己的密码之前，均使用密码“%3”登录。</translation>
    </message>
</context>
<context>
    <name>vd::BackOfficeSettings</name>
    <message>
        <location filename="../domain/backoffice/backofficesettings.cpp" line="+33"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 至 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a whole number from %1 to %2, not %3</source>
        <translation>应为 %1 至 %2 之间的整数，而不是 %3</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>name the back office&apos;s data folder with --data DIR</source>
        <translation>请用 --data DIR 指定后台的数据文件夹</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a PostgreSQL URL such as postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</source>
        <translation>应为 PostgreSQL 网址，例如 postgresql://voucherdesk@127.0.0.1:5432/voucherdesk</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>expected true or false</source>
        <translation>应为 true 或 false</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a password needs at least 8 characters</source>
        <translation>密码至少需要 8 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>give both the certificate (--cert) and its key (--key), or neither</source>
        <translation>请同时提供证书（--cert）及其密钥（--key），或两者都不提供</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not an IP address</source>
        <translation>%1 不是 IP 地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plain HTTP is served only on a loopback address such as 127.0.0.1, not on %1; leave out --http to serve HTTPS</source>
        <translation>纯 HTTP 只能在环回地址（例如 127.0.0.1）上提供，不能在 %1 上提供；如需提供 HTTPS，请省略 --http</translation>
    </message>
</context>
<context>
    <name>vd::BackgroundSync</name>
    <message>
        <location filename="../forms/backgroundsync.cpp" line="+191"/>
        <source>Fetching the cases from the back office…</source>
        <translation>正在从后台获取个案…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You are not signed in to the back office.</source>
        <translation>您尚未登录后台。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in to the back office first.</source>
        <translation>请先登录后台。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A sync is under way; try again in a moment.</source>
        <translation>正在同步；请稍后再试。</translation>
    </message>
</context>
<context>
    <name>vd::BatchActionDialog</name>
    <message>
        <location filename="../forms/batchactiondialog.ui" line="+14"/>
        <source>Apply an action to several cases</source>
        <translation>对多宗个案执行操作</translation>
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
        <translation>您的角色不能对个案执行任何操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This action needs a reason; it is recorded with each case.</source>
        <translation>此操作必须说明理由；理由会记入每宗个案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This action needs no reason.</source>
        <translation>此操作无须说明理由。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>“%1” will be applied to %n selected case(s), each on its own. A case where the action is not allowed is left as it is and listed afterwards with the reason.</source>
        <translation>
            <numerusform>将对所选的 %n 宗个案逐一执行“%1”操作。不允许执行此操作的个案将保持原状，并在完成后连同原因列出。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Apply</source>
        <translation>执行(&amp;A)</translation>
    </message>
</context>
<context>
    <name>vd::BatchSummaryDialog</name>
    <message>
        <location filename="../forms/batchsummarydialog.ui" line="+14"/>
        <source>What the action did</source>
        <translation>操作结果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases changed</source>
        <translation>已更改的个案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cases refused</source>
        <translation>被拒绝的个案</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused cases and why</source>
        <translation>被拒绝的个案及原因</translation>
    </message>
    <message numerus="yes">
        <location filename="../forms/batchsummarydialog.cpp" line="+38"/>
        <source>Applied to %n case(s).</source>
        <translation>
            <numerusform>已对 %n 宗个案执行操作。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No case was refused.</source>
        <translation>没有个案被拒绝。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Refused for %n case(s), which stay as they were:</source>
        <translation>
            <numerusform>%n 宗个案被拒绝，保持原状：</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was refused</source>
        <translation>被拒绝原因</translation>
    </message>
</context>
<context>
    <name>vd::BudgetItemsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+86"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (English)</source>
        <translation>描述（英文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description (Chinese)</source>
        <translation>描述（中文）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>金额（港元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotations</source>
        <translation>报价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why not the lowest quotation</source>
        <translation>未选最低报价的原因</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Change %1 of item %2</source>
        <translation>更改第 %2 个开支项目的%1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Add budget item</source>
        <translation>添加开支项目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove budget item %1</source>
        <translation>删除第 %1 个开支项目</translation>
    </message>
</context>
<context>
    <name>vd::CanonicalJson</name>
    <message>
        <location filename="../domain/crypto/canonicaljson.cpp" line="+69"/>
        <source>%1 is not a whole number between -(2^53 - 1) and 2^53 - 1: what is signed carries no fractions (amounts are decimal text).</source>
        <translation>%1 不是介于 -(2^53 - 1) 与 2^53 - 1 之间的整数：签署的内容不含小数（金额以十进制文本表示）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The text holds half of a character (a lone surrogate, U+%1) and cannot be signed.</source>
        <translation>文本含有半个字符（单独的代理字符 U+%1），无法签署。</translation>
    </message>
</context>
<context>
    <name>vd::CaseDeadline</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="+62"/>
        <source>Applicant&apos;s answer to the clarification request, due %1</source>
        <translation>申请企业回复澄清要求，截止日期为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tell the applicant the committee&apos;s result, due %1</source>
        <translation>通知申请企业评审委员会的评审结果，截止日期为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result of vetting for the applicant, due %1</source>
        <translation>通知申请企业审批结果，截止日期为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final report, due %1</source>
        <translation>提交总结报告，截止日期为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evaluation report, due %1</source>
        <translation>提交评估报告，截止日期为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the project&apos;s accounts and records until %1</source>
        <translation>项目的账目和记录须保存至%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, due %2</source>
        <translation>%1，截止日期为%2</translation>
    </message>
</context>
<context>
    <name>vd::CaseFile</name>
    <message>
        <location filename="../domain/store/casefile.cpp" line="+177"/>
        <source>no %1 case in this workspace has this reference or id. Search for the case by words of its title or its applicant&apos;s name instead.</source>
        <translation>此工作区中没有参考编号或标识符与此相符的%1个案。请改用个案标题或申请企业名称中的字词搜索该个案。</translation>
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
        <translation>此个案有截止日期已过。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case officer</source>
        <translation>个案主任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
</context>
<context>
    <name>vd::CaseQueueView</name>
    <message>
        <location filename="../forms/casequeueview.cpp" line="+202"/>
        <source>Counting cases…</source>
        <translation>正在统计个案…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.ui" line="+14"/>
        <location line="+3"/>
        <source>Case queue</source>
        <translation>个案队列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search cases</source>
        <translation>搜索个案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference, title, applicant or BR number, in English or Chinese (Ctrl+F)</source>
        <translation>参考编号、标题、申请企业或商业登记号码，中英文均可（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Officer:</source>
        <translation>个案主任(&amp;O)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Case officer filter</source>
        <translation>个案主任筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue cases only</source>
        <translation>仅显示逾期个案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>O&amp;verdue only</source>
        <translation>仅限逾期(&amp;V)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Secto&amp;r:</source>
        <translation>行业(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sector filter</source>
        <translation>行业筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sol&amp;ution:</source>
        <translation>方案(&amp;U)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Solution category filter</source>
        <translation>方案类别筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Filter by submission date</source>
        <translation>按提交日期筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Su&amp;bmitted from</source>
        <translation>提交日期从(&amp;B)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Submitted on or after</source>
        <translation>在此日期或之后提交</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submitted on or before</source>
        <translation>在此日期或之前提交</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Number of cases</source>
        <translation>个案数量</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Apply an action to the selected cases</source>
        <translation>对所选个案执行操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply an action to the selected cases…</source>
        <translation>对所选个案执行操作(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../forms/casequeueview.cpp" line="-74"/>
        <source>All statuses</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location line="-37"/>
        <location line="+44"/>
        <source>Open cases</source>
        <translation>未结束的个案</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any officer</source>
        <translation>任何个案主任</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All sectors</source>
        <translation>所有行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All solutions</source>
        <translation>所有方案</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>More than %1 cases</source>
        <translation>超过 %1 个个案</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 case(s)</source>
        <translation>
            <numerusform>%1 宗个案</numerusform>
        </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Cases not changed</source>
        <translation>个案未更改</translation>
    </message>
</context>
<context>
    <name>vd::CaseSignatures</name>
    <message>
        <location filename="../domain/store/casesignatures.cpp" line="+39"/>
        <source>Not checked: this workspace has not received the back office&apos;s CA certificate yet (it comes with the next sync).</source>
        <translation>未核对：此工作区尚未收到后台的证书颁发机构证书（将在下次同步时收到）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>submission</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>revised application</source>
        <translation>经修订的申请</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>review</source>
        <translation>评审</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committee outcome</source>
        <translation>委员会决定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>payment release</source>
        <translation>发放款项</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not something that is signed</source>
        <translation>“%1”不是可签名的项目</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This case has no %1 for you to sign.</source>
        <translation>此个案没有可供您签名的%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This back office takes an application only signed: sign it as it is now (%1: Sign… in the case, or voucherdesk-cli sign), sync, then %2 again.</source>
        <translation>此后台只接受已签名的申请：请按申请当前的内容签名（%1：在个案中选“签名…”，或使用 voucherdesk-cli sign），同步后再%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>answer</source>
        <translation>回复</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>That record belongs to another case.</source>
        <translation>该记录属于另一个个案。</translation>
    </message>
</context>
<context>
    <name>vd::CaseText</name>
    <message>
        <location filename="../forms/casetext.cpp" line="+68"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From status</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To status</source>
        <translation>新状态</translation>
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
        <translation>参考编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>个案主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved grant</source>
        <translation>批准资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final grant</source>
        <translation>最终资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due on</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by</source>
        <translation>提问人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked at</source>
        <translation>提问时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered by</source>
        <translation>答复人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered at</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminded at</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>收发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written by</source>
        <translation>撰写人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checklist item</source>
        <translation>审核清单事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+133"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked by</source>
        <translation>核查人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked at</source>
        <translation>核查时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution category</source>
        <translation>方案类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project start</source>
        <translation>项目开始日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project end</source>
        <translation>项目结束日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget items</source>
        <translation>开支项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declarations</source>
        <translation>声明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact e-mail</source>
        <translation>联系电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact telephone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Employees</source>
        <translation>雇员人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended grant</source>
        <translation>建议资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>someone outside this workspace</source>
        <translation>本工作区以外的人员</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Received</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>发出</translation>
    </message>
    <message>
        <location line="-46"/>
        <location line="+53"/>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Online portal</source>
        <translation>在线平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telephone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clarification request</source>
        <translation>澄清要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correspondence</source>
        <translation>往来函件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligibility checklist</source>
        <translation>资格审核清单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change request</source>
        <translation>变更申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site check</source>
        <translation>实地核查</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project report</source>
        <translation>项目报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda item</source>
        <translation>议程项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declaration of interest</source>
        <translation>利益申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>评审</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee outcome</source>
        <translation>评审委员会结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval</source>
        <translation>批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding agreement</source>
        <translation>资助协议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disbursement milestone</source>
        <translation>拨款里程碑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payment</source>
        <translation>拨款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related enterprise</source>
        <translation>关联企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User account</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee</source>
        <translation>评审委员会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee term</source>
        <translation>委员会任期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee membership</source>
        <translation>委员会成员资格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>出席记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirmation withdrawn</source>
        <translation>已撤回确认</translation>
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
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n details</source>
        <translation>
            <numerusform>%n 项详情</numerusform>
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
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes (before → after)</source>
        <translation>更改内容（更改前 → 更改后）</translation>
    </message>
</context>
<context>
    <name>vd::CaseTransitions</name>
    <message>
        <location filename="../domain/store/casetransitions.cpp" line="+69"/>
        <source>The account %1 is not active, so it cannot act on cases. Ask an administrator to reactivate it, or sign in with your current account.</source>
        <translation>账户 %1 未启用，因此不能处理个案。请联系系统管理员重新启用该账户，或使用您当前的账户登录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 was changed since you read it (you saw revision %2, it is now at revision %3). Reload the case and decide again.</source>
        <translation>个案 %1 在您读取后已被更改（您看到的是修订版本 %2，当前为修订版本 %3）。请重新加载个案后再作决定。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Case %1 is the application of %2; you act for %3, so you cannot take the action “%4” on it.</source>
        <translation>个案 %1 是%2的申请；您代表%3，因此不能对该个案执行“%4”操作。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Case %1 is the application of %2, the enterprise you belong to: no one may take the action “%3” on a case of their own enterprise. Ask another officer to take it.</source>
        <translation>个案 %1 是您所属企业%2的申请：任何人都不能对本人所属企业的个案执行“%3”操作。请交由另一位工作人员处理。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>there is no user with this name in the workspace. Check the spelling of the username.</source>
        <translation>工作区中没有此名称的用户。请检查用户名的拼写。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>this is not an action of the scheme&apos;s workflow. The actions are: %1.</source>
        <translation>这不是本计划工作流程中的操作。可执行的操作为：%1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no case in this workspace has this reference or id. Check the reference, or find the case by searching for words of its title.</source>
        <translation>此工作区中没有参考编号或标识符与此相符的个案。请检查参考编号，或用个案标题中的字词搜索该个案。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>no case in this workspace has this reference or id, so no case was changed. Check the references, or find the cases by searching for words of their titles.</source>
        <translation>此工作区中没有参考编号或标识符与此相符的个案，因此没有更改任何个案。请检查参考编号，或用个案标题中的字词搜索相关个案。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the case was removed from the workspace.</source>
        <translation>该个案已从工作区中移除。</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>Application %1 cannot be submitted: the rules find %n problem(s) in it. Correct them and submit again.</source>
        <translation>
            <numerusform>申请 %1 无法提交：按规则检查发现 %n 个问题。请更正后重新提交。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Case %1 cannot be approved: the rules now find %n problem(s) with it. Refer it back to the committee, giving the reason.</source>
        <translation>
            <numerusform>个案 %1 无法批准：按规则检查现发现 %n 个问题。请将个案退回评审委员会，并说明理由。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::CaseView</name>
    <message>
        <location filename="../forms/caseview.cpp" line="+154"/>
        <source>This case is another enterprise&apos;s application: you can open only your own enterprise&apos;s cases.</source>
        <translation>此个案属于另一企业的申请：您只能打开贵企业自己的个案。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>none yet (a draft)</source>
        <translation>暂无（仍为草稿）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1</source>
        <translation>个案 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (BR %2)</source>
        <translation>%1（商业登记号码 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not assigned yet</source>
        <translation>尚未分配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not submitted yet</source>
        <translation>尚未提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not approved</source>
        <translation>未获批准</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — overdue</source>
        <translation>%1 — 已逾期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — due soon</source>
        <translation>%1 — 即将到期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — met on %2</source>
        <translation>%1 — 已于%2完成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none running</source>
        <translation>暂无截止日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signatures (%1)</source>
        <translation>签名（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>签名项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verifies</source>
        <translation>验证通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record has changed since it was signed.</source>
        <translation>该记录在签名后已被更改。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Sign…</source>
        <translation>签名…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign with another key and certificate…</source>
        <translation>用另一组密钥及证书签名…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your signing key</source>
        <translation>您的签名密钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted signing key (*.key *.pem);;All files (*)</source>
        <translation>已加密的签名密钥 (*.key *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your signing certificate</source>
        <translation>您的签名证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (*.crt *.pem);;All files (*)</source>
        <translation>证书 (*.crt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign the %1</source>
        <translation>签署%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of your signing key:</source>
        <translation>签名密钥的口令：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This certificate is %1&apos;s, not yours.</source>
        <translation>此证书属于 %1，并非您的。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed: the %1. It goes to the back office with the next sync, which checks it.</source>
        <translation>已签名：%1。签名将在下次同步时发送到后台，并由后台核对。</translation>
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
        <translation>本申请符合规则引擎所检查的全部计划规则。</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>The scheme allows %n days to answer; a due date on a Sunday or a public holiday moves to the next day.</source>
        <translation>
            <numerusform>本计划允许 %n 天答复期；如截止日期适逢星期日或公众假期，则顺延至次日。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;p&gt;No clarification has been asked on this case.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此个案未提出任何澄清要求。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Question&lt;/b&gt; (due %1):&lt;br&gt;%2&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;问题&lt;/b&gt;（截止日期：%1）：&lt;br&gt;%2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Reply&lt;/b&gt; from %1, %2:&lt;br&gt;%3&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;答复&lt;/b&gt;（%1，%2）：&lt;br&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;&lt;i&gt;Not answered yet.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;尚未答复。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This request was due by %1: an answer can no longer be given here. Please contact your case officer.</source>
        <translation>此要求的答复截止日期为%1，现已无法在此答复。请联系您的个案主任。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Moves the case to “%1”.</source>
        <translation>将个案转至“%1”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You will be asked for the reason.</source>
        <translation>系统会要求您说明理由。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Why? The reason is kept with the case and shown to the applicant.</source>
        <translation>请说明理由。理由将记入个案，并向申请企业显示。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not done: %1</source>
        <translation>未能完成：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done: the case is now “%1”.</source>
        <translation>已完成：个案当前状态为“%1”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request sent; the answer is due by %1.</source>
        <translation>要求已发出；答复截止日期为%1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select the request you are answering.</source>
        <translation>请选择您要答复的要求。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your answer has been sent to the secretariat.</source>
        <translation>您的答复已发送至秘书处。</translation>
    </message>
</context>
<context>
    <name>vd::Certificate</name>
    <message>
        <location filename="../domain/crypto/certificate.cpp" line="+29"/>
        <source>This is not an X.509 certificate.</source>
        <translation>这不是 X.509 证书。</translation>
    </message>
</context>
<context>
    <name>vd::CertificateAuthority</name>
    <message>
        <location filename="../domain/crypto/certificateauthority.cpp" line="+39"/>
        <source>The certificate authority&apos;s folder cannot be used: %1.</source>
        <translation>无法使用证书颁发机构的文件夹：%1。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The certificate request is damaged or not signed by its own key.</source>
        <translation>证书申请已损坏，或并非由其自身的密钥签署。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate request is not for an ECDSA P-256 key.</source>
        <translation>证书申请并非用于 ECDSA P-256 密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request was made for &quot;%1&quot;, not for this person.</source>
        <translation>证书申请是为“%1”而作，并非为此人。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>it cannot be created</source>
        <translation>无法创建</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the certificate is not the key&apos;s</source>
        <translation>证书与密钥不匹配</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>This certificate authority issued no certificate with that serial number.</source>
        <translation>此证书颁发机构并未签发该序列号的证书。</translation>
    </message>
</context>
<context>
    <name>vd::ClarificationModel</name>
    <message>
        <location filename="../forms/clarificationmodel.cpp" line="+52"/>
        <location line="+8"/>
        <source>%1 by %2</source>
        <translation>%2于%1</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+53"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>待答复</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked</source>
        <translation>提出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>vd::Clarifications</name>
    <message>
        <location filename="../domain/store/clarifications.cpp" line="+76"/>
        <source>only the secretariat asks applicants for clarification.</source>
        <translation>只有秘书处可以要求申请企业作出澄清。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this case is not in the workspace.</source>
        <translation>此个案不在工作区中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the case is closed: a closed case takes no more questions.</source>
        <translation>个案已结束：已结束的个案不能再提出问题。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>write the question the applicant is to answer.</source>
        <translation>请填写需要申请企业回答的问题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the due date must be after today: give the applicant time to answer.</source>
        <translation>截止日期必须晚于今天：请给申请企业留出答复时间。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Request for clarification: %1</source>
        <translation>澄清要求：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>only the applicant answers its clarification requests.</source>
        <translation>只有申请企业可以答复其澄清要求。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this clarification request is not in the workspace.</source>
        <translation>此澄清要求不在工作区中。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>you can answer only your own enterprise&apos;s clarification requests.</source>
        <translation>您只能答复本企业的澄清要求。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this request has been answered already. To add anything, write to the secretariat.</source>
        <translation>此要求已答复。如需补充，请致函秘书处。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the answer was due by %1 and can no longer be given here. Please contact the secretariat case officer about your application.</source>
        <translation>答复截止日期为%1，现已无法在此答复。请就您的申请联系秘书处个案主任。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write your answer to the question before sending it.</source>
        <translation>请先填写对问题的答复，然后再发送。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reply to request for clarification (%1)</source>
        <translation>答复澄清要求（%1）</translation>
    </message>
</context>
<context>
    <name>vd::ConflictPanel</name>
    <message>
        <location filename="../forms/conflictpanel.ui" line="+9"/>
        <location filename="../forms/conflictpanel.cpp" line="+86"/>
        <location line="+186"/>
        <source>Conflicts and Rejected Changes</source>
        <translation>冲突和被拒绝的更改</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+23"/>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>These records were changed both on this desk and at the back office. Compare the two versions field by field and keep one of them; until you choose, both are kept.</source>
        <translation>以下记录在本机和后台均已被更改。请逐个字段比较两个版本，并保留其中一个；在您作出选择之前，两个版本都会保留。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+139"/>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+129"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The two versions, field by field</source>
        <translation>两个版本的逐字段比较</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Keep Mine</source>
        <translation>保留我的版本(&amp;K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send this desk&apos;s version to the back office, over the one it holds</source>
        <translation>将本机的版本发送到后台，替换后台现有的版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Take Theirs</source>
        <translation>采用后台的版本(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the back office&apos;s version and drop this desk&apos;s change</source>
        <translation>保留后台的版本，并放弃本机的更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office refused these changes, for the reason given. They are kept here for you to see and are not sent again; change the record in a way the back office allows, or ask the secretariat.</source>
        <translation>后台基于所列理由拒绝了以下更改。这些更改会保留在此供您查看，但不会再次发送；请以后台允许的方式更改相关记录，或咨询秘书处。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rejected changes</source>
        <translation>被拒绝的更改</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was sent</source>
        <translation>已发送的内容</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Dismiss</source>
        <translation>不再显示(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You have seen why it was refused: take it off the list</source>
        <translation>您已知悉被拒绝的理由：将此项从列表中移除</translation>
    </message>
    <message>
        <location filename="../forms/conflictpanel.cpp" line="-170"/>
        <source>a case no longer on this desk</source>
        <translation>本机已没有的个案</translation>
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
        <translation>未提供理由</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Conflicts (%1)</source>
        <translation>冲突（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There are no conflicts: every change made on this desk agrees with the back office.</source>
        <translation>没有冲突：在本机作出的所有更改均与后台一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a conflict to compare its two versions.</source>
        <translation>请选择一项冲突，以比较其两个版本。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You removed this record on this desk; the back office changed it.</source>
        <translation>您已在本机删除此记录；后台则更改了此记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The back office removed this record; you changed it on this desk.</source>
        <translation>后台已删除此记录；您则在本机更改了此记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields that differ: %1.</source>
        <translation>不同的字段：%1 个。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The back office has refused none of the changes made on this desk.</source>
        <translation>后台未拒绝在本机作出的任何更改。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Refused: %1</source>
        <translation>拒绝理由：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was sent:</source>
        <translation>已发送的内容：</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The conflict was not settled</source>
        <translation>冲突未能解决</translation>
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
        <translation>收发</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written by</source>
        <translation>撰写人</translation>
    </message>
</context>
<context>
    <name>vd::Crypto</name>
    <message>
        <location filename="../domain/crypto/opensslhandles.cpp" line="+63"/>
        <source>The cryptographic library failed (%1). This is a fault in the program or its installation, not in your data.</source>
        <translation>加密库出错（%1）。这是程序或其安装的问题，并非您数据的问题。</translation>
    </message>
</context>
<context>
    <name>vd::DeadlineModel</name>
    <message>
        <location filename="../forms/deadlinemodel.cpp" line="+22"/>
        <source>Answer to clarification</source>
        <translation>答复澄清要求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Committee result to the applicant (2 working days)</source>
        <translation>通知申请企业评审委员会结果（2个工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vetting result (60 working days)</source>
        <translation>审批结果（60个工作日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report</source>
        <translation>总结报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report</source>
        <translation>评估报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep project records</source>
        <translation>保存项目记录</translation>
    </message>
    <message numerus="yes">
        <location line="+118"/>
        <source>Overdue by %n day(s)</source>
        <translation>
            <numerusform>逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
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
        <translation>到期情况</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePanel</name>
    <message>
        <location filename="../forms/deadlinepanel.ui" line="+14"/>
        <source>Summary of deadlines</source>
        <translation>截止日期摘要</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deadlines due and overdue</source>
        <translation>即将到期及已逾期的截止日期</translation>
    </message>
    <message>
        <location filename="../forms/deadlinepanel.cpp" line="+41"/>
        <location line="+105"/>
        <source>Looking for deadlines…</source>
        <translation>正在查找截止日期…</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>The deadlines could not be read. %1</source>
        <translation>无法读取截止日期。%1</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Nothing is overdue, and nothing falls due in the next %n day(s).</source>
        <translation>
            <numerusform>没有逾期事项，未来 %n 天内也没有到期事项。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overdue: %1. Due within a week: %2. All deadlines in the next %3 days: %4.</source>
        <translation>已逾期：%1。一周内到期：%2。未来 %3 天内的全部截止日期：%4。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>VoucherDesk deadlines</source>
        <translation>券务台截止日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadlines</source>
        <translation>截止日期</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 项已逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n due this week</source>
        <translation>
            <numerusform>%n 项本周到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vd::DeadlinePolicy</name>
    <message>
        <location filename="../domain/core/deadlines.cpp" line="-32"/>
        <source>&quot;%1&quot; is not an action of this scheme</source>
        <translation>“%1”不是本计划的操作</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>“%1”不是本计划的状态</translation>
    </message>
</context>
<context>
    <name>vd::DemoRules</name>
    <message>
        <location filename="../domain/demo/demorules.cpp" line="+27"/>
        <source>expected text</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a scheme needs at least one rule set: add one with its effective date</source>
        <translation>计划须至少有一套规则：请加入一套规则及其生效日期</translation>
    </message>
</context>
<context>
    <name>vd::DemoStatistics</name>
    <message>
        <location filename="../domain/demo/demostatistics.cpp" line="+28"/>
        <source>expected a year such as 2021</source>
        <translation>应为年份，例如 2021</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list at least one year</source>
        <translation>请至少列出一个年份</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a whole number from %1 to %2</source>
        <translation>应为 %1 至 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not a demo statistics file this program knows</source>
        <translation>本程序不认识此示范统计文件</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the endings add up to more than 1000 permille</source>
        <translation>各种结果的比例合计超过千分之一千</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expected [low, high]</source>
        <translation>应为 [下限, 上限]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>list at least one budget part</source>
        <translation>请至少列出一个预算部分</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>enterprises with one application need a weight</source>
        <translation>只有一宗申请的企业须设定权重</translation>
    </message>
</context>
<context>
    <name>vd::DemoVocabulary</name>
    <message>
        <location filename="../domain/demo/demovocabulary.cpp" line="+43"/>
        <source>expected [English, Chinese]</source>
        <translation>应为 [英文, 中文]</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+13"/>
        <location line="+138"/>
        <source>list at least one entry</source>
        <translation>请至少列出一项</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>expected text</source>
        <translation>应为文字</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>not a demo vocabulary this program knows</source>
        <translation>本程序不认识此示范词汇文件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>mark at least one district as industrial</source>
        <translation>请至少将一个地区标示为工业区</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>not a solution category of the scheme</source>
        <translation>并非本计划的方案类别</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no item fits the solution &quot;%1&quot;: add one, or one for every solution</source>
        <translation>没有适用于方案“%1”的开支项目：请加入一项，或加入适用于所有方案的项目</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>list the twelve months</source>
        <translation>请列出十二个月份</translation>
    </message>
</context>
<context>
    <name>vd::DemoWorkspace</name>
    <message>
        <location filename="../domain/demo/demoworkspace.cpp" line="+340"/>
        <source>the workspace already has data; demo data goes into an empty workspace: choose a new folder with --workspace</source>
        <translation>此工作区已有数据；示范数据只能放入空白工作区：请用 --workspace 选择新的文件夹</translation>
    </message>
</context>
<context>
    <name>vd::Desk</name>
    <message>
        <location filename="../app/desktop/desk.cpp" line="+39"/>
        <source>There is no active user “%1” in the workspace %2.</source>
        <translation>工作区 %2 中没有已启用的用户“%1”。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--password-file: %1 cannot be read (%2).</source>
        <translation>--password-file：无法读取 %1（%2）。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>--server: say who signs in to the back office with --user.</source>
        <translation>--server：请用 --user 指定登录后台的用户。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: give the file that holds the password with --password-file.</source>
        <translation>--server：请用 --password-file 提供存有密码的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--server: %1</source>
        <translation>--server：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signing in to the back office at %1 failed. %2</source>
        <translation>未能登录位于 %1 的后台。%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office at %1 failed. %2</source>
        <translation>与位于 %1 的后台首次同步失败。%2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>You are at the desk as %1: sign in to the back office as %1, or sign out and choose another person.</source>
        <translation>您当前以 %1 身份使用本机：请以 %1 登录后台，或退出登录后选择其他人员。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace keeps in step with the back office at %1 and cannot sync with another. For %2, make a new workspace (File ▸ Switch Workspace).</source>
        <translation>此工作区与位于 %1 的后台保持同步，不能与其他后台同步。如需使用 %2，请创建新的工作区（文件 ▸ 切换工作区）。</translation>
    </message>
    <message>
        <location filename="../app/desktop/screenshots.cpp" line="+63"/>
        <source>the screenshot could not be written</source>
        <translation>无法写入屏幕截图</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>The same fields were changed at the back office.</source>
        <translation>后台也更改了相同的字段。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the case officer of this application may change it.</source>
        <translation>只有此申请的个案主任可以更改此申请。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the folder for the screenshots cannot be made</source>
        <translation>无法创建存放屏幕截图的文件夹</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="+47"/>
        <source>The workspace has no such user to photograph the desk for; name one with --user.</source>
        <translation>工作区中没有可用于拍摄屏幕截图的该用户；请用 --user 指定用户。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>VoucherDesk: the desktop for technology voucher applications and their cases.</source>
        <translation>券务台：处理科技券申请及其个案的桌面程序。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the workspace in this folder instead of asking.</source>
        <translation>打开此文件夹中的工作区，而不进行询问。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in as this user instead of asking.</source>
        <translation>以此用户登录，而不进行询问。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this language and remember it: en, zh_HK or zh_CN.</source>
        <translation>使用此语言并记住选择：en、zh_HK 或 zh_CN。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write screenshots of the main windows into this folder and quit (needs --workspace).</source>
        <translation>将主要窗口的屏幕截图写入此文件夹，然后退出（需要配合 --workspace）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office at this address as --user and sync with it in the background; the workspace is made if it is missing.</source>
        <translation>以 --user 指定的用户登录此地址的后台，并自动与其同步；如工作区尚不存在，将自动创建。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The back office password is the first line of this file.</source>
        <translation>后台密码为此文件的第一行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust the back office&apos;s certificate in this file (PEM), for a back office with a self-signed certificate.</source>
        <translation>信任此文件中的后台证书（PEM），适用于使用自签名证书的后台。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--lang: say en, zh_HK or zh_CN.</source>
        <translation>--lang：请指定 en、zh_HK 或 zh_CN。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--server: say in which workspace folder to keep what it syncs with --workspace.</source>
        <translation>--server：请用 --workspace 指定存放同步数据的工作区文件夹。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--screenshots: say which workspace to photograph with --workspace.</source>
        <translation>--screenshots：请用 --workspace 指定要拍摄屏幕截图的工作区。</translation>
    </message>
</context>
<context>
    <name>vd::DetachedSignature</name>
    <message>
        <location filename="../domain/crypto/detachedsignature.cpp" line="+78"/>
        <source>This signing key is not the one the certificate of %1 was issued for.</source>
        <translation>此签名密钥并非 %1 的证书所对应的密钥。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The signature of %1 verifies.</source>
        <translation>%1 的签名验证通过。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a VoucherDesk signature: a detached CMS signature with one signer, the signer&apos;s certificate and a signing time.</source>
        <translation>这不是 VoucherDesk 的签名：应为只有一名签名人的分离式 CMS 签名，附有签名人的证书及签名时间。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature does not verify with the key of %1&apos;s certificate.</source>
        <translation>用 %1 的证书中的密钥无法验证此签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed content has been changed since %1 signed it.</source>
        <translation>签名的内容在 %1 签名后已被更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 was not issued by the back office&apos;s certificate authority (%2).</source>
        <translation>%1 的证书并非由后台的证书颁发机构（%2）签发。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was not valid when the signature was made.</source>
        <translation>签名时，%1 的证书并非有效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate of %1 had been revoked when the signature was made.</source>
        <translation>签名时，%1 的证书已被吊销。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature claims to be made at %1, later than now.</source>
        <translation>此签名声称于 %1 作出，晚于现在。</translation>
    </message>
</context>
<context>
    <name>vd::DraftJournal</name>
    <message>
        <location filename="../domain/store/draftjournal.cpp" line="+46"/>
        <source>The draft could not be saved: %1. Check that the workspace folder can be written to.</source>
        <translation>无法保存草稿：%1。请检查工作区文件夹是否可写入。</translation>
    </message>
</context>
<context>
    <name>vd::EligibilityChecklist</name>
    <message>
        <location filename="../domain/store/eligibilitychecklist.cpp" line="+49"/>
        <source>the scheme&apos;s eligibility checklist has no such item.</source>
        <translation>本计划的资格审查清单中没有此项。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only the secretariat ticks the eligibility checklist.</source>
        <translation>只有秘书处可以勾选资格审查清单。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this case is not in the workspace.</source>
        <translation>此个案不在工作区中。</translation>
    </message>
</context>
<context>
    <name>vd::EnterpriseProfileView</name>
    <message>
        <location filename="../forms/enterpriseprofileview.cpp" line="+90"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share (%)</source>
        <translation>持股比例（%）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Enter the 8-digit number on your business registration certificate. Only a statutory body may leave it empty.</source>
        <translation>请填写商业登记证上的8位数字号码。只有法定机构可将此栏留空。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A business registration number has 8 digits; this one has %n.</source>
        <translation>
            <numerusform>商业登记号码应为8位数字；此号码有 %n 位。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the enterprise&apos;s name in English, in Chinese or both.</source>
        <translation>请填写企业的英文或中文名称，或同时填写两者。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an email address. Write it as name@example.com.</source>
        <translation>这不是有效的电子邮件地址。请按 name@example.com 的格式填写。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Owner %1 has no name.</source>
        <translation>第 %1 位所有人未填写名称。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The share of owner %1 must be a number from 0 to 100, such as 40 or 12.5.</source>
        <translation>第 %1 位所有人的持股比例须为0到100之间的数字，例如40或12.5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The owners&apos; shares add up to more than 100%.</source>
        <translation>各所有人的持股比例合计超过100%。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The profile could not be saved: %1</source>
        <translation>无法保存企业资料：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile is saved.</source>
        <translation>企业资料已保存。</translation>
    </message>
</context>
<context>
    <name>vd::EntityStore</name>
    <message>
        <location filename="../domain/store/entitystore.cpp" line="+111"/>
        <source>there is no kind of record called &quot;%1&quot;</source>
        <translation>没有名为“%1”的记录类别</translation>
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
        <translation>本申请未注明提交日期，因此无法按任何规则进行评估。请填写申请的提交日期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The programme takes applications submitted from %2; this one is dated %1, so no rules apply to it. Check the submission date.</source>
        <translation>本计划受理%2起提交的申请；本申请的日期为%1，因此不适用任何规则。请核对提交日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A business registration number is required: only a statutory body may apply without one. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>必须提供商业登记号码：只有法定机构可在没有商业登记号码的情况下申请。请填写商业登记证上的8位数字号码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The business registration number &quot;%1&quot; is not valid. Enter the 8-digit number shown on your business registration certificate.</source>
        <translation>商业登记号码“%1”无效。请填写商业登记证上的8位数字号码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listed companies cannot apply: the programme is open to non-listed enterprises only.</source>
        <translation>上市公司不能申请：本计划仅接受非上市企业申请。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Government-subvented bodies and their subsidiaries cannot apply to the programme.</source>
        <translation>政府资助机构及其附属机构不能申请本计划。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only enterprises with substantive business in Hong Kong related to the project can apply. If yours has such business, say so and attach proof, such as its business records in Hong Kong.</source>
        <translation>只有在香港拥有与项目相关的实质业务的企业方可申请。如贵企业有此类业务，请予以说明并附上证明文件，例如在香港的业务记录。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: a manufacturing enterprise must have fewer than %2 employees, and yours has %1.</source>
        <translation>根据提交日期当日有效的规则，只有中小企业方可申请：制造业企业的员工人数须少于%2人，而贵企业有%1人。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date only small and medium enterprises may apply: an enterprise outside manufacturing must have fewer than %2 employees, and yours has %1.</source>
        <translation>根据提交日期当日有效的规则，只有中小企业方可申请：非制造业企业的员工人数须少于%2人，而贵企业有%1人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the date your business commenced: under the rules in force on the submission date it must have operated in Hong Kong since %1 or earlier.</source>
        <translation>请填写贵企业的开业日期：根据提交日期当日有效的规则，贵企业须在%1或之前已开始在香港经营。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under the rules in force on the submission date your business must have operated in Hong Kong since %2 or earlier, but it commenced on %1. Apply once it has operated long enough.</source>
        <translation>根据提交日期当日有效的规则，贵企业须在%2或之前已开始在香港经营，但贵企业于%1才开业。请待经营时间符合要求后再申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your application %1 is still open. An enterprise may have only one application or project at a time: apply again once that project is completed and its final report is in.</source>
        <translation>贵企业的申请%1尚未结束。每家企业同一时间只能有一项申请或一个项目：请待该项目完成并已提交总结报告后再申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the dates the project starts and ends.</source>
        <translation>请填写项目的开始日期和结束日期。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The project ends on %2, before it starts on %1. Correct the start and end dates.</source>
        <translation>项目的结束日期（%2）早于开始日期（%1）。请更正开始日期和结束日期。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A project may last at most %3 months: starting on %1 it must end by %4, but it ends on %2. Shorten the project or correct its dates.</source>
        <translation>项目期限最长为%3个月：项目于%1开始，须在%4或之前结束，但目前定于%2结束。请缩短项目期限或更正项目日期。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The application has no budget items. Add each item you ask funding for, with its amount and quotations.</source>
        <translation>本申请未列出任何开支项目。请逐项添加申请资助的开支项目，并填写金额、附上报价。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This item of %1 is over %2: an item that large must be procured by open tender, not by quotations. Reduce the item, or procure it by open tender and ask the secretariat how to proceed.</source>
        <translation>此开支项目的金额为%1，超过%2：该金额的开支项目须通过公开招标采购，不能以报价方式采购。请削减此开支项目，或通过公开招标采购，并向秘书处咨询办理方式。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This item of %1 needs %2 quotations from different suppliers, but has %3. Add quotations from other suppliers, or select a quotation from the programme&apos;s e-procurement platform.</source>
        <translation>此开支项目的金额为%1，须有%2份来自不同供应商的报价，但目前只有%3份。请添加其他供应商的报价，或选用本计划电子采购平台上的报价。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No quotation of this item is selected. Select the quotation you will buy from.</source>
        <translation>此开支项目未选定任何报价。请选定拟采用的报价。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 quotations of this item are selected. Select only the one you will buy from.</source>
        <translation>此开支项目选定了%1份报价。请只选定拟采用的一份。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The item&apos;s amount of %1 differs from the selected quotation of %2 from %3. Make the amount equal to the selected quotation.</source>
        <translation>此开支项目的金额（%1）与选定的%3报价（%2）不一致。请将金额改为与选定报价相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The selected quotation of %1 is not the lowest: %3 quoted %2. Select the lowest quotation, or explain in the justification why you chose this one.</source>
        <translation>选定的报价（%1）并非最低：%3的报价为%2。请选定最低的报价，或在理由说明中解释选用此报价的原因。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the number of months this subscription runs for.</source>
        <translation>请填写此订用服务的订用月数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A subscription is funded for at most %2 months: of %3 for %1 months, %4 counts towards the grant and you pay the rest.</source>
        <translation>订用服务最多只可获资助%2个月：此订用服务为期%1个月，费用合计%3，其中只有%4计入资助范围，余额须由贵企业自行支付。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The audit fee is funded up to %2: of %1, %2 counts towards the grant and you pay the rest.</source>
        <translation>审计费用的资助上限为%2：审计费用为%1，其中只有%2计入资助范围，余额须由贵企业自行支付。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Off-the-shelf products come to %1 of the project&apos;s total cost of %2, more than the %3 allowed. Reduce them, or replace them with customised solutions.</source>
        <translation>现成产品的开支合计%1（项目总成本为%2），超过允许的%3上限。请削减现成产品，或改用定制方案替代。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already had %1 projects funded, and the rules in force on the submission date allow at most %2. No further project can be funded.</source>
        <translation>贵企业已有%1个项目获得资助，而根据提交日期当日有效的规则，每家企业最多只能有%2个项目获得资助。因此，贵企业不能再有其他项目获得资助。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your enterprise has already received %2 in grants, which uses up the %1 each enterprise may receive. No further grant can be made.</source>
        <translation>贵企业已获资助合计%2，已用尽每家企业%1的累计资助上限。因此，贵企业不能再获得资助。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The grant would be %1, but only %2 remains of the total your enterprise may receive, so the grant is %3.</source>
        <translation>按资助比例计算的资助额为%1，但贵企业的累计资助上限仅余%2，因此资助额定为%3。</translation>
    </message>
</context>
<context>
    <name>vd::HolidayCalendar</name>
    <message>
        <location filename="../domain/core/holidaycalendar.cpp" line="+33"/>
        <source>lists no holiday; every year has gazetted general holidays</source>
        <translation>未列出任何假期；每年都有宪报公布的公众假期</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not in %2; move it to its own year</source>
        <translation>%1不在%2年内；请移至所属年份</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must come after %1: list a year&apos;s holidays in order, each once</source>
        <translation>必须在%1之后：每年的假期须按日期先后列出，每天只能列出一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a Sunday, a general holiday anyway; list the day designated in substitution instead</source>
        <translation>%1是星期日，本身已是公众假期；请改为列出指定的补假日</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>needs a name in English, Traditional Chinese and Simplified Chinese</source>
        <translation>须有英文、繁体中文和简体中文名称</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a holiday calendar this program knows</source>
        <translation>不是本程序可识别的假期日历</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>lists no year; a calendar must cover at least one</source>
        <translation>未列出任何年份；假期日历须至少涵盖一年</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected %1: the years must follow each other without a gap</source>
        <translation>应为%1：年份须依次相连，不能间断</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a missing date</source>
        <translation>未提供的日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The holiday calendar covers %1 to %2 only, so it cannot tell whether %3 is a working day. Install a holiday calendar that covers that year.</source>
        <translation>假期日历仅涵盖%1至%2，因此无法判断%3是否为工作日。请安装涵盖该年份的假期日历。</translation>
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
        <translation>数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nothing</source>
        <translation>空白</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>line %1, column %2</source>
        <translation>第%1行第%2列</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../domain/core/jsonsections.cpp" line="+198"/>
        <source>not valid JSON (%1)</source>
        <translation>不是有效的JSON（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../domain/core/jsonsections.cpp" line="-154"/>
        <source>expected a JSON object at the top level</source>
        <translation>顶层应为JSON对象</translation>
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
        <translation>应为对象，但实际为%1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>expected a list, found %1</source>
        <translation>应为列表，但实际为%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected text, found %1</source>
        <translation>应为文本，但实际为%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown value &quot;%1&quot;; expected one of: %2</source>
        <translation>未知的值“%1”；应为以下之一：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected true or false, found %1</source>
        <translation>应为true或false，但实际为%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a whole number, found %1</source>
        <translation>应为整数，但实际为%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be from %1 to %2</source>
        <translation>必须在%1到%2之间</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an amount of money must be written as text, such as &quot;1200.50&quot;</source>
        <translation>金额须以文本形式填写，例如&quot;1200.50&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be greater than zero</source>
        <translation>必须大于零</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is too large: at most 999999999999.99</source>
        <translation>金额过大：上限为999999999999.99</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be a percentage from 0 to 100, such as &quot;40&quot;</source>
        <translation>必须是0到100之间的百分比，例如&quot;40&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a date that exists; write it as YYYY-MM-DD</source>
        <translation>“%1”不是有效日期；请按YYYY-MM-DD格式填写</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>needs text in English or Chinese</source>
        <translation>须有英文或中文内容</translation>
    </message>
</context>
<context>
    <name>vd::JsonSections</name>
    <message>
        <location filename="../domain/core/jsonsections.cpp" line="+7"/>
        <source>expected the name of a member, in quotes</source>
        <translation>应为用引号括住的成员名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected a colon after the name of a member</source>
        <translation>成员名称之后应有冒号</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected a comma or the closing brace of the document</source>
        <translation>应为逗号或文件的结束大括号</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>there is more text after the end of the document</source>
        <translation>文件结束后仍有其他文字</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>expected a list of records</source>
        <translation>应为记录列表</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected a comma or the closing bracket of the list &quot;%1&quot;</source>
        <translation>应为逗号或列表“%1”的结束方括号</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the document ends inside a text</source>
        <translation>文件在一段文本中途结束</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the document ends too early</source>
        <translation>文件过早结束</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the document ends too early: a list or object is never closed</source>
        <translation>文件过早结束：有列表或对象未结束</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a value</source>
        <translation>应为一个值</translation>
    </message>
</context>
<context>
    <name>vd::MainWindow</name>
    <message>
        <location filename="../forms/mainwindow.ui" line="+9"/>
        <source>VoucherDesk</source>
        <translation>券务台</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;witch Workspace…</source>
        <translation>切换工作区(&amp;W)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign &amp;Out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Connect to a Back Office…</source>
        <translation>连接后台(&amp;C)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>S&amp;ync Now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts and &amp;Rejected Changes…</source>
        <translation>冲突和被拒绝的更改(&amp;R)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Close Case</source>
        <translation>关闭个案(&amp;C)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&amp;About VoucherDesk</source>
        <translation>关于券务台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/desktop/deskpages.cpp" line="+57"/>
        <source>Cannot open the case</source>
        <translation>无法打开个案</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>My Applications</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise Profile</source>
        <translation>企业资料</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case Queue</source>
        <translation>个案队列</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deadlines</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../forms/mainwindow.cpp" line="+195"/>
        <source>New application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft application</source>
        <translation>申请草稿</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>VoucherDesk — %1</source>
        <translation>券务台 — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed-in person</source>
        <translation>已登录人员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About VoucherDesk</source>
        <translation>关于券务台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;VoucherDesk %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Runs the %2: applications, screening, the assessment committee, funding agreements and payments.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;券务台 %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;用于办理%2的各项工作：申请、初步审查、评审委员会、资助协议及拨款。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vd::Migrations</name>
    <message>
        <location filename="../domain/store/migrations.cpp" line="+147"/>
        <source>the folder of migrations does not exist</source>
        <translation>迁移文件所在的文件夹不存在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a migration must be named like 0001_initial.sql</source>
        <translation>迁移文件的名称须采用0001_initial.sql的格式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot read the migration: %1</source>
        <translation>无法读取迁移文件：%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>migrations must be numbered 1, 2, 3… without gaps; expected number %1</source>
        <translation>迁移文件须按1、2、3……依次编号，不能间断；应为第 %1 号</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the PostgreSQL migrations must have the same files as the SQLite ones; %1 differs</source>
        <translation>PostgreSQL 的迁移文件必须与 SQLite 的相同；%1 不一致</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>the migration leaves records that refer to missing records</source>
        <translation>此迁移会使部分记录指向不存在的记录</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+39"/>
        <source>the workspace could not be brought to schema version %1 and stays at version %2: %3</source>
        <translation>工作区未能更新至结构版本 %1，仍保持在版本 %2：%3</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>these migrations have no PostgreSQL set (a postgresql/ folder)</source>
        <translation>这些迁移没有 PostgreSQL 版本（postgresql/ 文件夹）</translation>
    </message>
</context>
<context>
    <name>vd::Money</name>
    <message>
        <location filename="../domain/core/money.cpp" line="+51"/>
        <source>an amount is required</source>
        <translation>必须填写金额</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>the amount is too large</source>
        <translation>金额过大</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+11"/>
        <location line="+5"/>
        <source>not an amount of money: use digits such as 1200 or 1200.50</source>
        <translation>不是有效金额：请用数字填写，例如1200或1200.50</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>at most two decimal places</source>
        <translation>最多只能有两位小数</translation>
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
        <translation>参考编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next deadline</source>
        <translation>下一个截止日期</translation>
    </message>
</context>
<context>
    <name>vd::Outbox</name>
    <message>
        <location filename="../domain/store/outbox.cpp" line="+89"/>
        <source>unknown answer &quot;%1&quot; for a queued change</source>
        <translation>待发送的更改收到不明回复“%1”</translation>
    </message>
</context>
<context>
    <name>vd::QuotationsModel</name>
    <message>
        <location filename="../forms/budgetmodels.cpp" line="+74"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount (HK$)</source>
        <translation>金额（港元）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected</source>
        <translation>已选定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the e-procurement platform</source>
        <translation>来自电子采购平台</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Change supplier of quotation %1</source>
        <translation>更改第 %1 份报价的供应商</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change amount of quotation %1</source>
        <translation>更改第 %1 份报价的金额</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select quotation %1</source>
        <translation>选定第 %1 份报价</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark quotation %1 as from the e-procurement platform</source>
        <translation>将第 %1 份报价标记为来自电子采购平台</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add quotation to item %1</source>
        <translation>为第 %1 个开支项目添加报价</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove quotation %1</source>
        <translation>删除第 %1 份报价</translation>
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
        <translation>字段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk&apos;s version</source>
        <translation>本机的版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back office&apos;s version</source>
        <translation>后台的版本</translation>
    </message>
</context>
<context>
    <name>vd::Records</name>
    <message>
        <location filename="../domain/store/recordtable.h" line="+665"/>
        <source>there is no such record to remove</source>
        <translation>没有此条记录可供删除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this record was changed since it was read (stored revision %1, yours %2); reload it and make the change again</source>
        <translation>此记录在读取后已被更改（已保存的修订版本为 %1，您的为 %2）；请重新加载后再作更改</translation>
    </message>
</context>
<context>
    <name>vd::RevocationList</name>
    <message>
        <location filename="../domain/crypto/revocationlist.cpp" line="+80"/>
        <source>A revocation needs a serial, a time and a reason.</source>
        <translation>吊销须有序列号、时间及理由。</translation>
    </message>
</context>
<context>
    <name>vd::RuleBook</name>
    <message>
        <location filename="../domain/core/rulebook.cpp" line="+31"/>
        <source>is required; write null when the rule does not apply</source>
        <translation>必须填写；如规则不适用，请填写null</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>expected one of: %1</source>
        <translation>应为以下之一：%1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not a valid regular expression: %1</source>
        <translation>不是有效的正则表达式：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give either &quot;below&quot; or &quot;up_to&quot;</source>
        <translation>请填写“below”或“up_to”其中一项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>bands must rise: each limit above the one before</source>
        <translation>金额级别须逐级递增：每级的限额须高于前一级</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>needs at least one band</source>
        <translation>须至少有一个金额级别</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not a budget category; expected one of: %1</source>
        <translation>不是预算类别；应为以下之一：%1</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>rule sets must be in the order they took effect</source>
        <translation>规则集须按生效日期先后排列</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>“%1”重复定义</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>needs at least one rule set</source>
        <translation>须至少有一个规则集</translation>
    </message>
</context>
<context>
    <name>vd::Scheme</name>
    <message>
        <location filename="../domain/core/scheme.cpp" line="+69"/>
        <source>&quot;%1&quot; is defined twice</source>
        <translation>“%1”重复定义</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not a scheme file this program knows</source>
        <translation>不是本程序可识别的计划文件</translation>
    </message>
</context>
<context>
    <name>vd::SealedBox</name>
    <message>
        <location filename="../domain/crypto/sealedbox.cpp" line="+135"/>
        <source>The passphrase does not open this workspace&apos;s sealed cases. Nothing was changed; try again with the passphrase you chose for it.</source>
        <translation>此口令无法打开此工作区的密封个案。未作任何更改；请用您为此工作区设置的口令重试。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Sealed case content does not open with this workspace&apos;s key: it was changed or moved.</source>
        <translation>密封的个案内容无法用此工作区的密钥打开：内容已被更改或移动。</translation>
    </message>
</context>
<context>
    <name>vd::SealedWorkspace</name>
    <message>
        <location filename="../domain/store/sealedworkspace.cpp" line="+55"/>
        <source>this is not a sealed VoucherDesk workspace</source>
        <translation>这不是已密封的 VoucherDesk 工作区</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sealed workspace is cut short</source>
        <translation>已密封的工作区不完整</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the sealed workspace cannot be written: %1</source>
        <translation>无法写入已密封的工作区：%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>this workspace is sealed; give its passphrase to open it</source>
        <translation>此工作区已密封；请提供其口令以打开</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>this folder holds a workspace already; nothing was changed</source>
        <translation>此文件夹已有工作区；未作任何更改</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot create the workspace folder</source>
        <translation>无法创建工作区文件夹</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>another program has this sealed workspace open; close it there first</source>
        <translation>另一程序已打开此密封工作区；请先在该程序中关闭</translation>
    </message>
</context>
<context>
    <name>vd::SignInDesk</name>
    <message numerus="yes">
        <location filename="../domain/backoffice/signindesk.cpp" line="+47"/>
        <source>Too many failed sign-ins: %1 is locked until %2 UTC (%n minute(s) from now). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>登录失败次数过多：%1 已被锁定至 %2 UTC（还剩 %n 分钟）。请届时再试，或联系系统管理员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Too many failed sign-ins: %1 is now locked for %n minute(s). Try again then, or ask an administrator.</source>
        <translation>
            <numerusform>登录失败次数过多：%1 现已被锁定 %n 分钟。请届时再试，或联系系统管理员。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The username or password is wrong. After %n more failed attempt(s) the account is locked for %1 minutes.</source>
        <translation>
            <numerusform>用户名或密码错误。如再有 %n 次登录失败，账户将被锁定 %1 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sign in first: send the token from POST /api/v1/login as &quot;Authorization: Bearer TOKEN&quot;.</source>
        <translation>请先登录：将 POST /api/v1/login 获取的令牌以“Authorization: Bearer TOKEN”发送。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The access token is unknown or has expired: sign in again.</source>
        <translation>访问令牌无法识别或已过期：请重新登录。</translation>
    </message>
</context>
<context>
    <name>vd::SignInDialog</name>
    <message>
        <location filename="../forms/signindialog.ui" line="+9"/>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose who you are. The people of this workspace are listed by their role.</source>
        <translation>请选择您的身份。此工作区的人员按角色列出。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Find a person</source>
        <translation>查找人员</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name or user name</source>
        <translation>姓名或用户名</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>People by role</source>
        <translation>按角色列出的人员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../forms/signindialog.cpp" line="+118"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 more; type part of a name to find them</source>
        <translation>另有 %1 人；请输入部分姓名以查找</translation>
    </message>
</context>
<context>
    <name>vd::SignedContent</name>
    <message>
        <location filename="../domain/store/signedcontent.cpp" line="+16"/>
        <source>&quot;%1&quot; is not something that is signed: use %2</source>
        <translation>“%1”不是可签名的项目：请使用 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no %1 %2 in this workspace to sign.</source>
        <translation>此工作区中没有可签名的 %1 %2。</translation>
    </message>
</context>
<context>
    <name>vd::SigningKey</name>
    <message>
        <location filename="../domain/crypto/signingkey.cpp" line="+53"/>
        <source>This is not an ECDSA P-256 key, the only kind VoucherDesk signs with.</source>
        <translation>这不是 ECDSA P-256 密钥，而 VoucherDesk 只用此类密钥签名。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This is not an encrypted signing key (a PEM file beginning &quot;-----BEGIN ENCRYPTED PRIVATE KEY-----&quot;).</source>
        <translation>这不是已加密的签名密钥（以“-----BEGIN ENCRYPTED PRIVATE KEY-----”开头的 PEM 文件）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The passphrase does not unlock this signing key. Check it and try again; the key file has not been changed.</source>
        <translation>此口令无法解锁此签名密钥。请检查后重试；密钥文件未被更改。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The signing key cannot be read: %1.</source>
        <translation>无法读取签名密钥：%1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A signing key needs a passphrase.</source>
        <translation>签名密钥须设置口令。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The signing key cannot be saved: %1.</source>
        <translation>无法保存签名密钥：%1。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The certificate authority&apos;s key file is damaged.</source>
        <translation>证书颁发机构的密钥文件已损坏。</translation>
    </message>
</context>
<context>
    <name>vd::SigningTrust</name>
    <message>
        <location filename="../domain/store/signingtrust.cpp" line="+35"/>
        <source>what signatures are checked against cannot be kept: %1</source>
        <translation>无法保存用于核对签名的数据：%1</translation>
    </message>
</context>
<context>
    <name>vd::SubmissionManifest</name>
    <message>
        <location filename="../domain/store/submissionmanifest.cpp" line="+44"/>
        <source>There is no application with this reference in the workspace.</source>
        <translation>工作区中没有此编号的申请。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The attachment&apos;s content (SHA-256 %1) is not in this workspace; sync to fetch it, then try again.</source>
        <translation>附件内容（SHA-256 %1）不在此工作区中；请先同步以获取该附件，然后重试。</translation>
    </message>
</context>
<context>
    <name>vd::SyncClient</name>
    <message>
        <location filename="../domain/sync/syncclient.cpp" line="+169"/>
        <source>sign in to the back office before syncing</source>
        <translation>请先登录后台，然后再同步</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>the back office answered %1 of the %2 changes sent; they stay queued</source>
        <translation>后台只响应了已发送的 %2 项更改中的 %1 项；这些更改将继续等待发送</translation>
    </message>
</context>
<context>
    <name>vd::SyncDesk</name>
    <message>
        <location filename="../domain/backoffice/syncdesk.cpp" line="+154"/>
        <source>expected an array of case ids</source>
        <translation>应为个案标识符数组</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a case id (a string)</source>
        <translation>应为个案标识符（字符串）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected this device&apos;s id (a string)</source>
        <translation>应为本设备的标识符（字符串）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>expected this device&apos;s id: 1 to 100 characters</source>
        <translation>应为本设备的标识符：1 至 100 个字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A push carries at most %1 operations; send the rest in another push.</source>
        <translation>每次推送最多包含 %1 项操作；其余操作请另行推送。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>an upsert carries the record</source>
        <translation>upsert 操作须附带记录</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>There is no kind of record called &quot;%1&quot;.</source>
        <translation>没有名为“%1”的记录类别。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the back office makes %1 records: they come with the workflow action.</source>
        <translation>只有后台可以创建类别为 %1 的记录：这些记录随工作流程操作生成。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A record&apos;s id must be a UUID, not &quot;%1&quot;.</source>
        <translation>记录的标识符必须是 UUID，而不是“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record refers to a record the back office does not have (or no longer has).</source>
        <translation>此记录引用的记录在后台不存在（或已不再存在）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Your role (%1) may not change %2 records.</source>
        <translation>您的角色（%1）不能更改类别为 %2 的记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The case is not among the cases you can see.</source>
        <translation>此个案不在您可查看的个案之中。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A signature is never changed or removed; sign again instead.</source>
        <translation>签名一经作出便不会更改或删除；如有需要，请重新签名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A review is written only by its reviewer.</source>
        <translation>评审只能由其评审员撰写。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An interest declaration is made only by the member it is about.</source>
        <translation>利益申报只能由所涉及的委员作出。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An applicant changes only its own enterprise&apos;s records.</source>
        <translation>申请企业只能更改其本企业的记录。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A submitted application changes only through its workflow, or when clarification is requested.</source>
        <translation>已提交的申请只能通过其工作流程更改，或在被要求澄清时更改。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role (%1) moves a case through its workflow but does not edit it.</source>
        <translation>您的角色（%1）可以按工作流程处理个案，但不能编辑个案。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The record was changed on the back office (revision %1) after the revision %2 you removed.</source>
        <translation>您删除的是修订版本 %2，但此记录随后已在后台被更改（修订版本 %1）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The record&apos;s id is not the operation&apos;s record_id.</source>
        <translation>记录的标识符与操作的 record_id 不一致。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record was removed on the back office after you changed it.</source>
        <translation>您更改此记录后，此记录已在后台被删除。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A new application starts as a draft; it is submitted by the submit action.</source>
        <translation>新申请须以草稿形式开始；申请须通过“提交”操作提交。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The record is at revision %1 on the back office; yours was made on revision %2.</source>
        <translation>此记录在后台的修订版本为 %1；您的更改是基于修订版本 %2 作出的。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Changed on the back office too (revision %1, yours was made on %2): %3.</source>
        <translation>后台也已更改（修订版本 %1，您的更改基于 %2）：%3。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A case&apos;s status changes only by a workflow action (such as submit), not by editing it.</source>
        <translation>个案的状态只能通过工作流程操作（例如提交）更改，不能直接编辑。</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>A signature is made only by its signer.</source>
        <translation>签名只能由签名人本人作出。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This back office checks no signatures.</source>
        <translation>此后台不核对签名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signature for %1 signs a record of another kind, not %2.</source>
        <translation>%1 的签名所签的是另一类记录，而非 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your role (%1) does not sign this %2.</source>
        <translation>您的角色（%1）不签署此%2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signed record belongs to another case.</source>
        <translation>所签名的记录属于另一个个案。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What was signed is not the %1 as the back office holds it: it changed after it was signed. Sync, look at it again and sign it again.</source>
        <translation>所签名的内容与后台所存的%1不同：它在签名后已被更改。请同步，再次查看后重新签名。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The signature&apos;s certificate or signing time is not the one the record names, or not yours.</source>
        <translation>签名的证书或签名时间与记录所载的不符，或并非您的。</translation>
    </message>
</context>
<context>
    <name>vd::SyncIndicator</name>
    <message>
        <location filename="../forms/syncindicator.cpp" line="+104"/>
        <source>Not connected to a back office</source>
        <translation>未连接后台</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not signed in to %1</source>
        <translation>未登录 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing in to the back office…</source>
        <translation>正在登录后台…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Synced at %1</source>
        <translation>已于%1同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: the back office cannot be reached</source>
        <translation>离线：无法连接后台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline since the sync at %1</source>
        <translation>自%1同步后处于离线状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in to the back office again</source>
        <translation>请重新登录后台</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last sync failed; it is tried again shortly</source>
        <translation>上次同步失败；稍后将自动重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WARNING: sync stopped, the back office&apos;s audit history is not the one this desk saw</source>
        <translation>警告：同步已停止，后台的审计记录历史与本机所见的不同</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · waiting to be sent: %1</source>
        <translation> · 待发送：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Conflicts: %1</source>
        <translation>冲突：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>See the conflicts and the changes the back office refused</source>
        <translation>查看冲突和后台拒绝的更改</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back office: %1</source>
        <translation>后台：%1</translation>
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
        <translation>同步请求必须在 VoucherDesk-Protocol 标头中注明协议版本；本服务器提供的版本为 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This server serves sync protocol %1, not &quot;%2&quot;: update VoucherDesk or the back office so that they share a version.</source>
        <translation>本服务器提供的同步协议为 %1，而不是“%2”：请更新券务台或后台，使两者使用相同的版本。</translation>
    </message>
</context>
<context>
    <name>vd::SyncReplica</name>
    <message>
        <location filename="../domain/store/syncreplica.cpp" line="+283"/>
        <source>the back office answered &quot;%1&quot; for a queued change, which this program does not know</source>
        <translation>后台就一项待发送的更改回复了“%1”，本程序无法识别此回复</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>there is no conflict for change %1; it may have been resolved already</source>
        <translation>更改 %1 没有冲突；冲突可能已经解决</translation>
    </message>
</context>
<context>
    <name>vd::SyncState</name>
    <message>
        <location filename="../domain/store/syncstate.cpp" line="+43"/>
        <source>the sync state must change in the same transaction as the changes it records</source>
        <translation>同步状态须与其记录的更改在同一事务中更新</translation>
    </message>
</context>
<context>
    <name>vd::Transaction</name>
    <message>
        <location filename="../domain/store/transaction.cpp" line="+36"/>
        <source>a change was started while another one is still open; finish the first one</source>
        <translation>上一项更改尚未完成便开始了另一项更改；请先完成第一项</translation>
    </message>
</context>
<context>
    <name>vd::TreeHeadWatch</name>
    <message>
        <location filename="../domain/sync/treeheadwatch.cpp" line="+59"/>
        <source>The back office sent no complete signed head of its audit log; the sync was stopped.</source>
        <translation>后台未发送完整、已签署的审计日志树根签名；同步已停止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WARNING: the back office&apos;s audit history was rewritten. %1 This desk saw its audit log at %2 entries (root %3, signed %4); it now shows %5 entries (root %6, signed %7). The sync was stopped before anything more was received: tell the programme&apos;s auditor.</source>
        <translation>警告：后台的审计记录历史已被改写。%1 本机曾见其审计日志有 %2 项记录（根 %3，签署于 %4）；现在则显示 %5 项记录（根 %6，签署于 %7）。同步已在收到更多内容前停止：请通知计划的审计师。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entries this desk saw are gone.</source>
        <translation>本机曾见的记录已消失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same number of entries now hashes differently.</source>
        <translation>相同数目的记录现在得出不同的哈希值。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It gave no consistency proof made of hashes.</source>
        <translation>后台未提供由哈希值组成的一致性证明。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its consistency proof does not lead from the old head to the new one.</source>
        <translation>其一致性证明无法从旧树根签名推导至新树根签名。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>WARNING: the back office signs its audit log with another key than the one this desk knows. The sync was stopped: ask the programme&apos;s administrator whether the key was replaced.</source>
        <translation>警告：后台用本机不认识的另一密钥签署其审计日志。同步已停止：请向计划的系统管理员询问密钥是否已更换。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WARNING: the back office&apos;s tree head of %1 entries does not carry a valid signature. The sync was stopped.</source>
        <translation>警告：后台 %1 项记录的树根签名无效。同步已停止。</translation>
    </message>
</context>
<context>
    <name>vd::UnitOfWork</name>
    <message>
        <location filename="../domain/store/unitofwork.cpp" line="+102"/>
        <source>audit entries written in bulk do not continue the audit trail of this workspace; nothing was written</source>
        <translation>批量写入的审计记录未能延续此工作区的审计线索；未写入任何内容</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>audit entry %1 does not continue the audit trail of this workspace; nothing was restored</source>
        <translation>第 %1 条审计记录未能接续此工作区的审计轨迹；未还原任何数据</translation>
    </message>
</context>
<context>
    <name>vd::Workflow</name>
    <message>
        <location filename="../domain/core/workflow.cpp" line="+37"/>
        <source>must name at least one</source>
        <translation>须至少列出一项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected an id written as text</source>
        <translation>应为以文本形式填写的标识符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is listed twice</source>
        <translation>“%1”重复列出</translation>
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
        <translation>%1%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a case status of this scheme, so no action can be decided for it. Reload the case and try again.</source>
        <translation>“%1”不是本计划的个案状态，因此无法判断可执行的操作。请重新加载个案后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an action of this scheme. Choose one of the actions offered for the case.</source>
        <translation>“%1”不是本计划的操作。请从个案可执行的操作中选择。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a role of this scheme, so it cannot act on cases. Ask an administrator to check your account.</source>
        <translation>“%1”不是本计划的角色，因此不能处理个案。请联系系统管理员检查您的账户。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case is “%1”, which is final: the action “%2” can no longer be taken by anyone, “%3” included.</source>
        <translation>个案状态为“%1”，已是最终状态：任何人（包括“%3”）都不能再执行“%2”操作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action “%1” cannot be taken on a case that is “%2” (you act as “%3”).</source>
        <translation>状态为“%2”的个案不能执行“%1”操作（您的身份为“%3”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It can be taken only on a case that is %1.</source>
        <translation>此操作仅适用于状态为%1的个案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It can be taken only on a case in one of these statuses: %1.</source>
        <translation>此操作仅适用于处于以下状态之一的个案：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As “%1” you cannot take the action “%2” on a case that is “%3”.</source>
        <translation>您以“%1”身份不能对状态为“%3”的个案执行“%2”操作。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only %1 can take it.</source>
        <translation>只有%1可以执行此操作。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these roles can take it: %1.</source>
        <translation>只有以下角色可以执行此操作：%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As “%1” you can take the action “%2” on a case that is “%3”, but only with a reason. Write why, and try again.</source>
        <translation>您以“%1”身份可以对状态为“%3”的个案执行“%2”操作，但必须说明理由。请填写理由后重试。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>lists no status; a workflow needs at least one</source>
        <translation>未列出任何状态；工作流程至少需要一个状态</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>only one status can be where every case starts, and &quot;%1&quot; already is</source>
        <translation>只能有一个状态作为所有个案的初始状态，而“%1”已是初始状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no status is marked &quot;initial&quot;: true; mark the one where every case starts</source>
        <translation>没有任何状态标记为&quot;initial&quot;: true；请标记所有个案的初始状态</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a status of this scheme</source>
        <translation>“%1”不是本计划的状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a role of this scheme</source>
        <translation>“%1”不是本计划的角色</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is a terminal status: no action may lead out of it</source>
        <translation>“%1”是终止状态：不能有任何操作从该状态转出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the action would lead from &quot;%1&quot; back to the same status</source>
        <translation>此操作会从“%1”转回同一状态</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no action leads out of &quot;%1&quot;; add one, or mark the status &quot;terminal&quot;: true</source>
        <translation>没有任何操作可以从“%1”转出；请添加一项操作，或将该状态标记为&quot;terminal&quot;: true</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no case can reach &quot;%1&quot; from &quot;%2&quot;</source>
        <translation>个案无法从“%2”到达“%1”</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a case in &quot;%1&quot; could never finish: no chain of actions leads to a terminal status</source>
        <translation>处于“%1”的个案永远无法结束：没有任何操作序列可以到达终止状态</translation>
    </message>
</context>
<context>
    <name>vd::Workspace</name>
    <message>
        <location filename="../domain/store/sql.cpp" line="+32"/>
        <source>the workspace is in use by another program; close it or try again in a moment (%1; statement: %2)</source>
        <translation>工作区正被另一程序使用；请关闭该程序或稍后再试（%1；语句：%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace database refused a statement: %1 (statement: %2)</source>
        <translation>工作区数据库拒绝执行语句：%1（语句：%2）</translation>
    </message>
    <message>
        <location filename="../domain/store/workspace.cpp" line="+40"/>
        <source>this file is not a VoucherDesk workspace (%1); choose the folder of a workspace, or an empty folder for a new one</source>
        <translation>此文件不是券务台工作区（%1）；请选择工作区所在的文件夹，或选择空文件夹以创建新工作区</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>cannot read the workspace: %1</source>
        <translation>无法读取工作区：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is not an SQLite database</source>
        <translation>此文件不是 SQLite 数据库</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+54"/>
        <source>another program made it</source>
        <translation>此文件由另一程序创建</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>this workspace was written by a newer VoucherDesk (schema version %1; this program knows up to %2); install the newer program to open it. Nothing was changed.</source>
        <translation>此工作区由较新版本的券务台写入（结构版本 %1；本程序只支持到 %2）；请安装较新版本的程序后再打开。工作区未作任何改动。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this database holds no workspace yet; create one first (voucherdesk-cli init, or start the back office on it)</source>
        <translation>此数据库尚无工作区；请先创建（voucherdesk-cli init，或在其上启动后台）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is no workspace in this folder; create one first (voucherdesk-cli init)</source>
        <translation>此文件夹内没有工作区；请先创建一个（voucherdesk-cli init）</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>cannot create the workspace folder</source>
        <translation>无法创建工作区文件夹</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>the SQLite driver of Qt SQL gives no connection handle; VoucherDesk needs Qt&apos;s QSQLITE driver</source>
        <translation>Qt SQL 的 SQLite 驱动程序未提供连接句柄；券务台需要使用 Qt 的 QSQLITE 驱动程序</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>the database&apos;s encoding is %1; VoucherDesk needs a UTF8 database (CREATE DATABASE … ENCODING &apos;UTF8&apos;)</source>
        <translation>数据库的编码为 %1；VoucherDesk 需要 UTF8 数据库（CREATE DATABASE … ENCODING &apos;UTF8&apos;）</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>the workspace cannot use write-ahead logging (journal mode stays &quot;%1&quot;); keep workspaces on a local disk</source>
        <translation>工作区无法使用预写式日志（日志模式仍为“%1”）；请将工作区存放在本地磁盘</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this SQLite has no FTS5 full-text search with the trigram tokenizer (SQLite 3.34 or later built with FTS5 is needed): %1</source>
        <translation>此 SQLite 没有带三元组分词器的 FTS5 全文搜索功能（需要 3.34 或以上并启用 FTS5 的 SQLite）：%1</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+117"/>
        <source>it holds tables of another program</source>
        <translation>其中含有另一程序的数据表</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceDialog</name>
    <message>
        <location filename="../forms/workspacedialog.ui" line="+9"/>
        <source>Open a Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Recent workspaces:</source>
        <translation>最近使用的工作区(&amp;R)：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Recent workspaces</source>
        <translation>最近使用的工作区</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fol&amp;der:</source>
        <translation>文件夹(&amp;D)：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Folder of the new workspace</source>
        <translation>新工作区的文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E&amp;mpty</source>
        <translation>空白(&amp;M)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Demo &amp;data, applications:</source>
        <translation>示范数据，申请数(&amp;D)：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Number of demo applications</source>
        <translation>示范申请数量</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Create</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Co&amp;nnect to a Back Office…</source>
        <translation>连接后台(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make the new workspace in the folder from a back office: sign in, and it fetches what you may see</source>
        <translation>从后台在此文件夹中创建新工作区：登录后，将获取您可查看的数据</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../forms/workspacedialog.cpp" line="+107"/>
        <source>The workspace in %1 is sealed: its cases are kept encrypted on this computer. Type its passphrase to open it.</source>
        <translation>%1 中的工作区已密封：其个案以加密方式存于此计算机。请输入其口令以打开。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sealed workspace</source>
        <translation>已密封的工作区</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cases on a committee member&apos;s computer are kept encrypted. Choose a passphrase of at least 8 characters for this workspace: it is asked for each time the workspace opens, and cannot be recovered if forgotten (the back office keeps the cases).</source>
        <translation>委员会委员计算机上的个案会以加密方式存放。请为此工作区设置至少 8 个字符的口令：每次打开工作区时均须输入；如忘记将无法找回（个案仍存于后台）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <location line="+16"/>
        <source>Seal this workspace</source>
        <translation>密封此工作区</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Type the passphrase again:</source>
        <translation>请再输入一次口令：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The passphrase is shorter than 8 characters.</source>
        <translation>口令少于 8 个字符。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This folder cannot be opened as a workspace. %1</source>
        <translation>此文件夹无法作为工作区打开。%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Say in which folder to make the workspace.</source>
        <translation>请指定在哪个文件夹中创建工作区。</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+25"/>
        <source>There is already a workspace in %1. Open it instead, or choose another folder.</source>
        <translation>%1 中已有工作区。请改为打开该工作区，或选择其他文件夹。</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+54"/>
        <source>The workspace could not be made. %1</source>
        <translation>无法创建工作区。%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The first sync with the back office failed, so the workspace in %1 is still empty; connect again to retry. %2</source>
        <translation>与后台首次同步失败，因此 %1 中的工作区仍为空；请重新连接再试。%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The back office did not send the account of %1, so nobody could work at this desk. Ask the secretariat whether %1 may use the desktop application.</source>
        <translation>后台未发送 %1 的账户，因此无人可在本机工作。请向秘书处咨询 %1 是否可以使用桌面应用程序。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing demo applications…</source>
        <translation>正在写入示范申请…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open a Workspace Folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the New Workspace</source>
        <translation>新工作区的文件夹</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceExport</name>
    <message>
        <location filename="../domain/store/workspacedocument.cpp" line="+56"/>
        <source>cannot write the document: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
</context>
<context>
    <name>vd::WorkspaceImport</name>
    <message>
        <location filename="../domain/store/workspaceimport.cpp" line="+104"/>
        <source>must be a SHA-256 hash: 64 hexadecimal digits in lower case</source>
        <translation>须为 SHA-256 哈希值：64 位小写十六进制数字</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>is before the start (%1)</source>
        <translation>早于开始日期（%1）</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>there is no record with the id &quot;%1&quot; in %2, neither in the document nor in the workspace; add it to the document&apos;s &quot;%2&quot;</source>
        <translation>在 %2 中，文件和工作区内均没有编号为“%1”的记录；请将其加入文件的“%2”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 already has &quot;%2&quot;; it must be unique</source>
        <translation>%1 已使用“%2”；此值不得重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the workspace already has a record with &quot;%1&quot;; it must be unique</source>
        <translation>工作区已有记录使用“%1”；此值不得重复</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+375"/>
        <source>must be a UUID in lower case, such as 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</source>
        <translation>须为小写的 UUID，例如 0b6f4bd6-5d8f-4d44-8f3e-3c3f3f1f0a01</translation>
    </message>
    <message>
        <location line="-373"/>
        <source>the id &quot;%1&quot; is used twice in the document; every part needs its own</source>
        <translation>文件内编号“%1”被使用了两次；每个部分须有自己的编号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the workspace already has a part with the id &quot;%1&quot;</source>
        <translation>工作区已有编号为“%1”的部分</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>an applicant cannot be related to itself</source>
        <translation>申请企业不能与自身关联</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+209"/>
        <source>unknown scheme &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>未知的计划“%1”；应为“%2”</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>is scored twice in this review</source>
        <translation>在此评审中被评分两次</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>unknown format &quot;%1&quot;; expected &quot;%2&quot;</source>
        <translation>未知的格式“%1”；应为“%2”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>appears twice in the document</source>
        <translation>在文件中出现两次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown section; a workspace document has: %1</source>
        <translation>未知的部分；工作区文件包括：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>并非有效的时间；请写成 2026-03-01T09:30:00Z 的格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected a list of records</source>
        <translation>应为记录列表</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>audit entry %1 (%2) should be number %3: entries were removed, added or moved</source>
        <translation>第 %1 条审计记录（%2）应为第 %3 条：有记录曾被删除、加入或移动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit entry %1 (%2) does not follow the entry before it: entries were removed, added or moved</source>
        <translation>第 %1 条审计记录（%2）未能接续前一条记录：有记录曾被删除、加入或移动</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audit entry %1 (%2) was changed after it was written: its hash does not match its contents</source>
        <translation>第 %1 条审计记录（%2）在写入后曾被更改：其哈希值与内容不符</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>the audit trail has no entry about this record; in a document with an audit trail every record must have one</source>
        <translation>审计轨迹中没有关于此记录的条目；带有审计轨迹的文件中，每条记录均须有相关条目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the audit trail says this record was removed (audit[%1])</source>
        <translation>审计轨迹显示此记录已被删除（audit[%1]）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this record is not what the audit trail last recorded for it (audit[%1]): the record or the trail was changed after the export</source>
        <translation>此记录与审计轨迹最后所载的不符（audit[%1]）：记录或审计轨迹在导出后曾被更改</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the record this entry is about is not in the document, yet the trail leaves it in place; a document with an audit trail holds every such record</source>
        <translation>此条目所涉及的记录不在文件内，但审计轨迹显示该记录仍然存在；带有审计轨迹的文件须包含所有这类记录</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has the same id; every record needs its own</source>
        <translation>%1 的编号相同；每条记录须有自己的编号</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the workspace already has a record with this id in %1; an import only adds records: leave this one out, or import into another workspace</source>
        <translation>工作区的 %1 中已有此编号的记录；导入只会添加记录：请略去此项，或导入另一工作区</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>must be 1 or more: a record kept with its audit trail keeps its revision</source>
        <translation>须为 1 或以上：连同审计轨迹保存的记录会保留其修订版本</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>the workspace changed as the import began; run the import again</source>
        <translation>导入开始时工作区有所改动；请重新导入</translation>
    </message>
</context>
<context>
    <name>vd::cli</name>
    <message>
        <location filename="../app/cli/assesscommand.cpp" line="+27"/>
        <location filename="../app/cli/documentcommands.cpp" line="+35"/>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>give one file to assess, or - to read standard input</source>
        <translation>请指定一个要评估的文件，或用“-”表示从标准输入读取</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli/documentcommands.cpp" line="+39"/>
        <source>standard input</source>
        <translation>标准输入</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../app/cli/documentcommands.cpp" line="+62"/>
        <source>FILE|-</source>
        <translation>文件（FILE），或用“-”表示标准输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply the scheme rules to one application and print the assessment</source>
        <translation>按计划规则评估一项申请，并输出评估结果</translation>
    </message>
    <message>
        <location filename="../app/cli/clicommand.cpp" line="+45"/>
        <source>Usage: voucherdesk-cli COMMAND [options]</source>
        <translation>用法：voucherdesk-cli 命令 [选项]</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run &apos;voucherdesk-cli COMMAND --help&apos; for the options of a command.</source>
        <translation>运行“voucherdesk-cli 命令 --help”可查看该命令的选项。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language of messages: en, zh_HK or zh_CN.</source>
        <translation>提示信息的语言：en、zh_HK或zh_CN。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the result as JSON.</source>
        <translation>以JSON格式输出结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace folder (default: %1).</source>
        <translation>工作区文件夹（默认：%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A sealed workspace&apos;s passphrase, from the first line of this file (else VOUCHERDESK_WORKSPACE_PASSPHRASE, else asked for).</source>
        <translation>已密封工作区的口令，取自此文件的第一行（否则使用 VOUCHERDESK_WORKSPACE_PASSPHRASE，再否则会询问）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Passphrase of the sealed workspace: </source>
        <translation>已密封工作区的口令：</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <location filename="../app/cli/workspacecommands.cpp" line="+30"/>
        <source>this folder holds a workspace already; --sealed makes a new one</source>
        <translation>此文件夹已有工作区；--sealed 只会创建新的工作区</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a sealed workspace needs a passphrase of at least 8 characters</source>
        <translation>已密封的工作区须设置至少 8 个字符的口令</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The workspace at %1 is up to date (schema version %2).</source>
        <translation>位于 %1 的工作区已是最新（结构版本 %2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace at %1 is ready (schema version %2).</source>
        <translation>位于 %1 的工作区已准备就绪（结构版本 %2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>say how many applications to make</source>
        <translation>请注明要创建多少宗申请</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a whole number</source>
        <translation>须为整数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing demo cases: %1 of %2</source>
        <translation>正在写入示范个案：%2 宗中的第 %1 宗</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made a demo workspace at %1: %2 applications (seed %3) in %4 s.</source>
        <translation>已在 %1 创建示范工作区：%2 宗申请（种子 %3），用时 %4 秒。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create a workspace, or bring an older one up to date.</source>
        <translation>创建工作区，或将旧的工作区更新至最新版本。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seal the new workspace at rest under a passphrase (for committee members&apos; laptops).</source>
        <translation>用口令将新工作区加密存放（供委员会委员的笔记本电脑使用）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fill an empty workspace with realistic bilingual demo data.</source>
        <translation>在空白工作区填入贴近实际的中英文示范数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How many applications to make.</source>
        <translation>要创建的申请宗数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The seed: the same seed makes the same data (default 1).</source>
        <translation>种子：相同的种子会生成相同的数据（默认为 1）。</translation>
    </message>
    <message>
        <location filename="../app/cli/auditcommand.cpp" line="+63"/>
        <source>Head hash: %1</source>
        <translation>最新哈希值：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checked in %1 s.</source>
        <translation>核对用时 %1 秒。</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n entries before it are intact; the last of them has the hash %1.</source>
        <translation>
            <numerusform>此前的 %n 条记录完整无缺；其中最后一条的哈希值为 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The back office&apos;s tree head of %1 entries (root %2) carries a valid signature.</source>
        <translation>后台 %1 项记录的树根签名（根 %2）有效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It is consistent with the head of %1 entries this workspace kept: no history it saw was rewritten.</source>
        <translation>它与此工作区所保存的 %1 项记录的树根签名一致：其所见的历史均未被改写。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace had kept no head of this back office; this one is kept for the next check.</source>
        <translation>此工作区之前未保存此后台的树根签名；现已保存，供下次核对。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>give a subcommand: verify</source>
        <translation>请指定子命令：verify</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a subcommand of audit; the subcommand is: verify</source>
        <translation>不是 audit 的子命令；子命令为：verify</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audit verify takes no further arguments</source>
        <translation>audit verify 不接受其他参数</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>verify [--server URL --user NAME]</source>
        <translation>verify [--server 网址 --user 名称]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the audit trail&apos;s hash chain is unbroken, and with --server the back office&apos;s signed audit log (audit verify).</source>
        <translation>核对审计线索的哈希链是否完整；加上 --server 时也核对后台已签署的审计日志（audit verify）。</translation>
    </message>
    <message>
        <location filename="../app/cli/casesummaries.cpp" line="+69"/>
        <source>Reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+234"/>
        <location filename="../app/cli/statscommand.cpp" line="+84"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+15"/>
        <source>Applicant</source>
        <translation>申请企业</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+4"/>
        <location filename="../app/cli/statscommand.cpp" line="+4"/>
        <source>Sector</source>
        <translation>行业</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="-17"/>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>个案主任</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/cli/showcommand.cpp" line="+3"/>
        <location line="+59"/>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant</source>
        <translation>资助额</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+34"/>
        <source>“%1” is not a whole number from %2 to %3</source>
        <translation>“%1”不是 %2 至 %3 之间的整数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is not a date that exists; write it as YYYY-MM-DD, such as 2024-03-31</source>
        <translation>“%1”不是有效日期；请按YYYY-MM-DD格式填写，例如2024-03-31</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not one of the scheme&apos;s values: %2</source>
        <translation>“%1”不是本计划的有效值；有效值为：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>give it once: cases can be filtered by one value of it</source>
        <translation>此选项只能填写一次：个案只能按其中一个值筛选</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Judge deadlines and overdue questions as of this day, YYYY-MM-DD (default: today in Hong Kong).</source>
        <translation>以此日期（YYYY-MM-DD）为准，判断截止日期及逾期未答复的问题（默认：香港时间今天）。</translation>
    </message>
    <message>
        <location filename="../app/cli/queuecommands.cpp" line="+37"/>
        <source>only cases in the status “%1” wait for answers; add --status %2 or leave --status out</source>
        <translation>只有状态为“%1”的个案才会等待答复；请加上 --status %2，或不使用 --status</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>there is no user “%1” in this workspace</source>
        <translation>此工作区中没有用户“%1”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list takes options only; to find cases by words, use search</source>
        <translation>list 只接受选项；如需按字词查找个案，请使用 search</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No case matches.</source>
        <translation>没有符合条件的个案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cases on this page: %1 match in all.</source>
        <translation>本页没有个案：共有 %1 宗个案符合条件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cases %1 to %2 of %3.</source>
        <translation>第 %1 至 %2 宗个案，共 %3 宗。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give the words to search for, such as a reference, part of a title or the applicant&apos;s name, in English or Chinese</source>
        <translation>请提供搜索字词，例如参考编号、标题的部分字词或申请企业名称，中英文均可</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No case matches “%1”.</source>
        <translation>没有个案符合“%1”。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n case(s) found, newest first.</source>
        <translation>
            <numerusform>找到 %n 宗个案，按从新到旧排列。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The newest %n cases found; there may be more: raise --limit or add words.</source>
        <translation>
            <numerusform>以下为找到的最新 %n 宗个案，可能还有更多：请调高 --limit 或添加更多字词。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List the case queue, oldest submission first, filtered by the options.</source>
        <translation>按选项筛选并列出个案队列，最早提交的个案排在最前。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only cases in this status (a scheme status id); give it again for several.</source>
        <translation>仅列出此状态的个案（计划的状态 id）；如有多个状态，可重复使用此选项。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only applicants of this sector (a scheme sector id).</source>
        <translation>仅列出此行业的申请企业（计划的行业 id）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases of this solution category (a scheme category id).</source>
        <translation>仅列出此方案类别的个案（计划的类别 id）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases of this case officer (a username).</source>
        <translation>仅列出此个案主任负责的个案（用户名）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases waiting for the applicant&apos;s answers with a question unanswered after its due date (see --as-of).</source>
        <translation>仅列出正在等待申请企业答复，且有问题逾期未答复的个案（见 --as-of）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only cases submitted on or after this day (YYYY-MM-DD).</source>
        <translation>仅列出在此日期或之后提交的个案（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only cases submitted on or before this day (YYYY-MM-DD).</source>
        <translation>仅列出在此日期或之前提交的个案（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Show at most this many cases (default 50).</source>
        <translation>最多显示的个案数量（默认为 50）。</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Skip this many cases first (default 0).</source>
        <translation>先跳过的个案数量（默认为 0）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TEXT</source>
        <translation>搜索字词（TEXT）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find cases by words of their reference, title, description or applicant, in English or Chinese.</source>
        <translation>按参考编号、标题、描述或申请企业中的字词查找个案，中英文均可。</translation>
    </message>
    <message>
        <location filename="../app/cli/showcommand.cpp" line="-264"/>
        <source>incoming</source>
        <translation>收到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>发出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portal</source>
        <translation>在线平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pending</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>satisfactory</source>
        <translation>满意</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issues found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final</source>
        <translation>最终</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>evaluation</source>
        <translation>评估</translation>
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
        <translation>已提议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>released</source>
        <translation>已发放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recovered</source>
        <translation>已追回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in person</source>
        <translation>线下</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hybrid</source>
        <translation>混合</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held</source>
        <translation>已举行</translation>
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
        <translation>即将到期</translation>
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
        <translation>未裁决</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may take part</source>
        <translation>可参与</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>abstains</source>
        <translation>弃权</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leaves the room</source>
        <translation>须离席</translation>
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
        <translation>（无）</translation>
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
        <translation>项目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case officer</source>
        <translation>个案主任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approved grant</source>
        <translation>批准资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final grant</source>
        <translation>最终资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>标识符</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Business registration</source>
        <translation>商业登记号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Employees</source>
        <translation>员工人数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business commenced</source>
        <translation>开业日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation>联系人</translation>
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
        <translation>所有人</translation>
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
        <translation>预算</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>  selected</source>
        <translation>  已选定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  quotation: %1%2</source>
        <translation>  报价：%1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (e-procurement platform)</source>
        <translation> （电子采购平台）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  why not the lowest: %1</source>
        <translation>  未选最低报价的原因：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Assessment by the rules (%1)</source>
        <translation>按规则评估（%1）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no rule set</source>
        <translation>无适用的规则集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible</source>
        <translation>符合资格</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eligible cost</source>
        <translation>可资助费用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grant by the rules</source>
        <translation>按规则计算的资助额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applicant&apos;s contribution</source>
        <translation>申请企业自筹金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap remaining before this case</source>
        <translation>本个案之前剩余的资助上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects funded before</source>
        <translation>此前获资助的项目数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Initial payment up to</source>
        <translation>首期拨款上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audited accounts required</source>
        <translation>须提交经审计账目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final report due</source>
        <translation>总结报告截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evaluation report due</source>
        <translation>评估报告截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records kept until</source>
        <translation>记录保存至</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Status history</source>
        <translation>状态历史</translation>
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
        <translation>原状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+123"/>
        <location line="+20"/>
        <source>By</source>
        <translation>经办人</translation>
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
        <translation>澄清事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Asked %1 by %2, due %3</source>
        <translation>由%2于%1提出，截止日期为%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered %1 by %2: %3</source>
        <translation>由%2于%1答复：%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not answered.</source>
        <translation>尚未答复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correspondence</source>
        <translation>往来函件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Direction</source>
        <translation>收发</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Committee</source>
        <translation>评审委员会</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>On the agenda of the meeting of %1 (%2, %3), item %4</source>
        <translation>列入%1的会议（%2，%3）议程第 %4 项</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conflict declared by %1: %2; the chair&apos;s ruling: %3</source>
        <translation>%1申报利益冲突：%2；主席裁决：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome, recorded %1 by %2: %3</source>
        <translation>评审结果（由%2于%1记录）：%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Recommended grant</source>
        <translation>  建议资助额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Condition: %1</source>
        <translation>条件：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reviewer</source>
        <translation>评审员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supports</source>
        <translation>是否支持</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Approval and payments</source>
        <translation>批准及拨款</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approved %1 by %2: a grant of %3</source>
        <translation>由%2于%1批准：资助额为%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Funding agreement issued %1</source>
        <translation>资助协议于%1发出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signing booked for</source>
        <translation>  预约签署日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  Signed</source>
        <translation>  签署日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Milestone (%1): %2 due %3</source>
        <translation>拨款里程碑（%1）：%2，截止日期为%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payment (%1): %2, %3; proposed %4 by %5</source>
        <translation>拨款（%1）：%2，%3；由%5于%4提议发放</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; released %1 by %2</source>
        <translation>；由%2于%1发放</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes, site checks and reports</source>
        <translation>变更、实地核查及报告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change requested %1 by %2 (%3): %4</source>
        <translation>由%2于%1申请变更（%3）：%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site check %1 by %2: %3%4</source>
        <translation>由%2于%1进行实地核查：%3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, referred to law enforcement</source>
        <translation>，已移交执法机关</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report (%1) submitted %2%3</source>
        <translation>报告（%1）于%2提交%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, accepted %1 by %2</source>
        <translation>，由%2于%1接受</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deadlines</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deadline</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Met on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>签名项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>verifies</source>
        <translation>验证通过</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (the record has changed since it was signed)</source>
        <translation>（该记录在签名后已被更改）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Audit trail</source>
        <translation>审计轨迹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry</source>
        <translation>序号</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>At (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give one case: its reference, such as TVP/2024/00042, or the id of a draft</source>
        <translation>请指定一宗个案：其参考编号（例如TVP/2024/00042）或草稿的标识符</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>REF</source>
        <translation>参考编号（REF）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show one case in full: applicant, budget, assessment, history, committee, funding, deadlines and audit trail.</source>
        <translation>显示一宗个案的全部信息：申请企业、预算、评估、状态历史、评审委员会、拨款、截止日期及审计轨迹。</translation>
    </message>
    <message>
        <location filename="../app/cli/statscommand.cpp" line="-13"/>
        <source>Management figures as of %1: %2 cases</source>
        <translation>截至%1的管理统计数据：共 %2 宗个案</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cases by status</source>
        <translation>按状态划分的个案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by year of submission</source>
        <translation>按提交年份划分的个案</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not submitted</source>
        <translation>未提交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases by sector</source>
        <translation>按行业划分的个案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases by solution category</source>
        <translation>按方案类别划分的个案</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unanswered questions: %1, of which overdue: %2</source>
        <translation>未答复的问题：%1 个，其中逾期：%2 个</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cases</source>
        <translation>个案数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Approved grants</source>
        <translation>获批资助</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases with an approved grant: %1</source>
        <translation>获批资助的个案：%1 宗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total: %1</source>
        <translation>资助总额：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average: %1</source>
        <translation>平均资助额：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Processing time, submission to approval</source>
        <translation>处理时间（从提交到批准）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year of approval</source>
        <translation>批准年份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approvals</source>
        <translation>批准数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median days</source>
        <translation>天数中位数</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>stats takes options only</source>
        <translation>stats 只接受选项</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Management figures: cases by status, year, sector and solution; grants; processing times; clarifications.</source>
        <translation>管理统计数据：按状态、年份、行业和方案划分的个案；资助；处理时间；澄清事项。</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+28"/>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../app/cli/clioptions.cpp" line="+19"/>
        <source>this option is needed: --%1 FILE</source>
        <translation>须提供此选项：--%1 文件</translation>
    </message>
    <message>
        <location filename="../app/cli/certificatecommand.cpp" line="+34"/>
        <source>the file cannot be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>this file exists already; a new key and certificate are written to new files</source>
        <translation>此文件已存在；新的密钥及证书须写入新文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase for your new signing key: </source>
        <translation>新签名密钥的口令：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a signing key needs a passphrase of at least 8 characters</source>
        <translation>签名密钥须设置至少 8 个字符的口令</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Issued certificate %1 to %2, valid until %3. Your key is in %4 (encrypted with your passphrase), the certificate in %5.</source>
        <translation>已向 %2 签发证书 %1，有效期至 %3。您的密钥存于 %4（以您的口令加密），证书存于 %5。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Certificate %1 is revoked as of %2 (%3): signatures made with it from then on do not verify. Every desk learns of it at its next sync.</source>
        <translation>证书 %1 已于 %2 吊销（%3）：此后用其作出的签名均无法验证。各工作站将在下次同步时获知。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>say certificate request --key FILE --certificate FILE, or certificate revoke SERIAL</source>
        <translation>请输入 certificate request --key 文件 --certificate 文件，或 certificate revoke 序列号</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>request --key FILE --certificate FILE | revoke SERIAL</source>
        <translation>request --key 文件 --certificate 文件 | revoke 序列号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Get a signing certificate from the back office for a key made here, or revoke one.</source>
        <translation>为在本机生成的密钥向后台获取签名证书，或吊销证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: where to write your new signing key (encrypted PEM).</source>
        <translation>request：新签名密钥的写入位置（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>request: where to write your signing certificate (PEM).</source>
        <translation>request：签名证书的写入位置（PEM）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>request: where to write the back office&apos;s CA certificate (PEM), what signatures are verified against.</source>
        <translation>request：后台证书颁发机构证书（PEM）的写入位置，用于验证签名。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request: read the new key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>request：从此文件的第一行读取新密钥的口令（否则使用 VOUCHERDESK_PASSPHRASE，再否则会询问）。</translation>
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
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/packagecommand.cpp" line="+54"/>
        <source>the workspace&apos;s copy of this attachment is missing or damaged</source>
        <translation>工作区中此附件的副本丢失或已损坏</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>say where to write the package: --output FILE</source>
        <translation>请指明数据包的写入位置：--output 文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/cli/signcommand.cpp" line="+40"/>
        <source>Passphrase of your signing key: </source>
        <translation>您签名密钥的口令：</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Wrote %1: %2 signed by %3, with %n attachment(s).</source>
        <translation>
            <numerusform>已写入 %1：%2，由 %3 签名，附 %n 个附件。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>ATTACHMENT_MISSING: %1 (%2) is not in the package.</source>
        <translation>ATTACHMENT_MISSING：数据包中没有 %1（%2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ATTACHMENT_CHANGED: %1 (%2) is not the file that was signed: its SHA-256 is %3.</source>
        <translation>ATTACHMENT_CHANGED：%1（%2）并非已签名的文件：其 SHA-256 为 %3。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is not a submission package: it has no %1 or no %2.</source>
        <translation>这不是提交数据包：其中没有 %1 或没有 %2。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Verified: signed by %1 (%2, %3) at %4 with certificate %5; the manifest and its attachments are as signed.</source>
        <translation>验证通过：由 %1（%2，%3）于 %4 用证书 %5 签名；清单及其附件均与签名时相同。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>say package export REF --output FILE, or package verify FILE</source>
        <translation>请输入 package export 编号 --output 文件，或 package verify 文件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>export REF --output FILE | verify FILE</source>
        <translation>export 编号 --output 文件 | verify 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a signed submission as one zip file, or check one.</source>
        <translation>将已签名的提交内容写成一个 zip 文件，或核对此类文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: the package file to write.</source>
        <translation>export：要写入的数据包文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: your signing key (encrypted PEM).</source>
        <translation>export：您的签名密钥（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: your signing certificate (PEM), issued by the back office.</source>
        <translation>export：您的签名证书（PEM），由后台签发。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>export: read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>export：从此文件的第一行读取密钥的口令（否则使用 VOUCHERDESK_PASSPHRASE，再否则会询问）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s CA certificate (PEM): export puts it in the chain, verify trusts it.</source>
        <translation>后台的证书颁发机构证书（PEM）：export 会将其放入证书链，verify 会信任它。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>verify: the back office&apos;s revocations (JSON, DATA/ca/revocations.json; else those the workspace received at its last sync).</source>
        <translation>verify：后台的吊销列表（JSON，DATA/ca/revocations.json；否则使用工作区上次同步时收到的列表）。</translation>
    </message>
    <message>
        <location filename="../app/cli/synccommand.cpp" line="+65"/>
        <source>Attachment not synced: %1</source>
        <translation>附件未能同步：%1</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>say which back office: --server https://HOST:PORT</source>
        <translation>请指定后台：--server https://HOST:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>say who signs in: --user USERNAME</source>
        <translation>请指定登录的用户：--user USERNAME</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>sync takes no arguments besides its options</source>
        <translation>sync 除选项外不接受其他参数</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>give the changes per push as a whole number from 1 to 2000</source>
        <translation>请用 1 至 2000 之间的整数指定每次推送的更改数量</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>no password was given: type it when asked, or use --password-file FILE or the environment variable VOUCHERDESK_PASSWORD</source>
        <translation>未提供密码：请在提示时输入，或使用 --password-file FILE 或环境变量 VOUCHERDESK_PASSWORD</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>--server URL --user NAME</source>
        <translation>--server URL --user NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send this workspace&apos;s changes to a back office and receive what is new there.</source>
        <translation>将此工作区的更改推送到后台，并接收后台的新数据。</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>The back office&apos;s address: https://HOST:PORT (http:// only for 127.0.0.1).</source>
        <translation>后台地址：https://HOST:PORT（http:// 仅限用于 127.0.0.1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your username at the back office.</source>
        <translation>您在后台的用户名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the password from the first line of this file (else the environment variable VOUCHERDESK_PASSWORD, else asked for).</source>
        <translation>从此文件的第一行读取密码（否则使用环境变量 VOUCHERDESK_PASSWORD，再否则将提示输入）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust this certificate (PEM) for the back office, such as its self-signed DATA/tls/server.crt.</source>
        <translation>信任此后台证书（PEM），例如后台自签名的 DATA/tls/server.crt。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Pushed: %1 (applied: %2, of them merged: %3; already there: %4; in conflict: %5; rejected: %6).</source>
        <translation>已推送：%1（已应用：%2，其中已合并：%3；后台已有：%4；有冲突：%5；被拒：%6）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pulled: %1 (stored: %2). Cases that left your view and were removed here: %3.</source>
        <translation>已拉取：%1（已保存：%2）。已离开您查看范围并已在本机移除的个案：%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attachments sent: %1; already at the back office: %2; received: %3; not yet uploaded by anyone: %4.</source>
        <translation>已发送附件：%1；后台已有：%2；已接收：%3；尚无人上传：%4。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The back office&apos;s audit log: size %1, root %2, consistent with what this desk saw before.</source>
        <translation>后台的审计日志：大小 %1，根 %2，与本机之前所见的一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Now at %1. Waiting to be sent: %2; conflicts: %3 and rejected changes: %4, for you to look at. Requests: %5, in %6 ms.</source>
        <translation>现位于 %1。待发送：%2；冲突：%3 及被拒的更改：%4，有待您处理。请求：%5，耗时 %6 毫秒。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Changes sent per push (default 500).</source>
        <translation>每次推送的更改数量（默认 500）。</translation>
    </message>
    <message>
        <location filename="../app/cli/transitioncommand.cpp" line="+15"/>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, approved grant %1</source>
        <translation>，批准资助额为%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>give the case&apos;s reference and the action, such as: transition TVP/2024/00042 start_screening --as officer01</source>
        <translation>请提供个案的参考编号和操作，例如：transition TVP/2024/00042 start_screening --as officer01</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give at least one case before the action, or --batch with a file of references</source>
        <translation>请在操作之前指定至少一宗个案，或用 --batch 提供列有参考编号的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say who takes the action: --as USERNAME</source>
        <translation>请注明执行此操作的用户：--as USERNAME</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 of %2 cases changed, %3 refused.</source>
        <translation>%2 宗个案中有 %1 宗已更改，%3 宗被拒绝。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>REF… ACTION</source>
        <translation>参考编号（REF…）及操作（ACTION）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take a workflow action on cases as a user, if the user&apos;s role, the case&apos;s status and the rules allow it.</source>
        <translation>以指定用户的身份对个案执行工作流程操作，前提是用户角色、个案状态和规则均允许。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The user who takes the action (a username).</source>
        <translation>执行此操作的用户（用户名）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: required by some actions, kept in the case&apos;s history.</source>
        <translation>理由：部分操作必须填写，并会记入个案的状态历史。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also take the action on the cases listed in this file (one reference a line; - reads standard input), each on its own.</source>
        <translation>同时对此文件所列的个案逐一执行此操作（每行一个参考编号；用“-”表示从标准输入读取）。</translation>
    </message>
    <message>
        <location filename="../app/cli/documentcommands.cpp" line="-70"/>
        <source>give one workspace document to import, or - to read standard input</source>
        <translation>请提供一份要导入的工作区文件，或用 - 从标准输入读取</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the first %1 problems are listed; there may be more</source>
        <translation>只列出前 %1 个问题；可能还有其他问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing was imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored %1 records and %2 audit entries into %3 (%4); the audit trail is the document&apos;s own.</source>
        <translation>已将 %1 条记录和 %2 条审计记录还原至 %3（%4）；审计轨迹沿用文件本身的记录。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1 records into %2 (%3), each with an audit entry &quot;import&quot;.</source>
        <translation>已将 %1 条记录导入 %2（%3），每条均附有“import”审计记录。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>export takes no file name; use --output FILE</source>
        <translation>export 不接受文件名；请使用 --output FILE</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot be written: %1</source>
        <translation>无法写入：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1 records and %2 audit entries to %3.</source>
        <translation>已将 %1 条记录和 %2 条审计记录导出至 %3。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read a workspace document into the workspace, all or nothing (docs/formats.md).</source>
        <translation>将工作区文件读入工作区，要么全部导入，要么全部不导入（docs/formats.md）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write the whole workspace as a workspace document (standard output by default).</source>
        <translation>将整个工作区写成工作区文件（默认输出到标准输出）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the document to this file instead.</source>
        <translation>改为将文件写入此文件。</translation>
    </message>
    <message>
        <location filename="../app/cli/packagezip.cpp" line="+48"/>
        <source>The package cannot be written: %1.</source>
        <translation>无法写入数据包：%1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The package cannot be read.</source>
        <translation>无法读取数据包。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is not a readable zip file: %1.</source>
        <translation>这不是可读取的 zip 文件：%1。</translation>
    </message>
    <message>
        <location filename="../app/cli/signcommand.cpp" line="-8"/>
        <source>say sign REF PURPOSE, the purpose one of: %1</source>
        <translation>请输入 sign 编号 项目，项目为以下之一：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>say what is signed: %1</source>
        <translation>请指明签名的项目：%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no case %1 in this workspace.</source>
        <translation>此工作区中没有个案 %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed the %1 of %2 as %3 at %4 (certificate %5). It goes to the back office with the next sync, which checks it.</source>
        <translation>已以 %3 的身份于 %4 签署 %2 的%1（证书 %5）。签名将在下次同步时发送到后台，并由后台核对。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>REF PURPOSE --key FILE --certificate FILE</source>
        <translation>编号 项目 --key 文件 --certificate 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign an item of a case (submission, revision, review, committee_outcome, approval, payment_release) with your key; the next sync sends it.</source>
        <translation>用您的密钥签署个案的项目（submission、revision、review、committee_outcome、approval、payment_release）；下次同步时发送。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your signing key (encrypted PEM).</source>
        <translation>您的签名密钥（已加密的 PEM）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your signing certificate (PEM), issued by the back office.</source>
        <translation>您的签名证书（PEM），由后台签发。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the key&apos;s passphrase from the first line of this file (else VOUCHERDESK_PASSPHRASE, else asked for).</source>
        <translation>从此文件的第一行读取密钥的口令（否则使用 VOUCHERDESK_PASSPHRASE，再否则会询问）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record to sign (its id), when the case has more than one of its kind.</source>
        <translation>要签名的记录（其 id），当个案有多于一项同类记录时使用。</translation>
    </message>
</context>
<context>
    <name>vd::record</name>
    <message>
        <location filename="../domain/core/recordjson.cpp" line="+192"/>
        <source>&quot;%1&quot; is not a point in time; write it as 2026-03-01T09:30:00Z</source>
        <translation>“%1”并非有效的时间；请写成 2026-03-01T09:30:00Z 的格式</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected an object with &quot;en&quot; and &quot;zh&quot; text</source>
        <translation>应为带有“en”和“zh”文本的对象</translation>
    </message>
</context>
</TS>
