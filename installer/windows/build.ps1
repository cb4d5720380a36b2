# Build Beacon's Windows installer: dist\beacon-<version>-windows-x64-setup.exe
# Needs Python 3.11 (x64) and Inno Setup 6.3 or newer (iscc.exe on PATH or in its default folder).
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
$py = ".venv\Scripts\python.exe"
& $py -m pip install --quiet -e ".[dist]" Pillow
if ($LASTEXITCODE) { throw "pip install failed" }
$version = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
foreach ($ts in Get-ChildItem desktop\resources\translations\*.ts) {
    & .venv\Scripts\pyside6-lrelease.exe -silent $ts.FullName -qm ($ts.FullName -replace '\.ts$', '.qm')
}
& $py installer\render_icons.py build\icons
& $py -c "from PIL import Image; Image.open('build/icons/beacon-256.png').save('build/icons/beacon.ico', sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])"
& .venv\Scripts\pyinstaller.exe --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\beacon.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\beacon.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
Write-Host "built dist\beacon-$version-windows-x64-setup.exe"
