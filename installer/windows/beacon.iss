; Inno Setup 6 script for Beacon ITSM on Windows (x64).
;
; Build (installer\windows\build.ps1 does all of it): the PyInstaller bundle dist\beacon\ first, then
;   iscc /DAppVersion=0.1.0 installer\windows\beacon.iss
; AppVersion is required (build.ps1 reads it from pyproject.toml); SourceDir and IconFile may be given too.
;
; Per-user install by default (PrivilegesRequired=lowest: %LOCALAPPDATA%\Programs\Beacon, no UAC prompt);
; the first page lets a user with administrator rights install for all users instead (Program Files).
; A custom page asks for an optional shared-database URL:
;   - per-user install: written into the user's own settings (beacon.exe config set database_url URL);
;   - all-users install: written into the site file %PROGRAMDATA%\Beacon\site.toml (never over an
;     existing one: an organisation's own site file is left as it is).
; Empty means "ask on first start" (a local file or the team's PostgreSQL server).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\windows\beacon.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\beacon"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\beacon.ico"
#endif

[Setup]
; AppId identifies Beacon across versions (upgrades and the uninstaller): never change it.
AppId={{6B0F4C1E-3B7D-4E0A-9C55-2F1D8E7A4B63}
AppName=Beacon ITSM
AppVersion={#AppVersion}
AppVerName=Beacon ITSM {#AppVersion}
AppPublisher=Beacon ITSM
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Beacon
DefaultGroupName=Beacon ITSM
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
UsePreviousPrivileges=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\beaconw.exe
UninstallDisplayName=Beacon ITSM {#AppVersion}
CloseApplications=yes
OutputDir=..\..\dist
OutputBaseFilename=beacon-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto

[Languages]
Name: "ko"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ko.DbPageCaption=공유 데이터베이스
en.DbPageCaption=Shared database
ko.DbPageDescription=팀이 함께 쓰는 PostgreSQL 데이터베이스가 있으면 주소를 입력하세요.
en.DbPageDescription=If your team shares a PostgreSQL database, enter its address.
ko.DbPageSubCaption=예: postgresql://사용자:암호@dbhost:5432/beacon%n비워 두면 처음 실행할 때 이 컴퓨터의 파일을 쓸지 서버를 쓸지 묻습니다.
en.DbPageSubCaption=For example postgresql://user:password@dbhost:5432/beacon%nLeave it empty to choose on first start between a file on this computer and a server.
ko.DbUrlLabel=데이터베이스 주소(&D):
en.DbUrlLabel=&Database URL:
ko.DbUrlInvalid=데이터베이스 주소는 postgresql:// 또는 sqlite:/// 로 시작해야 합니다.
en.DbUrlInvalid=A database URL starts with postgresql:// or sqlite:///.
ko.SaveUserSettings=데이터베이스 주소를 사용자 설정에 저장하는 중...
en.SaveUserSettings=Saving the database URL in your settings...

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; a new version replaces the old program folder's contents entirely (no stale modules from an older bundle)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Beacon ITSM"; Filename: "{app}\beaconw.exe"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:UninstallProgram,Beacon ITSM}"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\beacon.exe"; Parameters: "config set database_url ""{code:DatabaseUrl}"""; \
    StatusMsg: "{cm:SaveUserSettings}"; Flags: runhidden waituntilterminated; \
    Check: ShouldSaveUserUrl
Filename: "{app}\beaconw.exe"; Description: "{cm:LaunchProgram,Beacon ITSM}"; \
    Flags: nowait postinstall skipifsilent

[UninstallDelete]
; settings and data (%LOCALAPPDATA%\Beacon) stay: they belong to the user, not to this program version
Type: dirifempty; Name: "{app}"

[Code]
var
  DbPage: TInputQueryWizardPage;

procedure InitializeWizard;
begin
  DbPage := CreateInputQueryPage(wpSelectDir, CustomMessage('DbPageCaption'),
    CustomMessage('DbPageDescription'), CustomMessage('DbPageSubCaption'));
  DbPage.Add(CustomMessage('DbUrlLabel'), False);
  DbPage.Values[0] := GetPreviousData('DatabaseUrl', '');
end;

procedure RegisterPreviousData(PreviousDataKey: Integer);
begin
  SetPreviousData(PreviousDataKey, 'DatabaseUrl', DbPage.Values[0]);
end;

function DatabaseUrl(Param: String): String;
begin
  Result := Trim(DbPage.Values[0]);
end;

function NextButtonClick(CurPageID: Integer): Boolean;
var
  Url: String;
begin
  Result := True;
  if CurPageID = DbPage.ID then
  begin
    Url := DatabaseUrl('');
    if (Url <> '') and (Pos('postgresql://', Url) <> 1) and (Pos('sqlite:///', Url) <> 1) then
    begin
      MsgBox(CustomMessage('DbUrlInvalid'), mbError, MB_OK);
      Result := False;
    end;
  end;
end;

function ShouldSaveUserUrl: Boolean;
begin
  Result := (not IsAdminInstallMode) and (DatabaseUrl('') <> '');
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  SiteFile: String;
  Lines: TArrayOfString;
begin
  if (CurStep = ssPostInstall) and IsAdminInstallMode and (DatabaseUrl('') <> '') then
  begin
    SiteFile := ExpandConstant('{commonappdata}\Beacon\site.toml');
    if not FileExists(SiteFile) then
    begin
      ForceDirectories(ExtractFileDir(SiteFile));
      SetArrayLength(Lines, 3);
      Lines[0] := '# Beacon site configuration, written by the installer. See README: Installing.';
      Lines[1] := '# Add  locked = ["database_url"]  to keep users from changing it.';
      { a TOML literal string: no escapes, so a password with backslashes stays as typed }
      Lines[2] := 'database_url = ''' + DatabaseUrl('') + '''';
      SaveStringsToUTF8File(SiteFile, Lines, False);
    end;
  end;
end;
