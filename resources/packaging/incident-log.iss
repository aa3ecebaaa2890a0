; Incident Log: the Windows installer (Inno Setup 6.3 or newer), one per user, no administrator rights.
;
; It cannot be built on the project's Linux machines. On Windows, from the repository root:
;   .venv\Scripts\python -m PyInstaller --noconfirm --clean build.spec
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 resources\packaging\incident-log.iss
; with AppVersion equal to __version__ in desktop\__init__.py. The result is
; dist\incident-log-<version>-setup.exe.
;
; Kept in step with build.spec: it packs everything in dist\incident-log\ (the windowed
; incident-log.exe, its console twin incident-log-cli.exe for the command line and scheduled
; backups, and _internal\), and the names below must follow if build.spec's change.
;
; Data: the program goes to %LOCALAPPDATA%\Programs\Incident Log\; the clerk's data (database,
; backups, settings, log) lives apart from it in %LOCALAPPDATA%\incident-log\, which this
; installer never writes and the uninstaller never deletes: removing or reinstalling the program
; keeps the log. There is deliberately no [UninstallDelete] section.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z resources\packaging\incident-log.iss (see desktop\__init__.py)
#endif
#define AppExe "incident-log.exe"
; Paths are relative to this script's folder (Inno Setup's SourceDir).
#define Root "..\.."

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{72134913-8CD9-482C-B484-4BE98EF8930E}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=Incident Log
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Incident Log
; Per user: no UAC prompt; {autopf} means %LOCALAPPDATA%\Programs when not elevated.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Incident Log
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=incident-log-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\incident-log.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; An open window would hold its files: ask the clerk to close it, then restart it after setup.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
russian.AppName=Журнал происшествий
english.AppName=Incident Log
russian.AppComment=Происшествия, повреждённое имущество и заявления владельцев о помощи
english.AppComment=Incidents, damaged property and owners' assistance claims
russian.DataKept=Данные журнала (%LOCALAPPDATA%\incident-log) сохраняются и после удаления программы.
english.DataKept=The log's data (%LOCALAPPDATA%\incident-log) is kept when the program is removed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole frozen folder; ignoreversion because every file belongs to this one build.
Source: "{#Root}\dist\incident-log\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files a previous version had and this one may not: clear the bundle before copying it anew.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { Say that the data stays, so nobody deletes the folder by hand "to finish the job". }
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(ExpandConstant('{cm:DataKept}'), mbInformation, MB_OK);
end;
