#!/bin/sh
# Install the Beacon bundle this script sits in (the unpacked dist/beacon/ folder).
#
#   ./install.sh [--user | --system] [--prefix DIR]
#
# --user (default)  ~/.local/opt/beacon, ~/.local/bin/beacon, ~/.local/share/applications/beacon.desktop,
#                   ~/.local/share/icons/hicolor/*/apps/beacon.{png,svg}
# --system          /opt/beacon, /usr/local/bin/beacon, /usr/share/applications/beacon.desktop,
#                   /usr/share/icons/hicolor/... (run as root)
# --prefix DIR      DIR/opt/beacon, DIR/bin/beacon, DIR/share/... instead (either mode)
#
# Every path it creates outside the program folder is listed in <program folder>/install-manifest.txt;
# <program folder>/uninstall.sh removes exactly those and the program folder. Installing again over an
# earlier install replaces it.
set -eu

usage() {
    echo "usage: $0 [--user | --system] [--prefix DIR]" >&2
    exit 2
}

mode=user
prefix=""
while [ $# -gt 0 ]; do
    case "$1" in
        --user) mode=user ;;
        --system) mode=system ;;
        --prefix) [ $# -ge 2 ] || usage; prefix=$2; shift ;;
        --prefix=*) prefix=${1#--prefix=} ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) usage ;;
    esac
    shift
done

SOURCE=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$SOURCE/beacon" ] || [ ! -d "$SOURCE/share/icons/hicolor" ]; then
    echo "install.sh: $SOURCE is not a Beacon bundle (run 'make dist', or unpack the .tar.gz, first)" >&2
    exit 1
fi

if [ -n "$prefix" ]; then
    case "$prefix" in /*) ;; *) prefix="$(pwd)/$prefix" ;; esac
    APPDIR="$prefix/opt/beacon"; BINDIR="$prefix/bin"; SHAREDIR="$prefix/share"
elif [ "$mode" = system ]; then
    APPDIR=/opt/beacon; BINDIR=/usr/local/bin; SHAREDIR=/usr/share
else
    : "${HOME:?HOME is not set}"
    APPDIR="$HOME/.local/opt/beacon"; BINDIR="$HOME/.local/bin"; SHAREDIR="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
if [ "$SOURCE" = "$APPDIR" ]; then
    echo "install.sh: already installed in $APPDIR" >&2
    exit 1
fi

# An earlier install goes first, so no stale file of an older version stays behind.
if [ -x "$APPDIR/uninstall.sh" ]; then
    "$APPDIR/uninstall.sh" --quiet
fi

# Folders this install creates are remembered, so uninstall removes them again (when empty) and no others.
created_dirs=""
make_dir() {
    missing=""
    dir=$1
    while [ ! -d "$dir" ]; do
        missing="$dir
$missing"
        dir=$(dirname "$dir")
    done
    mkdir -p "$1"
    created_dirs="$created_dirs$missing"
}

make_dir "$(dirname "$APPDIR")"
make_dir "$BINDIR"
make_dir "$SHAREDIR/applications"
staging="$APPDIR.installing.$$"
rm -rf "$staging"
cp -R "$SOURCE" "$staging"
mv "$staging" "$APPDIR"
files=""

ln -sf "$APPDIR/beacon" "$BINDIR/beacon"
files="$files
$BINDIR/beacon"

sed "s|@APPDIR@|$APPDIR|g" "$SOURCE/share/applications/beacon.desktop" > "$SHAREDIR/applications/beacon.desktop"
chmod 644 "$SHAREDIR/applications/beacon.desktop"
files="$files
$SHAREDIR/applications/beacon.desktop"

for icon in "$SOURCE"/share/icons/hicolor/*/apps/beacon.*; do
    relative=${icon#"$SOURCE/share/icons/"}
    make_dir "$(dirname "$SHAREDIR/icons/$relative")"
    cp "$icon" "$SHAREDIR/icons/$relative"
    files="$files
$SHAREDIR/icons/$relative"
done

# The manifest: "file <path>" for each file or link, "dir <path>" for each folder made (parents first).
{
    printf '%s\n' "$files" | sed '/^$/d; s/^/file /'
    printf '%s' "$created_dirs" | sed '/^$/d; s/^/dir /'
    echo "sharedir $SHAREDIR"
} > "$APPDIR/install-manifest.txt"

# Menus see the new entry on their own (it has no MIME types to register); an icon cache the system keeps
# is refreshed, none is created where there was none.
if [ -f "$SHAREDIR/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q "$SHAREDIR/icons/hicolor" || true
fi

echo "Beacon installed in $APPDIR"
echo "  command:      $BINDIR/beacon"
echo "  menu entry:   $SHAREDIR/applications/beacon.desktop"
echo "  uninstall:    $APPDIR/uninstall.sh"
case ":${PATH:-}:" in
    *":$BINDIR:"*) ;;
    *) echo "  note: $BINDIR is not on your PATH; start Beacon from the menu or add it." ;;
esac
