#!/usr/bin/env bash
# Build the installable plugin zip from git: top-level folder zutuan/, no test/, bench/ or dev files
# (.gitattributes export-ignore), with the compiled translations (.qm) added. Output: build/zutuan-<version>.zip
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^version=//p' metadata.txt)
out="build/zutuan-$version.zip"
mkdir -p build && rm -f "$out"
git archive --format=zip --prefix=zutuan/ -o "$out" HEAD
stage=$(mktemp -d)
mkdir -p "$stage/zutuan/plugin/i18n"
for ts in plugin/i18n/*.ts; do
  [ -e "$ts" ] || continue
  lrelease -silent "$ts" -qm "$stage/zutuan/plugin/i18n/$(basename "${ts%.ts}").qm"
done
if ls "$stage"/zutuan/plugin/i18n/*.qm >/dev/null 2>&1; then
  (cd "$stage" && zip -q -r "$OLDPWD/$out" zutuan/plugin/i18n)
fi
rm -rf "$stage"
echo "$out"
