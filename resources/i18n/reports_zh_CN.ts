<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChartsPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="168" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="180" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="182" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="236" />
        <source>No reporting periods are set up.</source>
        <translation>还没有设置填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="237" />
        <source>The charts need a reporting period with entries.</source>
        <translation>图表需要一个已有填报数据的填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="261" />
        <location filename="../../meili_desktop/ui/office/charts.py" line="300" />
        <source>No entries for {period} yet.</source>
        <translation>{period}还没有填报数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="262" />
        <source>The charts fill in once the townships' report packages for this period are merged on the Inbox page.</source>
        <translation>在“收件箱”页合并各乡镇本期的上报包后，图表即显示数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="281" />
        <source>No targets to compare with.</source>
        <translation>没有可比较的目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="282" />
        <source>Attainment counts the towns that meet their targets. Set the year's targets on the Targets page.</source>
        <translation>达标率统计达到目标值的乡镇。请先在“目标值”页设置本年度目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="286" />
        <source>Attainment (%)</source>
        <translation>达标率（%）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="295" />
        <source>Task {task}: number of towns by completion, {period}</source>
        <translation>任务 {task} 各完成率区间的乡镇数（{period}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="304" />
        <source>No town has both an actual value and a target for task {task} in {period}.</source>
        <translation>{period}任务 {task} 没有同时有完成值和目标值的乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="306" />
        <source>Completion is the actual value over the target. Choose another task, or set this task's targets on the Targets page.</source>
        <translation>完成率 = 完成值 ÷ 目标值。请选择其他任务，或在“目标值”页设置本任务的目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="252" />
        <source>Target attainment by county, {period}</source>
        <translation>各县（市、区）目标达标率（{period}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="253" />
        <source>Target attainment by lead unit, {period}</source>
        <translation>各牵头单位目标达标率（{period}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="312" />
        <source>Towns</source>
        <translation>乡镇数</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="18" />
        <source>Task {task} is measured as {measure}, which does not add up over towns, so it cannot be split in proportion to a base. Set each town's target by hand.</source>
        <translation>任务 {task} 的计量方式为 {measure}，不能在乡镇之间相加，因此不能按基数比例分解。请逐个乡镇手工设置目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="21" />
        <source>The base "{base}" of {unit} cannot be used for a split: bases must be zero or more and at least one must be above zero. Correct the bases and split again.</source>
        <translation>{unit} 的基数“{base}”不能用于分解：基数不能为负，且至少一个大于零。请更正基数后重新分解。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="24" />
        <source>The target "{value}" of task {task} for {unit} is invalid: a target is a number of zero or more with at most {max_places} decimal places.</source>
        <translation>任务 {task} {unit} 的目标值“{value}”无效：目标值应为不小于零、最多 {max_places} 位小数的数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="27" />
        <source>The towns' targets of task {task} for {period} come to {allocated}, but the city target is {city_target}. Nothing was saved: adjust the parts, or confirm the split with --allow-unbalanced.</source>
        <translation>任务 {task} {period} 各乡镇目标值合计为 {allocated}，而全市目标值为 {city_target}。未保存任何数据：请调整分解数，或用 --allow-unbalanced 确认该分解。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="31" />
        <source>Task {task} has no city target for {period}. Set it first with "targets set --task {task} --period {period} VALUE".</source>
        <translation>任务 {task} 尚无 {period} 的全市目标值。请先用“targets set --task {task} --period {period} 目标值”设置。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="34" />
        <source>Task {task} is city-level work and is not split to towns. Split a task that townships report on.</source>
        <translation>任务 {task} 属于市级工作，不分解到乡镇。请分解由乡镇填报的任务。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="37" />
        <source>Task {task} is not in the active catalogue. Use a task number from the catalogue.</source>
        <translation>当前任务目录中没有任务 {task}。请使用目录中的任务编号。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="40" />
        <source>{unit} is not a township, so it cannot receive a share of a city target. Name townships only.</source>
        <translation>{unit} 不是乡镇，不能分配全市目标值。请只填写乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="43" />
        <source>"{text}" is not a town target. Write TOWN=VALUE, for example 330110005=3.</source>
        <translation>“{text}”不是乡镇目标值的写法。请写成 乡镇=目标值，例如 330110005=3。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="46" />
        <source>{points} points cannot be given on task {task}: its rule allows from 0 to {limit} discretionary points. Enter a number in that range.</source>
        <translation>任务 {task} 不能给 {points} 分：其评分规则的酌情分范围为 0 至 {limit} 分。请输入该范围内的数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="49" />
        <source>Task {task} is not in the active catalogue, so it cannot be scored.</source>
        <translation>当前任务目录中没有任务 {task}，不能评分。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="51" />
        <source>Task {task} has no scoring rule in the catalogue, so it takes no points.</source>
        <translation>任务 {task} 在目录中没有评分规则，不能评分。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="54" />
        <source>The file {path} was not found. Check the path and try again.</source>
        <translation>找不到文件 {path}。请检查路径后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="56" />
        <source>The file {path} is larger than {max_mb} MB, too large for this import. Remove other sheets or pictures and try again.</source>
        <translation>文件 {path} 超过 {max_mb} MB，无法导入。请删除其他工作表或图片后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="59" />
        <source>The file {path} expands to more than {max_mb} MB when opened, far more than a filled-in workbook needs, so it was not read. Copy the data into a new workbook and try again.</source>
        <translation>文件 {path} 打开后会展开到超过 {max_mb} MB，远超填报工作簿应有的大小，因此未读取。请把数据复制到新工作簿后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="63" />
        <source>The cell holds the formula {value} but no result, because the program that saved the file did not calculate it. Open and save the file in Excel or WPS, or type the number.</source>
        <translation>该单元格是公式 {value}，但没有计算结果，因为保存该文件的程序没有计算公式。请用 Excel 或 WPS 打开并保存该文件，或直接填写数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="67" />
        <source>The cell holds the formula {value} but no result, because the program that saved the file did not calculate it. Open and save the file in Excel or WPS, or type the status itself: 未开始, 推进中, 已完成 or 不适用.</source>
        <translation>该单元格是公式 {value}，但没有计算结果，因为保存该文件的程序没有计算公式。请用 Excel 或 WPS 打开并保存该文件，或直接填写状态：未开始、推进中、已完成或不适用。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="71" />
        <source>The cell holds the formula {value} but no result, because the program that saved the file did not calculate it. Open and save the file in Excel or WPS, or type the text itself.</source>
        <translation>该单元格是公式 {value}，但没有计算结果，因为保存该文件的程序没有计算公式。请用 Excel 或 WPS 打开并保存该文件，或直接填写文字内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="75" />
        <source>The cell holds the formula {value}, but this column says which row is which, so it must hold the value itself; the row was not imported. In Excel or WPS, copy the column and paste it back as values (Paste Special, Values), save the file and import it again.</source>
        <translation>该单元格是公式 {value}，但这一列用来区分各行，必须填写值本身，因此这一行未导入。请在 Excel 或 WPS 中复制该列，再用“选择性粘贴 → 数值”粘贴回原处，保存后重新导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="80" />
        <source>The template lists {tasks} tasks, so its table ends at row {last_task_row}, and up to {spare_rows} rows below it may hold notes, down to row {limit}. The sheet uses cell {cell}, further down. Delete the rows below the table, or copy the filled-in cells into a newly exported template, and import it again. Nothing was imported.</source>
        <translation>本模板列出 {tasks} 项任务，表格到第 {last_task_row} 行结束，表格下方最多还可用 {spare_rows} 行写备注，即到第 {limit} 行为止。但工作表用到了单元格 {cell}，超出了这个范围。请删除表格下方多余的行，或把已填写的单元格复制到新导出的模板中，然后重新导入。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="86" />
        <source>The cells {value} are merged over several tasks, so it is unclear which task the value belongs to. Unmerge them and fill in each task's row.</source>
        <translation>单元格 {value} 跨多项任务合并，无法判断该值属于哪项任务。请取消合并，并逐项填写各任务所在行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="89" />
        <source>Task {task} was changed in the program after this template was exported (revision {exported} then, {current} now), and the cell changes the same field. Export a new template, or clear this cell to keep the stored value.</source>
        <translation>任务 {task} 在导出本模板后已在程序中修改（导出时为第 {exported} 版，现为第 {current} 版），而该单元格修改的是同一栏。请重新导出模板，或清空该单元格以保留已保存的值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="93" />
        <source>The file {path} is not an Excel workbook (.xlsx) or is damaged. Save it from Excel or WPS as .xlsx and try again.</source>
        <translation>文件 {path} 不是 Excel 工作簿（.xlsx）或已损坏。请用 Excel 或 WPS 另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="96" />
        <source>No header row with the columns {columns} was found in the first rows of sheet "{sheet}". Add the header row and try again.</source>
        <translation>在工作表“{sheet}”的前几行中没有找到包含 {columns} 列的表头行。请添加表头行后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="100" />
        <source>This workbook is not a fill-in template of this program (its hidden key sheet is missing). Export a template with "template" and fill that in.</source>
        <translation>该工作簿不是本程序的填报模板（缺少隐藏的校验信息表）。请用“template”命令导出模板后再填写。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="103" />
        <source>This template has format version {version}, but this program reads up to version {supported}. Install the newer program or export a new template.</source>
        <translation>该模板的格式版本为 {version}，本程序最高支持版本 {supported}。请安装新版程序或重新导出模板。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="106" />
        <source>The hidden keys of this template were changed (checksum mismatch), so it cannot be trusted. Export a new template and copy the entries into it.</source>
        <translation>该模板隐藏的校验信息已被改动（校验和不符），无法信任。请重新导出模板并把数据复制进去。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="109" />
        <source>The template's sheet "{sheet}" is missing; the workbook's sheets are {found}. Rename the sheet back to "{sheet}", or export a new template and copy the values into it.</source>
        <translation>模板中的工作表“{sheet}”不见了，工作簿中的工作表为：{found}。请把工作表名称改回“{sheet}”，或导出新的模板后把数据复制进去。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="113" />
        <source>The header of sheet "{sheet}" was changed at {cell}: expected "{expected}", found "{found}". Restore the header or export a new template.</source>
        <translation>工作表“{sheet}”的表头在 {cell} 处被改动：应为“{expected}”，实为“{found}”。请恢复表头或重新导出模板。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="116" />
        <source>This template is for {found}, not for {expected}. Import the template of your own town.</source>
        <translation>该模板属于{found}，不属于{expected}。请导入本乡镇的模板。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="119" />
        <source>This template is for {found}, which this data folder does not know. Import it where that town is set up.</source>
        <translation>该模板属于{found}，本数据目录中没有该单位。请在设置了该乡镇的电脑上导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="122" />
        <source>This template is for period {found}, not {expected}. Export the template of period {expected}.</source>
        <translation>该模板属于填报期 {found}，不是 {expected}。请导出 {expected} 的模板。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="125" />
        <source>This template was made with catalogue {found}, but catalogue {expected} is now in force. Export a new template and copy the entries into it.</source>
        <translation>该模板按任务目录 {found} 生成，而当前使用的是目录 {expected}。请重新导出模板并把数据复制进去。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="128" />
        <source>The cells {value} are merged across columns, so their value cannot be assigned to one field. Unmerge them.</source>
        <translation>单元格 {value} 跨列合并，无法判断其值属于哪一栏。请取消合并。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="131" />
        <source>"{value}" is not a task number of this template. Leave column A as exported.</source>
        <translation>“{value}”不是本模板中的任务编号。请保持 A 列与导出时一致。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="134" />
        <source>Row {row} is filled in but has no task number in column A. Put back the task number as exported, or clear the row's cells.</source>
        <translation>第 {row} 行填写了内容，但 A 列没有任务编号。请按导出时的样子填回任务编号，或清空这一行的单元格。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="137" />
        <source>Task {value} appears again; its first row is {first_row}. Keep one row per task.</source>
        <translation>任务 {value} 重复出现，首次出现在第 {first_row} 行。每项任务只保留一行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="141" />
        <source>The row has no town name. Fill in the name or delete the row.</source>
        <translation>该行没有乡镇名称。请填写名称或删除该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="143" />
        <source>"{value}" is not a county of the city. Use a county name such as 余杭区 or its code such as 330110.</source>
        <translation>“{value}”不是本市的县（市、区）。请填写县（市、区）名称（如 余杭区）或代码（如 330110）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="146" />
        <source>"{value}" is not an official division code of the city. Check the code or leave it empty for a town without a code.</source>
        <translation>“{value}”不是本市的统计用区划代码。请核对代码；没有代码的乡镇请留空。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="149" />
        <source>"{value}" is not a division code: a town's code has 9 or 12 digits.</source>
        <translation>“{value}”不是区划代码：乡镇代码为 9 位或 12 位数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="151" />
        <source>Code {code} belongs to {actual}, not to {value}. Correct the county or the code.</source>
        <translation>代码 {code} 属于{actual}，不属于{value}。请更正县（市、区）或代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="154" />
        <source>"{value}" is not a town type. Use 样板镇 or 达标镇, or leave it empty.</source>
        <translation>“{value}”不是城镇类型。请填写 样板镇 或 达标镇，或留空。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="156" />
        <source>"{value}" matches several towns of the county. Add the town's official code.</source>
        <translation>“{value}”与该县（市、区）的多个乡镇同名。请填写乡镇的统计用区划代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="159" />
        <source>This town already appears in row {first_row}. Keep one row per town.</source>
        <translation>该乡镇已在第 {first_row} 行出现。每个乡镇只保留一行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="161" />
        <source>"{value}" is not a task number of the active catalogue.</source>
        <translation>“{value}”不是当前任务目录中的任务编号。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="163" />
        <source>"{value}" matches no township or the city. Use a town name or its code.</source>
        <translation>“{value}”与任何乡镇或本市都不匹配。请填写乡镇名称或代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="165" />
        <source>"{value}" matches several towns. Use the town's code instead.</source>
        <translation>“{value}”与多个乡镇匹配。请改填乡镇代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="167" />
        <source>"{value}" is not a year or period such as 2021 or 2021Q2.</source>
        <translation>“{value}”不是年度或填报期（如 2021、2021Q2）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="169" />
        <source>"{value}" is not a target: write a number of zero or more.</source>
        <translation>“{value}”不是有效的目标值：请填写不小于零的数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="171" />
        <source>The same task, unit and period already appear in row {first_row}.</source>
        <translation>相同的任务、单位和年度已在第 {first_row} 行出现。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="174" />
        <source>No period has entries yet, so there is nothing to summarise. Import report packages first, or name a period with --period.</source>
        <translation>还没有任何填报期有数据，无可汇总。请先导入上报包，或用 --period 指定填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="177" />
        <source>The period {period} is not set up and has no entries. Use a period such as 2021Q2.</source>
        <translation>填报期 {period} 未设置且没有数据。请使用如 2021Q2 的填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="180" />
        <source>The PDF {path} could not be written. Check that the folder exists and the file is not open in another program.</source>
        <translation>无法写入 PDF 文件 {path}。请检查文件夹是否存在，以及该文件是否正被其他程序打开。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="183" />
        <source>No font with Chinese characters was found, so the PDF would be unreadable. Install a Chinese font (for example 微软雅黑, SimSun or WenQuanYi Micro Hei).</source>
        <translation>未找到含中文字符的字体，生成的 PDF 将无法阅读。请安装中文字体（如 微软雅黑、宋体 或 文泉驿微米黑）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="202" />
        <source>{count} more problems are not listed. Correct the ones above and check the file again to see the rest.</source>
        <translation>还有 {count} 处问题未列出。请先更正以上问题，再次检查文件即可看到其余问题。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/reports.py" line="215" />
        <source>Sheet "{sheet}", cell {cell}: </source>
        <translation>工作表“{sheet}”单元格 {cell}：</translation>
    </message>
</context>
<context>
    <name>OfficePages</name>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="42" />
        <source>Summaries</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/charts.py" line="47" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="53" />
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="46" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>ReportCli</name>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="33" />
        <source>write the summary workbook (.xlsx)</source>
        <translation>生成汇总工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="34" />
        <source>Summarise entries by town, county, lead unit, category and task: status counts, missing reports, completion against target and change since the previous period, with one detail sheet per period. On a township laptop the workbook is the township's own progress report, by task, category and lead unit.</source>
        <translation>按乡镇、县（市、区）、牵头单位、分类和任务汇总填报数据：各状态数量、缺报、目标完成情况和较上期变化，每个填报期另附一张明细表。在乡镇电脑上运行时，生成本乡镇自己的进展报表，按任务、分类和牵头单位汇总。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="41" />
        <source>workbook to write</source>
        <translation>要生成的工作簿</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="43" />
        <source>period to summarise, such as 2021Q2; repeat for several (default: the latest period with entries)</source>
        <translation>要汇总的填报期，如 2021Q2；可重复给出多个（默认：有数据的最近一期）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="48" />
        <source>grouping: town, county, lead-unit, category or task; repeat for several (default: all)</source>
        <translation>汇总方式：town（乡镇）、county（县市区）、lead-unit（牵头单位）、category（分类）或 task（任务）；可重复给出多个（默认：全部）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="52" />
        <source>summarise only the towns of this county</source>
        <translation>只汇总该县（市、区）的乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="54" />
        <source>leave out the town-by-task detail sheets</source>
        <translation>不生成乡镇×任务明细表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="58" />
        <source>print a town's period report or the city summary as PDF</source>
        <translation>将乡镇填报期报告或全市汇总输出为 PDF</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="61" />
        <source>town: one town's period report with a cover sheet; city: the city summary</source>
        <translation>town：单个乡镇的填报期报告（含封面）；city：全市汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="65" />
        <source>PDF file to write</source>
        <translation>要生成的 PDF 文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="67" />
        <source>the town (code or name); required for a town report</source>
        <translation>乡镇（代码或名称）；乡镇报告必填</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="70" />
        <source>the period (default: the latest period with entries)</source>
        <translation>填报期（默认：有数据的最近一期）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="75" />
        <source>export a town's fill-in Excel template for a period</source>
        <translation>导出某乡镇某填报期的 Excel 填报模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="78" />
        <source>template to write</source>
        <translation>要生成的模板文件</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="80" />
        <source>the town's code or name</source>
        <translation>乡镇代码或名称</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="81" />
        <source>the period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="86" />
        <source>import a filled-in Excel template</source>
        <translation>导入已填写的 Excel 模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="87" />
        <source>Import the entries of a filled-in template. Blank cells leave stored data unchanged. If any filled cell is invalid, nothing is written and every rejected cell is listed.</source>
        <translation>导入已填写模板中的数据。空白单元格不会改动已保存的数据。只要有一个已填单元格无效，就不写入任何数据，并逐一列出被拒绝的单元格。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="92" />
        <source>the filled-in template</source>
        <translation>已填写的模板</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="94" />
        <source>the town the template must be for (default: this data folder's own town)</source>
        <translation>模板必须所属的乡镇（默认：本数据目录的乡镇）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="98" />
        <source>the period the template must be for</source>
        <translation>模板必须所属的填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="100" />
        <source>check the file and list what would change, without writing</source>
        <translation>只检查文件并列出将要改动的内容，不写入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="104" />
        <source>print the result as JSON</source>
        <translation>以 JSON 输出结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="117" />
        <source>Wrote {path} ({rows} rows).</source>
        <translation>已生成 {path}（{rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="122" />
        <source>The workbook covers {town} only; the city office's summary of all towns is written at the office.</source>
        <translation>本报表只含{town}的进展；全市各乡镇的汇总报表由市美丽城镇办生成。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="136" />
        <source>A town report needs --unit.</source>
        <translation>乡镇报告需要 --unit 参数。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="141" />
        <source>Wrote {path} ({pages} pages).</source>
        <translation>已生成 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="150" />
        <source>Wrote the template of {town} for {period} to {path} ({count} tasks).</source>
        <translation>已将{town} {period} 的填报模板写入 {path}（{count} 项任务）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="180" />
        <source>{count} cells were rejected; nothing was imported:</source>
        <translation>有 {count} 个单元格被拒绝，未导入任何数据：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="189" />
        <source>Checked {town} {period}: {changed} tasks would change, {unchanged} unchanged.</source>
        <translation>已检查{town} {period}：将改动 {changed} 项任务，{unchanged} 项不变。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="192" />
        <source>Imported {town} {period}: {changed} tasks changed, {unchanged} unchanged.</source>
        <translation>已导入{town} {period}：改动 {changed} 项任务，{unchanged} 项不变。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="204" />
        <source>The status of tasks {tasks} was set to {status} because a value was filled in without a status.</source>
        <translation>任务 {tasks} 填写了完成值但未填写状态，状态已设为“{status}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/report.py" line="209" />
        <source>Warning: {text}</source>
        <translation>警告：{text}</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="19" />
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="20" />
        <source>In progress</source>
        <translation>推进中</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="21" />
        <location filename="../../meili_desktop/reports/pdf.py" line="67" />
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="22" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="26" />
        <source>By town</source>
        <translation>按乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="27" />
        <source>By county</source>
        <translation>按县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="28" />
        <source>By lead unit</source>
        <translation>按牵头单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="29" />
        <source>By category</source>
        <translation>按分类</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="30" />
        <source>By task</source>
        <translation>按任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="34" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="52" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="118" />
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="35" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="51" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="117" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="36" />
        <location filename="../../meili_desktop/reports/pdf.py" line="74" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="57" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="58" />
        <source>Lead unit</source>
        <translation>牵头责任单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="37" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="55" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/labels.py" line="38" />
        <location filename="../../meili_desktop/reports/pdf.py" line="60" />
        <location filename="../../meili_desktop/reports/pdf.py" line="73" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="56" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="120" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="56" />
        <source>Key task</source>
        <translation>重点工作</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="60" />
        <location filename="../../meili_desktop/reports/pdf.py" line="73" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="48" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="119" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="54" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="53" />
        <source>Town type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="58" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="59" />
        <source>Measure unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="64" />
        <source>Reports</source>
        <translation>上报情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="61" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="65" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="121" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="61" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="237" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="66" />
        <source>Target attainment</source>
        <translation>目标完成</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="66" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="68" />
        <source>Expected</source>
        <translation>应报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="66" />
        <location filename="../../meili_desktop/reports/pdf.py" line="74" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="69" />
        <source>Reported</source>
        <translation>已报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="67" />
        <location filename="../../meili_desktop/reports/pdf.py" line="75" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="70" />
        <source>Missing</source>
        <translation>缺报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="68" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="74" />
        <source>With target</source>
        <translation>有目标</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="68" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="75" />
        <source>Meeting target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="69" />
        <location filename="../../meili_desktop/reports/pdf.py" line="77" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="76" />
        <source>Attainment</source>
        <translation>达标率</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="80" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="115" />
        <source>Completion</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="62" />
        <location filename="../../meili_desktop/reports/pdf.py" line="75" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="82" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="122" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="62" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="244" />
        <source>Actual</source>
        <translation>完成值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="61" />
        <location filename="../../meili_desktop/reports/pdf.py" line="76" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="83" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="125" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="60" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="76" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="84" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="126" />
        <source>Completion rate</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="86" />
        <source>Percent only</source>
        <translation>仅报百分比</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="70" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="88" />
        <source>Change since previous period</source>
        <translation>较上期变化</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="123" />
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="124" />
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="128" />
        <source>Meets target</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="63" />
        <location filename="../../meili_desktop/reports/pdf.py" line="170" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="129" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="64" />
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="130" />
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="139" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="139" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="212" />
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="140" />
        <source>Not reported</source>
        <translation>未上报</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="179" />
        <source>{city} Beautiful Towns key tasks: {sheet}, {period}</source>
        <translation>{city}美丽城镇建设重点工作汇总（{sheet}）— {period}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="184" />
        <source>Catalogue {version}; generated {time}</source>
        <translation>目录版本 {version}；生成时间 {time}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="188" />
        <source>; change compared with {period}</source>
        <translation>；变化与 {period} 比较</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/summary_xlsx.py" line="251" />
        <source>Details</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="57" />
        <source>Requirement</source>
        <translation>工作要求</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="62" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="63" />
        <source>Progress narrative</source>
        <translation>进展情况</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="171" />
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="65" />
        <source>Contact</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="149" />
        <source>Entries</source>
        <translation>填报表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="174" />
        <source>{county}{town} {period} Beautiful Towns key tasks: progress form</source>
        <translation>{county}{town} {period} 美丽城镇建设重点工作进展填报表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="181" />
        <source>Reporting unit: {town} ({code})   Period: {period}   Catalogue: {version}   Fill in the yellow cells; blank cells leave stored data unchanged.</source>
        <translation>填报单位：{town}（{code}）   填报期：{period}   目录版本：{version}   请填写黄色单元格；空白单元格不会改动已保存的数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="238" />
        <source>Choose a status from the list.</source>
        <translation>请从下拉列表中选择状态。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/template_xlsx.py" line="245" />
        <source>Type a number, such as 12 or 85 for 85%.</source>
        <translation>请填写数字，如 12；85% 填 85。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="167" />
        <source>Reporting unit</source>
        <translation>填报单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="169" />
        <source>Reporting period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="172" />
        <source>Catalogue version</source>
        <translation>目录版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="173" />
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="177" />
        <source>Head of unit (signature):</source>
        <translation>单位负责人（签字）：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="178" />
        <source>(Seal)</source>
        <translation>（盖章）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="179" />
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="180" />
        <source>Beautiful Towns programme</source>
        <translation>美丽城镇建设</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="181" />
        <source>Key task progress report</source>
        <translation>重点工作进展情况报告</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="182" />
        <source>Key tasks</source>
        <translation>重点工作</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="225" />
        <source>Beautiful Towns key tasks: summary</source>
        <translation>美丽城镇建设重点工作汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="227" />
        <source>Period {period}; catalogue {version}; printed {time}</source>
        <translation>填报期 {period}；目录版本 {version}；打印时间 {time}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/reports/pdf.py" line="291" />
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
</context>
<context>
    <name>ScoresCli</name>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="30" />
        <source>record discretionary scores or print score sheets</source>
        <translation>记录酌情分或打印评分表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="32" />
        <source>the town or county (code or name)</source>
        <translation>乡镇或县（市、区）（代码或名称）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="33" />
        <source>year or period, such as 2021</source>
        <translation>年度或填报期，如 2021</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="36" />
        <source>record the assessment of a unit on a scored task</source>
        <translation>记录某单位在评分任务上的评定</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="40" />
        <source>task number</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="42" />
        <source>discretionary points (default: 0)</source>
        <translation>酌情分（默认：0）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="44" />
        <source>the unit has established the mechanism</source>
        <translation>该单位已建立机制</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="45" />
        <source>a note to keep</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="48" />
        <source>print a score sheet</source>
        <translation>打印评分表</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="62" />
        <source>Score saved.</source>
        <translation>评分已保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="63" />
        <source>The score was already stored; nothing changed.</source>
        <translation>该评分已保存过，未做改动。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="73" />
        <source>{unit}: {total} of {maximum} points.</source>
        <translation>{unit}：得分 {total}，满分 {maximum}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/scores.py" line="91" />
        <source>{count} towns; town total {total}; mean {mean}.</source>
        <translation>共 {count} 个乡镇；乡镇得分合计 {total}；平均 {mean}。</translation>
    </message>
</context>
<context>
    <name>ScoresPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="86" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="86" />
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="99" />
        <source>Total</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="87" />
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="99" />
        <source>Maximum</source>
        <translation>满分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="98" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="98" />
        <source>Rule</source>
        <translation>评分规则</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="98" />
        <source>Mechanism established</source>
        <translation>已建立机制</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="99" />
        <source>Discretionary points</source>
        <translation>酌情分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="108" />
        <source>Save scores</source>
        <translation>保存评分</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="129" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="131" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="153" />
        <source>No year is set up as a reporting period.</source>
        <translation>还没有设置年度填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="154" />
        <source>Scores are given per year. Add the year's reporting period first.</source>
        <translation>评分按年度进行，请先添加该年度的填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="158" />
        <source>No county is set up.</source>
        <translation>还没有设置县（市、区）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="171" />
        <source>{count} towns; town total {total}; mean {mean}.</source>
        <translation>共 {count} 个乡镇；乡镇得分合计 {total}；平均 {mean}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="216" />
        <source>No task of the catalogue has a scoring rule.</source>
        <translation>任务清单中没有设有评分规则的任务。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="217" />
        <source>Scores are given on tasks whose catalogue entry has a scoring rule.</source>
        <translation>只有任务清单中设有评分规则的任务才能评分。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/scores_page.py" line="256" />
        <source>Scores</source>
        <translation>评分</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="64" />
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="66" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="68" />
        <source>Export to Excel...</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="70" />
        <source>Print city summary (PDF)...</source>
        <translation>打印全市汇总（PDF）…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="113" />
        <source>Period</source>
        <translation>填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="115" />
        <source>Group by</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="152" />
        <source>No reporting period yet.</source>
        <translation>还没有填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="153" />
        <source>No reporting periods are set up.</source>
        <translation>还没有设置填报期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="155" />
        <source>Computing the summary...</source>
        <translation>正在计算汇总…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="173" />
        <source>{rows} rows; {towns} towns, {tasks} tasks.</source>
        <translation>共 {rows} 行；{towns} 个乡镇，{tasks} 项任务。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="177" />
        <source>Change compared with {period}.</source>
        <translation>变化与 {period} 比较。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="200" />
        <source>There are no towns to summarise.</source>
        <translation>没有可汇总的乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="201" />
        <source>Import the programme's towns with the command "meili-desktop units import FILE.xlsx", then refresh this page.</source>
        <translation>请用命令“meili-desktop units import 文件.xlsx”导入美丽城镇名单，然后刷新本页。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="205" />
        <source>No entries for {period} yet.</source>
        <translation>{period}还没有填报数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="207" />
        <source>The summary fills in once the townships' report packages for this period are merged on the Inbox page. An Excel export now would list every town as not reported.</source>
        <translation>在“收件箱”页合并各乡镇本期的上报包后，汇总即显示数据。现在导出 Excel，所有乡镇都会显示为缺报。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="212" />
        <source>No row contains "{text}".</source>
        <translation>没有包含“{text}”的行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="214" />
        <source>Clear the filter to see every row.</source>
        <translation>清空筛选框即可显示全部行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="226" />
        <source>Export summary</source>
        <translation>导出汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="227" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="241" />
        <source>Wrote {path} ({rows} rows).</source>
        <translation>已生成 {path}（{rows} 行）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="243" />
        <source>Exporting the summary</source>
        <translation>正在导出汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="251" />
        <source>Print city summary</source>
        <translation>打印全市汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="252" />
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="267" />
        <source>Wrote {path} ({pages} pages).</source>
        <translation>已生成 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="269" />
        <source>Printing the city summary</source>
        <translation>正在打印全市汇总</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/summary_page.py" line="282" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
</context>
<context>
    <name>TargetsCli</name>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="36" />
        <source>set, split, import or list targets</source>
        <translation>设置、分解、导入或列出目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="39" />
        <source>task number</source>
        <translation>任务编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="40" />
        <source>year or period, such as 2021</source>
        <translation>年度或填报期，如 2021</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="41" />
        <source>check without saving</source>
        <translation>只检查，不保存</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="44" />
        <source>set the city target of a task, or a town's</source>
        <translation>设置任务的全市目标值，或某乡镇的目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="48" />
        <source>a town's code or name (default: the city)</source>
        <translation>乡镇代码或名称（默认：全市）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="49" />
        <source>the target, such as 12 or 95%%</source>
        <translation>目标值，如 12 或 95%%</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="53" />
        <source>split the city target of a task to towns</source>
        <translation>将任务的全市目标值分解到乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="54" />
        <source>Give each town's part with --part, or each town's base with --base to split in proportion with largest-remainder rounding. The parts must add up to the city target unless --allow-unbalanced is given.</source>
        <translation>用 --part 给出各乡镇的目标值，或用 --base 给出各乡镇的基数，按比例分解（最大余数法取整）。除非给出 --allow-unbalanced，各乡镇目标值之和必须等于全市目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="62" />
        <source>a town's target; repeat for each town</source>
        <translation>一个乡镇的目标值；每个乡镇各给一次</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="65" />
        <source>a town's base for a proportional split; repeat for each</source>
        <translation>按比例分解时一个乡镇的基数；每个乡镇各给一次</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="68" />
        <source>decimal places of the parts (default: the city target's)</source>
        <translation>分解结果的小数位数（默认：与全市目标值相同）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="71" />
        <source>save parts that do not add up to the city target</source>
        <translation>保存与全市目标值不相等的分解结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="76" />
        <source>import targets from an Excel sheet</source>
        <translation>从 Excel 表导入目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="81" />
        <source>print the stored targets</source>
        <translation>列出已保存的目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="82" />
        <source>only this task</source>
        <translation>只列该任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="83" />
        <source>only this year or period</source>
        <translation>只列该年度或填报期</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="87" />
        <source>import the programme's towns</source>
        <translation>导入美丽城镇建设乡镇名单</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="92" />
        <source>import towns from an Excel list (name, code, county, type)</source>
        <translation>从 Excel 名单导入乡镇（名称、代码、县市区、类型）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="126" />
        <source>Target of task {task} for {unit} in {period}: {value} (version {version}).</source>
        <translation>任务 {task} {unit} {period} 的目标值：{value}（第 {version} 版）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="144" />
        <source>City target {city}; towns {allocated}; difference {difference}.</source>
        <translation>全市目标值 {city}；乡镇合计 {allocated}；差额 {difference}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="150" />
        <source>Dry run: nothing was saved.</source>
        <translation>仅检查：未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="156" />
        <source>{count} rows were rejected; nothing was imported:</source>
        <translation>有 {count} 行被拒绝，未导入任何数据：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="172" />
        <source>balanced</source>
        <translation>已平衡</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="173" />
        <source>NOT balanced</source>
        <translation>未平衡</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="174" />
        <source>Task {task} {period}: city {city}, towns {allocated} ({state}).</source>
        <translation>任务 {task} {period}：全市 {city}，乡镇合计 {allocated}（{state}）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="181" />
        <source>Imported {count} targets, {changed} changed.</source>
        <translation>已导入 {count} 个目标值，其中 {changed} 个有改动。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="183" />
        <source>Checked {count} targets; nothing was saved.</source>
        <translation>已检查 {count} 个目标值；未保存。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="206" />
        <source>Imported the town list: {matched} matched, {added} added, {changed} changed.</source>
        <translation>已导入乡镇名单：匹配 {matched} 个，新增 {added} 个，改动 {changed} 个。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/targets.py" line="209" />
        <source>Checked the town list: {matched} would match, {added} would be added.</source>
        <translation>已检查乡镇名单：将匹配 {matched} 个，将新增 {added} 个。</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="136" />
        <source>Save city target</source>
        <translation>保存全市目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="138" />
        <source>Split in proportion to bases</source>
        <translation>按基数比例分解</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="140" />
        <source>Save town targets</source>
        <translation>保存乡镇目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="142" />
        <source>Import from Excel...</source>
        <translation>从 Excel 导入…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="150" />
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="150" />
        <source>Town</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="150" />
        <source>Base</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="150" />
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="218" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="151" />
        <source>Method</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="151" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="181" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="183" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="133" />
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="219" />
        <source>City target</source>
        <translation>全市目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="59" />
        <source>Typed in</source>
        <translation>手工填写</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="60" />
        <source>In proportion to base</source>
        <translation>按基数比例分解</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="61" />
        <source>Imported from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="62" />
        <source>From a distribution package</source>
        <translation>来自下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="74" />
        <source> ({unit})</source>
        <translation>（{unit}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="249" />
        <source>There are no towns to set targets for.</source>
        <translation>没有可设置目标值的乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="250" />
        <source>Import the programme's towns with the command "meili-desktop units import FILE.xlsx", then open this page again.</source>
        <translation>请用命令“meili-desktop units import 文件.xlsx”导入美丽城镇名单，然后重新打开本页。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="271" />
        <source>Enter the city target and the towns' targets.</source>
        <translation>请填写全市目标值和各乡镇目标值。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="277" />
        <source>Towns' targets cannot be compared with the city target without a base for every town.</source>
        <translation>未给出每个乡镇的基数，无法将乡镇目标值与全市目标值比较。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="280" />
        <source>City target {city}; towns {allocated}; difference {difference}.</source>
        <translation>全市目标值 {city}；乡镇合计 {allocated}；差额 {difference}。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="288" />
        <source>The city target must be a number.</source>
        <translation>全市目标值必须是数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="328" />
        <source>Import targets</source>
        <translation>导入目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="329" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="344" />
        <source>Importing targets from {file}…</source>
        <translation>正在从 {file} 导入目标…</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="363" />
        <source>{count} rows were rejected, so nothing was imported.</source>
        <translation>有 {count} 行未通过检查，因此未导入任何目标。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="367" />
        <source>{count} more rejected rows are not listed. Correct the rows above and import the file again to see the rest.</source>
        <translation>另有 {count} 行未通过检查，未在此列出。请先修改以上各行，再重新导入文件查看其余问题。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="381" />
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="384" />
        <source>Targets</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/ui/office/targets_page.py" line="385" />
        <source>Save these targets anyway?</source>
        <translation>仍然保存这些目标值吗？</translation>
    </message>
</context>
</TS>