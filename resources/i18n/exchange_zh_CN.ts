<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="7" />
        <source>The package {file} could not be processed. Nothing was changed; ask the sender to export it again.</source>
        <translation>无法处理数据包 {file}。未做任何更改；请发送方重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="10" />
        <source>{file} is not a package of this program (it may be a document, an archive or an empty file). Nothing was changed; choose the .mlrp or .mldp file that the program exported.</source>
        <translation>{file} 不是本程序的数据包（可能是文档、压缩包或空文件）。未做任何更改；请选择本程序导出的 .mlrp（上报包）或 .mldp（下发包）文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="14" />
        <source>{file} is not a package of this program (it may be a document, an archive or an empty file). Nothing was changed; choose a report package (.mlrp) that a township exported or a county bundle (.mlcb) that a county office wrote.</source>
        <translation>{file} 不是本程序的数据包（可能是文档、压缩包或空文件）。未做任何更改；请选择乡镇导出的上报包（.mlrp）或县级办公室生成的县级汇总包（.mlcb）。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="18" />
        <source>The package {file} has format version {found}, but this program reads version {supported}. Nothing was changed; install the newest version of the program.</source>
        <translation>数据包 {file} 的格式版本为 {found}，本程序只能读取版本 {supported}。未做任何更改；请安装最新版本的程序。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="21" />
        <source>The package {file} is addressed to another office: none of its recipient keys ({recipients}) is one of this office's keys. Nothing was changed; check that the township used the distribution package from this office.</source>
        <translation>数据包 {file} 是发给其他办公室的：其接收方密钥（{recipients}）都不是本办公室的密钥。未做任何更改；请确认乡镇使用的是本办公室下发的数据包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="25" />
        <source>The package {file} is signed by a key of {unit} that this office has never seen (fingerprint {fingerprint}). Nothing was imported; confirm the fingerprint with the township by phone and approve the key, then import again.</source>
        <translation>数据包 {file} 由 {unit} 的一个本办公室从未见过的密钥签名（指纹 {fingerprint}）。未导入任何内容；请与乡镇电话核对指纹并批准该密钥，然后重新导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="29" />
        <source>The package {file} is signed by the key of {unit} with fingerprint {fingerprint}, which is waiting for approval. Nothing was imported; confirm the fingerprint with the township by phone, approve the key, then import again.</source>
        <translation>数据包 {file} 由 {unit} 指纹为 {fingerprint} 的密钥签名，该密钥正在等待批准。未导入任何内容；请与乡镇电话核对指纹，批准该密钥后重新导入。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="33" />
        <source>The package {file} names {unit} as its sender, but it is signed by the key with fingerprint {fingerprint}, which this office stores for {owner}. A key belongs to one unit only, so the package impersonates {unit} and is rejected. Nothing was imported; ask {owner} and {unit} by phone where the file came from.</source>
        <translation>数据包 {file} 自称由 {unit} 发送，但签名所用的密钥（指纹 {fingerprint}）在本办公室登记属于 {owner}。一个密钥只属于一个单位，因此该数据包冒用了 {unit} 的名义，已拒收。未导入任何内容；请电话向 {owner} 和 {unit} 核实该文件的来源。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="38" />
        <source>The package {file} is signed by the key of {unit} with fingerprint {fingerprint}, which this office rejected or retired. Nothing was imported; ask the township to export again with its current key.</source>
        <translation>数据包 {file} 由 {unit} 指纹为 {fingerprint} 的密钥签名，本办公室已拒绝或停用该密钥。未导入任何内容；请乡镇用当前密钥重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="42" />
        <source>The signature of the package {file} from {unit} is invalid: the file was changed after it was signed. Nothing was imported; ask the township to export again and send the whole file.</source>
        <translation>来自 {unit} 的数据包 {file} 签名无效：文件在签名后被改动过。未导入任何内容；请乡镇重新导出并发送完整文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="46" />
        <source>The package {file} is damaged: some bytes were changed on the way. Nothing was imported; ask the sender to export again and send the whole file, for example on another USB stick.</source>
        <translation>数据包 {file} 已损坏：传输途中有字节被改动。未导入任何内容；请发送方重新导出并发送完整文件，例如换一个U盘。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="50" />
        <source>The package {file} is malformed: its signatures are valid, so it arrived exactly as its sender wrote it, but part of its content is not valid data. It was made by a faulty or foreign program, so sending it again will not help. Nothing was imported; ask the sender to install the current version of this program and export again, and keep this file for the support contact.</source>
        <translation>数据包 {file} 格式错误：签名有效，说明收到的文件与发送方写出的完全一致，但其中有部分内容不是有效数据。它由有缺陷的程序或其他程序生成，重新发送同一文件无济于事。未导入任何内容；请发送方安装本程序的当前版本后重新导出，并保留此文件交技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="56" />
        <source>The package {file} claims to come from unit {sender}, but its content was made for another header: it was relabelled or altered after export. Nothing was imported; ask the township named in the package to export again.</source>
        <translation>数据包 {file} 声称来自单位 {sender}，但其内容是为另一个包头制作的：导出后被改换了标签或被篡改。未导入任何内容；请数据包中所列的乡镇重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="60" />
        <source>The package {file} is incomplete: the file ends too early, which happens when a copy or download is interrupted. Nothing was imported; ask the sender to send the whole file again.</source>
        <translation>数据包 {file} 不完整：文件提前结束，通常是复制或下载中断所致。未导入任何内容；请发送方重新发送完整文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="64" />
        <source>The package {file} has extra bytes after its end. Nothing was imported; ask the sender to send the original file again, not a renamed or joined copy.</source>
        <translation>数据包 {file} 的结尾之后还有多余的字节。未导入任何内容；请发送方重新发送原始文件，不要发送改名或拼接过的副本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="67" />
        <source>The package {file} declares {declared} bytes for a part that has {actual} bytes. Nothing was imported; ask the sender to export again.</source>
        <translation>数据包 {file} 中某一部分声明的大小为 {declared} 字节，实际为 {actual} 字节。未导入任何内容；请发送方重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="70" />
        <source>The package {file} contains an attachment named "{name}" (invisible characters are shown as \u codes), which tries to leave the data folder, uses a reserved device name or hides characters. This program never writes such names, so the file was not made by it or was altered. Nothing was imported; do not pass the file on, ask the sender by phone whether they sent it, and keep it for the support contact.</source>
        <translation>数据包 {file} 中有一个名为“{name}”的附件（不可见字符以 \u 代码显示），它试图写到数据文件夹之外、使用了系统保留的设备名或含有隐藏字符。本程序从不生成这样的名称，所以该文件不是本程序生成的，或已被改动。未导入任何内容；请不要转发该文件，打电话向发送方核实是否发过它，并保留文件交技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="77" />
        <source>The package {file} exceeds a size limit: {size} where at most {limit} is allowed. Nothing was changed; split the attachments over several exports or make large files smaller.</source>
        <translation>数据包 {file} 超出大小限制：{size}，最多允许 {limit}。未做任何更改；请将附件分多次导出，或缩小大文件。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="81" />
        <source>The package {file} is damaged: its header declares a length of {size} bytes, which no package of this program has. Nothing was changed; ask the sender to send the whole file again, for example on another USB stick.</source>
        <translation>数据包 {file} 已损坏：其文件头声明的长度为 {size} 字节，本程序生成的数据包不会有这样的长度。未做任何更改；请发送方重新发送完整文件，例如换一个U盘。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="85" />
        <source>The attachment "{name}" changed on disk while the package {file} was being written, so no package was written. Close any program that edits the file and export again.</source>
        <translation>写入数据包 {file} 时附件“{name}”在磁盘上被改动，因此没有生成数据包。请关闭正在编辑该文件的程序后重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="90" />
        <source>The package {file} was already imported. Nothing was changed.</source>
        <translation>数据包 {file} 已经导入过。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="92" />
        <source>The package {file} has sequence number {sequence}, but a newer package (number {latest}) from the same sender was already imported. Nothing was changed; ask the township for its newest export if something is missing.</source>
        <translation>数据包 {file} 的序号为 {sequence}，但同一发送方更新的数据包（序号 {latest}）已经导入。未做任何更改；如有缺漏，请向乡镇索取最新导出的数据包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="96" />
        <source>The package {file} contains entries of reporting unit {value}, which did not sign it. A package may carry only its sender's own entries, so it was rejected and nothing was imported. Ask the sender by phone whether they sent it, and keep the file for the support contact.</source>
        <translation>数据包 {file} 中含有填报单位 {value} 的填报，而该单位并未签名此数据包。一个数据包只能带有发送方自己的填报，因此已拒收，未导入任何内容。请打电话向发送方核实是否发过该文件，并保留文件交技术支持人员。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="101" />
        <source>The content of the package {file} does not fit this office's catalogue: {reason} Nothing was imported; send the township a current distribution package and ask it to export again.</source>
        <translation>数据包 {file} 的内容与本办公室的任务目录不符：{reason} 未导入任何内容；请向乡镇发送当前的下发包，并请其重新导出。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="106" />
        <source>The passphrase is wrong. Nothing was changed; enter it again, paying attention to upper and lower case and the input method.</source>
        <translation>口令错误。未做任何更改；请重新输入，注意大小写和输入法。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="109" />
        <source>The key file is not a key file or key backup of this program, or it is damaged. Nothing was changed; choose the right file or another copy of the backup.</source>
        <translation>该文件不是本程序的密钥文件或密钥备份，或已损坏。未做任何更改；请选择正确的文件或备份的另一份副本。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="112" />
        <source>The key change announcement is not signed by the city office's current key (fingerprint {fingerprint}). The new keys were not accepted; ask the city office for a distribution package made with its current key.</source>
        <translation>密钥更换公告不是由市办当前密钥（指纹 {fingerprint}）签名的。未接受新密钥；请向市办索取用其当前密钥制作的下发包。</translation>
    </message>
    <message>
        <location filename="../../meili_desktop/messages/exchange.py" line="116" />
        <source>The cipher suite {suite} is not available on this computer ({reason}). Nothing was changed; reinstall the program, and if this persists send the log file to the support contact.</source>
        <translation>本计算机上的密码套件 {suite} 不可用（{reason}）。未做任何更改；请重新安装程序，如问题仍然存在，请将日志文件发送给技术支持联系人。</translation>
    </message>
</context>
</TS>