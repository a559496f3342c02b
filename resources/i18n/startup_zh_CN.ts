<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../meili_desktop/ui/startup.py" line="149" />
        <location filename="../../meili_desktop/app.py" line="168" />
        <source>Cannot open the data folder</source>
        <translation>无法打开数据目录</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/startup.py" line="177" />
        <source>Encryption self-test failed</source>
        <translation>加密自检未通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/startup.py" line="178" />
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
        <location filename="../../meili_desktop/ui/office/window.py" line="49" />
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="50" />
        <source>Completeness</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="52" />
        <source>Conflicts</source>
        <translation>冲突处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="53" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="54" />
        <source>Summaries</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="55" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="56" />
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="57" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="58" />
        <source>Distribution</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="60" />
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="139" />
        <location filename="../../meili_desktop/ui/office/window.py" line="184" />
        <source>Opening the data…</source>
        <translation>正在打开数据…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/window.py" line="167" />
        <source>Beautiful Towns Office</source>
        <translation>美丽城镇建设办公室</translation>
    </message>
</context>
</TS>