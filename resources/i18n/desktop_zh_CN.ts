<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="41" />
        <source>About Beautiful Towns Reporting</source>
        <translation>关于美丽城镇填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="45" />
        <source>Beautiful Towns Reporting {version}</source>
        <translation>美丽城镇填报 {version}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="50" />
        <source>Offline reporting of the Hangzhou Beautiful Towns programme: township entry, encrypted report packages, and the offices' merge, review and summaries.</source>
        <translation>杭州市美丽城镇建设工作进展离线填报：乡镇填报、加密上报包，以及县市办公室的合并、审核与汇总。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="64" />
        <source>Copy to Clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="83" />
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="84" />
        <source>Installation:</source>
        <translation>使用身份：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="85" />
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="86" />
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="87" />
        <source>Log files:</source>
        <translation>日志文件：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="88" />
        <source>Encryption self-test:</source>
        <translation>加密自检：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="89" />
        <source>System:</source>
        <translation>系统：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="89" />
        <source>Python {python}, Qt for Python {qt}, {system}</source>
        <translation>Python {python}，Qt for Python {qt}，{system}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="98" />
        <source>not set up yet</source>
        <translation>尚未设置</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="99" />
        <source>city office</source>
        <translation>市美丽城镇办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="99" />
        <source>county office</source>
        <translation>县级办公室</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="100" />
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="107" />
        <source>{role}: {unit} ({unit_id})</source>
        <translation>{role}：{unit}（{unit_id}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="110" />
        <source>(provisional)</source>
        <translation>（临时）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="116" />
        <source>database file {path}</source>
        <translation>数据库文件 {path}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="117" />
        <source>server database {url}</source>
        <translation>服务器数据库 {url}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="125" />
        <source>{suite} ({algorithms}): passed</source>
        <translation>{suite}（{algorithms}）：通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/about_dialog.py" line="128" />
        <source>{suite} ({algorithms}): failed and disabled: {reason}</source>
        <translation>{suite}（{algorithms}）：未通过，已停用：{reason}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="50" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="51" />
        <source>An unexpected error occurred. The last action may not have finished.</source>
        <translation>程序发生意外错误，刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="54" />
        <source>The details could not be written to a log file.</source>
        <translation>错误详情未能写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="57" />
        <source>The details were written to the log file:
{path}
Please send this file to your support contact.</source>
        <translation>错误详情已写入日志文件：
{path}
请将此文件发送给技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="60" />
        <source>Everything you entered before this is saved.</source>
        <translation>此前录入的内容均已保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="62" />
        <source>You can keep working. If something looks wrong, close the program and start it again.</source>
        <translation>您可以继续工作。如发现异常，请关闭程序后重新启动。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="69" />
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/crash.py" line="73" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>DatabaseSettingsDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="66" />
        <location filename="../../meili_desktop/ui/database_dialog.py" line="216" />
        <source>Database Settings</source>
        <translation>数据库设置</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="75" />
        <source>Choose where this office keeps its data. One clerk works with the database file in the data folder. When several clerks merge packages at the same time, they all use one PostgreSQL database on a server.</source>
        <translation>选择本办公室的数据保存在哪里。一人使用时，用数据文件夹中的数据库文件；多人同时合并上报包时，大家共用服务器上的同一个 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="79" />
        <source>Database file in the data folder (default)</source>
        <translation>数据文件夹中的数据库文件（默认）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="85" />
        <source>Shared PostgreSQL database</source>
        <translation>共用的 PostgreSQL 数据库</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="97" />
        <source>if the address has none</source>
        <translation>地址中未包含密码时填写</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="100" />
        <source>Address (URL):</source>
        <translation>地址（URL）：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="101" />
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="103" />
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="108" />
        <source>the database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="110" />
        <source>In use now: {database}. A changed setting takes effect when the program next starts; a database given with --database-url on the command line takes precedence over it.</source>
        <translation>当前使用：{database}。修改后的设置在下次启动程序时生效；命令行用 --database-url 指定的数据库优先于此设置。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="186" />
        <source>Connecting to {url}…</source>
        <translation>正在连接 {url}…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="217" />
        <source>The setting was saved. Close the program and start it again to work with the chosen database.</source>
        <translation>设置已保存。请关闭程序并重新启动，以使用所选的数据库。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="225" />
        <source>Connected. The database is empty: when the program next starts with it, it creates the tables and asks how this installation is used, as on a first start.</source>
        <translation>连接成功。该数据库是空的：下次启动程序使用它时，程序会建立数据表，并像首次运行一样询问使用身份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="230" />
        <source>Connected. The database has the current schema but is not set up yet; the program asks how it is used on the next start.</source>
        <translation>连接成功。该数据库结构为当前版本，但尚未设置使用身份；下次启动时程序会询问。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="232" />
        <source>Connected. The database has the current schema and belongs to the {role} {unit}.</source>
        <translation>连接成功。该数据库结构为当前版本，属于{role} {unit}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="236" />
        <source>Connected. The database has an older schema ({revision}); the program upgrades it to {head} when it next starts with it. Back the database up with pg_dump first: the program makes no backups of a server database.</source>
        <translation>连接成功。该数据库结构为旧版本（{revision}），下次启动程序使用它时将升级到 {head}。请先用 pg_dump 备份该数据库：程序不会备份服务器上的数据库。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="242" />
        <source>city office</source>
        <translation>市美丽城镇办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="242" />
        <source>county office</source>
        <translation>县级办公室</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="243" />
        <source>township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_dialog.py" line="258" />
        <source>The test failed with an unexpected error; the details are in the log file.</source>
        <translation>测试时发生意外错误，详情已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>DatabaseStartup</name>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="63" />
        <source>Cannot open the office database</source>
        <translation>无法打开办公室数据库</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="64" />
        <source>{reason}

Change the database setting, or quit and try again later.</source>
        <translation>{reason}

请修改数据库设置，或退出后稍后再试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="68" />
        <source>Database Settings…</source>
        <translation>数据库设置…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="70" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="83" />
        <source>The office database {url} has an older schema ({revision}) and must be upgraded to {head} for this version of the program. Other clerks' programs of the older version cannot use it afterwards. The program makes no backup of a server database: back it up with pg_dump first.

Upgrade it now?</source>
        <translation>办公室数据库 {url} 的结构为旧版本（{revision}），需要升级到 {head} 才能用于本版本的程序。升级后，其他同事的旧版本程序将无法再使用它。程序不会备份服务器上的数据库：请先用 pg_dump 备份。

现在升级吗？</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/database_startup.py" line="90" />
        <source>Upgrade the office database</source>
        <translation>升级办公室数据库</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/desktop.py" line="6" />
        <source>The program is already open with the data folder {data_dir}, but that window does not respond. Close it (or end MeiliDesktop in the Task Manager), then start the program again.</source>
        <translation>程序已打开数据文件夹 {data_dir}，但该窗口没有响应。请关闭该窗口（或在任务管理器中结束 MeiliDesktop），然后重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/desktop.py" line="10" />
        <source>The program cannot write to the data folder {path}. Check that the folder exists, that the disk is not full and that you may write there, or start the program with another folder (--data-dir).</source>
        <translation>程序无法写入数据文件夹 {path}。请检查该文件夹是否存在、磁盘是否已满、您是否有写入权限，或用 --data-dir 指定其他文件夹启动程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="6" />
        <source>The database address is not a valid URL. Write it as postgresql://USER:PASSWORD@HOST:5432/DATABASE.</source>
        <translation>数据库地址不是有效的 URL。请按 postgresql://用户名:密码@服务器:5432/数据库名 的格式填写。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="9" />
        <source>The database address {url} is for {dialect}, which this program does not support. Use a PostgreSQL server (postgresql://...) or the data folder's own database.</source>
        <translation>数据库地址 {url} 指向 {dialect} 数据库，本程序不支持。请使用 PostgreSQL 服务器（postgresql://...）或数据文件夹中的数据库文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="13" />
        <source>The computer name {host} in the database address {url} is not known on this network. Check the spelling, or use the server's IP address.</source>
        <translation>数据库地址 {url} 中的计算机名 {host} 在本网络中找不到。请检查拼写，或改用服务器的 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="16" />
        <source>No database server answers at {host}, port {port} ({reason}). Check that the PostgreSQL server is running and that the host and port in {url} are right.</source>
        <translation>{host} 的 {port} 端口没有数据库服务器响应（{reason}）。请检查 PostgreSQL 服务器是否已启动，以及 {url} 中的服务器地址和端口是否正确。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="19" />
        <source>The database server at {host}, port {port} did not answer within {seconds} seconds. Check the network connection to the server and that a firewall lets the port through, then try again.</source>
        <translation>{host} 的 {port} 端口上的数据库服务器在 {seconds} 秒内没有应答。请检查到服务器的网络连接，以及防火墙是否放行该端口，然后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="23" />
        <source>The database server {host} rejected the user name "{user}" or its password. Check both with the server's administrator and enter them again.</source>
        <translation>数据库服务器 {host} 拒绝了用户名“{user}”或其密码。请向服务器管理员核实后重新填写。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="26" />
        <source>The database server {host} has no database named "{database}". Check the name, or ask the server's administrator to create an empty database with that name.</source>
        <translation>数据库服务器 {host} 上没有名为“{database}”的数据库。请检查名称，或请服务器管理员建立一个同名的空数据库。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/database.py" line="29" />
        <source>The database server {host} refused the connection: {reason}. Check the address {url} with the server's administrator.</source>
        <translation>数据库服务器 {host} 拒绝了连接：{reason}。请与服务器管理员核实地址 {url}。</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="69" />
        <source>Program files</source>
        <translation>程序文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="70" />
        <source>Translations</source>
        <translation>界面翻译</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="71" />
        <source>Database and migrations</source>
        <translation>数据库与迁移</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="72" />
        <source>Cipher suites</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="73" />
        <source>Encryption with every suite</source>
        <translation>各密码套件加解密</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="75" />
        <source>Setup, entry and evidence</source>
        <translation>初始设置、填报与佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="77" />
        <source>Package round trip</source>
        <translation>数据包加密往返</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="79" />
        <source>Excel and PDF reports</source>
        <translation>Excel 与 PDF 报表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="81" />
        <source>Main windows</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="83" />
        <source>Single instance per data folder</source>
        <translation>同一数据文件夹只运行一个程序</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="169" />
        <source>Self-test of Beautiful Towns Reporting {version}</source>
        <translation>美丽城镇填报 {version} 自检</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="171" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="171" />
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="172" />
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="180" />
        <location filename="../../meili_desktop/selftest_checks.py" line="89" />
        <source>Self-test passed.</source>
        <translation>自检通过。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="182" />
        <source>Self-test failed: {count} of {total} checks did not pass. The test folder {folder} was kept; its log is {log}.</source>
        <translation>自检未通过：{total} 项检查中有 {count} 项未通过。测试文件夹 {folder} 已保留，日志文件为 {log}。</translation>
    </message>
</context>
</TS>