; Inno Setup 6 script: installs the PyInstaller folder for the current user (no administrator),
; with a Start-menu entry, an uninstaller and the draft file type.
;
; Built by `python packaging/build.py --package`, which passes the one version from pyproject.toml:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DDistDir=<dist>\kopsavilkums /O<dist> kopsavilkums.iss
; DistDir is the spec's COLLECT folder (NAME = "kopsavilkums" in packaging/kopsavilkums.spec);
; the program in it is kopsavilkums.exe.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (packaging/build.py does this)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef DistDir
  #define DistDir "..\..\dist\kopsavilkums"
#endif
#define AppExe "kopsavilkums.exe"
#define ProgId "Kopsavilkums.Draft"

[Setup]
; A fixed AppId lets a new version install over the old one and keeps one uninstaller entry.
AppId={{6E0B1D2A-4C47-4F6B-9A53-2B7C8E1F0D39}
AppName=Kopsavilkums
AppVersion={#AppVersion}
AppVerName=Kopsavilkums {#AppVersion}
AppPublisher=Kopsavilkums maintainers
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductVersion={#AppVersionNumeric}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription=Kopsavilkums {#AppVersion} setup
; Per user: %LOCALAPPDATA%\Programs\Kopsavilkums, registry under HKCU, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\Kopsavilkums
DefaultGroupName=Kopsavilkums
DisableProgramGroupPage=yes
ChangesAssociations=yes
SetupIconFile=..\..\resources\icons\kopsavilkums.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Kopsavilkums {#AppVersion}
OutputBaseFilename=Kopsavilkums-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; x64compatible needs Inno Setup 6.3 or newer.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0

[Languages]
; Inno Setup ships no Latvian messages file; the wizard speaks English.
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build; replaced wholesale on upgrade.
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not keep libraries the new version no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Kopsavilkums"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,Kopsavilkums}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Kopsavilkums"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; The draft file type. Windows decides by the last extension only, so a draft
; (name.kopsavilkums.json) is a .json file to Windows: Kopsavilkums is offered in its
; "Open with" list rather than taking every JSON file over; "Always use this app" makes it the default.
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Kopsavilkums draft"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; The program itself, so "Open with" finds it by name.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Kopsavilkums"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Kopsavilkums}"; Flags: nowait postinstall skipifsilent
