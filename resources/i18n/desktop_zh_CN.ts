<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="68" />
        <source>Program files</source>
        <translation>程序文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="69" />
        <source>Translations</source>
        <translation>界面翻译</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="70" />
        <source>Database and migrations</source>
        <translation>数据库与迁移</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="71" />
        <source>Cipher suites</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="72" />
        <source>Encryption with every suite</source>
        <translation>各密码套件加解密</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="74" />
        <source>Setup, entry and evidence</source>
        <translation>初始设置、填报与佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="76" />
        <source>Package round trip</source>
        <translation>数据包加密往返</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="78" />
        <source>Excel and PDF reports</source>
        <translation>Excel 与 PDF 报表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="80" />
        <source>Main windows</source>
        <translation>主窗口</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="82" />
        <source>Single instance per data folder</source>
        <translation>同一数据文件夹只运行一个程序</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="168" />
        <source>Self-test of Beautiful Towns Reporting {version}</source>
        <translation>美丽城镇填报 {version} 自检</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="170" />
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="170" />
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="171" />
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="179" />
        <location filename="../../meili_desktop/selftest_checks.py" line="85" />
        <source>Self-test passed.</source>
        <translation>自检通过。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/selftest.py" line="181" />
        <source>Self-test failed: {count} of {total} checks did not pass. The test folder {folder} was kept; its log is {log}.</source>
        <translation>自检未通过：{total} 项检查中有 {count} 项未通过。测试文件夹 {folder} 已保留，日志文件为 {log}。</translation>
    </message>
</context>
</TS>