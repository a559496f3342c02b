<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Catalog</name>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="36" />
        <source>print the task catalogue, or import it from an Excel table</source>
        <translation>显示任务目录，或从 Excel 表导入任务目录</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="38" />
        <source>Print the active task catalogue: categories, key tasks, requirements, measures and lead units.</source>
        <translation>显示当前启用的任务目录：分类、重点工作、工作要求、计量方式和牵头责任单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="41" />
        <source>print the catalogue as JSON instead of a table</source>
        <translation>以 JSON 格式输出目录，而不是表格</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="49" />
        <source>import the task table from an .xlsx file as a new catalogue version</source>
        <translation>从 .xlsx 文件导入任务分解表，作为新的目录版本</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="51" />
        <source>Import the office's task table (columns 分类, 编号, 重点工作, 工作要求, 牵头责任单位) as a new, active catalogue version. Each row that cannot be read is listed with its sheet, row and reason, and nothing is stored while problems remain unless --accept-problems is given.</source>
        <translation>导入美丽城镇办的任务分解表（列：分类、编号、重点工作、工作要求、牵头责任单位），作为新的目录版本并启用。无法读取的行会逐行列出工作表、行号和原因；只要还有问题，就不保存任何内容，除非指定 --accept-problems。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="57" />
        <source>the Excel workbook to import</source>
        <translation>要导入的 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="59" />
        <source>check the file and list its problems without storing anything</source>
        <translation>只检查文件并列出问题，不保存任何内容</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="63" />
        <source>print the result as JSON</source>
        <translation>以 JSON 格式输出结果</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="66" />
        <source>store the catalogue despite problems, resolving each as its message says</source>
        <translation>即使有问题也保存目录，每个问题按其提示中的方式处理</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="90" />
        <source>rate per {base}</source>
        <translation>每{base}比率</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="94" />
        <source>percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="95" />
        <source>count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="96" />
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="97" />
        <source>milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="98" />
        <source>qualitative</source>
        <translation>定性</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="105" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="108" />
        <source> (from a merged cell)</source>
        <translation>（取自合并单元格）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="109" />
        <source> (inferred from duties)</source>
        <translation>（据职责分工推断）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="117" />
        <source>Requirement: {text}</source>
        <translation>工作要求：{text}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="120" />
        <source>Measure: {measure}</source>
        <translation>计量：{measure}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="122" />
        <source>Lead units: {units}</source>
        <translation>牵头责任单位：{units}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="126" />
        <source>Scoring: {rule}</source>
        <translation>评分：{rule}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="128" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="134" />
        <source>Version {version}; source: {source}</source>
        <translation>版本 {version}；来源：{source}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="142" />
        <source>Member units ({count})</source>
        <translation>成员单位（{count} 个）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="147" />
        <source> (also written {aliases})</source>
        <translation>（又写作 {aliases}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="150" />
        <source>: the programme office</source>
        <translation>：美丽城镇建设办公室</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="152" />
        <source>: stands for every member unit</source>
        <translation>：指全部成员单位</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="206" />
        <source>Tasks {numbers} are not in the current catalogue; they were read as qualitative township tasks.</source>
        <translation>第 {numbers} 项任务不在当前目录中，已按乡镇定性任务读入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="214" />
        <source>Imported catalogue version {version} with {count} tasks from {file}; it is now the active catalogue.</source>
        <translation>已从 {file} 导入目录版本 {version}，共 {count} 项任务，现已启用。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="220" />
        <source>{problems} problems were resolved as their messages say.</source>
        <translation>{problems} 个问题已按提示中的方式处理。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="224" />
        <source>Dry run: {count} tasks read without problems; nothing was stored.</source>
        <translation>试运行：已读取 {count} 项任务，没有问题；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="228" />
        <source>Dry run: {problems} problems found; nothing was stored.</source>
        <translation>试运行：发现 {problems} 个问题；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/catalog.py" line="232" />
        <source>{problems} problems found; nothing was imported. Correct the workbook and run the import again, or add --accept-problems to import with each problem resolved as its message says.</source>
        <translation>发现 {problems} 个问题，未导入任何内容。请修改工作簿后重新导入，或加上 --accept-problems，按各问题提示中的方式处理后导入。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="7" />
        <source>The catalogue data is not valid JSON ({value}). Nothing was changed; obtain an undamaged copy from the city office.</source>
        <translation>目录数据不是有效的 JSON（{value}）。未作任何更改；请向市美丽城镇办索取完好的副本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="10" />
        <source>The catalogue data lacks the field {field}. Nothing was changed; obtain a complete copy from the city office.</source>
        <translation>目录数据缺少字段 {field}。未作任何更改；请向市美丽城镇办索取完整的副本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="13" />
        <source>The catalogue data has an unknown field {field}; it may come from a newer version of the program. Nothing was changed; install the newer version.</source>
        <translation>目录数据含有未知字段 {field}，可能来自更新版本的程序。未作任何更改；请安装新版本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="16" />
        <source>The catalogue data has an invalid value at {field}: "{value}". Nothing was changed; correct the value or obtain a valid copy from the city office.</source>
        <translation>目录数据在 {field} 处的值无效：“{value}”。未作任何更改；请更正该值，或向市美丽城镇办索取有效的副本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="19" />
        <source>The catalogue data repeats "{value}" at {field}. Nothing was changed; remove the duplicate.</source>
        <translation>目录数据在 {field} 处重复了“{value}”。未作任何更改；请删除重复项。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="22" />
        <source>The catalogue data names the lead unit "{value}" at {field}, which is not one of its member units. Nothing was changed; add the unit to the member units or correct the name.</source>
        <translation>目录数据在 {field} 处的牵头责任单位“{value}”不是成员单位。未作任何更改；请将该单位加入成员单位，或更正名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="26" />
        <source>The catalogue data has the format "{value}", which this version of the program cannot read. Nothing was changed; install the newest version.</source>
        <translation>目录数据的格式为“{value}”，本版本程序无法读取。未作任何更改；请安装最新版本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="30" />
        <source>A different catalogue is already stored as version {version}. Nothing was changed; choose another version id.</source>
        <translation>已有内容不同的目录以版本 {version} 保存。未作任何更改；请换一个版本号。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="33" />
        <source>No catalogue version {version} is stored. Run "catalog" to list the stored catalogue.</source>
        <translation>没有保存版本为 {version} 的目录。请运行“catalog”查看已保存的目录。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="36" />
        <source>This data folder has no active task catalogue. Open it once with the program so that the built-in catalogue is set up, or import one.</source>
        <translation>此数据文件夹没有启用的任务目录。请用本程序打开一次以设置内置目录，或导入一个目录。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="40" />
        <source>The file {path} does not exist. Check the path and try again.</source>
        <translation>文件 {path} 不存在。请检查路径后重试。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="42" />
        <source>The file {path} is too large for a task table ({size_mb} MB; at most {limit_mb} MB). Nothing was imported; save only the task table in a new workbook.</source>
        <translation>文件 {path} 太大，不像任务分解表（{size_mb} MB，上限 {limit_mb} MB）。未导入任何内容；请只把任务分解表另存为新的工作簿。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="45" />
        <source>The file {path} merges the cells {range}, more than the {limit} merged cells a task table may have. Nothing was imported; unmerge that range and save the file again.</source>
        <translation>文件 {path} 合并了单元格 {range}，超过任务分解表允许的 {limit} 个合并单元格。未导入任何内容；请取消该区域的合并后重新保存文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="49" />
        <source>The file {path} cannot be read as an Excel workbook (.xlsx). Nothing was imported; open it in Excel and save it again as .xlsx.</source>
        <translation>无法将文件 {path} 作为 Excel 工作簿（.xlsx）读取。未导入任何内容；请用 Excel 打开后重新另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="52" />
        <source>No sheet of {path} has a header row with the columns 编号, 重点工作, 工作要求 and 牵头责任单位. Nothing was imported; add the header row above the tasks.</source>
        <translation>{path} 中没有工作表含有包括“编号”“重点工作”“工作要求”“牵头责任单位”各列的表头行。未导入任何内容；请在任务上方加上表头行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="55" />
        <source>The task table in {path} has a header row but no task below it. Nothing was imported.</source>
        <translation>{path} 中的任务分解表有表头行，但下方没有任务。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="59" />
        <source>Sheet {sheet}, row {row} (task {number}): the lead unit "{value}" is not a member unit or a known alias. Correct the name; if accepted, the name is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：牵头责任单位“{value}”不是成员单位，也不是已知的别称。请更正名称；如接受问题导入，将略去该名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="62" />
        <source>Sheet {sheet}, row {row}: the task number (编号) is missing. Fill it in; if accepted, the row is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行：缺少编号。请填写；如接受问题导入，将略去该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="65" />
        <source>Sheet {sheet}, cell {cell}: the task number (编号) is the formula {value}, but a task number must be typed as a number. In Excel or WPS, paste the column back as values (Paste Special, Values); if accepted, the row is left out.</source>
        <translation>工作表“{sheet}”单元格 {cell}：编号是公式 {value}，但编号必须直接填写数字。请在 Excel 或 WPS 中把该列用“选择性粘贴 → 数值”粘贴回原处；如接受问题导入，将略去该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="69" />
        <source>Sheet {sheet}, row {row}: the task number "{value}" is not a whole number above zero. Correct it; if accepted, the row is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行：编号“{value}”不是大于零的整数。请更正；如接受问题导入，将略去该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="72" />
        <source>Sheet {sheet}, row {row}: the task number "{value}" is too large; task numbers are those of the notice's table, such as 13. Correct it; if accepted, the row is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行：编号“{value}”过大，任务编号应与通知表格中的编号一致，如 13。请更正；如接受问题导入，将略去该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="76" />
        <source>Sheet {sheet}, row {row}: task number {number} is already used in row {first_row}. Renumber one of the rows; if accepted, this row is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行：编号 {number} 已在第 {first_row} 行使用。请为其中一行重新编号；如接受问题导入，将略去本行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="79" />
        <source>Sheet {sheet}, row {row} (task {number}): the lead-unit column contains requirement text ("{value}") instead of a unit. By the member units' duties the lead unit is probably {suggestion}, which is used if accepted.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：牵头责任单位列填的是工作要求（“{value}”），而不是单位。根据成员单位职责分工，牵头责任单位应为{suggestion}；如接受问题导入，将采用该单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="83" />
        <source>Sheet {sheet}, row {row} (task {number}): the lead-unit column contains requirement text ("{value}") instead of a unit, and no member unit's duties match the task. Enter the lead unit; if accepted, the task has no lead unit.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：牵头责任单位列填的是工作要求（“{value}”），而不是单位，且没有成员单位的职责分工与该任务相符。请填写牵头责任单位；如接受问题导入，该任务将没有牵头责任单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="87" />
        <source>Sheet {sheet}, row {row} (task {number}): the lead unit is missing. Enter it; if accepted, the task has no lead unit.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：缺少牵头责任单位。请填写；如接受问题导入，该任务将没有牵头责任单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="90" />
        <source>Sheet {sheet}, row {row} (task {number}): the key task (重点工作) is empty. Fill it in; if accepted, the row is left out.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：重点工作为空。请填写；如接受问题导入，将略去该行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="93" />
        <source>Sheet {sheet}, row {row} (task {number}): the category (分类) is empty. Fill it in or merge the cell with the category above; if accepted, the category "{suggestion}" is used.</source>
        <translation>工作表“{sheet}”第 {row} 行（第 {number} 项任务）：分类为空。请填写，或与上方的分类单元格合并；如接受问题导入，将使用分类“{suggestion}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="98" />
        <source>No reporting unit has the name or code "{value}". Check the spelling or use the official statistical code.</source>
        <translation>没有名称或代码为“{value}”的填报单位。请检查拼写，或使用统计用区划代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="101" />
        <source>{county} has no township with the name or code "{town}". Check the spelling, or ask the city office to add the township.</source>
        <translation>{county}没有名称或代码为“{town}”的乡镇（街道）。请检查拼写，或请市美丽城镇办添加该乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="104" />
        <source>"{value}" matches several reporting units: {candidates}. Use the code instead of the name.</source>
        <translation>“{value}”对应多个填报单位：{candidates}。请改用代码。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="107" />
        <source>"{name}" is not a valid unit name: it must have 1 to 100 characters. Enter another name.</source>
        <translation>“{name}”不是有效的单位名称：名称须为 1 至 100 个字符。请另输入名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="110" />
        <source>Another unit under the same parent is already named "{name}" (id {unit_id}). Choose another name, or merge the two units.</source>
        <translation>同一上级单位下已有名为“{name}”的单位（编号 {unit_id}）。请换一个名称，或合并这两个单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="113" />
        <source>"{unit}" cannot be placed under "{parent}": a township belongs under a county, a county or department under the city, and the parent must exist and not be merged. Choose another parent.</source>
        <translation>不能把“{unit}”放在“{parent}”之下：乡镇应隶属于县（市、区），县（市、区）和部门应隶属于市，且上级单位必须存在、未被合并。请另选上级单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/catalogue.py" line="117" />
        <source>"{source}" cannot be merged into "{target}": both units must be different, of the same kind and not merged already. Choose other units.</source>
        <translation>不能把“{source}”并入“{target}”：两个单位必须不同、类型相同，且都未被合并。请另选单位。</translation>
    </message>
</context>
</TS>