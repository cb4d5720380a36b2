#!/bin/sh
# Remove the Beacon install this script belongs to: what install.sh listed in install-manifest.txt
# (command link, menu entry, icons, the folders it had to create) and the program folder itself.
# Your settings (~/.config/beacon) and data (~/.local/share/beacon) stay; delete them yourself if wanted.
#
#   <program folder>/uninstall.sh [--quiet]
set -eu

quiet=""
[ "${1:-}" = "--quiet" ] && quiet=1
APPDIR=$(cd "$(dirname "$0")" && pwd)
manifest="$APPDIR/install-manifest.txt"
if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: $APPDIR was not installed by install.sh (no install-manifest.txt); nothing removed" >&2
    exit 1
fi
case "$APPDIR" in
    */beacon) ;;
    *) echo "uninstall.sh: refusing to delete $APPDIR (not a folder named beacon)" >&2; exit 1 ;;
esac

sharedir=$(sed -n 's/^sharedir //p' "$manifest")
sed -n 's/^file //p' "$manifest" | while IFS= read -r path; do
    if [ -L "$path" ]; then  # a link now pointing elsewhere belongs to someone else
        [ "$(readlink "$path")" = "$APPDIR/beacon" ] && rm -f "$path"
    elif [ -f "$path" ]; then
        rm -f "$path"
    fi
done
# the folders install.sh created, deepest first, and only if nothing else has been put in them
dirs=$(sed -n 's/^dir //p' "$manifest" | sort -r)
rm -rf "$APPDIR"
printf '%s\n' "$dirs" | while IFS= read -r dir; do
    [ -n "$dir" ] && rmdir "$dir" 2>/dev/null || true
done

if [ -n "$sharedir" ] && [ -f "$sharedir/icons/hicolor/icon-theme.cache" ] && \
        command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q "$sharedir/icons/hicolor" || true
fi
[ -n "$quiet" ] || echo "Beacon removed from $APPDIR (your settings and data were kept)"
