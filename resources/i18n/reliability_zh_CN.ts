<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackupCli</name>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="47" />
        <source>list, make or restore backups of the database</source>
        <translation>列出、创建或恢复数据库备份</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="49" />
        <source>The data folder keeps a daily backup of its database and one before every import, merge, upgrade and restore that changes data. Kept are the {daily} newest daily backups, the {operations} newest before imports and merges, the {upgrades} newest before upgrades, the {restores} newest before restores and the {manual} newest made by hand.</source>
        <translation>数据文件夹每天备份一次数据库，并在每次会改动数据的导入、合并、升级和恢复之前各备份一次。保留最近 {daily} 份每日备份、最近 {operations} 份导入和合并前的备份、最近 {upgrades} 份升级前的备份、最近 {restores} 份恢复前的备份，以及最近 {manual} 份手动备份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="60" />
        <source>list the backups, newest first</source>
        <translation>列出备份，最新的在前</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="62" />
        <source>print the list as JSON</source>
        <translation>以 JSON 格式输出列表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="66" />
        <source>back up the database now</source>
        <translation>立即备份数据库</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="71" />
        <source>replace the database with a backup</source>
        <translation>用备份替换数据库</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="72" />
        <source>Check the backup (SQLite integrity check, schema version, installation) and replace the database with it. The current database is kept as a backup first. Close the program's window before restoring.</source>
        <translation>检查备份（SQLite 完整性检查、数据库结构版本、所属安装），然后用它替换数据库。当前数据库会先保存为一份备份。恢复前请关闭本程序的窗口。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="78" />
        <source>a backup name from "backup list" or the path of a backup file</source>
        <translation>"backup list" 列出的备份名称，或备份文件的路径</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="82" />
        <source>restore without asking for confirmation</source>
        <translation>不经确认直接恢复</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="85" />
        <source>restore a backup that another installation of the same unit made, such as the laptop this computer replaces; its keys then come to this computer, so use it only when that installation is no longer used</source>
        <translation>恢复同一单位的另一个安装（例如本机所替换的旧笔记本）制作的备份；其密钥随之来到本机，因此只在那个安装已停用时使用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="102" />
        <source>No backups yet in {folder}.</source>
        <translation>{folder} 中还没有备份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="106" />
        <source>Backups in {folder}, newest first:</source>
        <translation>{folder} 中的备份（最新的在前）：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="108" />
        <source>{time}  {reason}  {size}</source>
        <translation>{time}  {reason}  {size}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="121" />
        <source>Backup made: {path} ({size}).</source>
        <translation>已创建备份：{path}（{size}）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="134" />
        <source>File {name}: a database file chosen by its path, not a backup of this data folder; last changed {time}, {size}, schema {revision}; the integrity check passed.</source>
        <translation>文件 {name}：按路径指定的数据库文件，不是本数据文件夹的备份；最后修改于 {time}，{size}，数据库结构版本 {revision}；完整性检查通过。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="139" />
        <source>Backup {name}: made {time}, {reason}, {size}, schema {revision}; the integrity check passed.</source>
        <translation>备份 {name}：创建于 {time}，{reason}，{size}，数据库结构版本 {revision}；完整性检查通过。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="146" />
        <source>WARNING: --force-other-installation restores a backup even when another installation made it. That installation's keys and data then replace this computer's. If the other computer is still in use, both would sign packages as the same unit with the same keys, and the office could no longer tell them apart. Continue only when this computer replaces the one the backup came from and that one is no longer used.</source>
        <translation>警告：--force-other-installation 会恢复另一个安装制作的备份，那个安装的密钥和数据将替换本机的密钥和数据。如果那台电脑仍在使用，两台电脑将以同一单位、同一密钥签名数据包，市美丽城镇办将无法区分。只有本机替换了制作该备份的电脑、且那台电脑已停用时才可继续。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="154" />
        <source>Restore cancelled; nothing was changed.</source>
        <translation>已取消恢复，未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="159" />
        <source>The database was restored from {name}.</source>
        <translation>已从 {name} 恢复数据库。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="162" />
        <source>The replaced database was kept as {name}; restore it the same way to undo.</source>
        <translation>被替换的数据库已保存为 {name}；如需撤销，用同样的方法恢复它即可。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="171" />
        <source>Not restoring without confirmation: add --yes to restore from a script.</source>
        <translation>未经确认，不执行恢复：在脚本中恢复请加上 --yes。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="175" />
        <source>This replaces all data in {folder} with the backup. Type yes to continue: </source>
        <translation>这将用备份替换 {folder} 中的全部数据。输入“是”继续：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="179" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="191" />
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/backup.py" line="193" />
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="76" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="89" />
        <source>A backup of the database is made every day and before every import, merge, upgrade and restore that changes data. Kept are the {daily} newest daily backups, the {operations} newest made before imports and merges, the {upgrades} newest before upgrades, the {restores} newest before restores and the {manual} newest made by hand. Evidence files are not part of a backup and are never deleted by a restore.</source>
        <translation>数据库每天自动备份一次，并在每次会改动数据的导入、合并、升级和恢复之前各备份一次。保留最近 {daily} 份每日备份、最近 {operations} 份导入和合并前的备份、最近 {upgrades} 份升级前的备份、最近 {restores} 份恢复前的备份，以及最近 {manual} 份手动备份。佐证材料不在备份之内，恢复备份也不会删除佐证材料。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="102" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="102" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="102" />
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="102" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="111" />
        <source>Back Up Now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="116" />
        <source>Restore Selected Backup…</source>
        <translation>恢复所选备份…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="144" />
        <source>Choose the newest backup from before the problem and click "Restore Selected Backup". The damaged database is kept as a backup first.</source>
        <translation>请选择问题出现之前最新的备份，然后点击“恢复所选备份”。损坏的数据库会先另存为一个备份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="148" />
        <source>The data is kept in a database server; back it up with the server's own tools, for example pg_dump.</source>
        <translation>数据保存在数据库服务器中，请使用服务器自带的工具备份，例如 pg_dump。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="158" />
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="180" />
        <source>Making a backup</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="200" />
        <source>Restoring {name}</source>
        <translation>正在恢复 {name}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="205" />
        <source>Replace all data in this data folder with the backup made {time} ({reason})?

Everything entered or imported since then is replaced. The current data is kept as a backup first, so the restore can be undone.</source>
        <translation>确定用 {time} 创建的备份（{reason}）替换此数据文件夹中的全部数据吗？

此后填报或导入的内容都会被替换。当前数据会先保存为一份备份，因此恢复可以撤销。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="211" />
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="228" />
        <source>Backup made: {name}.</source>
        <translation>已创建备份：{name}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="236" />
        <source>The data was restored from the backup made {time}. Close this window to start the program with it.</source>
        <translation>数据已从 {time} 的备份恢复。关闭此窗口后，程序将使用恢复的数据启动。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="239" />
        <source>The data was restored from the backup made {time}. Close and reopen any open pages to see it.</source>
        <translation>已从 {time} 创建的备份恢复数据。请关闭并重新打开已打开的页面以查看恢复后的数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="242" />
        <source>The replaced data was kept as the backup {name}.</source>
        <translation>被替换的数据已保存为备份 {name}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/backup_dialog.py" line="253" />
        <source>An unexpected error occurred; the details are in the log file.</source>
        <translation>发生意外错误，详细信息已记录在日志文件中。</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="142" />
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="143" />
        <source>made by hand</source>
        <translation>手动创建</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="144" />
        <source>before a package import</source>
        <translation>导入数据包前</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="145" />
        <source>before a merge</source>
        <translation>合并前</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="146" />
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="147" />
        <source>a database file chosen by its path, not a backup; the time is its last change</source>
        <translation>按路径指定的数据库文件，不是备份；时间为其最后修改时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/services/backups.py" line="155" />
        <source>before the upgrade from schema {revision}</source>
        <translation>从数据库结构版本 {revision} 升级前</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="6" />
        <source>Reading or writing {path} failed ({reason}). The data on this computer was not changed; check the disk or folder and try again.</source>
        <translation>读写 {path} 失败（{reason}）。本机数据未受影响；请检查磁盘或文件夹后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="9" />
        <source>{path} is a folder, not a file. The data on this computer was not changed; choose the file itself.</source>
        <translation>{path} 是文件夹，不是文件。本机数据未受影响；请选择文件本身。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="12" />
        <source>The name or path {path} is too long for the disk. The data on this computer was not changed; choose a shorter name or a folder nearer the top of the disk.</source>
        <translation>名称或路径 {path} 太长，磁盘不支持。本机数据未受影响；请换一个较短的名称，或选择层级较浅的文件夹。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="16" />
        <source>The name {path} contains characters that the disk does not allow. The data on this computer was not changed; choose another name.</source>
        <translation>名称 {path} 含有磁盘不允许使用的字符。本机数据未受影响；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="19" />
        <source>{path} is in use by another program. The data on this computer was not changed; close the program that has it open, for example Excel, and try again.</source>
        <translation>{path} 正被其他程序使用。本机数据未受影响；请关闭打开它的程序（例如 Excel）后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="22" />
        <source>The computer has too many files open to use {path}. The data on this computer was not changed; close some programs and try again.</source>
        <translation>电脑当前打开的文件太多，无法使用 {path}。本机数据未受影响；请关闭一些程序后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="25" />
        <source>{path} exists already. The data on this computer was not changed; choose another name.</source>
        <translation>{path} 已经存在。本机数据未受影响；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="28" />
        <source>The folder {path} is not empty. The data on this computer was not changed; choose an empty folder.</source>
        <translation>文件夹 {path} 不是空的。本机数据未受影响；请选择一个空文件夹。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="31" />
        <source>The disk holding {folder} is full. Free some space on it or choose another folder, then try again; the data on this computer was not changed and no incomplete file was left behind.</source>
        <translation>{folder} 所在的磁盘已满。请清理出空间或选择其他文件夹后重试；本机数据未受影响，也没有留下不完整的文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="35" />
        <source>The USB stick was pulled out or the target folder no longer exists: {folder}. Insert the stick again (or choose another folder) and repeat the operation; the data on this computer was not changed.</source>
        <translation>U 盘已被拔出或目标文件夹已不存在：{folder}。请重新插入 U 盘（或选择其他文件夹）后再操作一次；本机数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="39" />
        <source>{folder} cannot be written to: the disk is read-only or the USB stick's write-protect switch is on. Switch the protection off or choose another folder; nothing was written.</source>
        <translation>无法写入 {folder}：磁盘为只读，或 U 盘的写保护开关已打开。请关闭写保护或选择其他文件夹；未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="43" />
        <source>You have no permission to use {path}. Choose another folder or ask the computer's administrator for access; the data on this computer was not changed.</source>
        <translation>您没有使用 {path} 的权限。请选择其他文件夹，或请电脑管理员开通权限；本机数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="46" />
        <source>The disk or USB stick holding {path} reported a read or write error, perhaps because it was removed during the operation. Reconnect it and try again; the data on this computer was not changed.</source>
        <translation>{path} 所在的磁盘或 U 盘报告读写错误，可能是在操作过程中被拔出。请重新连接后重试；本机数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="50" />
        <source>The file name "{name}" cannot be used on Windows. Nothing was written; choose another name.</source>
        <translation>文件名“{name}”在 Windows 上不能使用。未写入任何文件；请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="53" />
        <source>The file name "{name}" contains {character}. Windows does not allow the characters &lt; &gt; : " | ? * or control characters in file names. Nothing was written; choose another name.</source>
        <translation>文件名“{name}”中含有 {character}。Windows 的文件名中不能有 &lt; &gt; : " | ? * 这些字符，也不能有控制字符。未写入任何文件；请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="57" />
        <source>The file name "{name}" starts with {device}, which Windows reserves for a device (as CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9, with any extension). Nothing was written; choose another name.</source>
        <translation>文件名“{name}”以 {device} 开头，这是 Windows 保留给设备的名称（CON、PRN、AUX、NUL、COM1 至 COM9 和 LPT1 至 LPT9，不论扩展名如何）。未写入任何文件；请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="61" />
        <source>The file name "{name}" ends in a dot or a space, which Windows drops from file names. Nothing was written; choose another name.</source>
        <translation>文件名“{name}”以句点或空格结尾，Windows 会去掉文件名末尾的句点和空格。未写入任何文件；请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="64" />
        <source>The file {path} was not found. Check the file name and folder, or choose the file again; the data on this computer was not changed.</source>
        <translation>找不到文件 {path}。请检查文件名和所在文件夹，或重新选择文件；本机数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="67" />
        <source>The file {path} disappeared or changed while it was being read: it may have been moved or deleted, still be downloading, or be on a USB stick that was pulled out. Make sure the complete file is in place (best copied to this computer) and try again; the data on this computer was not changed.</source>
        <translation>读取文件 {path} 时文件消失或被改动：可能已被移动或删除、仍在下载中，或所在的 U 盘已被拔出。请确认文件完整可用（最好先复制到本机）后重试；本机数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="72" />
        <source>This data folder belongs to the city or a county office, which receives entries in report packages and templates but does not enter them. Enter a township's progress in the township's own data folder (on its laptop, or with --data-dir); nothing was changed.</source>
        <translation>此数据文件夹属于市或县（市、区）美丽城镇办。办公室通过上报包和填报模板接收数据，不在此直接填报。请在乡镇自己的数据文件夹中填报（在乡镇的电脑上，或用 --data-dir 指定）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="77" />
        <source>The entry belongs to the reporting unit {unit}, but this data folder enters data only for {own_unit}. Nothing was changed.</source>
        <translation>该填报记录属于填报单位 {unit}，而此数据文件夹只为 {own_unit} 填报数据。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="80" />
        <source>The command stopped because of an unexpected error in the program. The details were written to the log file {log_file}; please send that file to the program's maintainers. Work completed before the error is kept, so check the result before repeating the command.</source>
        <translation>程序出现意外错误，命令已停止。详细信息已写入日志文件 {log_file}，请将该文件发给程序维护人员。出错前已完成的操作会保留，请先检查结果再重新执行命令。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="85" />
        <source>The receipt {file} was imported before, so nothing was changed. The entries it confirmed were marked as received by the city office at that time.</source>
        <translation>回执 {file} 之前已导入过，本次未做任何更改。它确认的填报记录已在当时标记为“市办已收到”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="88" />
        <source>The database {path} is in use by another program, perhaps a second window of this program. Close the other program and try again; nothing was changed.</source>
        <translation>数据库 {path} 正被其他程序使用（可能是本程序的另一个窗口）。请关闭该程序后重试；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="91" />
        <source>A disk error occurred while using the database {path}; this operation saved nothing. Check the disk, and if the error comes back, restore the latest backup.</source>
        <translation>使用数据库 {path} 时发生磁盘错误，本次操作未保存任何内容。请检查磁盘；如果错误再次出现，请恢复最近的备份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="94" />
        <source>The file {path} merges too many cells (the range {range} alone, more than {limit} cells in all), so it would take too much memory to open. Unmerge the large ranges in Excel or WPS, save the file and try again.</source>
        <translation>文件 {path} 合并的单元格过多（仅 {range} 一处，合计超过 {limit} 个单元格），打开会占用过多内存。请在 Excel 或 WPS 中取消大范围的合并，保存后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="98" />
        <source>The file {path} uses rows down to row {row} (cell {cell}), more than the {limit} rows an import reads. This often comes from formatting applied to whole columns: delete the empty rows below the table in Excel or WPS, save the file and try again. Nothing was imported.</source>
        <translation>文件 {path} 用到了第 {row} 行（单元格 {cell}），超过导入最多读取的 {limit} 行。这通常是对整列设置了格式造成的：请在 Excel 或 WPS 中删除表格下方的空行，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="103" />
        <source>The file {path} uses columns as far as cell {cell}, more than the {limit} columns an import reads. Delete the empty columns to the right of the table in Excel or WPS, save the file and try again. Nothing was imported.</source>
        <translation>文件 {path} 用到了单元格 {cell} 所在的列，超过导入最多读取的 {limit} 列。请在 Excel 或 WPS 中删除表格右侧的空列，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="107" />
        <source>The file {path} lists more than {limit} filled or formatted cells, far more than any table this program imports. Copy only the table into a new workbook, save it and try again. Nothing was imported.</source>
        <translation>文件 {path} 中有超过 {limit} 个已填写或设置了格式的单元格，远多于本程序导入的任何表格。请只把表格复制到新的工作簿中，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="111" />
        <source>The cell {cell} in {path} holds {length} characters, but a cell holds at most {limit} (Excel's own limit). Shorten the text, save the file and try again. Nothing was imported.</source>
        <translation>{path} 中的单元格 {cell} 有 {length} 个字符，而一个单元格最多只能有 {limit} 个字符（Excel 自身的上限）。请缩短内容，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="115" />
        <source>The file {path} contains a text of {length} characters, but a cell holds at most {limit} (Excel's own limit). Shorten the text, save the file and try again. Nothing was imported.</source>
        <translation>文件 {path} 中有一段 {length} 个字符的文字，而一个单元格最多只能有 {limit} 个字符（Excel 自身的上限）。请缩短内容，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="119" />
        <source>The file {path} contains more than {count} different texts or {chars} characters of text, far more than any table this program imports. Copy only the table into a new workbook, save it and try again. Nothing was imported.</source>
        <translation>文件 {path} 中的文字超过 {count} 条或 {chars} 个字符，远多于本程序导入的任何表格。请只把表格复制到新的工作簿中，保存后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="123" />
        <source>The file {path} consists of {count} parts, more than the {limit} a workbook needs. Copy the table into a new workbook, save it as .xlsx and try again. Nothing was imported.</source>
        <translation>文件 {path} 由 {count} 个部件组成，超过工作簿所需的 {limit} 个。请把表格复制到新的工作簿中，另存为 .xlsx 后重试。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="127" />
        <source>The entries of {unit} for {period} carry no evidence files, so nothing was exported. Check the unit and the period.</source>
        <translation>{unit} 在 {period} 的填报记录没有佐证材料，因此没有导出任何文件。请检查填报单位和填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="130" />
        <source>No backup named {name} was found in {folder}. List the available backups with "backup list" or give the path of a backup file.</source>
        <translation>在 {folder} 中找不到名为 {name} 的备份。请用 "backup list" 查看可用的备份，或给出备份文件的路径。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="133" />
        <source>{name} is not a database backup of this program and cannot be restored. Choose another backup; the current data was not changed.</source>
        <translation>{name} 不是本程序的数据库备份，无法恢复。请选择其他备份；当前数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="136" />
        <source>The backup {name} is damaged and cannot be restored (SQLite integrity check: {problem}). Choose another backup; the current data was not changed.</source>
        <translation>备份 {name} 已损坏，无法恢复（SQLite 完整性检查：{problem}）。请选择其他备份；当前数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="139" />
        <source>The backup {name} was made by a newer version of the program (schema {revision}; this version supports up to {supported}). Install the newer version to restore it; the current data was not changed.</source>
        <translation>备份 {name} 由较新版本的程序创建（数据库结构版本 {revision}；本版本最高支持 {supported}）。请安装新版本后再恢复；当前数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="143" />
        <source>The backup {name} belongs to another installation ({backup_unit}), not to this data folder ({current_unit}). Restore it into its own data folder; the current data was not changed.</source>
        <translation>备份 {name} 属于另一个安装（{backup_unit}），不属于此数据文件夹（{current_unit}）。请将它恢复到它自己的数据文件夹；当前数据未受影响。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="147" />
        <source>The backup {name} was made by another installation of {unit} (installation {backup_installation}; this data folder is installation {current_installation}), for example on another computer. Restoring it would bring that installation's keys and data here, so it was not restored and the current data was not changed. Restore a backup of this data folder instead. Only if this computer replaces the one the backup came from, and that one is no longer used, restore it with "backup restore --force-other-installation".</source>
        <translation>备份 {name} 由 {unit} 的另一个安装制作（安装编号 {backup_installation}；本数据文件夹的安装编号为 {current_installation}），例如另一台电脑。恢复它会把那个安装的密钥和数据带到本机，因此未恢复，当前数据未作任何改动。请改为恢复本数据文件夹自己的备份。只有本机替换了制作该备份的电脑、且那台电脑已停用时，才可用“backup restore --force-other-installation”恢复。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="155" />
        <source>{name} is the database of this data folder itself, not a backup. Choose a backup from "backup list"; nothing was changed.</source>
        <translation>{name} 是本数据文件夹正在使用的数据库本身，不是备份。请从“backup list”列出的备份中选择；未作任何改动。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="158" />
        <source>The data is kept in the database server {url}, which this program does not back up. Use the server's own backups, for example pg_dump.</source>
        <translation>数据保存在数据库服务器 {url} 中，本程序不负责备份。请使用服务器自身的备份，例如 pg_dump。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reliability.py" line="161" />
        <source>There is no database to back up at {path}. Open the data folder with the program once to create it.</source>
        <translation>{path} 处没有可备份的数据库。请先用本程序打开一次该数据文件夹以创建数据库。</translation>
    </message>
</context>
<context>
    <name>EvidenceCli</name>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="28" />
        <source>copy the evidence files of a unit's entries into a folder</source>
        <translation>把某个填报单位的佐证材料复制到文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="33" />
        <source>write a unit's evidence files for a period into a folder</source>
        <translation>把某个填报单位某一填报期的佐证材料写入文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="35" />
        <source>Each file is named after its task number and the name the township gave it, made safe for Windows: reserved names such as CON, the characters \ / : * ? " &lt; &gt; |, control characters and trailing dots or spaces are replaced, long names shortened. Files go to FOLDER/&lt;unit&gt;_&lt;code&gt;/&lt;period&gt;.</source>
        <translation>每个文件以任务编号加乡镇给出的文件名命名，并改成 Windows 可用的名称：CON 等保留名称、字符 \ / : * ? " &lt; &gt; |、控制字符以及末尾的点或空格会被替换，过长的名称会被缩短。文件写入 FOLDER/&lt;单位&gt;_&lt;代码&gt;/&lt;填报期&gt;。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="40" />
        <source>the reporting unit's code or name</source>
        <translation>填报单位的代码或名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="42" />
        <source>the reporting period, e.g. 2021Q2</source>
        <translation>填报期，例如 2021Q2</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="45" />
        <source>the folder to write into; it is created if needed</source>
        <translation>要写入的文件夹；不存在时会自动创建</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="58" />
        <source>Task {task}: "{name}" saved as {file}</source>
        <translation>任务 {task}：“{name}”另存为 {file}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/evidence.py" line="61" />
        <source>Exported {count} evidence files of {unit} for {period} to {folder}.</source>
        <translation>已把 {unit} 在 {period} 的 {count} 个佐证材料导出到 {folder}。</translation>
    </message>
</context>
<context>
    <name>OutputPaths</name>
    <message>
        <location filename="../../meili_desktop/services/output_paths.py" line="108" />
        <source>Saved as {path}</source>
        <translation>已保存为 {path}</translation>
    </message>
</context>
</TS>