; Inno Setup 6 script for the Windows installer of MeiliDesktop (美丽城镇填报).
;
; Build the bundle first (pyinstaller build_exe.spec, giving dist\MeiliDesktop\), then run
;     "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\meili_desktop.iss
; from the repository root. The result is installer\Output\MeiliDesktop-Setup-<version>.exe.
; docs\windows-build.md describes the whole build, signing included.
;
; The installer is per user and needs no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\MeiliDesktop and file associations to HKEY_CURRENT_USER.
; The data folder (%APPDATA%\Hangzhou Meili\MeiliDesktop) is created by the program, not by
; the installer, so the uninstaller leaves it and the clerk's entries in place.
;
; This file is UTF-8 with a byte order mark, which Inno Setup 6 needs to read Chinese text.

#define BundleDir "..\dist\MeiliDesktop"
#define ExeName "MeiliDesktop.exe"
; The version comes from the executable's version resource, which build_exe.spec writes
; from meili_desktop.__version__.
#define AppVersion GetStringFileInfo(BundleDir + "\" + ExeName, "ProductVersion")
#define DisplayName "美丽城镇填报"

[Setup]
; The AppId identifies the product to Windows for upgrades and uninstalling.
; Never change it, or a new version installs beside the old one.
AppId={{EAD9A017-CFBB-4796-9892-820A2F1D8A2C}
AppName={#DisplayName}
AppVersion={#AppVersion}
AppVerName={#DisplayName} {#AppVersion}
AppPublisher=Hangzhou Meili
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#DisplayName}
DefaultDirName={autopf}\MeiliDesktop
DefaultGroupName={#DisplayName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=Output
OutputBaseFilename=MeiliDesktop-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#DisplayName}
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
; Tell Explorer to refresh file icons after the associations change.
ChangesAssociations=yes
; Close a running MeiliDesktop (through the Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
; Uncomment to sign the installer and uninstaller with a tool named "signtool" that is set up
; in the Inno Setup IDE (Tools > Configure Sign Tools); see docs\windows-build.md.
; SignTool=signtool

[Languages]
; ChineseSimplified.isl ships with newer Inno Setup releases; for older ones copy it from the
; Inno Setup translations page into the compiler's Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
AssociateFiles=将上报包、下发包、回执和县级汇总包文件（.mlrp、.mldp、.mlrc、.mlcb）关联到本程序
FileGroup=文件关联：
ReportPackage=美丽城镇上报包
DistributionPackage=美丽城镇下发包
Receipt=美丽城镇上报回执
CountyBundle=美丽城镇县级汇总包

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "{cm:AssociateFiles}"; GroupDescription: "{cm:FileGroup}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version may drop files that an older one shipped; stale Python modules or Qt plugins
; in _internal could then be loaded. The data folder is elsewhere and is not touched.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#DisplayName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#DisplayName}"; Filename: "{app}\{#ExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Registry]
; One ProgID per package kind, each opening the file with the program ("%1" is the file path).
; A second launch hands the file to the window that is already open.
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.ReportPackage"; ValueType: string; ValueName: ""; ValueData: "{cm:ReportPackage}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.ReportPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.ReportPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlrp"; ValueType: string; ValueName: ""; ValueData: "MeiliDesktop.ReportPackage"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlrp\OpenWithProgids"; ValueType: string; ValueName: "MeiliDesktop.ReportPackage"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate

Root: HKA; Subkey: "Software\Classes\MeiliDesktop.DistributionPackage"; ValueType: string; ValueName: ""; ValueData: "{cm:DistributionPackage}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.DistributionPackage\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.DistributionPackage\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mldp"; ValueType: string; ValueName: ""; ValueData: "MeiliDesktop.DistributionPackage"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mldp\OpenWithProgids"; ValueType: string; ValueName: "MeiliDesktop.DistributionPackage"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate

Root: HKA; Subkey: "Software\Classes\MeiliDesktop.Receipt"; ValueType: string; ValueName: ""; ValueData: "{cm:Receipt}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.Receipt\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.Receipt\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlrc"; ValueType: string; ValueName: ""; ValueData: "MeiliDesktop.Receipt"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlrc\OpenWithProgids"; ValueType: string; ValueName: "MeiliDesktop.Receipt"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate

Root: HKA; Subkey: "Software\Classes\MeiliDesktop.CountyBundle"; ValueType: string; ValueName: ""; ValueData: "{cm:CountyBundle}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.CountyBundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#ExeName},0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\MeiliDesktop.CountyBundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#ExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlcb"; ValueType: string; ValueName: ""; ValueData: "MeiliDesktop.CountyBundle"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.mlcb\OpenWithProgids"; ValueType: string; ValueName: "MeiliDesktop.CountyBundle"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate

; Lets "Open with" list the program for these extensions even when another program owns them.
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#DisplayName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".mlrp"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".mldp"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".mlrc"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#ExeName}\SupportedTypes"; ValueType: string; ValueName: ".mlcb"; ValueData: ""

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:LaunchProgram,{#DisplayName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section: the uninstaller removes only what the installer copied, so
; the data folder, its backups and logs, and the settings under
; HKEY_CURRENT_USER\Software\Hangzhou Meili stay for a reinstall or an upgrade.
