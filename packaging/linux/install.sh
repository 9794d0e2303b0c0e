#!/bin/sh
# Install Kopsavilkums from the Linux release tarball for the current user (no root needed):
#   ./install.sh               program in ~/.local/lib/kopsavilkums, command ~/.local/bin/kopsavilkums,
#                              menu entry, icons, AppStream data and the draft file type in ~/.local/share
#   ./install.sh --uninstall   removes all of that again (drafts and settings stay)
# PREFIX=/opt/kopsavilkums ./install.sh installs elsewhere (run as root for a system-wide prefix).
set -eu

APP_ID=lv.kopsavilkums.Kopsavilkums
PREFIX=${PREFIX:-"$HOME/.local"}
HERE=$(cd "$(dirname "$0")" && pwd)
LIB="$PREFIX/lib/kopsavilkums"
SHARE="$PREFIX/share"
SIZES="16 24 32 48 64 128 256 512"

refresh() {
    # Desktops read these caches; each tool is optional and a missing one only delays the change.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$SHARE/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$SHARE/applications" >/dev/null 2>&1 || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" >/dev/null 2>&1 || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$LIB"
    rm -f "$PREFIX/bin/kopsavilkums" "$SHARE/applications/$APP_ID.desktop" \
          "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/mime/packages/$APP_ID.xml" \
          "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
    refresh
    echo "Kopsavilkums removed from $PREFIX"
    exit 0
fi

# Replace, never merge: an upgrade must not keep libraries the new version no longer ships.
rm -rf "$LIB"
mkdir -p "$LIB" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages" \
         "$SHARE/icons/hicolor/scalable/apps"
cp -R "$HERE/kopsavilkums/." "$LIB/"
ln -sf "$LIB/kopsavilkums" "$PREFIX/bin/kopsavilkums"

# The menu entry names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed "s|^Exec=kopsavilkums |Exec=\"$LIB/kopsavilkums\" |" "$HERE/share/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/share/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
cp "$HERE/share/$APP_ID.mime.xml" "$SHARE/mime/packages/$APP_ID.xml"
cp "$HERE/share/kopsavilkums.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$HERE/share/kopsavilkums-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
refresh
echo "Kopsavilkums installed in $LIB; start it from the applications menu or run $PREFIX/bin/kopsavilkums"
