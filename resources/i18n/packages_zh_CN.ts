<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="23" />
        <source>"{value}" is not a key fingerprint. A fingerprint is 40 digits in 8 groups of 5, as "verify" shows it.</source>
        <translation>“{value}”不是密钥指纹。指纹由 40 位数字组成，分为 8 组、每组 5 位，与“verify”显示的一致。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="34" />
        <source>The city office's passphrase is needed. Give it with --passphrase-file F or run the command in a terminal to type it.</source>
        <translation>需要市办密钥口令。请用 --passphrase-file 文件 提供，或在终端中运行命令以输入口令。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="37" />
        <source>The passphrase file {file} is empty or not UTF-8 text. Put the passphrase on its first line.</source>
        <translation>口令文件 {file} 为空或不是 UTF-8 文本。请把口令写在文件第一行。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="40" />
        <source>Only a township installation exports report packages; this one is set up as "{role}".</source>
        <translation>只有乡镇端才能导出上报包；本机设置的角色是“{role}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="43" />
        <source>This laptop has not imported the city's distribution package yet, so it cannot encrypt a report for the city. Import the distribution package (下发包) first; the entries already filled in are kept.</source>
        <translation>本机尚未导入市里的下发包，无法为市办加密上报数据。请先导入下发包；已填写的数据会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="47" />
        <source>No entry has been filled in for {periods}. Fill in at least one task before exporting.</source>
        <translation>{periods} 还没有填写任何条目。请至少填写一项任务后再导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="53" />
        <source>{file} comes from reporting unit {unit}, which this office does not know. Add the unit first, or check where the file came from. Nothing was imported.</source>
        <translation>{file} 来自填报单位 {unit}，本办没有这个单位。请先添加该单位，或核实文件来源。未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="56" />
        <source>No reporting unit {unit} is known here. Check the id, code or name.</source>
        <translation>找不到填报单位 {unit}。请核对单位编号、代码或名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="58" />
        <source>Choose the units with --unit CODE (repeatable) or --all-townships.</source>
        <translation>请用 --unit 代码（可重复）或 --all-townships 指定单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="71" />
        <source>This data folder belongs to an office ("{role}"); distribution packages are imported on township laptops.</source>
        <translation>本数据目录属于办公室（“{role}”）；下发包应在乡镇电脑上导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="74" />
        <source>{file} was imported before; nothing changed.</source>
        <translation>{file} 已经导入过，没有任何变化。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="76" />
        <source>{file} is signed by a key with fingerprint {fingerprint}, which is not a key of the city office this laptop belongs to. Nothing was changed. Phone the city office and ask whether it sent this file; do not use a file it did not send. If the office has changed its keys, it must send a distribution package signed with its old key; if it cannot, this laptop must be set up again with the office's help.</source>
        <translation>{file} 的签名密钥指纹为 {fingerprint}，不是本电脑所属市办的密钥。未做任何改动。请打电话问市办是否发过这个文件；不是市办发的文件不要使用。如果市办确实更换了密钥，市办须发来一个用旧密钥签名的下发包；无法做到时，须在市办指导下重新设置这台电脑。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="82" />
        <source>{file} is older (number {sequence}) than the distribution package already imported (number {latest}). Nothing was changed; use the newest package.</source>
        <translation>{file} 的编号（{sequence}）比已导入的下发包（编号 {latest}）旧。未做任何更改；请使用最新的下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="85" />
        <source>{file} sets up a county office, whose keys need a passphrase. Run "init county --package FILE" in a terminal or give --passphrase-file F.</source>
        <translation>{file} 用于初始化区县办，区县办的密钥需要口令保护。请在终端中运行“init county --package 文件”，或提供 --passphrase-file 文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="93" />
        <source>Give the county's distribution package with --package FILE; the city office writes it with "distribute --unit COUNTY".</source>
        <translation>请用 --package 文件 提供本区县的下发包；市办可用“distribute --unit 区县”生成。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="50" />
        <source>{file} is a {kind}, but a {expected} is needed here. Check that the right file was chosen.</source>
        <translation>{file} 是{kind}，这里需要的是{expected}。请检查是否选错了文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="26" />
        <source>No key with fingerprint {fingerprint} is stored for {unit}. The office registers a new key when it verifies or merges a package signed by it: run "verify FILE" on the package first. Check the digits with "keys list".</source>
        <translation>{unit} 没有指纹为 {fingerprint} 的密钥。办公室核验或合并由新密钥签名的数据包时才会登记该密钥：请先对该数据包运行 "verify 文件"。可以用 "keys list" 核对指纹数字。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="30" />
        <source>The key with fingerprint {fingerprint} is stored for {owner}, not for {unit}. A key belongs to one unit only, so it cannot be approved for {unit}. Nothing was changed; check which unit the fingerprint was read out for.</source>
        <translation>指纹为 {fingerprint} 的密钥登记属于 {owner}，而不是 {unit}。一个密钥只属于一个单位，因此不能为 {unit} 批准。未做任何更改；请核实这个指纹是哪个单位报来的。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="60" />
        <source>{file} is the distribution package of {package_unit}, but this laptop reports for {own_unit}. Nothing was changed. Import the package the city office wrote for {own_unit}. If this laptop should report for {package_unit} instead (the wrong township was chosen at setup), call the city office before going on.</source>
        <translation>{file} 是 {package_unit} 的下发包，但本机填报的是 {own_unit}。未做任何更改。请导入市美丽城镇办发给 {own_unit} 的下发包。如果本机其实应为 {package_unit} 填报（初次设置时选错了乡镇），请先与市美丽城镇办联系，再作处理。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="65" />
        <source>{file} is the distribution package of {package_unit}. This laptop reports as the provisional market town {own_unit}, which has no official code; importing the package makes it report for {package_unit} and moves the entries filled in to that township. Nothing was changed. Open the package in the window and confirm the change, or import it with the "import" command.</source>
        <translation>{file} 是 {package_unit} 的下发包。本机目前以临时集镇“{own_unit}”填报，该集镇没有正式区划代码；导入这个下发包后，本机将改为 {package_unit} 填报，已填写的条目也会转到该乡镇名下。未做任何更改。请在窗口中打开这个下发包并确认更改，或用“import”命令导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="88" />
        <source>This receipt confirms report package {package} (number {sequence}), which was not exported on this laptop; it may belong to another laptop of the same township. Nothing was changed. Import the receipt on the laptop that exported the package.</source>
        <translation>这份回执确认的是上报包 {package}（第 {sequence} 号），但这个上报包不是本机导出的，可能是本乡镇另一台电脑导出的。未做任何更改。请在导出该上报包的那台电脑上导入这份回执。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="96" />
        <source>Only a county office writes county bundles, and this data folder's role is: {role}. A county office is set up with "init county --package FILE" from the distribution package that the city office writes for the county.</source>
        <translation>只有县级办公室才能生成县级汇总包，本数据文件夹的身份是：{role}。县级办公室用市办为本县生成的下发包设置：“init county --package 文件”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="100" />
        <source>Give the office's name with --name, e.g. --name 杭州市美丽城镇办.</source>
        <translation>请用 --name 提供办公室名称，例如 --name 杭州市美丽城镇办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="123" />
        <source>a record is not a JSON object.</source>
        <translation>有一条记录不是 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="124" />
        <source>the report's description is missing.</source>
        <translation>缺少上报说明。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="125" />
        <source>a required part ({value}) is missing.</source>
        <translation>缺少必需的部分（{value}）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="126" />
        <source>it holds entries of unit {value}, which did not sign the package.</source>
        <translation>其中含有单位 {value} 的条目，而该单位并未签名此数据包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="128" />
        <source>it holds an unknown record "{value}".</source>
        <translation>其中含有未知的记录“{value}”。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="129" />
        <source>the number of entries does not match its description.</source>
        <translation>条目数量与说明不符。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="131" />
        <source>the reporting unit is missing.</source>
        <translation>缺少填报单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="132" />
        <source>the reporting unit's name is missing.</source>
        <translation>缺少填报单位名称。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="133" />
        <source>the catalogue version is missing.</source>
        <translation>缺少任务清单版本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="135" />
        <source>its creation time "{value}" is not a date.</source>
        <translation>生成时间“{value}”不是有效日期。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="137" />
        <source>the addressed unit is missing.</source>
        <translation>缺少接收单位。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="138" />
        <source>its content is for unit {value}, not for the unit on its label.</source>
        <translation>其内容属于单位 {value}，与包头标明的单位不符。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="140" />
        <source>the catalogue is missing or damaged.</source>
        <translation>任务清单缺失或已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="141" />
        <source>the list of periods is damaged.</source>
        <translation>填报期列表已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="142" />
        <source>the list of targets is damaged.</source>
        <translation>目标值列表已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="143" />
        <source>a target ({value}) is damaged.</source>
        <translation>有一个目标值（{value}）已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="144" />
        <source>the list of the city's keys is damaged.</source>
        <translation>市办密钥列表已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="145" />
        <source>a city key ({value}) is damaged.</source>
        <translation>有一个市办密钥（{value}）已损坏。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="146" />
        <source>a city key does not match its fingerprint {value}.</source>
        <translation>有一个市办密钥与其指纹 {value} 不符。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="148" />
        <source>it lists too many comments ({value}).</source>
        <translation>审核意见数量过多（{value}）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="149" />
        <source>this laptop has not imported the city's distribution package yet.</source>
        <translation>本机尚未导入市里的下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="151" />
        <source>it is not a single receipt.</source>
        <translation>它不是单个回执。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="152" />
        <source>it names an earlier key of the laptop ({value}) with a missing or invalid signature.</source>
        <translation>它列出的该电脑旧密钥（{value}）签名缺失或无效。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="10" />
        <source>The city's working key uses cipher suite {suite}, but the city's escrow key uses {escrow_suite}, so no report package can be encrypted. Ask the city office for a new distribution package that lists an escrow key of suite {suite}. The entries filled in are kept.</source>
        <translation>市办的工作密钥使用密码套件 {suite}，托管密钥却使用 {escrow_suite}，因此无法加密上报包。请向市办索取新的下发包，其中须含有 {suite} 套件的托管密钥。已填写的内容都会保留。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="6" />
        <source>This data folder holds no {purpose} key of an office. A city office is set up with "init city", a county office with "init county --package FILE"; an office that was set up before restores its key backup.</source>
        <translation>本数据文件夹中没有办公室的{purpose}密钥。市办用“init city”设置，县级办公室用“init county --package 文件”设置；以前已设置过的办公室请恢复密钥备份。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="15" />
        <source>Changing the city's keys to cipher suite {suite} needs a new offline escrow key of that suite, because the current escrow key uses {escrow_suite}. Nothing was changed. Run the rotation again with --escrow-file FILE, naming a new file on the medium that is kept in the safe.</source>
        <translation>把市办密钥更换为密码套件 {suite} 时，需要一把同一套件的新离线托管密钥，因为当前的托管密钥使用 {escrow_suite}。未做任何更改。请加上 --escrow-file 文件 重新执行密钥更换，文件名请指向保险柜中保管的介质上的一个新文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="20" />
        <source>{file} exists already, and it may hold the escrow key that opens older report packages. Nothing was changed. Choose a new file name with --escrow-file.</source>
        <translation>{file} 已经存在，其中可能保存着打开旧上报包所需的托管密钥。未做任何更改。请用 --escrow-file 指定一个新的文件名。</translation>
    </message>
</context>
<context>
    <name>InitCli</name>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="29" />
        <source>set up a township from the city's distribution package</source>
        <translation>用市里的下发包初始化乡镇</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="31" />
        <source>the office's name, e.g. 杭州市美丽城镇办 (init city)</source>
        <translation>办公室名称，例如 杭州市美丽城镇办（用于 init city）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="34" />
        <source>cipher suite of the city's keys: C1 (X25519, AES-GCM, Ed25519) or G1 (SM2, SM3, SM4) (init city)</source>
        <translation>市办密钥的密码套件：C1（X25519、AES-GCM、Ed25519）或 G1（SM2、SM3、SM4）（用于 init city）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="37" />
        <source>where to write the offline escrow key (init city; default: escrow-key.mlkey in the data folder, to be moved to a safe place)</source>
        <translation>离线托管密钥的保存位置（用于 init city；默认为数据目录中的 escrow-key.mlkey，之后应移到安全的地方）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="51" />
        <source>Set up as the city office {name}.
City signing key fingerprint: {fingerprint}
The offline escrow key was written to {escrow}. Move it to a safe place away from this computer: with it and the passphrase, every report package can still be opened if the working keys are lost.</source>
        <translation>已初始化为市办：{name}。
市办签名密钥指纹：{fingerprint}
离线托管密钥已写入 {escrow}。请把它移到远离本机的安全地方：凭它和口令，即使工作密钥丢失，也能打开所有上报包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="74" />
        <source>Set up as the county office {unit} ({unit_id}).
City signing key fingerprint: {fingerprint}. Next, write an enrolment bundle with "bundle --enrol" and send it to the city office, which approves the county's key by phone.</source>
        <translation>已初始化为区县办：{unit}（{unit_id}）。
市办签名密钥指纹：{fingerprint}。下一步请用“bundle --enrol”生成登记用汇总包并交给市办，由市办电话核对后批准本区县的密钥。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="86" />
        <source>Set up as the township {unit} ({unit_id}).
City signing key fingerprint: {fingerprint}. Compare it with the one the city office gives you by phone.</source>
        <translation>已初始化为乡镇：{unit}（{unit_id}）。
市办签名密钥指纹：{fingerprint}。请与市办电话告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/setup_packages.py" line="91" />
        <source>This laptop's signing key fingerprint: {fingerprint}. Read it out when the city office calls to approve your first report package.</source>
        <translation>本机签名密钥指纹：{fingerprint}。市办来电批准首个上报包时，请念出这组数字。</translation>
    </message>
</context>
<context>
    <name>KeyPurposes</name>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="113" />
        <source>signing</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="114" />
        <source>encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="115" />
        <source>escrow</source>
        <translation>托管</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="116" />
        <source>county encryption</source>
        <translation>县级加密</translation>
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
    <name>PackageCounts</name>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="45" />
        <source>{count} entries</source>
        <translation>填报 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="46" />
        <source>{count} evidence files</source>
        <translation>佐证材料 {count} 个</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="47" />
        <source>{count} tasks</source>
        <translation>任务 {count} 项</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="48" />
        <source>{count} targets</source>
        <translation>目标值 {count} 个</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="49" />
        <source>{count} review comments</source>
        <translation>审核意见 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="50" />
        <source>{count} township packages</source>
        <translation>乡镇上报包 {count} 个</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="51" />
        <source>{count} received, not reviewed yet</source>
        <translation>已接收待审核 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="52" />
        <source>{count} accepted</source>
        <translation>已通过 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="53" />
        <source>{count} returned</source>
        <translation>已退回 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="54" />
        <source>{count} held for the office's decision</source>
        <translation>暂存待市办决定 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="55" />
        <source>{count} in conflict</source>
        <translation>冲突 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="56" />
        <source>{count} older than the office's data</source>
        <translation>比市办现有数据旧 {count} 条</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="57" />
        <source>{count} discarded by the office</source>
        <translation>被市办舍弃 {count} 条</translation>
    </message>
</context>
<context>
    <name>PackageKinds</name>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="106" />
        <source>report package</source>
        <translation>上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="107" />
        <source>distribution package</source>
        <translation>下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="108" />
        <source>receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/packages.py" line="109" />
        <source>county bundle</source>
        <translation>县级汇总包</translation>
    </message>
</context>
<context>
    <name>PackagesCli</name>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="70" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="77" />
        <source>write this township's report package for the city office</source>
        <translation>导出本乡镇给市办的上报包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="85" />
        <source>period to include, e.g. 2021Q2 (repeatable; default: every period with entries)</source>
        <translation>要包含的填报期，例如 2021Q2（可重复；默认为所有已填写的填报期）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="95" />
        <source>package file, or a folder to name it in</source>
        <translation>数据包文件，或用于存放并自动命名的文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="111" />
        <source>print JSON with English keys</source>
        <translation>以英文键名输出 JSON</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="118" />
        <source>write distribution packages for reporting units (city office)</source>
        <translation>为填报单位生成下发包（市办使用）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="126" />
        <source>unit id, official code or name (repeatable)</source>
        <translation>单位编号、统计代码或名称（可重复）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="133" />
        <source>one package for every township</source>
        <translation>为每个乡镇各生成一个下发包</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="139" />
        <source>period to include (repeatable; default: all)</source>
        <translation>要包含的填报期（可重复；默认为全部）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="148" />
        <source>package file for one unit, or a folder</source>
        <translation>单个单位的数据包文件，或一个文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="155" />
        <source>write the signed receipt of a merged report package (city office)</source>
        <translation>为已合并的上报包生成签名回执（市办使用）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="162" />
        <source>the report package's id, as "verify" or "merge" shows it</source>
        <translation>上报包编号，即“verify”或“merge”显示的编号</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="171" />
        <source>receipt file, or a folder</source>
        <translation>回执文件，或一个文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="178" />
        <source>forward the merged township packages to the city in one bundle (county office)</source>
        <translation>把已合并的乡镇上报包打成一个汇总包转报市办（区县办使用）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="187" />
        <source>only packages with entries for this period (repeatable)</source>
        <translation>只包含有该填报期条目的上报包（可重复）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="194" />
        <source>write a bundle even when no package is waiting, to enrol the county's keys at the city office</source>
        <translation>即使没有待转报的上报包也生成汇总包，用于在市办登记本区县的密钥</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="205" />
        <source>bundle file, or a folder</source>
        <translation>汇总包文件，或一个文件夹</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="212" />
        <source>import the city's distribution package or receipt on a township laptop</source>
        <translation>在乡镇电脑上导入市里的下发包或回执</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="225" />
        <source>Wrote {file}: {entries} entries and {attachments} evidence files for {periods}. Send this file to the city office.</source>
        <translation>已写入 {file}：{periods} 的 {entries} 个条目和 {attachments} 个佐证材料。请把这个文件交给市办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="291" />
        <source>Package: {kind} ({package_id})</source>
        <translation>数据包：{kind}（{package_id}）</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="297" />
        <source>Sender: {name} ({unit_id}), sequence {sequence}, written {created_at}</source>
        <translation>发送单位：{name}（{unit_id}），序号 {sequence}，生成于 {created_at}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="284" />
        <source>This computer does not have the sender&apos;s public key yet, so the signature cannot be checked (fingerprint {fingerprint}). If the package comes from your city or county office, confirm the fingerprint with the office by phone, then bring it in with &quot;import&quot;: the first import stores the office&apos;s key.</source>
        <translation>本机还没有发送方的公钥，无法核对签名（指纹 {fingerprint}）。如果这是市或县美丽城镇办发来的数据包，请先与办公室电话核对指纹，再用“import”导入：首次导入时本机会保存办公室的公钥。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="302" />
        <source>Sender key fingerprint: {fingerprint}</source>
        <translation>发送方密钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="305" />
        <source>Addressed to: {unit}</source>
        <translation>接收单位：{unit}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="307" />
        <source>the city office</source>
        <translation>市办</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="309" />
        <source>Periods: {periods}</source>
        <translation>填报期：{periods}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="336" />
        <source>The new key is now registered as waiting for approval. Compare the fingerprint above with {name} by phone, run "keys approve {unit_id} {fingerprint}", then merge the file.</source>
        <translation>该新密钥已登记为等待批准。请电话与 {name} 核对上面的指纹，运行 "keys approve {unit_id} {fingerprint}"，然后合并该文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="355" />
        <source>Counts claimed by the sender (not checked): {counts}</source>
        <translation>发送方声明的数量（未核验）：{counts}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="360" />
        <source>Counts: {counts}</source>
        <translation>数量：{counts}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="316" />
        <source>Result: signature and every part of the content verified.</source>
        <translation>结果：签名及全部内容均已验证。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="101" />
        <source>check a package and show what it holds, without importing it; at an office, a new sender key is registered as waiting for approval</source>
        <translation>核验数据包并显示其内容，不导入；在办公室，新的发送方密钥会登记为等待批准</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="322" />
        <source>Result: signature verified; the encrypted content can be checked only with the city office's passphrase.</source>
        <translation>结果：签名已验证；加密内容需要市办口令才能检查。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="330" />
        <source>Result: NOT verified. {message}</source>
        <translation>结果：未通过验证。{message}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="366" />
        <source>The header claims other counts ({counts}); the counts above were read from the content.</source>
        <translation>包头声明的数量与此不同（{counts}）；上面的数量是从已核验的内容中统计的。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="407" />
        <source>Wrote the distribution package for {unit} ({unit_id}).</source>
        <translation>已写入 {unit}（{unit_id}）的下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="413" />
        <source>City signing key fingerprint: {fingerprint}</source>
        <translation>市办签名密钥指纹：{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="440" />
        <source>Wrote the receipt for {unit}: {counts}. Send it back to the township.</source>
        <translation>已生成 {unit} 的回执：{counts}。请把它发回乡镇。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="466" />
        <source>Wrote {file} with {count} township packages. County key fingerprint: {fingerprint}. Send it to the city office.</source>
        <translation>已生成 {file}，包含 {count} 个乡镇上报包。区县密钥指纹：{fingerprint}。请交给市办。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="491" />
        <source>Receipt imported: {count} entries marked as received by the city office.</source>
        <translation>已导入回执：{count} 个条目已标记为市办已收到。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="506" />
        <source>Imported the distribution package for {unit} ({unit_id}): {targets} targets changed, {comments} new review comments.</source>
        <translation>已导入 {unit}（{unit_id}）的下发包：{targets} 个目标值有变化，{comments} 条新的审核意见。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="521" />
        <source>The city's signing key was recorded: {fingerprint}. Compare it with the fingerprint the city office gives you by phone.</source>
        <translation>已记录市办的签名密钥：{fingerprint}。请与市办电话告知的指纹核对。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="531" />
        <source>This laptop reported as the provisional market town {old}, which has no official code. The package is addressed to {new}, so this laptop now reports for {new}; the {count} entries filled in before were moved to it.</source>
        <translation>本机原先以临时集镇“{old}”填报，该集镇没有正式区划代码。这个下发包是发给 {new} 的，因此本机现已改为 {new} 填报；之前填写的 {count} 个条目已转到 {new} 名下。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="541" />
        <source>{count} entries filled in before were moved to this township.</source>
        <translation>之前填写的 {count} 个条目已转到本乡镇名下。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/packages.py" line="555" />
        <source>Task {task} ({period}): {comment}</source>
        <translation>任务 {task}（{period}）：{comment}</translation>
    </message>
</context>
<context>
    <name>PassphraseCli</name>
    <message>
        <location filename="../../meili_desktop/cli/passphrase.py" line="32" />
        <source>read the city office's passphrase from this file (first line); without it the passphrase is asked for in the terminal</source>
        <translation>从该文件读取市办口令（第一行）；不提供时在终端中询问口令</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/passphrase.py" line="56" />
        <source>Passphrase of the city office keys: </source>
        <translation>市办密钥口令：</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/cli/passphrase.py" line="59" />
        <source>Repeat the passphrase: </source>
        <translation>请再输入一次口令：</translation>
    </message>
</context>
</TS>