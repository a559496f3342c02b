<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Audit</name>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="40" />
        <source>Package merged</source>
        <translation>上报包已合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="41" />
        <source>Package forwarded to the city</source>
        <translation>上报包已转报市里</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="42" />
        <source>Entry added from package</source>
        <translation>由上报包新增填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="43" />
        <source>Entry updated from package</source>
        <translation>由上报包更新填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="44" />
        <source>Conflict recorded</source>
        <translation>记录冲突</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="45" />
        <source>Entry held</source>
        <translation>填报暂存待处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="46" />
        <source>Entry accepted</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="47" />
        <source>Entry returned</source>
        <translation>退回修改</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="48" />
        <source>Entry corrected by the office</source>
        <translation>办公室更正了填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="49" />
        <source>Conflict field decided</source>
        <translation>冲突字段已决定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="50" />
        <source>Conflict resolved</source>
        <translation>冲突已解决</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="51" />
        <source>Conflict discarded</source>
        <translation>冲突已放弃（保留办公室数据）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="52" />
        <source>Held entry released</source>
        <translation>暂存填报已应用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="53" />
        <source>Held entry discarded</source>
        <translation>暂存填报已放弃</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="54" />
        <source>Period opened</source>
        <translation>填报期已开放</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="55" />
        <source>Period closed for review</source>
        <translation>填报期已关闭审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="56" />
        <source>Period locked</source>
        <translation>填报期已锁定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="57" />
        <source>New signing key waits for approval</source>
        <translation>新签名密钥待批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="58" />
        <source>Signing key approved</source>
        <translation>签名密钥已批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="59" />
        <source>Signing key rejected</source>
        <translation>签名密钥已拒绝</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="60" />
        <source>Receipt applied</source>
        <translation>回执已导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="61" />
        <source>Receipt written</source>
        <translation>已生成上报回执</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="62" />
        <source>Distribution package written</source>
        <translation>已生成下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="63" />
        <source>Distribution package imported</source>
        <translation>已导入下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="65" />
        <source>Report package exported</source>
        <translation>已导出上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="66" />
        <source>City keys created</source>
        <translation>已创建市办密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="67" />
        <source>County keys created</source>
        <translation>已创建县级密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="68" />
        <source>County keys replaced for the city's new cipher suite</source>
        <translation>县办密钥已随市办更换为新密码套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="70" />
        <source>Laptop signing key created</source>
        <translation>已创建本机签名密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="71" />
        <source>County encryption key recorded</source>
        <translation>已记录县级加密密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="72" />
        <source>Keys restored from a backup</source>
        <translation>已从备份恢复密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="73" />
        <source>Keys restored from the escrow file</source>
        <translation>已从托管密钥文件恢复密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="74" />
        <source>City keys replaced</source>
        <translation>已更换市办密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="75" />
        <source>Old city keys retired</source>
        <translation>已停用旧的市办密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="76" />
        <source>Score set</source>
        <translation>已评分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="77" />
        <source>Target set</source>
        <translation>已设置目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="78" />
        <source>Target removed</source>
        <translation>已删除目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="79" />
        <source>Target received</source>
        <translation>已收到目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="80" />
        <source>Marked as programme town</source>
        <translation>已列为美丽城镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="81" />
        <source>Reporting unit added</source>
        <translation>已添加填报单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="82" />
        <source>Reporting unit renamed</source>
        <translation>填报单位已改名</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="83" />
        <source>Reporting unit moved</source>
        <translation>填报单位已调整隶属</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="84" />
        <source>Reporting units merged</source>
        <translation>填报单位已合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="85" />
        <source>Set up as provisional township</source>
        <translation>以临时乡镇身份开始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="86" />
        <source>Bound to the township</source>
        <translation>已确定为正式乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="91" />
        <source>revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="92" />
        <source>previous revision</source>
        <translation>原修订号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="93" />
        <source>field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="94" />
        <source>changed</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="95" />
        <source>decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="96" />
        <source>office value</source>
        <translation>办公室数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="97" />
        <source>township value</source>
        <translation>乡镇数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="98" />
        <source>result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="99" />
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="100" />
        <source>comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="101" />
        <source>before</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="102" />
        <location filename="../../meili_desktop/services/audit.py" line="113" />
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="103" />
        <source>sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="104" />
        <source>periods</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="105" />
        <source>entries</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="106" />
        <source>key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="107" />
        <source>laptop key of the previous content</source>
        <translation>原内容的电脑密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="108" />
        <source>laptop key of the office value</source>
        <translation>办公室一方的电脑密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="109" />
        <source>laptop key of the township value</source>
        <translation>乡镇一方的电脑密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="110" />
        <source>sender clock suspicious</source>
        <translation>发送方时钟可疑</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="111" />
        <source>item</source>
        <translation>处理项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="112" />
        <source>bundle</source>
        <translation>汇总包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="114" />
        <source>from</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="115" />
        <source>previous value</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="116" />
        <source>after</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="117" />
        <source>points</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="118" />
        <source>mechanism established</source>
        <translation>已建立机制</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="119" />
        <source>set by</source>
        <translation>设置方式</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="120" />
        <source>base</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="121" />
        <source>version</source>
        <translation>目标值版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="122" />
        <source>town type before</source>
        <translation>原城镇类型</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="123" />
        <source>town type</source>
        <translation>城镇类型</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="124" />
        <source>programme town before</source>
        <translation>原为美丽城镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="125" />
        <source>signing key fingerprint</source>
        <translation>签名密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="126" />
        <source>new signing key fingerprint</source>
        <translation>新签名密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="128" />
        <source>city key fingerprint</source>
        <translation>市办密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="129" />
        <source>cipher suite</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="130" />
        <source>keys retired</source>
        <translation>停用密钥数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="131" />
        <source>keys added</source>
        <translation>添加密钥数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="132" />
        <source>receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="133" />
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="134" />
        <source>market town</source>
        <translation>集镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="135" />
        <source>previous unit</source>
        <translation>原填报单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="136" />
        <source>entries moved</source>
        <translation>转移条目数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="140" />
        <source>typed in</source>
        <translation>手工填写</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="141" />
        <source>in proportion to base</source>
        <translation>按基数比例分解</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="142" />
        <source>imported from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="143" />
        <source>distribution package</source>
        <translation>下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="147" />
        <source>Excel template</source>
        <translation>Excel 模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="148" />
        <source>correction dialog</source>
        <translation>“修改”窗口</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="152" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="153" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="154" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="155" />
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="156" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="157" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="158" />
        <source>Package</source>
        <translation>上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="159" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="220" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="221" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="315" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/audit.py" line="127" />
        <source>new escrow key fingerprint</source>
        <translation>新托管密钥指纹</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="77" />
        <source>unit id</source>
        <translation>单位代码</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="81" />
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="84" />
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="89" />
        <source>package id</source>
        <translation>上报包编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="92" />
        <source>words in the action, author or details</source>
        <translation>操作、操作人或详情中的文字</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="93" />
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="95" />
        <source>To</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="101" />
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="105" />
        <source>Export CSV...</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="107" />
        <source>Export Excel...</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="139" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="139" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="140" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="140" />
        <source>Package</source>
        <translation>上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="144" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="180" />
        <source>{count} events</source>
        <translation>共 {count} 条记录</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="185" />
        <source>No event matches the search.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="186" />
        <source>Clear some filters or widen the dates, then click Search again.</source>
        <translation>请清除部分筛选条件或放宽日期范围，然后再次点击“查询”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="191" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="192" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="194" />
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="205" />
        <source>{count} events written to {file}</source>
        <translation>已将 {count} 条记录写入 {file}</translation>
    </message>
</context>
<context>
    <name>BundleImporter</name>
    <message>
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="60" />
        <source>Checking the county bundle {file}…</source>
        <translation>正在核验县级汇总包 {file}…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="66" />
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="82" />
        <source>County bundle</source>
        <translation>县级汇总包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="67" />
        <source>{file} from {county} is verified. It holds no township packages: it introduced the county's keys, and townships of {county} can now send their packages through the county.</source>
        <translation>{county} 的 {file} 已通过核验。其中没有乡镇上报包：它用于登记该县的密钥，此后 {county} 的乡镇可以通过县里转报上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="72" />
        <source>{file} from {county} is verified; its {count} township packages are checked in the inbox.</source>
        <translation>{county} 的 {file} 已通过核验，其中的 {count} 个乡镇上报包正在收件箱中逐一核验。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/bundle_import.py" line="83" />
        <source>{file} was not opened. {reason}</source>
        <translation>未能打开 {file}。{reason}</translation>
    </message>
</context>
<context>
    <name>CompletenessPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="33" />
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="99" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="34" />
        <source>Overdue</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="35" />
        <source>Not yet reported</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="36" />
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="99" />
        <source>Resubmitted</source>
        <translation>已重新上报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="37" />
        <source>Reported late</source>
        <translation>逾期上报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="38" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="91" />
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="92" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="97" />
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="119" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="97" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="97" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="97" />
        <source>Packages</source>
        <translation>上报包数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="98" />
        <source>First received</source>
        <translation>首次收到</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="98" />
        <source>Last received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="98" />
        <source>Entries</source>
        <translation>填报条数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="99" />
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="100" />
        <source>Open items</source>
        <translation>待处理项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="117" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="150" />
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="151" />
        <source>No reporting periods are set up.</source>
        <translation>还没有设置填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="165" />
        <source>No due date is set for this period.</source>
        <translation>该填报期未设截止日期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="167" />
        <source>Due date {due}.</source>
        <translation>截止日期 {due}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="175" />
        <source>{county} has no towns expected to report.</source>
        <translation>{county}没有需要上报的乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="177" />
        <source>Choose "All counties", or import the programme's towns with the command "meili-desktop units import FILE.xlsx".</source>
        <translation>请选择“全部县（市、区）”，或用命令“meili-desktop units import 文件.xlsx”导入美丽城镇名单。</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="52" />
        <source>Choose...</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="53" />
        <source>Keep office value</source>
        <translation>保留办公室数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="54" />
        <source>Take township value</source>
        <translation>采用乡镇数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="55" />
        <source>Edit</source>
        <translation>修改为</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="56" />
        <source>Same on both sides</source>
        <translation>两边相同</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="167" />
        <source>Conflicts and held entries</source>
        <translation>冲突和暂存填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="170" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="173" />
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="175" />
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="179" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="179" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="180" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="180" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="181" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="190" />
        <source>Choose an item on the left.</source>
        <translation>请在左侧选择一项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="198" />
        <source>Apply decisions</source>
        <translation>应用决定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="200" />
        <source>Keep office entry</source>
        <translation>保留办公室填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="202" />
        <source>Apply held entry</source>
        <translation>应用暂存填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="204" />
        <source>Discard held entry</source>
        <translation>放弃暂存填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="309" />
        <source>Items {first} to {last} of {total}</source>
        <translation>第 {first}–{last} 项，共 {total} 项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="325" />
        <source>No open conflicts or held entries.</source>
        <translation>没有待处理的冲突或暂存填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="328" />
        <source>{unit} · task {task} · {period} · {kind}: {reason}</source>
        <translation>{unit} · 任务 {task} · {period} · {kind}：{reason}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="333" />
        <source>Package ID: {package}</source>
        <translation>上报包编号：{package}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="343" />
        <source>From package {package}</source>
        <translation>来自上报包 {package}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="344" />
        <source>From {file}, sent by {sender} for {periods}</source>
        <translation>来自文件 {file}，由 {sender} 报送，填报期 {periods}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="351" />
        <source>Township: laptop key {key}, revision {revision}.</source>
        <translation>乡镇：电脑密钥 {key}，修订号 {revision}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="352" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="356" />
        <source>Office: from laptop key {key}, revision {revision}.</source>
        <translation>办公室：来自电脑密钥 {key}，修订号 {revision}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="359" />
        <source>Office: decided by the office or from an unrecorded laptop, revision {revision}.</source>
        <translation>办公室：由办公室决定或来自未记录的电脑，修订号 {revision}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="365" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="365" />
        <source>Office (now)</source>
        <translation>办公室（当前）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="365" />
        <source>Township (incoming)</source>
        <translation>乡镇（新上报）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="367" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="367" />
        <source>New value</source>
        <translation>新值</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="46" />
        <source>Correct entry</source>
        <translation>修改填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="52" />
        <source>{unit}, task {task} {title}, {period}</source>
        <translation>{unit}，任务 {task} {title}，{period}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="58" />
        <source>The corrected values become the office's. A later report from the township that differs from them waits on the Conflicts page for your decision.</source>
        <translation>修改后的内容记为办公室的修改。此后乡镇报来的不同内容不会直接覆盖，而是在“冲突处理”页等待您决定。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="74" />
        <source>This task takes no value</source>
        <translation>本任务不填数值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="84" />
        <source>Why the office changes the values, e.g. the ledger shows 72%. Required.</source>
        <translation>修改原因，例如：台账显示为 72%。必填。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="93" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="94" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="100" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="101" />
        <source>Actual value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="102" />
        <source>Narrative</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="103" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/correction_dialog.py" line="104" />
        <source>Reason for the correction</source>
        <translation>修改原因</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{file}: the entry for task {task} ({period}) has a value that is not text in "{field}" ({value}). The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中“{field}”的值不是文字（{value}）。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <source>{file}: the entry for task {task} ({period}) has an unreadable edit time ({value}); an edit time is ISO 8601 text such as 2021-06-30T08:00:00+08:00. The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报修改时间无法读取（{value}）；修改时间应为 ISO 8601 格式的文字，例如 2021-06-30T08:00:00+08:00。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <source>{file}: the entry for task {task} ({period}) has a control character such as NUL in "{field}" ({value}). The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中“{field}”含有 NUL 等控制字符（{value}）。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="7" />
        <source>Entry number {index} in the package has an unreadable field "{field}" ({value}). Nothing from this package was merged; ask the township to update the program and export again.</source>
        <translation>上报包中第 {index} 条填报的字段“{field}”无法读取（{value}）。该上报包的内容均未合并；请乡镇更新程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="11" />
        <source>The value {value} is not valid for the field "{field}". Nothing was changed; enter a plain number such as 85 or 12.5, or a valid status.</source>
        <translation>{value} 不是字段“{field}”的有效值。未做任何更改；请输入 85 或 12.5 这样的数字，或有效的状态。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="14" />
        <source>{file}: the entry for task {task} ({period}) has malformed content in "{field}" ({value}). The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中“{field}”的内容格式错误（{value}）。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="21" />
        <source>{file}: the entry for task {task} ({period}) has an invalid status ({value}). The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报状态无效（{value}）。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="28" />
        <source>{file}: the entry for task {task} ({period}) has no valid number in "{field}" ({value}); a number has at most 12 digits before and 6 after the decimal point, and a denominator is not 0. The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中“{field}”不是有效的数字（{value}）；数字的整数部分最多 12 位、小数部分最多 6 位，分母不能为 0。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="36" />
        <source>{file}: the entry for task {task} ({period}) has more than {limit} characters in "{field}", the most a package may carry. The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中“{field}”超过 {limit} 个字，超出上报包允许的上限。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="43" />
        <source>{file}: the entry for task {task} ({period}) has an unreadable list of evidence files. The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报中佐证材料清单无法读取。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="50" />
        <source>{file}: the entry for task {task} ({period}) names the evidence file {value}, which the package does not carry. The package's signatures are valid, so it arrived as its sender wrote it, but this program never writes such an entry: the sender's program is faulty or not this program. Nothing from this package was merged; ask the township to install the current version of the program and export again.</source>
        <translation>{file}：任务 {task}（{period}）的填报列出了佐证材料 {value}，但上报包中没有这个文件。该上报包的签名有效，说明它与发送方写出时完全一致，但本程序从不写出这样的填报：发送方的程序有缺陷或不是本程序。该上报包的内容均未合并；请乡镇安装当前版本的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="57" />
        <source>The package lists task {task} of unit {unit} for {period} twice. Nothing from this package was merged; ask the township to export again.</source>
        <translation>上报包中单位 {unit} 在 {period} 的任务 {task} 出现了两次。该上报包的内容均未合并；请乡镇重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="60" />
        <source>Package {package_id} from unit {sender} reuses the package id, or the sequence number {sequence} of its laptop's key {fingerprint}, of a package merged before, with different content. It may be a replayed or forged copy. Nothing was merged; ask the township to export a new package and keep this file for checking.</source>
        <translation>单位 {sender} 的上报包 {package_id} 与之前合并过的上报包使用了相同的编号，或相同的电脑密钥 {fingerprint} 序号 {sequence}，但内容不同，可能是重放或伪造的副本。未合并任何内容；请乡镇重新导出上报包，并保留此文件以便核查。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="65" />
        <source>Package {package_id} is a {kind}; only report packages from townships can be merged. Nothing was changed.</source>
        <translation>数据包 {package_id} 是{kind}；只有乡镇的上报包可以合并。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="68" />
        <source>No task catalogue is active, so entries cannot be checked. Nothing was merged; set up or import the catalogue first.</source>
        <translation>没有启用的任务目录，无法检查填报。未合并任何内容；请先设置或导入任务目录。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="71" />
        <source>The package {package_id} from {sender} carries {count} entries, but a unit reports at most one entry per task and period: {tasks} tasks in {periods} periods, so at most {limit} with room for tasks of a newer catalogue. Nothing from this package was merged. Ask the sender to check its data and program version and to export the package again.</source>
        <translation>{sender} 的上报包 {package_id} 含 {count} 条填报数据，但一个单位每项任务每个填报期最多报一条：{tasks} 项任务、{periods} 个填报期，连同为新版任务目录预留的余量最多 {limit} 条。该上报包未合并任何内容。请让发送单位检查其数据和程序版本后重新导出上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="77" />
        <source>The evidence file "{name}" for task {task} of unit {unit} ({period}) is a program or script. Nothing from this package was merged; ask the township to attach photos or documents only and export again.</source>
        <translation>单位 {unit} 任务 {task}（{period}）的佐证材料“{name}”是程序或脚本。该上报包的内容均未合并；请乡镇只附照片或文档并重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="81" />
        <source>The evidence file "{name}" changed on the disk after the package was verified. Nothing was merged; add the package again.</source>
        <translation>佐证材料“{name}”在上报包验证后被改动。未合并任何内容；请重新添加该上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="84" />
        <source>Another merge kept the database busy for more than {seconds} seconds. Nothing was merged; try again when the other clerk's merge has finished.</source>
        <translation>另一个合并占用数据库超过 {seconds} 秒。未合并任何内容；请在其他同事的合并完成后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="87" />
        <source>No report package or county bundle was found in {paths}. Give package files (.mlrp or .mlcb) or a folder that contains them.</source>
        <translation>在 {paths} 中没有找到上报包或县级汇总包。请指定数据包文件（.mlrp 或 .mlcb）或包含它们的文件夹。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="91" />
        <source>The field "{field}" differs between the office and the township, but no choice was made for it. Nothing was changed; choose the office value, the township value or enter a value.</source>
        <translation>字段“{field}”在办公室和乡镇之间不一致，但没有作出选择。未做任何更改；请选择保留办公室数据、采用乡镇数据或输入新值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="95" />
        <source>The field "{field}" cannot be set that way. Nothing was changed; keep the office's or take the township's evidence files.</source>
        <translation>字段“{field}”不能这样设置。未做任何更改；请保留办公室的或采用乡镇的佐证材料。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="98" />
        <source>Item {item} no longer exists. Refresh the list.</source>
        <translation>第 {item} 项已不存在。请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="100" />
        <source>Item {item} was already decided, perhaps by another clerk. Nothing was changed; refresh the list.</source>
        <translation>第 {item} 项已被处理，可能是其他同事处理的。未做任何更改；请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="103" />
        <source>Period {period} is locked, so its entries cannot change. Nothing was changed; open the period first if the change is really needed.</source>
        <translation>填报期 {period} 已锁定，其填报不能更改。未做任何更改；如确需更改，请先开放该填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="106" />
        <source>Item {item} still cannot be applied ({reason}). Nothing was changed; fix the cause first (for example open the period) or discard the item.</source>
        <translation>第 {item} 项仍不能应用（{reason}）。未做任何更改；请先排除原因（例如开放填报期），或放弃该项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="109" />
        <source>Item {item} is a held entry, not a conflict; release or discard it instead.</source>
        <translation>第 {item} 项是暂存填报，不是冲突；请应用或放弃它。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="113" />
        <source>Returning an entry needs a comment that tells the township what to fix. Nothing was changed; write the comment and return the entry again.</source>
        <translation>退回填报需要填写意见，告诉乡镇要修改什么。未做任何更改；请填写意见后再退回。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="116" />
        <source>The comment has {length} characters; at most {maximum} are allowed. Nothing was changed; shorten the comment.</source>
        <translation>意见有 {length} 个字，最多允许 {maximum} 个字。未做任何更改；请缩短意见。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="119" />
        <source>The office has no entry for task {task} of unit {unit} in {period}. Nothing was changed; check the unit, task and period.</source>
        <translation>办公室没有单位 {unit} 在 {period} 的任务 {task} 的填报。未做任何更改；请检查单位、任务和填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="122" />
        <source>Task {task} of unit {unit} in {period} changed while you reviewed it (revision {expected} is now {revision}). Nothing was changed; review the new revision.</source>
        <translation>单位 {unit} 在 {period} 的任务 {task} 在审核期间有了变化（版本 {expected} 已变为 {revision}）。未做任何更改；请审核新版本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="126" />
        <source>Task {task} of unit {unit} in {period} has an open conflict. Nothing was changed; resolve the conflict first, then review the entry.</source>
        <translation>单位 {unit} 在 {period} 的任务 {task} 有未解决的冲突。未做任何更改；请先解决冲突，再审核该填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="129" />
        <source>Period {period} is locked, so its entries can no longer be reviewed. Nothing was changed; open the period first if the review must change.</source>
        <translation>填报期 {period} 已锁定，其填报不能再审核。未做任何更改；如需更改审核结果，请先开放该填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="132" />
        <source>There is no reporting period {period}. Nothing was changed; check the period code, such as 2021Q2.</source>
        <translation>没有填报期 {period}。未做任何更改；请检查填报期代码，例如 2021Q2。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="136" />
        <source>Package {package_id} was never merged here, so there is no receipt for it. Merge the package first.</source>
        <translation>上报包 {package_id} 从未在此合并，因此没有回执。请先合并该上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="139" />
        <source>The receipt is damaged or from another program (field "{field}"). Nothing was changed; ask the office to send the receipt again.</source>
        <translation>回执已损坏或来自其他程序（字段“{field}”）。未做任何更改；请办公室重新发送回执。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="142" />
        <source>The receipt is for unit {unit}, but this laptop reports for {own}. Nothing was changed; import the receipt on that unit's laptop.</source>
        <translation>该回执是发给单位 {unit} 的，但本机填报单位是 {own}。未做任何更改；请在该单位的电脑上导入回执。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="146" />
        <source>The package id "{package_id}" cannot be used as a file name. Nothing was kept; report the package file to the city office.</source>
        <translation>上报包编号“{package_id}”不能用作文件名。未保存任何内容；请将该上报包文件报告市美丽城镇办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="149" />
        <source>None of the {count} chosen packages is waiting to be forwarded: they were forwarded before. Nothing was changed.</source>
        <translation>所选的 {count} 个上报包都不需要转报：它们之前已转报。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge.py" line="153" />
        <source>The key {fingerprint} of unit {unit} is {status} and cannot be approved or rejected any more. Nothing was changed.</source>
        <translation>单位 {unit} 的密钥 {fingerprint} 状态为 {status}，不能再批准或拒绝。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="6" />
        <source>The kept file {file} is not the package {package_id} that was merged: it was replaced after the merge. Import the township's original package file again before forwarding it.</source>
        <translation>保留的文件 {file} 不是当初合并的上报包 {package_id}：合并后它被替换了。请在转报前把乡镇的原始上报包文件重新添加到收件箱。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="10" />
        <source>{file} announces the city's new keys of cipher suite {suite}, but the county's keys use {county_suite}. The county needs new keys of suite {suite}, protected by its passphrase. Nothing was imported; run "init county --package FILE" in a terminal, or give --passphrase-file F, with the county's passphrase.</source>
        <translation>{file} 公布了市办 {suite} 密码套件的新密钥，而县办密钥使用的是 {county_suite}。县办需要生成 {suite} 套件的新密钥，并用县办口令保护。未导入任何内容；请在终端运行 "init county --package FILE"（或加 --passphrase-file F），输入县办口令后重新导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="15" />
        <source>The county bundle {file} from {county} does not match its own list of township packages. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 与其自身的乡镇上报包清单不符。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="20" />
        <source>The county bundle {file} from {county} lists a township package that it does not carry. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 的清单列出了一个包内并没有的乡镇上报包。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="25" />
        <source>The county bundle {file} from {county} lists the township package {package} twice. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 的清单把乡镇上报包 {package} 列了两次。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="30" />
        <source>The county bundle {file} from {county} carries {count} files that its list of township packages does not name. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 中有 {count} 个文件不在其乡镇上报包清单中。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="35" />
        <source>The county bundle {file} from {county} carries a file listed as the package of {unit} that is not a package of this program. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 中列为 {unit} 上报包的文件不是本程序的数据包。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="41" />
        <source>The county bundle {file} from {county} carries a {kind} of {unit}, but a bundle may carry only the townships' report packages. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 中含有 {unit} 的{kind}，而汇总包中只能有各乡镇的上报包。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="47" />
        <source>The county bundle {file} from {county} lists a package as coming from {listed}, but the package itself comes from {unit}. The county office wrote the bundle wrong. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 的清单写明某个上报包来自 {listed}，但该上报包实际来自 {unit}。县级办公室生成的汇总包有误，汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="53" />
        <source>The county bundle {file} from {county} carries a package of {unit}, which is not a township of {county}. The county office wrote the bundle wrong: a county forwards only its own townships' packages. Nothing from the bundle was merged; ask the county office to check the packages it forwards and to write the bundle again.</source>
        <translation>{county} 的县级汇总包 {file} 中含有 {unit} 的上报包，而 {unit} 不是 {county} 的乡镇。县级办公室生成的汇总包有误：县级办公室只能转报本县乡镇的上报包。汇总包中的内容均未合并；请县级办公室核对所转报的上报包后重新生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/relay.py" line="59" />
        <source>The city's keys use cipher suite {suite}, but the county's signing key uses {county_suite}, so no bundle was written. Import the city's latest distribution package with the county's passphrase, unlock the county's keys again and write the bundle again.</source>
        <translation>市办密钥使用 {suite} 密码套件，而县办签名密钥使用 {county_suite}，因此未生成汇总包。请用县办口令导入市办最新的下发包，重新解锁县办密钥后再生成汇总包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/corrections.py" line="8" />
        <source>Task {task} of unit {unit} in {period} was not corrected: the reason is empty. Write why the office changes the values, then save again.</source>
        <translation>单位 {unit} {period} 任务 {task} 未修改：修改原因为空。请填写办公室修改的原因后再保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/corrections.py" line="11" />
        <source>The reason has {length} characters; at most {maximum} are allowed. Nothing was changed; shorten the reason and save again.</source>
        <translation>修改原因有 {length} 个字，最多允许 {maximum} 个字。未作任何修改；请缩短原因后再保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/corrections.py" line="14" />
        <source>Task {task} of unit {unit} in {period} changed while you corrected it. Nothing was changed; open the entry again and check the new values.</source>
        <translation>单位 {unit} {period} 任务 {task} 在您修改期间已有变化。未作任何修改；请重新打开该条目，核对新内容后再修改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/corrections.py" line="17" />
        <source>Task {task} of unit {unit} in {period} has an open conflict. Nothing was changed; decide the conflict on the Conflicts page first.</source>
        <translation>单位 {unit} {period} 任务 {task} 有未处理的冲突。未作任何修改；请先在“冲突处理”页处理该冲突。</translation>
    </message>
</context>
<context>
    <name>InboxDiagnostic</name>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="102" />
        <source>Program version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="103" />
        <source>Checked at (UTC)</source>
        <translation>检查时间（UTC）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="105" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="106" />
        <source>Size in bytes</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="107" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="112" />
        <source>Package id</source>
        <translation>包编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="113" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="114" />
        <source>Sender</source>
        <translation>发送单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="116" />
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="117" />
        <source>Written at (sender's clock)</source>
        <translation>生成时间（发送方电脑时钟）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="119" />
        <source>Periods</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="120" />
        <source>Sender key fingerprint</source>
        <translation>发送方密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="122" />
        <source>Format version</source>
        <translation>格式版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="126" />
        <source>Error code</source>
        <translation>错误代码</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="127" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="128" />
        <source>Package check report</source>
        <translation>上报包检查报告</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/inbox.py" line="145" />
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="91" />
        <source>Add report packages ({report}) and county bundles ({bundle}) with the buttons or drop files and folders here. Each package is verified before anything is merged.</source>
        <translation>用下面的按钮添加上报包（{report}）和县级汇总包（{bundle}），或把文件、文件夹拖到这里。每个数据包都先验证，再合并。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="95" />
        <source>Add report packages ({report}) with the buttons or drop files and folders here. Each package is verified before anything is merged.</source>
        <translation>用下面的按钮添加上报包（{report}），或把文件、文件夹拖到这里。每个上报包都先验证，再合并。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="100" />
        <source>Add files...</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="102" />
        <source>Add folder...</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="104" />
        <source>Preview and merge...</source>
        <translation>预览并合并…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="106" />
        <source>Check key...</source>
        <translation>核对密钥…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="108" />
        <source>Copy diagnostic</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="110" />
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="112" />
        <source>Remove from list</source>
        <translation>从列表移除</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="117" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="117" />
        <source>Sender</source>
        <translation>发送单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="117" />
        <source>Periods</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="117" />
        <source>Entries</source>
        <translation>填报条数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="118" />
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="118" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="160" />
        <source>No packages in the list yet.</source>
        <translation>列表中还没有数据包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="153" />
        <source>Click "Add files..." or "Add folder...", or drop report packages ({report}) and county bundles ({bundle}) onto this window.</source>
        <translation>请点击“添加文件…”或“添加文件夹…”，或把上报包（{report}）和县级汇总包（{bundle}）拖到本窗口。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="157" />
        <source>Click "Add files..." or "Add folder...", or drop the townships' report packages ({report}) onto this window.</source>
        <translation>请点击“添加文件…”或“添加文件夹…”，或把乡镇的上报包（{report}）拖到本窗口。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="184" />
        <source>Add report packages</source>
        <translation>添加上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="185" />
        <source>Packages ({patterns})</source>
        <translation>数据包 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="189" />
        <source>Add a folder of packages</source>
        <translation>添加上报包文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="247" />
        <source>Checking {file}</source>
        <translation>正在检查 {file}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="393" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="413" />
        <source>{count} entries, merged before</source>
        <translation>{count} 条填报，以前已合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="421" />
        <source>no entries</source>
        <translation>无填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="426" />
        <source>Checking...</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="427" />
        <source>Verified; ready to preview and merge</source>
        <translation>已验证，可预览并合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="428" />
        <source>Merged before; nothing changes</source>
        <translation>之前已合并，不会有变化</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="429" />
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="430" />
        <source>Not checked: the office keys are locked</source>
        <translation>未检查：办公室密钥未解锁</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="431" />
        <source>Waiting for the key's approval</source>
        <translation>等待批准密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="434" />
        <source>unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="435" />
        <source>Rejected: {reason}</source>
        <translation>已拒收：{reason}</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../../meili_desktop/ui/office/office_jobs.py" line="125" />
        <source>An unexpected error occurred. Nothing was changed; the details are in the log file.</source>
        <translation>发生意外错误。未做任何更改；详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_jobs.py" line="129" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>KeyDecisionDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/office/key_dialog.py" line="26" />
        <source>New signing key</source>
        <translation>新签名密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/key_dialog.py" line="28" />
        <source>{name} ({unit}) sent a package signed with a key this office has not approved. Call the township and have them read out the fingerprint that their program shows. Approve only if every digit matches.</source>
        <translation>{name}（{unit}）发来的上报包使用了本办公室尚未批准的密钥签名。请致电该乡镇，请对方读出其程序显示的密钥指纹。只有每一位数字都一致时才批准。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/key_dialog.py" line="41" />
        <source>Fingerprint matches: approve</source>
        <translation>指纹一致：批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/key_dialog.py" line="43" />
        <source>Does not match: reject</source>
        <translation>不一致：拒绝</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/key_dialog.py" line="45" />
        <source>Decide later</source>
        <translation>稍后决定</translation>
    </message>
</context>
<context>
    <name>KeysCli</name>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="24" />
        <source>waiting for approval</source>
        <translation>待批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="25" />
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="26" />
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="27" />
        <source>retiring</source>
        <translation>即将停用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="28" />
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="35" />
        <source>list township signing keys and approve or reject new ones</source>
        <translation>列出乡镇签名密钥，批准或拒绝新密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="39" />
        <source>list the signing keys of reporting units</source>
        <translation>列出填报单位的签名密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="41" />
        <source>print the list as JSON</source>
        <translation>以 JSON 格式输出列表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="44" />
        <source>show only keys with this status</source>
        <translation>只显示该状态的密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="48" />
        <source>approve a key after comparing its fingerprint by phone</source>
        <translation>电话核对指纹后批准密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="50" />
        <source>reject a key so that its packages are rejected</source>
        <translation>拒绝密钥，其上报包将被拒收</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="106" />
        <source>The key of {unit} is rejected; its packages will be rejected too.</source>
        <translation>{unit} 的密钥已拒绝，其上报包也将被拒收。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="55" />
        <source>the unit's id, official code or name</source>
        <translation>单位编号、区划代码或名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="58" />
        <source>the fingerprint as "verify" shows it, with or without spaces</source>
        <translation>“verify”显示的指纹，可带或不带空格</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="73" />
        <source>No signing keys of reporting units are stored.</source>
        <translation>尚未保存任何填报单位的签名密钥。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="76" />
        <source>{name} ({unit}): {fingerprint}, {status}</source>
        <translation>{name}（{unit}）：{fingerprint}，{status}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="100" />
        <source>The key of {unit} was already {status}; nothing changed.</source>
        <translation>{unit} 的密钥状态原本就是“{status}”，未做更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/keys.py" line="103" />
        <source>The key of {unit} is approved; its packages can be merged now.</source>
        <translation>{unit} 的密钥已批准，现在可以合并其上报包。</translation>
    </message>
</context>
<context>
    <name>MergeCli</name>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="136" />
        <source>verify report packages and merge them into the office database</source>
        <translation>验证上报包并合并到办公室数据库</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="144" />
        <source>Outcomes: merged; duplicate (merged before, nothing changed); previewed (--dry-run); pending_key (signed by a new key that waits for approval with "keys approve"; merge the file again afterwards); rejected; verified (a county bundle, followed by its township packages). JSON keys: file, kind (report or bundle), bundle (the bundle file a township package came out of, else null), outcome, package_id, sender, sequence, clock_suspicious, packages (bundles only), the entry counts new, updated, unchanged, conflict, stale and held, held_entries (unit_id, task, period, reason and reason_text of each held entry), pending_key (unit_id, fingerprint and reason, else null) and rejected (code and reason, else null). Exit status: the first rejected package's code; else 25 when a package waits for a key approval; else 0.</source>
        <translation>结果：merged（已合并）；duplicate（以前合并过，未改变）；previewed（--dry-run 预览）；pending_key（由新密钥签名，等待用 "keys approve" 批准，批准后再合并一次该文件）；rejected（拒收）；verified（县级汇总包已核验，其下列出其中的乡镇上报包）。JSON 字段：file、kind（report 或 bundle）、bundle（乡镇上报包所在的汇总包文件名，否则为 null）、outcome、package_id、sender、sequence、clock_suspicious、packages（仅汇总包）、条目数 new、updated、unchanged、conflict、stale 和 held、held_entries（每条暂存填报的 unit_id、task、period、reason 和 reason_text）、pending_key（unit_id、fingerprint 和 reason，否则为 null）以及 rejected（code 和 reason，否则为 null）。退出码：有拒收时为第一个被拒收上报包的错误码；否则有上报包等待批准密钥时为 25；否则为 0。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="159" />
        <source>show what merging would do without changing anything</source>
        <translation>只显示合并的结果，不做任何更改</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="138" />
        <source>Each package is verified, then merged in its own transaction: an entry replaces the stored one only when its revision is newer, conflicts and entries for locked periods wait for a decision, and a package merged before changes nothing. A county bundle is verified against the county's key, then every township package in it against its township's own key.</source>
        <translation>每个上报包先核验，再在各自的事务中合并：只有修订号更新的条目才替换已有内容，冲突和已锁定填报期的条目等待办公室决定，以前合并过的上报包不改变任何数据。县级汇总包先用县级办公室的密钥核验，其中每个乡镇上报包再用该乡镇自己的密钥核验。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="156" />
        <source>a report package (.mlrp) or county bundle (.mlcb), or a folder whose .mlrp and .mlcb files are merged</source>
        <translation>上报包（.mlrp）或县级汇总包（.mlcb），或一个文件夹（合并其中的 .mlrp 和 .mlcb 文件）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="161" />
        <source>print one JSON object per line for each package and county bundle, with English keys</source>
        <translation>每个上报包和县级汇总包输出一行 JSON 对象，字段名为英文</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="230" />
        <source>{reports} report packages and {bundles} county bundles</source>
        <translation>共 {reports} 个上报包和 {bundles} 个县级汇总包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="234" />
        <source>{reports} report packages</source>
        <translation>共 {reports} 个上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="237" />
        <source>, {waiting} waiting for key approval</source>
        <translation>，{waiting} 个等待批准密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="239" />
        <source>, {rejected} rejected.</source>
        <translation>，拒收 {rejected} 个。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="327" />
        <source>Another merge is writing to the database; waiting for it to finish (at most {minutes} minutes)...</source>
        <translation>另一项合并正在写入数据库，正在等待它完成（最长 {minutes} 分钟）……</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="348" />
        <source>Held for the office's decision on the conflicts page:</source>
        <translation>暂存的填报（请在冲突处理页决定）：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="350" />
        <source>task {task} ({period}): {reason}</source>
        <translation>任务 {task}（{period}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="355" />
        <source>and {count} more held entries.</source>
        <translation>另有 {count} 条暂存的填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="367" />
        <source>{file}: rejected. {reason}</source>
        <translation>{file}：已拒收。{reason}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="373" />
        <source>{new} new, {updated} updated, {unchanged} unchanged, {conflict} in conflict, {stale} stale, {held} held</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，冲突 {conflict}，过期 {stale}，暂存 {held}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="381" />
        <source>{file}: package {package} from {sender} (sequence {sequence}) was merged before; nothing changed.</source>
        <translation>{file}：{sender} 的上报包 {package}（序号 {sequence}）之前已合并，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="385" />
        <source>{file}: package {package} from {sender} (sequence {sequence}) would merge: {counts}. Nothing was changed (dry run).</source>
        <translation>{file}：{sender} 的上报包 {package}（序号 {sequence}）合并结果将是：{counts}。未做任何更改（试运行）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="389" />
        <source>{file}: merged package {package} from {sender} (sequence {sequence}): {counts}.</source>
        <translation>{file}：已合并 {sender} 的上报包 {package}（序号 {sequence}）：{counts}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge.py" line="394" />
        <source>The sender's clock looks wrong; the package was ordered by its sequence number.</source>
        <translation>发送方电脑时钟可能不准；已按序号排序该上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge_bundles.py" line="121" />
        <source>{file}: county bundle {package} from {county} verified. It holds no township packages: it introduced the county's keys. Townships of {county} send their packages through the county once they have imported a new distribution package.</source>
        <translation>{file}：来自 {county} 的县级汇总包 {package} 已核验。其中没有乡镇上报包，它登记了该县的密钥。{county} 的乡镇导入新的下发包后，即可经县级办公室转报上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge_bundles.py" line="126" />
        <source>{file}: county bundle {package} from {county} verified; each of its {count} township packages is checked against its township's own key:</source>
        <translation>{file}：来自 {county} 的县级汇总包 {package} 已核验；其中 {count} 个乡镇上报包逐一用各乡镇自己的密钥核验：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge_bundles.py" line="142" />
        <source>{file}: signed by a new key of {unit} with fingerprint {fingerprint}, so it would wait for approval. The dry run did not register the key: run "verify {file}" to register it, compare the fingerprint with {unit} by phone, run "keys approve {unit_id} {fingerprint}", then merge the file.</source>
        <translation>{file}：由 {unit} 的新密钥签名，指纹为 {fingerprint}，合并时将等待批准密钥。试运行未登记该密钥：请运行 "verify {file}" 登记密钥，电话与 {unit} 核对指纹，运行 "keys approve {unit_id} {fingerprint}"，然后合并该文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/merge_bundles.py" line="148" />
        <source>{file}: waiting for approval, not merged yet. It is signed by a new key of {unit} with fingerprint {fingerprint}. Compare the fingerprint with {unit} by phone, run "keys approve {unit_id} {fingerprint}", then merge the file again.</source>
        <translation>{file}：等待批准密钥，尚未合并。它由 {unit} 的新密钥签名，指纹为 {fingerprint}。请电话与 {unit} 核对指纹，运行 "keys approve {unit_id} {fingerprint}"，然后再合并一次该文件。</translation>
    </message>
</context>
<context>
    <name>MergeLabels</name>
    <message>
        <source>Value is not text</source>
        <translation>值不是文字</translation>
    </message>
    <message>
        <source>Unreadable edit time</source>
        <translation>修改时间无法读取</translation>
    </message>
    <message>
        <source>Edit time</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Control character in text</source>
        <translation>文字含控制字符</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="13" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="14" />
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="15" />
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="16" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="17" />
        <source>Stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="18" />
        <source>Held</source>
        <translation>暂存</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="22" />
        <source>Same revision with different content (two laptops?)</source>
        <translation>版本相同但内容不同（两台电脑分别填报？）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="24" />
        <source>The office already reviewed this value</source>
        <translation>办公室已审核过该数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="27" />
        <source>Another laptop of this township wrote different content</source>
        <translation>本乡镇的另一台电脑填报了不同的内容</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="29" />
        <source>This laptop sent this revision before; the office entry has changed since</source>
        <translation>这台电脑之前发送过此修订，此后办公室的填报已有改动</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="32" />
        <source>Period is locked</source>
        <translation>填报期已锁定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="33" />
        <source>Period is closed for review and the entry was not returned</source>
        <translation>填报期已关闭审核，且该填报未被退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="35" />
        <source>Unknown period</source>
        <translation>未知填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="36" />
        <source>Unknown reporting unit</source>
        <translation>未知填报单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="37" />
        <source>Entry of another unit</source>
        <translation>其他单位的填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="38" />
        <source>Task not in the catalogue</source>
        <translation>任务不在目录中</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="39" />
        <source>Task is not reported by this unit</source>
        <translation>该单位不填报此任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="40" />
        <source>Invalid status</source>
        <translation>状态无效</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="41" />
        <source>Invalid value</source>
        <translation>数值无效</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="42" />
        <source>Value given for a status task</source>
        <translation>只需填状态的任务填了数值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="43" />
        <source>Text too long</source>
        <translation>文字过长</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="44" />
        <source>Unreadable evidence list</source>
        <translation>佐证材料清单无法读取</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="45" />
        <source>Evidence file missing</source>
        <translation>缺少佐证材料文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="49" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="50" />
        <source>Value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="51" />
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="52" />
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="53" />
        <source>Progress narrative</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="54" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="55" />
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="56" />
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="60" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="61" />
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="62" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="63" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="67" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="68" />
        <source>Accepted</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="69" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="73" />
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="74" />
        <source>Closed for review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="75" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="87" />
        <source>kept the office value</source>
        <translation>保留办公室数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="88" />
        <source>took the township value</source>
        <translation>采用乡镇数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="89" />
        <source>entered a new value</source>
        <translation>输入新值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/merge_labels.py" line="25" />
        <source>The office changed this value after the township's last version</source>
        <translation>办公室在乡镇最近一次上报之后修改过该数据</translation>
    </message>
</context>
<context>
    <name>OfficeMenus</name>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="44" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="47" />
        <source>&amp;Add Package Files…</source>
        <translation>添加数据包文件(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="50" />
        <source>Add a &amp;Folder of Packages…</source>
        <translation>添加数据包文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="51" />
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="53" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="62" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="64" />
        <source>&amp;Database…</source>
        <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="68" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="82" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="84" />
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="111" />
        <source>Add package files</source>
        <translation>添加数据包文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="112" />
        <source>Packages ({patterns})</source>
        <translation>数据包 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="120" />
        <source>Add a folder of packages</source>
        <translation>添加上报包文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="158" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/office_menus.py" line="159" />
        <source>The office window shows the new language when the program next starts.</source>
        <translation>下次启动程序时，办公室窗口将使用新选择的语言。</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../meili_desktop/ui/office/inbox_page.py" line="56" />
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/conflicts_page.py" line="50" />
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/completeness_page.py" line="30" />
        <source>Completeness</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="54" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/audit_page.py" line="41" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="61" />
        <source>Forward to City</source>
        <translation>转报市办</translation>
    </message>
</context>
<context>
    <name>PageLoader</name>
    <message>
        <location filename="../../meili_desktop/ui/office/page_loading.py" line="38" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/page_loading.py" line="43" />
        <source>The data could not be loaded.</source>
        <translation>数据未能加载。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/page_loading.py" line="142" />
        <source>The details are in the log file. To try again, change a filter or click the page's Search or Refresh button.</source>
        <translation>详细信息见日志文件。如需重试，请更改筛选条件，或点击本页的“查询”或“刷新”按钮。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="69" />
        <source>Preview of the package</source>
        <translation>上报包预览</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="80" />
        <source>Package ID: {package}</source>
        <translation>上报包编号：{package}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="89" />
        <source>All entries ({count})</source>
        <translation>全部填报（{count}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="99" />
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="103" />
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="263" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="113" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="131" />
        <source>{file} from {sender} ({unit}) for {periods}; laptop key {fingerprint}, sequence {sequence}.
{counts}</source>
        <translation>{file}，来自 {sender}（{unit}），填报期 {periods}；电脑密钥 {fingerprint}，序号 {sequence}。
{counts}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="144" />
        <source>This package was merged before; merging it again changes nothing.</source>
        <translation>该上报包之前已合并，再次合并不会有任何变化。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="147" />
        <source>A newer package from this laptop (sequence {sequence}) was merged already; older revisions in this one are stale and change nothing.</source>
        <translation>这台电脑更新的上报包（序号 {sequence}）已经合并，本包中较旧的修订已过期，不会改变任何数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="154" />
        <source>{count} entries differ from what another laptop of this township sent. They become conflicts for you to resolve on the Conflicts page, and both versions are kept.</source>
        <translation>有 {count} 条填报与本乡镇另一台电脑发送的内容不同。它们将列为冲突，请在“冲突处理”页处理；两个版本都会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="159" />
        <source>The sender's clock looks wrong; packages are ordered by their sequence numbers, not by this time.</source>
        <translation>发送方电脑时钟可能不准；上报包按序号排序，而不是按此时间。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="167" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="167" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="167" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="167" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="168" />
        <source>Revision (incoming / office)</source>
        <translation>修订号（新上报 / 办公室）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="168" />
        <source>Changed fields</source>
        <translation>变化的字段</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="222" />
        <source>Cancel merge</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="248" />
        <source>An unexpected error occurred. Nothing was merged; the details are in the log file.</source>
        <translation>发生意外错误。未合并任何内容；详细信息见日志文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/preview_dialog.py" line="256" />
        <source>The merge was cancelled; nothing was changed.</source>
        <translation>合并已取消，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>RelayEntriesWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="48" />
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="99" />
        <source>Select a package to see its entries.</source>
        <translation>选择一个上报包，查看其中的填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="53" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="53" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="53" />
        <source>Key task</source>
        <translation>重点工作</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="53" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="54" />
        <source>Value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="54" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="54" />
        <source>Latest comment</source>
        <translation>最近意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="69" />
        <source>Comment for the township: what is wrong and what to send again (needed to return entries)</source>
        <translation>给乡镇的意见：哪里有问题、需要重新报送什么（退回时必填）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="72" />
        <source>Accept Package</source>
        <translation>整包审核通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="74" />
        <source>Return Selected Entries</source>
        <translation>附意见退回所选填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_entries.py" line="102" />
        <source>Entries of {town}, package {sequence}: {count} still current (entries that a later package replaced are not shown).</source>
        <translation>{town} 第 {sequence} 号上报包的填报：当前有效 {count} 条（已被后来的上报包更新的填报不显示）。</translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="84" />
        <source>Township packages merged in the inbox are kept here unchanged. Review the entries of each package, then forward the waiting packages to the city in one bundle: the city checks every township's own signature. A package with returned entries is held back until the township sends a corrected package.</source>
        <translation>在收件箱中合并的乡镇上报包在这里原样保存。请审核每个上报包的填报，然后把待转报的上报包打成一个汇总包转报市办：市办会逐一核验各乡镇自己的签名。有填报被退回的上报包暂缓转报，直到乡镇发来修改后的上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="95" />
        <source>Verify Again</source>
        <translation>重新核验</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="97" />
        <source>Forward to City…</source>
        <translation>转报市办…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="99" />
        <source>Write Enrolment Bundle…</source>
        <translation>生成登记汇总包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="102" />
        <source>A bundle without packages that introduces this county's keys to the city office. Send it once, before the first township packages, and confirm the fingerprint with the city office by phone.</source>
        <translation>不含上报包的汇总包，用于向市办登记本县的密钥。请在转报第一批乡镇上报包之前发送一次，并与市办电话核对指纹。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="121" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="121" />
        <source>Periods</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="121" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="121" />
        <source>Received</source>
        <translation>收到时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="122" />
        <source>Entries</source>
        <translation>填报条数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="122" />
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="122" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="123" />
        <source>Forwarding</source>
        <translation>转报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="138" />
        <source>Period:</source>
        <translation>填报期：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="164" />
        <source>All periods</source>
        <translation>全部填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="183" />
        <source>{waiting} packages waiting to be forwarded, {held} held back.</source>
        <translation>待转报 {waiting} 个上报包，暂缓 {held} 个。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="212" />
        <source>Verified again</source>
        <translation>已重新核验</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="212" />
        <source>Failed: {reason}</source>
        <translation>未通过：{reason}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="215" />
        <source>Original file missing</source>
        <translation>原始文件缺失</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="216" />
        <source>Verified when imported</source>
        <translation>导入时已核验</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="220" />
        <source>{pending} to review, {accepted} accepted, {returned} returned</source>
        <translation>待审核 {pending}，已通过 {accepted}，已退回 {returned}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="226" />
        <source>Waiting to be forwarded</source>
        <translation>待转报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="227" />
        <source>Forwarded to the city</source>
        <translation>已转报市办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="228" />
        <source>Held back: entries were returned</source>
        <translation>暂缓：有填报被退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="229" />
        <source>Cannot be forwarded: add the original file to the inbox again</source>
        <translation>无法转报：请把原始文件重新添加到收件箱</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="312" />
        <source>Verifying {town}'s package…</source>
        <translation>正在核验 {town} 的上报包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="338" />
        <source>Writing the bundle for the city…</source>
        <translation>正在生成转报市办的汇总包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="347" />
        <source>Bundle_{county}_{date}{extension}</source>
        <translation>汇总包_{county}_{date}{extension}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="351" />
        <source>Save the bundle for the city</source>
        <translation>保存转报市办的汇总包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="352" />
        <source>County bundles (*{extension})</source>
        <translation>县级汇总包 (*{extension})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="361" />
        <source>Wrote {file} with {count} township packages. Send it to the city office.</source>
        <translation>已生成 {file}，含 {count} 个乡镇上报包。请把它发送给市办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="364" />
        <source>Wrote the enrolment bundle {file}. Send it to the city office and read out this county's key fingerprint when they call:
{fingerprint}</source>
        <translation>已生成登记汇总包 {file}。请把它发送给市办，市办来电核对时，请念出本县的密钥指纹：
{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="367" />
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="371" />
        <source>Forward to City</source>
        <translation>转报市办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="372" />
        <source>Writing the bundle was cancelled; no file was written and no package was marked as forwarded.</source>
        <translation>已取消生成汇总包：没有写入文件，也没有上报包被标记为已转报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/relay_page.py" line="389" />
        <source>unexpected error; see the log file</source>
        <translation>意外错误，详见日志文件</translation>
    </message>
</context>
<context>
    <name>ReviewCli</name>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="26" />
        <source>accept or return a township's entry</source>
        <translation>审核通过或退回乡镇的填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="30" />
        <source>accept the entry's current revision</source>
        <translation>审核通过该填报的当前版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="31" />
        <source>return the entry to the township with a comment</source>
        <translation>附意见将填报退回乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="34" />
        <source>a note for the township (optional)</source>
        <translation>给乡镇的说明（可不填）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="36" />
        <source>what the township should fix (required)</source>
        <translation>乡镇需要修改的内容（必填）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="41" />
        <source>the unit's id, official code or name</source>
        <translation>单位编号、区划代码或名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="44" />
        <source>the task number, 1 to 43</source>
        <translation>任务编号，1 至 43</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="47" />
        <location filename="../../meili_desktop/cli/review.py" line="59" />
        <source>the period, e.g. 2021Q2</source>
        <translation>填报期，例如 2021Q2</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="53" />
        <source>open, close or lock a reporting period</source>
        <translation>开放、关闭或锁定填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="56" />
        <source>open: entries flow in; close: only returned entries may be resubmitted; lock: no changes</source>
        <translation>open：接收填报；close：只接收被退回填报的重新上报；lock：不再更改</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="70" />
        <source>Accepted task {task} of {unit} for {period}.</source>
        <translation>已审核通过 {unit} 在 {period} 的任务 {task}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="74" />
        <source>Returned task {task} of {unit} for {period}; the comment goes out with the next distribution package.</source>
        <translation>已退回 {unit} 在 {period} 的任务 {task}；意见将随下一个下发包发出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="90" />
        <source>Period {period} was already {state}; nothing changed.</source>
        <translation>填报期 {period} 原已{state}，未做更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="93" />
        <source>Period {period} is now {state}.</source>
        <translation>填报期 {period} 现已{state}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="100" />
        <source>open</source>
        <translation>开放</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="101" />
        <source>closed for review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/review.py" line="102" />
        <source>locked</source>
        <translation>锁定</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="126" />
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="129" />
        <source>All entries</source>
        <translation>全部填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="134" />
        <source>Open period</source>
        <translation>开放填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="136" />
        <source>Close for review</source>
        <translation>关闭审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="138" />
        <source>Lock period</source>
        <translation>锁定填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="141" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="141" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="141" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="141" />
        <source>Actual value</source>
        <translation>实际值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="142" />
        <source>Revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="142" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="142" />
        <source>Latest comment</source>
        <translation>最近意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="163" />
        <source>Comment for the township: what is wrong and what to send again. Required to return an entry.</source>
        <translation>给乡镇的意见：哪里有问题、需要重新报送什么。退回填报时必填。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="165" />
        <source>Accept</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="167" />
        <source>Return with comment</source>
        <translation>附意见退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="169" />
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="172" />
        <source>Change the entry's values as the office, with a reason for the audit log</source>
        <translation>以办公室身份修改该条填报的数值，并写明记入审计日志的理由</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="173" />
        <source>Export evidence…</source>
        <translation>导出佐证材料…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="176" />
        <source>Copy the evidence files of the chosen entry's township for this period into a folder</source>
        <translation>把所选条目所属乡镇本期的全部佐证材料复制到一个文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="199" />
        <location filename="../../meili_desktop/ui/office/review_page.py" line="440" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="200" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="201" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="211" />
        <source>Comment for the township</source>
        <translation>给乡镇的意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="259" />
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="73" />
        <source>{state}, open conflict</source>
        <translation>{state}，有待处理冲突</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="298" />
        <source>No reporting periods are set up.</source>
        <translation>还没有设置填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="301" />
        <source>No township has reported for {period} yet.</source>
        <translation>{period}还没有乡镇上报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="303" />
        <source>Entries appear here once the townships' report packages are merged on the Inbox page. Choose another period to review earlier entries.</source>
        <translation>在“收件箱”页合并乡镇的上报包后，填报即显示在这里。要审核以前的填报，请选择其他填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="307" />
        <source>No entry matches the chosen county and review state.</source>
        <translation>没有符合所选县（市、区）和审核状态的填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="308" />
        <source>Choose "All counties" and "All entries" to see every entry of {period}.</source>
        <translation>选择“全部县（市、区）”和“全部填报”即可查看{period}的全部填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="318" />
        <source>Choose an entry to review.</source>
        <translation>请选择要审核的填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="320" />
        <source> (an open conflict or held entry waits on the Conflicts page)</source>
        <translation>（有冲突或暂存填报在“冲突处理”页等待处理）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="322" />
        <source>{unit}, task {task}: {narrative}{note}</source>
        <translation>{unit}，任务 {task}：{narrative}{note}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="324" />
        <source>no narrative</source>
        <translation>无进展情况说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="392" />
        <source>Folder for the evidence of {unit}</source>
        <translation>选择存放{unit}佐证材料的文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="401" />
        <source>Exporting the evidence of {unit}…</source>
        <translation>正在导出{unit}的佐证材料…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="409" />
        <source>Export evidence</source>
        <translation>导出佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="410" />
        <source>{count} evidence files were written to {folder}.</source>
        <translation>已将 {count} 个佐证材料文件写入 {folder}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="433" />
        <source>Open {period}? Townships' packages will be merged into it again.</source>
        <translation>开放 {period}？乡镇的上报包将重新合并到该填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="435" />
        <source>Close {period} for review? Only returned entries can then be resubmitted; other changes are held.</source>
        <translation>关闭 {period} 进行审核？之后只接收被退回填报的重新上报，其他更改将暂存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/review_page.py" line="437" />
        <source>Lock {period}? No entry of it can change any more; incoming changes are held.</source>
        <translation>锁定 {period}？其填报将不能再更改，新上报的更改将暂存。</translation>
    </message>
</context>
</TS>