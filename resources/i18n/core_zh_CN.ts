<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../meili_desktop/app.py" line="56" />
        <source>Beautiful Towns Reporting</source>
        <translation>美丽城镇填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/app.py" line="198" />
        <source>Cannot open the data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
</context>
<context>
    <name>Argparse</name>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="16" />
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="17" />
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="18" />
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="19" />
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="20" />
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="21" />
        <source>the following arguments are required: %s</source>
        <translation>缺少以下必需参数：%s</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="22" />
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="23" />
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="24" />
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="25" />
        <source>expected one argument</source>
        <translation>需要一个参数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="26" />
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="27" />
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="28" />
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/argparse_texts.py" line="29" />
        <source>one of the arguments %s is required</source>
        <translation>必须提供参数 %s 之一</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="69" />
        <source>Beautiful Towns programme data entry and consolidation. Without a command the window opens.</source>
        <translation>美丽城镇建设数据填报与汇总工具。不带命令运行时打开程序窗口。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="77" />
        <source>show the program's version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="82" />
        <source>data folder to use (default: the user's application data folder)</source>
        <translation>使用的数据目录（默认为用户的应用数据目录）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="89" />
        <source>use this database (e.g. a shared PostgreSQL office database) instead of the data folder's SQLite file</source>
        <translation>使用该数据库（例如多人共享的 PostgreSQL 市办数据库），而不是数据目录中的 SQLite 文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="99" />
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/__init__.py" line="104" />
        <source>check the installation in a temporary data folder and exit</source>
        <translation>在临时数据目录中检查安装是否完好，然后退出</translation>
    </message>
</context>
<context>
    <name>DistributionPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="79" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="79" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="80" />
        <source>Code</source>
        <translation>统计代码</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="95" />
        <source>Search township…</source>
        <translation>搜索乡镇…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="107" />
        <source>Write distribution packages…</source>
        <translation>生成下发包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="112" />
        <source>County:</source>
        <translation>县（市、区）：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="121" />
        <source>Select townships (Ctrl or Shift for several) and write their packages. Send each township its own file; when a township imports it for the first time, read the fingerprint above to the clerk by phone.</source>
        <translation>选择乡镇（按住 Ctrl 或 Shift 可多选）后生成下发包。每个乡镇只发送它自己的文件；乡镇第一次导入时，请通过电话向填报员念出上面的指纹进行核对。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="145" />
        <source>All counties</source>
        <translation>全部县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="149" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="150" />
        <source>City signing key fingerprint: {fingerprint}</source>
        <translation>市办签名密钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="176" />
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="202" />
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="213" />
        <source>Distribution</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="177" />
        <source>Select at least one township first.</source>
        <translation>请先选择至少一个乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="184" />
        <source>Folder for the packages</source>
        <translation>下发包保存文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="203" />
        <source>{count} distribution packages were written to {folder}.</source>
        <translation>已在 {folder} 中生成 {count} 个下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="206" />
        <source>Writing distribution packages…</source>
        <translation>正在生成下发包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="162" />
        <source>No townships are stored at the office.</source>
        <translation>办公室还没有存储任何乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="165" />
        <source>No township matches the search.</source>
        <translation>没有符合搜索条件的乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="166" />
        <source>Check the name, or choose "All counties".</source>
        <translation>请检查名称，或选择“全部县（市、区）”。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="6" />
        <source>An unexpected error occurred (code {code}). Please send the log file to the support contact.</source>
        <translation>发生了意外错误（代码 {code}）。请把日志文件发给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="9" />
        <source>The operation was cancelled; nothing was changed.</source>
        <translation>操作已取消，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="10" />
        <source>This data folder was written by a newer version of the program (schema {revision}); this version supports up to {supported}. The data was left untouched: please install the newer version.</source>
        <translation>该数据目录由更新版本的程序写入（结构版本 {revision}），本版本最高支持 {supported}。数据未做任何改动：请安装新版本程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="14" />
        <source>The database file {path} cannot be read: it is not a database of this program or it is damaged. Nothing was changed; restore it from a backup.</source>
        <translation>无法读取数据库文件 {path}：它不是本程序的数据库，或已损坏。未做任何更改；请从备份恢复。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="17" />
        <source>"{period}" is not a valid reporting period. Use a year such as 2021, a quarter such as 2021Q2 or a month such as 2021-06.</source>
        <translation>“{period}”不是有效的填报期。请使用年份（如 2021）、季度（如 2021Q2）或月份（如 2021-06）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="20" />
        <source>The column "{column}" cannot be edited here; paste only into the status, value and text columns.</source>
        <translation>“{column}”列不能在这里编辑；请只粘贴到状态、完成值和文字列。</translation>
    </message>
</context>
<context>
    <name>JobProgressWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/progress.py" line="19" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OfficeKeysCli</name>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="25" />
        <source>back up, restore or rotate this office's own keys</source>
        <translation>备份、恢复或更换本办公室自己的密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="29" />
        <source>write every key to one file protected by the passphrase</source>
        <translation>把全部密钥写入一个受口令保护的文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="33" />
        <source>add the keys of a backup file that are missing here</source>
        <translation>从备份文件中补回本机缺少的密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="37" />
        <source>load the offline escrow key to open packages after losing the working key</source>
        <translation>载入离线托管密钥，以便在工作密钥丢失后打开数据包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="42" />
        <source>create new signing and working keys; the old signing key announces them in the next distribution packages</source>
        <translation>生成新的签名密钥和工作密钥；旧签名密钥会在之后的下发包中公布新密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="52" />
        <source>stop signing with the old key once every township has the new one</source>
        <translation>所有乡镇都已收到新密钥后，停止使用旧密钥签名</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="67" />
        <source>Wrote {count} keys to {file}. Keep it apart from this computer, with the passphrase in a separate place.</source>
        <translation>已把 {count} 个密钥写入 {file}。请把它与本机分开保存，口令另行保管。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="76" />
        <source>{count} keys were added from {file}.</source>
        <translation>已从 {file} 补回 {count} 个密钥。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="85" />
        <source>The escrow key {fingerprint} is loaded; report packages can be opened with it.</source>
        <translation>托管密钥 {fingerprint} 已载入，可以用它打开上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="95" />
        <source>New signing key: {fingerprint}. Send every township a new distribution package, then run "office-keys finish-rotation".</source>
        <translation>新签名密钥：{fingerprint}。请向每个乡镇发送新的下发包，然后运行“office-keys finish-rotation”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="112" />
        <source>{count} old signing keys were retired.</source>
        <translation>已停用 {count} 个旧签名密钥。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="45" />
        <source>cipher suite of the new keys: C1 (X25519, AES-GCM, Ed25519) or G1 (SM2, SM3, SM4); default: the current suite</source>
        <translation>新密钥的密码套件：C1（X25519、AES-GCM、Ed25519）或 G1（SM2、SM3、SM4）；默认沿用当前套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="48" />
        <source>also create a new offline escrow key and write it to this new file; required when --suite changes the suite</source>
        <translation>同时生成新的离线托管密钥，写入这个新文件；用 --suite 更换密码套件时必须提供</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/office_keys.py" line="100" />
        <source>The new offline escrow key ({suite}) {fingerprint} was written to {file}. Move it to a safe place apart from this computer and keep the passphrase separately. Keep the old escrow file too: it opens the report packages written before this change.</source>
        <translation>新的离线托管密钥（{suite}）{fingerprint} 已写入 {file}。请把它移到与本机分开的安全地点保管，口令另行保存。旧的托管密钥文件也要继续保留：更换之前生成的上报包要用它才能打开。</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../meili_desktop/ui/office/distribution_page.py" line="43" />
        <location filename="../../meili_desktop/ui/office/window.py" line="59" />
        <source>Distribution</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="50" />
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="51" />
        <source>Completeness</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="53" />
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="54" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="55" />
        <source>Summaries</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="56" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="57" />
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="58" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="61" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="179" />
        <location filename="../../meili_desktop/ui/office/window.py" line="226" />
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="207" />
        <source>Beautiful Towns Office</source>
        <translation>美丽城镇建设办公室</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/office/unlock.py" line="31" />
        <source>Unlock the office keys</source>
        <translation>解锁市办密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/unlock.py" line="33" />
        <source>Opening report packages and signing distribution packages needs the passphrase of the office's keys. It is kept in memory until the program closes.</source>
        <translation>打开上报包和签发下发包需要市办密钥的口令。口令只保存在内存中，程序关闭后即清除。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="28" />
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="29" />
        <source>county office</source>
        <translation>县级办公室</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="30" />
        <source>city office</source>
        <translation>市办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/core.py" line="31" />
        <source>not set up</source>
        <translation>尚未设置</translation>
    </message>
</context>
</TS>