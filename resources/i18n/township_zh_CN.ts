<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CheckWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="50" />
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="59" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="59" />
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="59" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="66" />
        <source>Double-click an item to open the task.</source>
        <translation>双击某一项即可打开对应任务。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="103" />
        <source>Task {number}</source>
        <translation>任务 {number}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="114" />
        <source>Nothing is missing for {period}. The report is ready to send.</source>
        <translation>{period} 没有缺漏，可以上报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="117" />
        <source>Nothing is missing for {period}.</source>
        <translation>{period}没有缺漏项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="118" />
        <source>Send the report with "Export report package" in the toolbar.</source>
        <translation>请点击工具栏中的“导出上报包”发送本期填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/check_view.py" line="122" />
        <source>{period}: {missing} missing, {invalid} invalid, {suspicious} to verify.</source>
        <translation>{period}：缺漏 {missing} 项，无效 {invalid} 项，待核实 {suspicious} 项。</translation>
    </message>
</context>
<context>
    <name>EntryCli</name>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="36" />
        <source>[not reviewed yet]</source>
        <translation>[待审核]</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="37" />
        <source>[accepted by the office]</source>
        <translation>[市办已通过]</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="38" />
        <source>[returned by the office]</source>
        <translation>[市办已退回]</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="41" />
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="42" />
        <source>accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="43" />
        <source>comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="57" />
        <source>set or list a township's entries</source>
        <translation>填写或列出乡镇的填报数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="61" />
        <source>change one task's entry</source>
        <translation>修改一项任务的填报数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="62" />
        <source>Change one task's entry for a period. Each change is saved at once. Values are read as in the form: 85, 85% and ８５ mean 85 in a percent task; write 0.85 as 85% or 0.85% explicitly. An empty --value clears the value. A value other than 0 given without --status on a task that is 未开始 (not started) sets the status to 推进中 (in progress), as a clerk who reports progress means.</source>
        <translation>修改一项任务在某个填报期的填报。每次修改立即保存。数值的读法与填报表单相同：在百分比任务中 85、85% 和 ８５ 都表示 85；0.85 请明确写成 85% 或 0.85%。--value 为空时清除数值。未给出 --status 而填写了非 0 的数值时，若该任务状态为“未开始”，状态自动改为“推进中”，因为填写进展即表示工作已经开始。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="69" />
        <source>the task number, 10 to 43</source>
        <translation>任务编号（10 至 43）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="70" />
        <location filename="../../meili_desktop/cli/entry.py" line="96" />
        <source>the reporting period, e.g. 2021Q2</source>
        <translation>填报期，例如 2021Q2</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="72" />
        <source>the actual value, in the task's unit</source>
        <translation>完成值，按任务的计量单位填写</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="74" />
        <source>未开始, 推进中, 已完成 or 不适用 (or not_started, in_progress, done, not_applicable)</source>
        <translation>未开始、推进中、已完成或不适用（也可写 not_started、in_progress、done、not_applicable）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="77" />
        <source>the narrative of the progress</source>
        <translation>进展情况说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="79" />
        <source>the responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="81" />
        <source>the responsible person's phone number</source>
        <translation>责任人联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="84" />
        <source>an evidence file to attach; repeat for several files</source>
        <translation>要添加的佐证材料文件，可重复使用以添加多个文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="89" />
        <source>list the entries of a period</source>
        <translation>列出某一填报期的填报数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="90" />
        <source>List every task of a period with its status and value, the office's review (not reviewed yet, accepted or returned) and the office's comments. The JSON form gives each entry review_state (pending, accepted or returned) and comments, oldest first, each with action (return, accept or note), text, author and created_at in UTC.</source>
        <translation>列出一个填报期的全部任务及其状态和完成值、市办的审核结果（待审核、已通过或已退回）和市办的意见。JSON 格式中每条填报带有 review_state（pending、accepted 或 returned）和 comments（按时间先后排列，每条含 action（return、accept 或 note）、text、author 以及 UTC 时间 created_at）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="98" />
        <source>print the entries as JSON</source>
        <translation>以 JSON 格式输出填报数据</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="121" />
        <source>Warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="125" />
        <source>The status was set to {status} because a value was entered; give --status to choose another.</source>
        <translation>因为填写了数值，状态已设为“{status}”；如需其他状态，请用 --status 指定。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="179" />
        <source>Task {task} ({period}) saved: {status}, value {value}, {files} evidence files, revision {revision}.</source>
        <translation>任务 {task}（{period}）已保存：{status}，完成值 {value}，佐证材料 {files} 个，修订号 {revision}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="216" />
        <source>(not filled in)</source>
        <translation>（未填报）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="221" />
        <source>{count} files</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/entry.py" line="239" />
        <source>Office, {time}, {action}: {text}</source>
        <translation>市办 {time} {action}：{text}</translation>
    </message>
</context>
<context>
    <name>EntryFormWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="109" />
        <source>The office has locked this reporting period. Its entries can be read but not changed.</source>
        <translation>市美丽城镇办已锁定此填报期，其数据只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="119" />
        <source>The office has closed this reporting period for review. Only the tasks it returned for correction can be changed, so this task can be read but not changed.</source>
        <translation>市美丽城镇办已将本填报期关闭审核。只有被退回修改的任务可以修改，本任务只能查看，不能修改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="141" />
        <source>What was done this period, and what remains</source>
        <translation>本期完成了哪些工作，还有哪些尚未完成</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="147" />
        <source>Phone number</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="150" />
        <source>History…</source>
        <translation>修改记录…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="160" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="161" />
        <source>Actual value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="162" />
        <source>Narrative</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="163" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="164" />
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="165" />
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="166" />
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="169" />
        <source>Office review comments</source>
        <translation>市美丽城镇办审核意见</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="221" />
        <source>Task {number}: {title}</source>
        <translation>任务 {number}：{title}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="272" />
        <source>Not filled in yet</source>
        <translation>尚未填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="274" />
        <source>{time} (revision {revision})</source>
        <translation>{time}（修订号 {revision}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="287" />
        <source>Returned by the office. Revise this task before the next report: {comment}</source>
        <translation>已被退回，请在下次上报前修改：{comment}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="290" />
        <source>{time}  {action}: {text}</source>
        <translation>{time}  {action}：{text}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="344" />
        <source>Saved task {number}</source>
        <translation>任务 {number} 已自动保存</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="409" />
        <source>Evidence removed. Use Undo to bring it back.</source>
        <translation>已移除佐证材料。可用“撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="458" />
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="459" />
        <source>Accepted</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="460" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/entry_form.py" line="340" />
        <source>Saved task {number}; its status is now {status} because a value was entered.</source>
        <translation>已保存任务 {number}；因为填写了完成值，状态已改为“{status}”。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>"{field}" contains a control character (such as NUL) at position {position}, which cannot be stored or sent. Nothing was saved; delete that character or type the text again.</source>
        <translation>“{field}”的第 {position} 个字符是 NUL 等控制字符，无法保存或上报。未保存任何内容；请删除该字符或重新输入这段文字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="21" />
        <source>"{text}" is not a valid value. Type a number such as {example}.</source>
        <translation>“{text}”不是有效的数值。请填写数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="23" />
        <source>The value contains only spaces. Type a number such as {example}, or clear the field if there is nothing to report.</source>
        <translation>填写的内容只有空格。请填写数字，例如 {example}；如无数据可报，请清空该栏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="26" />
        <source>"{text}" is not a number. This field takes a number such as {example}. If there is nothing to report, leave it empty or set the status to "Not applicable".</source>
        <translation>“{text}”不是数字。此栏须填写数字，例如 {example}。如无数据可报，请留空，或将状态设为“不适用”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="29" />
        <source>"{text}" is not a number. Type digits only, such as {example}, with an optional unit "{unit}".</source>
        <translation>“{text}”不是数字。请只填写数字，例如 {example}，可带单位“{unit}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="32" />
        <source>"{text}" has a thousands separator in the wrong place. Write it as 1,234 or without separators as 1234.</source>
        <translation>“{text}”中的千位分隔符位置不对。请写成 1,234，或不加分隔符写成 1234。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="35" />
        <source>"{text}" has a percent sign, but this task is counted in "{unit}". Type the number only, such as {example}.</source>
        <translation>“{text}”带有百分号，但此任务以“{unit}”计量。请只填写数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="38" />
        <source>"{text}" has too many digits: at most {max_integer_digits} before and {max_fraction_digits} after the decimal point are accepted.</source>
        <translation>“{text}”位数过多：整数部分最多 {max_integer_digits} 位，小数部分最多 {max_fraction_digits} 位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="44" />
        <source>"{text}" is ambiguous in a percent field: it may mean {as_fraction}% or {as_typed}%. Write the percent sign explicitly, for example {as_fraction}% or {as_typed}%.</source>
        <translation>在百分比栏中，“{text}”有两种理解：{as_fraction}% 或 {as_typed}%。请明确写出百分号，例如 {as_fraction}% 或 {as_typed}%。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="48" />
        <source>Task {task} is recorded by its status and narrative only and takes no value. Set its status instead.</source>
        <translation>任务 {task} 只填写状态和进展说明，不填数值。请改为设置状态。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="51" />
        <source>"{text}" is not a status. Use 未开始, 推进中, 已完成 or 不适用 (or not_started, in_progress, done, not_applicable).</source>
        <translation>“{text}”不是有效的状态。请填写未开始、推进中、已完成或不适用（也可写 not_started、in_progress、done、not_applicable）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="55" />
        <source>The file "{file}" is {size_mb} MB, larger than the limit of {max_mb} MB. Reduce its size (for example, compress the photo or split the PDF) and add it again.</source>
        <translation>文件“{file}”大小为 {size_mb} MB，超过了 {max_mb} MB 的上限。请缩小文件（例如压缩照片或拆分 PDF）后重新添加。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="58" />
        <source>The file "{file}" was rejected because it is a program or script ({kind}), which cannot be sent as evidence. Add photos, PDF or Office documents.</source>
        <translation>文件“{file}”是程序或脚本（{kind}），不能作为佐证材料上报，已拒绝。请添加照片、PDF 或 Office 文档。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="61" />
        <source>The file "{file}" cannot be read ({reason}). Check that it still exists and is not open in another program, then add it again.</source>
        <translation>无法读取文件“{file}”（{reason}）。请确认文件仍然存在且未被其他程序占用，然后重新添加。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="64" />
        <source>The evidence file "{name}" is missing from the data folder. Remove it from the list and add the original file again.</source>
        <translation>数据文件夹中找不到佐证材料“{name}”。请将其从列表中移除，再重新添加原文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="68" />
        <source>This data folder is not set up yet. Run "init township" first, or start the program to choose the township.</source>
        <translation>此数据文件夹尚未设置。请先运行“init township”，或启动程序选择所在乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="71" />
        <source>Task {task} is not reported by townships. Use a task number from {first} to {last}.</source>
        <translation>任务 {task} 不由乡镇填报。请使用 {first} 至 {last} 之间的任务编号。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="74" />
        <source>There is no task {task} in the catalogue. Townships report on tasks {first} to {last}.</source>
        <translation>任务清单中没有任务 {task}。乡镇填报的任务编号为 {first} 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="77" />
        <source>The reporting period "{period}" is not in this data folder. Use one of these periods: {periods}.</source>
        <translation>本数据文件夹中没有填报期“{period}”。请使用以下填报期之一：{periods}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="80" />
        <source>The reporting period {period} is locked by the office, so its entries can no longer be changed.</source>
        <translation>填报期 {period} 已被市美丽城镇办锁定，其数据不能再修改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="83" />
        <source>The office has closed the reporting period {period} for review, so task {task} can no longer be changed here; nothing was saved. Only entries the office returned for correction can be changed now. Ask the office to return this entry if it needs a change.</source>
        <translation>市美丽城镇办已将填报期 {period} 关闭审核，第 {task} 项任务在本机不能再修改，未保存任何内容。现在只能修改被退回修改的填报内容；如确需修改，请联系市美丽城镇办退回该项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="88" />
        <source>The narrative has {length} characters, but at most {max_chars} fit. Shorten it or attach the details as a document.</source>
        <translation>进展说明有 {length} 个字，最多只能填 {max_chars} 个字。请精简内容，或把详细情况作为文档附上。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="91" />
        <source>The responsible person's name has {length} characters, but at most {max_chars} fit.</source>
        <translation>责任人姓名有 {length} 个字，最多只能填 {max_chars} 个字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="94" />
        <source>The contact has {length} characters, but at most {max_chars} fit. Give one phone number.</source>
        <translation>联系电话有 {length} 个字符，最多只能填 {max_chars} 个。请只填一个电话号码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="97" />
        <source>"{name}" is not a usable file name: it must not be empty and may have at most {max_chars} characters.</source>
        <translation>“{name}”不能用作文件名：文件名不能为空，且最多 {max_chars} 个字符。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="100" />
        <source>Nothing to change: give at least one of --value, --status, --note, --person, --contact or --attach.</source>
        <translation>没有要修改的内容：请至少指定 --value、--status、--note、--person、--contact 或 --attach 中的一项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="103" />
        <source>Task {task} was changed elsewhere after this step, so the step cannot be undone or redone. Nothing was changed. Edit the task directly.</source>
        <translation>任务 {task} 在这一步之后已在别处被修改，因此无法撤销或重做这一步。数据未作任何改动，请直接修改该任务。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="107" />
        <source>This data folder is already set up (role {role}, unit {unit}). Use another data folder with --data-dir to set up a different unit.</source>
        <translation>此数据文件夹已经设置过（角色 {role}，单位 {unit}）。如需设置其他单位，请用 --data-dir 指定另一个数据文件夹。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="110" />
        <source>This data folder is already bound to the unit {unit}, so a distribution package for another unit cannot be applied to it.</source>
        <translation>此数据文件夹已绑定到单位 {unit}，不能导入发给其他单位的下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="113" />
        <source>The option {option} is missing. Set up a township without a distribution package with: init township --provisional --county NAME_OR_CODE --town NAME_OR_CODE.</source>
        <translation>缺少选项 {option}。没有下发包时，请这样设置乡镇：init township --provisional --county 县市区名称或代码 --town 乡镇名称或代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="116" />
        <source>This data folder is not set up as a township, so it cannot be bound to a township.</source>
        <translation>此数据文件夹未设置为乡镇，不能绑定到乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="41" />
        <source>{text} is out of range: a value has at most {max_integer_digits} digits before the decimal point. Check the cell and enter the actual value.</source>
        <translation>{text} 超出了范围：完成值的整数部分最多 {max_integer_digits} 位。请检查该单元格，填写实际的数值。</translation>
    </message>
</context>
<context>
    <name>EvidenceExporter</name>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="47" />
        <source>Export the evidence of {period}</source>
        <translation>导出 {period} 的佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="50" />
        <source>Export the evidence of task {task}</source>
        <translation>导出第 {task} 项任务的佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="68" />
        <source>Exporting evidence files…</source>
        <translation>正在导出佐证材料…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="74" />
        <source>Evidence exported</source>
        <translation>佐证材料已导出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="75" />
        <source>Copied {count} evidence files into the folder
{folder}</source>
        <translation>已将 {count} 个佐证材料复制到文件夹
{folder}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence_actions.py" line="80" />
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
</context>
<context>
    <name>EvidenceWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="66" />
        <source>Drop photos, PDF or Office files here to attach them.</source>
        <translation>把照片、PDF 或 Office 文件拖到这里即可添加。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="67" />
        <source>No evidence yet. Add files or drop them here.</source>
        <translation>尚无佐证材料。请添加文件，或把文件拖到这里。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="71" />
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="72" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="73" />
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="74" />
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="75" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="77" />
        <source>Copy all evidence files of this task into a folder, under names Windows accepts.</source>
        <translation>将本任务的全部佐证材料复制到一个文件夹，文件名会改为 Windows 可以接受的形式。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="137" />
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="138" />
        <source>Evidence (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.ofd *.txt *.zip);;All files (*)</source>
        <translation>佐证材料 (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.heic *.pdf *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.ofd *.txt *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="177" />
        <source>Rename evidence</source>
        <translation>重命名佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/evidence.py" line="178" />
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="174" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="175" />
        <source>Actual value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="176" />
        <source>Narrative</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="177" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="178" />
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="179" />
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="205" />
        <source>Not filled in</source>
        <translation>未填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="207" />
        <source>Returned by the office</source>
        <translation>已被市办退回</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="123" />
        <source>Task {task} has not been filled in.</source>
        <translation>任务 {task} 尚未填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="124" />
        <source>The office returned task {task} and it has not been revised since: "{comment}"</source>
        <translation>任务 {task} 已被退回，尚未修改：“{comment}”</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="127" />
        <source>Task {task} is marked not applicable without a reason in the narrative.</source>
        <translation>任务 {task} 标为不适用，但进展说明中没有写明原因。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="129" />
        <source>Task {task} is marked not applicable but has the value {value}.</source>
        <translation>任务 {task} 标为不适用，却填了数值 {value}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="131" />
        <source>Task {task} has no actual value.</source>
        <translation>任务 {task} 没有填写完成值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="133" />
        <source>Task {task} takes no value but has {value}.</source>
        <translation>任务 {task} 不填数值，却填了 {value}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="135" />
        <source>Task {task} has the value {value} but its status is "Not started".</source>
        <translation>任务 {task} 填了数值 {value}，但状态仍是“未开始”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="137" />
        <source>Task {task} has no narrative.</source>
        <translation>任务 {task} 没有填写进展说明。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="139" />
        <source>Task {task} is done but has no evidence attached.</source>
        <translation>任务 {task} 已完成，但没有添加佐证材料。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="141" />
        <source>Task {task} has no responsible person.</source>
        <translation>任务 {task} 没有填写责任人。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="143" />
        <source>Task {task} has no contact.</source>
        <translation>任务 {task} 没有填写联系电话。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="145" />
        <source>Task {task}: {value}% is above 100%.</source>
        <translation>任务 {task}：{value}% 超过了 100%。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="147" />
        <source>Task {task}: the value {value} is negative.</source>
        <translation>任务 {task}：数值 {value} 为负数。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="149" />
        <source>Task {task}: the count {value} is not a whole number.</source>
        <translation>任务 {task}：数量 {value} 不是整数。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="151" />
        <source>Task {task}: {value} is much lower than the previous period's {previous}.</source>
        <translation>任务 {task}：{value} 比上一期的 {previous} 低很多。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="153" />
        <source>Task {task}: {value} is much higher than the previous period's {previous}.</source>
        <translation>任务 {task}：{value} 比上一期的 {previous} 高很多。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="156" />
        <source>Task {task} is marked done, but {value} is below the target {target}.</source>
        <translation>任务 {task} 标为已完成，但 {value} 低于目标值 {target}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="168" />
        <source>Missing</source>
        <translation>缺漏</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="169" />
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="170" />
        <source>Suspicious</source>
        <translation>待核实</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="73" />
        <source>Welcome to Beautiful Towns Reporting</source>
        <translation>欢迎使用美丽城镇建设填报系统</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="75" />
        <source>Who will use this computer?</source>
        <translation>这台电脑由谁使用？</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="84" />
        <source>Township (town or subdistrict) clerk</source>
        <translation>乡镇（街道）填报员</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="85" />
        <source>Fill in the progress of your township's tasks each period, attach evidence and send report packages to the city office.</source>
        <translation>每期填写本乡镇各项任务的进展，添加佐证材料，并把上报包发给市美丽城镇办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="87" />
        <source>County (city, district) office</source>
        <translation>县（市、区）美丽城镇办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="88" />
        <source>Collect and review your townships' report packages and forward them to the city office.</source>
        <translation>汇总、审核所辖乡镇的上报包，并转报市美丽城镇办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="90" />
        <source>City Beautiful Towns office</source>
        <translation>市美丽城镇办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="91" />
        <source>Keep the task catalogue and targets, send distribution packages, merge the report packages and produce the summaries.</source>
        <translation>维护任务清单和目标值，发送下发包，合并各地上报包并生成汇总报表。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="120" />
        <source>Start</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="123" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="147" />
        <source>With the city's distribution package (usual)</source>
        <translation>使用市里发来的下发包（通常做法）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="148" />
        <source>Open distribution package…</source>
        <translation>打开下发包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="153" />
        <source>The city office sends each township a distribution package (file ending in {extension}). It sets this computer up as your township.</source>
        <translation>市美丽城镇办会给每个乡镇发送下发包（扩展名为 {extension} 的文件），打开后即可把这台电脑设置为本乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="160" />
        <source>Without the package: start now</source>
        <translation>暂无下发包：先开始填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="163" />
        <source>My market town (集镇) is not in the list</source>
        <translation>我所在的集镇不在列表中</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="168" />
        <source>Name of the market town</source>
        <translation>集镇名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="174" />
        <source>Pick your county and township. Your entries are kept when the package arrives and is opened later.</source>
        <translation>请选择所在县（市、区）和乡镇（街道）。以后收到并打开下发包时，已填的数据都会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="178" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="179" />
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="181" />
        <source>Market town</source>
        <translation>集镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="203" />
        <source>Passphrase of the keys</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="204" />
        <source>Repeat the passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="209" />
        <source>A county office is set up from the distribution package the city office wrote for the county. Choose a passphrase for the county's keys, then click Start and open the package.</source>
        <translation>区县办需要用市办为本区县生成的下发包来初始化。请为本区县的密钥设置口令，然后点击“开始”并打开下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="222" />
        <source>The office keeps the catalogue, periods and targets. The embedded 2020 task catalogue is set up to start with. The office's keys are created now and protected by the passphrase; keep it safe, it cannot be recovered.</source>
        <translation>市办负责维护任务清单、填报期和目标值，初始使用内置的 2020 年任务清单。现在将生成市办密钥并用口令保护；请妥善保管口令，口令遗失后无法找回。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="229" />
        <source>Standard (X25519, AES-256-GCM, Ed25519)</source>
        <translation>标准算法（X25519、AES-256-GCM、Ed25519）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="230" />
        <source>国密 (SM2, SM3, SM4)</source>
        <translation>国密算法（SM2、SM3、SM4）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="234" />
        <source>Office name</source>
        <translation>办公室名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="235" />
        <source>Cipher suite</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="244" />
        <source>The passphrase needs at least {count} characters.</source>
        <translation>口令至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="248" />
        <source>The two passphrases differ; type them again.</source>
        <translation>两次输入的口令不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="259" />
        <source>City office set up</source>
        <translation>市办已初始化</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="260" />
        <source>City signing key fingerprint:
{fingerprint}

The offline escrow key was written to {escrow}. Copy it to a USB stick kept in a safe and delete it from this computer: with it and the passphrase, report packages can be opened even if this computer is lost.</source>
        <translation>市办签名密钥指纹：
{fingerprint}

离线托管密钥已写入 {escrow}。请把它复制到存放在保险柜中的 U 盘上，并从本机删除：凭它和口令，即使本机丢失也能打开上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="301" />
        <source>Open distribution package</source>
        <translation>打开下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="302" />
        <source>Distribution package (*{extension})</source>
        <translation>下发包 (*{extension})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="316" />
        <source>Reading the distribution package…</source>
        <translation>正在读取下发包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="330" />
        <source>Distribution package imported</source>
        <translation>下发包已导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="331" />
        <source>This computer is set up for {unit}. The city's signing key was recorded:
{fingerprint}
Compare it with the fingerprint the city office gives you by phone.</source>
        <translation>这台电脑已设置为{unit}。已记录市里的签名密钥指纹：
{fingerprint}
请与市美丽城镇办电话告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/first_run.py" line="342" />
        <source>The package could not be read because of an unexpected error, which was written to the log file.</source>
        <translation>发生意外错误，未能读取下发包，详情已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="33" />
        <source>History of task {number} ({period})</source>
        <translation>任务 {number} 的修改记录（{period}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="38" />
        <source>Revision</source>
        <translation>修订号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="38" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="38" />
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="38" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="39" />
        <source>Actual value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="39" />
        <source>Narrative</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="39" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="40" />
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="40" />
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="56" />
        <source>Nothing has been entered for this task in {period} yet.</source>
        <translation>本任务在{period}还没有填报内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="58" />
        <source>Each change to the form is listed here once it is saved.</source>
        <translation>表单的每次修改保存后都会列在这里。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/history.py" line="72" />
        <source> (from {source})</source>
        <translation>（来自 {source}）</translation>
    </message>
</context>
<context>
    <name>InitCli</name>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="47" />
        <source>set up this data folder for a role</source>
        <translation>按角色设置此数据文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="48" />
        <source>Set up the data folder for a role. A township without the city's distribution package starts as a provisional township on the embedded catalogue; its entries are kept when the package is imported later.</source>
        <translation>按角色设置数据文件夹。没有市里下发包的乡镇以临时乡镇身份、按内置任务清单开始填报；以后导入下发包时，已填数据会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="52" />
        <source>the role of this installation</source>
        <translation>本机的角色</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="54" />
        <source>start as a provisional township, without a distribution package</source>
        <translation>不使用下发包，以临时乡镇身份开始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="56" />
        <source>the county (县市区) by name or official code, e.g. 余杭区 or 330110</source>
        <translation>所在县（市、区）的名称或统计代码，例如 余杭区 或 330110</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="58" />
        <source>the township (乡镇街道) by name or official code, e.g. 塘栖镇</source>
        <translation>所在乡镇（街道）的名称或统计代码，例如 塘栖镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="60" />
        <source>the name of a market town (集镇) that has no official code, instead of --town</source>
        <translation>没有统计代码的集镇名称，用来代替 --town</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="92" />
        <source>If it is a market town without an official code, use --market-town NAME instead of --town.</source>
        <translation>如果是没有统计代码的集镇，请用 --market-town 名称 代替 --town。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup.py" line="100" />
        <source>Set up as the provisional township {county} {town} ({unit_id}). Enter data with "entry set"; import the city's distribution package later to confirm the township.</source>
        <translation>已设置为临时乡镇：{county} {town}（{unit_id}）。请用“entry set”填报数据；以后导入市里的下发包即可确认乡镇身份。</translation>
    </message>
</context>
<context>
    <name>OverviewModel</name>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="84" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="84" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="84" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="84" />
        <source>Actual value</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="85" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="85" />
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="85" />
        <source>Narrative</source>
        <translation>进展说明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="86" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="86" />
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="86" />
        <source>Missing items</source>
        <translation>缺漏项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview_model.py" line="217" />
        <source>Task {number}, {column}: {reason}</source>
        <translation>任务 {number}，{column}：{reason}</translation>
    </message>
</context>
<context>
    <name>OverviewWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="236" />
        <source>Incomplete tasks only</source>
        <translation>只显示未完成填报的任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="238" />
        <source>Type to edit. Enter moves down, Tab moves right. Ctrl+V pastes a block copied from Excel.</source>
        <translation>直接输入即可修改。回车移到下一行，Tab 移到右边一格。Ctrl+V 可粘贴从 Excel 复制的区域。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="250" />
        <source>Cells that were not saved:</source>
        <translation>以下单元格未保存：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="308" />
        <source>Pasted {saved} cells; {rejected} not saved.</source>
        <translation>已粘贴 {saved} 个单元格，{rejected} 个未保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="341" />
        <source>"{text}" falls outside the table and was not pasted.</source>
        <translation>“{text}”超出了表格范围，未粘贴。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/overview.py" line="348" />
        <source>Task {number}, {column}: {reason}</source>
        <translation>任务 {number}，{column}：{reason}</translation>
    </message>
</context>
<context>
    <name>PackageActions</name>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="62" />
        <source>Export report package</source>
        <translation>导出上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="63" />
        <source>Report packages (*{extension})</source>
        <translation>上报包 (*{extension})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="80" />
        <source>Exporting report package…</source>
        <translation>正在导出上报包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="86" />
        <source>Report package exported</source>
        <translation>上报包已导出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="87" />
        <source>Saved the report package
{name}
in the folder
{folder}

It holds {entries} entries and {attachments} evidence files.

Send this file to the city office by USB stick, e-mail or chat app. It is encrypted: only the city office can open it.</source>
        <translation>已保存上报包
{name}
保存位置
{folder}

包含 {entries} 个条目和 {attachments} 个佐证材料。

请通过 U 盘、电子邮件或聊天软件把这个文件交给市办。文件已加密，只有市办能打开。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="104" />
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="114" />
        <source>Open package</source>
        <translation>打开数据包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="105" />
        <source>The file {file} cannot be read. Check that it is still there.</source>
        <translation>无法读取文件 {file}。请检查文件是否还在原处。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="111" />
        <source>Importing receipt…</source>
        <translation>正在导入回执…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="115" />
        <source>{file} is a report package for the city office; a township laptop opens only the city's distribution packages and receipts.</source>
        <translation>{file} 是交给市办的上报包；乡镇电脑只能打开市里的下发包和回执。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="129" />
        <source>Importing distribution package…</source>
        <translation>正在导入下发包…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="135" />
        <source>This laptop reports as the provisional market town {old}, which has no official code. The distribution package is addressed to {new}.

If you import it, this laptop reports for {new} from now on, and the {count} entries filled in so far move to {new}. This cannot be undone.

Import only a package that the city office wrote for this town.</source>
        <translation>本机目前以临时集镇“{old}”填报，该集镇没有正式区划代码。这个下发包是发给 {new} 的。

导入后，本机从此为 {new} 填报，至今填写的 {count} 个条目将转到 {new} 名下，且无法撤销。

只有当这个下发包确实是市美丽城镇办为本集镇所在乡镇制作的，才导入它。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="141" />
        <source>Change this laptop's township?</source>
        <translation>更改本机填报的乡镇？</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="143" />
        <source>Import and report for {new}</source>
        <translation>导入并改为 {new} 填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="152" />
        <source>Receipt imported</source>
        <translation>回执已导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="153" />
        <source>The city office confirmed receiving {count} entries.</source>
        <translation>市办已确认收到 {count} 个条目。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="157" />
        <source>Distribution package for {unit} imported: {targets} targets changed, {comments} new review comments.</source>
        <translation>已导入 {unit} 的下发包：{targets} 个目标值有变化，{comments} 条新的审核意见。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="163" />
        <source>This laptop now reports for {new} instead of the provisional market town {old}; the {count} entries filled in before were moved to it.</source>
        <translation>本机已由临时集镇“{old}”改为 {new} 填报；之前填写的 {count} 个条目已转到 {new} 名下。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="169" />
        <source>The city's signing key was recorded:
{fingerprint}
Compare it with the fingerprint the city office gives you by phone.</source>
        <translation>已记录市办的签名密钥：
{fingerprint}
请与市办电话告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="174" />
        <source>This laptop's signing key fingerprint:
{fingerprint}
Read it out when the city office calls to approve your first report package.</source>
        <translation>本机签名密钥指纹：
{fingerprint}
市办来电批准首个上报包时，请念出这组数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="177" />
        <source>Distribution package imported</source>
        <translation>下发包已导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/package_actions.py" line="204" />
        <source>Package</source>
        <translation>数据包</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../meili_desktop/ui/township/marks.py" line="96" />
        <source>Year {year}</source>
        <translation>{year}年</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/marks.py" line="98" />
        <source>{year} Q{quarter}</source>
        <translation>{year}年第{quarter}季度</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/marks.py" line="101" />
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/marks.py" line="104" />
        <source>{period} (locked)</source>
        <translation>{period}（已锁定）</translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="17" />
        <source>For reference</source>
        <translation>参考信息</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="24" />
        <source>Requirement</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="25" />
        <source>Lead unit</source>
        <translation>牵头责任单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="26" />
        <source>Lead unit's duties</source>
        <translation>牵头单位职责</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="37" />
        <source>lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="37" />
        <source>co-lead</source>
        <translation>配合</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="38" />
        <source>{unit} ({role})</source>
        <translation>{unit}（{role}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="42" />
        <source>none named</source>
        <translation>未列明</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/reference.py" line="43" />
        <source>none listed</source>
        <translation>未列明</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="161" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="162" />
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="163" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/entries.py" line="164" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="23" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="23" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="23" />
        <source>Lead unit</source>
        <translation>牵头责任单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="59" />
        <source>Not filled in</source>
        <translation>未填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="61" />
        <source>Returned by the office: {status}</source>
        <translation>已被退回：{status}</translation>
    </message>
</context>
<context>
    <name>TaskTreeWidget</name>
    <message>
        <location filename="../../meili_desktop/ui/township/task_tree.py" line="90" />
        <source>Search tasks by number, title or lead unit</source>
        <translation>按编号、名称或牵头单位查找任务</translation>
    </message>
</context>
<context>
    <name>TemplateActions</name>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="63" />
        <source>Export E&amp;xcel Template…</source>
        <translation>导出 Excel 填报模板(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="66" />
        <source>Save the shown period's tasks as an Excel file to fill in, for example by the lead units, and import it here afterwards.</source>
        <translation>把当前填报期的任务保存为 Excel 文件，供填写（例如交牵头单位填写），填好后再导入本程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="69" />
        <source>&amp;Import Filled Excel Template…</source>
        <translation>导入已填写的 Excel 模板(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="83" />
        <source>Template_{town}_{period}.xlsx</source>
        <translation>填报模板_{town}_{period}.xlsx</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="86" />
        <source>Export Excel template</source>
        <translation>导出 Excel 填报模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="87" />
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="117" />
        <source>Excel workbooks ({pattern})</source>
        <translation>Excel 工作簿 ({pattern})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="98" />
        <source>Exporting Excel template…</source>
        <translation>正在导出 Excel 填报模板…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="102" />
        <source>Excel template exported</source>
        <translation>Excel 填报模板已导出</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="103" />
        <source>Saved {file} with {count} tasks of {period}.

Fill in the yellow cells (status, value, progress narrative, responsible person, contact), keep the file's other cells as they are, and import it with "Import Filled Excel Template".</source>
        <translation>已保存 {file}，含 {period} 的 {count} 项任务。

请填写黄色单元格（状态、完成值、进展说明、责任人、联系电话），其他单元格保持不变，然后用“导入已填写的 Excel 模板”导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="115" />
        <source>Import filled Excel template</source>
        <translation>导入已填写的 Excel 模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="128" />
        <source>Importing Excel template…</source>
        <translation>正在导入 Excel 模板…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="154" />
        <source>Excel template imported</source>
        <translation>Excel 模板已导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="141" />
        <source>{file}: {changed} tasks of {period} changed, {unchanged} unchanged. The changes are in each task's history; the file's blank cells left the entries as they were.</source>
        <translation>{file}：{period} 有 {changed} 项任务的填报已更新，{unchanged} 项未变。每项修改都记入该任务的修改记录；文件中的空白单元格不会改动已有填报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="169" />
        <source>Excel template</source>
        <translation>Excel 填报模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="147" />
        <source>The status of tasks {tasks} was set to {status} because a value was filled in without a status.</source>
        <translation>任务 {tasks} 填写了完成值但未填写状态，状态已设为“{status}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="152" />
        <source>Please check these values; they were kept:</source>
        <translation>请核对以下数值（已按填写的保存）：</translation>
    </message>
</context>
<context>
    <name>TemplateProblemsDialog</name>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="182" />
        <source>Excel template not imported</source>
        <translation>Excel 模板未导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="189" />
        <source>Nothing from {file} was imported: {count} cells need correcting. Correct them in the file, save it and import it again.</source>
        <translation>{file} 中的内容均未导入：有 {count} 个单元格需要更正。请在文件中改正并保存后重新导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="196" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="196" />
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="197" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/template_actions.py" line="217" />
        <source>Copy List</source>
        <translation>复制清单</translation>
    </message>
</context>
<context>
    <name>TownshipWindow</name>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="129" />
        <location filename="../../meili_desktop/ui/township/window.py" line="212" />
        <source>Tasks</source>
        <translation>任务填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="130" />
        <location filename="../../meili_desktop/ui/township/window.py" line="213" />
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="131" />
        <location filename="../../meili_desktop/ui/township/window.py" line="214" />
        <source>Pre-submission check</source>
        <translation>上报前检查</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="159" />
        <source>{unit} (provisional)</source>
        <translation>{unit}（临时）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="161" />
        <source>Set up without the city's distribution package. Entries are kept when the package is imported.</source>
        <translation>尚未导入市里的下发包。导入下发包时，已填数据会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="165" />
        <source>{unit} — Beautiful Towns Reporting</source>
        <translation>{unit} — 美丽城镇填报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="168" />
        <source>&amp;Open package…</source>
        <translation>打开数据包(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="171" />
        <source>&amp;Export report package…</source>
        <translation>导出上报包(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="175" />
        <source>Export evidence &amp;files…</source>
        <translation>导出佐证材料(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="177" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="180" />
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="183" />
        <source>&amp;About…</source>
        <translation>关于(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="185" />
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="188" />
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="191" />
        <source>Pre-submission &amp;check</source>
        <translation>上报前检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="196" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="208" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="211" />
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="219" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="230" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="235" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="238" />
        <source>Reporting period: </source>
        <translation>填报期：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="270" />
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="273" />
        <source>Redone</source>
        <translation>已重做</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="284" />
        <source>Adding evidence to task {number}…</source>
        <translation>正在为任务 {number} 添加佐证材料…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="297" />
        <source>No program is set up to open "{name}".</source>
        <translation>没有可以打开“{name}”的程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="359" />
        <source>Open package</source>
        <translation>打开数据包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="360" />
        <source>Packages ({patterns})</source>
        <translation>数据包 ({patterns})</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="374" />
        <source>{action}: tasks {tasks}</source>
        <translation>{action}：任务 {tasks}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="397" />
        <source>{count} evidence files added to task {number}</source>
        <translation>已为任务 {number} 添加 {count} 个佐证材料</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="404" />
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/window.py" line="405" />
        <source>An unexpected error occurred and was written to the log file. Your saved entries are not affected.</source>
        <translation>发生了意外错误，详情已写入日志文件。已保存的数据不受影响。</translation>
    </message>
</context>
<context>
    <name>ValueEditor</name>
    <message>
        <location filename="../../meili_desktop/ui/township/value_editor.py" line="112" />
        <source>e.g. {example}</source>
        <translation>例如 {example}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/value_editor.py" line="131" />
        <source>No target set</source>
        <translation>尚未下达目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/value_editor.py" line="136" />
        <source>Target: {target}</source>
        <translation>目标值：{target}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/township/value_editor.py" line="166" />
        <source>"{text}" can mean {fraction}% or {typed}%. Which one did you mean?</source>
        <translation>“{text}”可以理解为 {fraction}% 或 {typed}%，您指的是哪一个？</translation>
    </message>
</context>
</TS>