<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../meili_desktop/app.py" line="201" />
        <source>Cannot open the data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/startup.py" line="185" />
        <source>Encryption self-test failed</source>
        <translation>加密自检未通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/startup.py" line="186" />
        <source>The encryption suite {suite} failed its self-test and is disabled: packages that use it cannot be written or read on this computer. Reinstall the program; if the problem remains, send the log file to support.</source>
        <translation>加密套件 {suite} 自检未通过，已停用：本机无法生成或读取使用该套件的数据包。请重新安装程序；如问题仍在，请把日志文件发给技术支持。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/app.py" line="56" />
        <source>Beautiful Towns Reporting</source>
        <translation>美丽城镇填报</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="51" />
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="52" />
        <source>Completeness</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="54" />
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="55" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="56" />
        <source>Summaries</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="57" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="58" />
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="59" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="60" />
        <source>Distribution</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="62" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="184" />
        <location filename="../../meili_desktop/ui/office/window.py" line="231" />
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="212" />
        <source>Beautiful Towns Office</source>
        <translation>美丽城镇建设办公室</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="274" />
        <source>{county} county office</source>
        <translation>{county}美丽城镇办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="275" />
        <source>{office} — Beautiful Towns Reporting</source>
        <translation>{office} — 美丽城镇填报</translation>
    </message>
</context>
<context>
    <name>OpenFailureDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="62" />
        <source>Cannot open the data folder</source>
        <translation>无法打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="70" />
        <source>Restore from Backup lists this data folder's backups. The damaged database is kept as a backup before it is replaced.</source>
        <translation>点击“从备份恢复…”可以查看这个数据文件夹的备份。恢复前，损坏的数据库会先另存为一个备份，不会被删除。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="72" />
        <source>Restore from Backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="76" />
        <source>The data folder {folder} contains no backups. If a copy of the data folder is kept elsewhere, quit and copy its backups folder into this data folder, then start the program again.</source>
        <translation>数据文件夹 {folder} 中没有备份。如果在别处保存有数据文件夹的副本，请退出程序，把副本中的 backups 文件夹复制到这个数据文件夹中，然后重新启动程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="79" />
        <source>Open Data Folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/open_failure.py" line="81" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>