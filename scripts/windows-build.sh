#!/usr/bin/env bash
# Builds plantrack.exe for 64-bit Windows on Debian/Ubuntu and checks it under Wine:
#   1. installs what it needs (mingw-w64, Wine, the Rust target) when missing;
#   2. cross-compiles the release .exe and strips it to target/windows/plantrack.exe (< 15 MB);
#   3. under Wine, on sample-workbooks/: `report` writes a summary whose every part (each
#      sheet's XML, shared strings, styles, charts, properties) equals the Linux build's;
#      a drop of a folder with a Chinese name and spaces writes the summary beside it and
#      says so in Chinese; the no-argument start explains itself in Chinese
#      (LANG=zh_CN.UTF-8); an output held open the way Excel holds it is refused with
#      "close ... in Excel" and leaves no temporary file.
# Prints what it checked and how long it took; exits non-zero on the first failure.
#
# Debian's Wine 8 lacks bcryptprimitives.dll (ProcessPrng, which Rust's std calls), so a
# stand-in built here from scripts/windows/bcryptprimitives.c sits beside the .exe under
# test only; Windows 10 and later have the real one, and it is never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS
target=x86_64-pc-windows-gnu
cargo_target=${CARGO_TARGET_DIR:-$root/target}
out=$root/target/windows
step() { echo "== $* ($((SECONDS - started)) s)"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

step "tools"
missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null || missing+=(wine wine64)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
rustup target list --installed | grep -qx "$target" || rustup target add "$target"
# Wine reads the arguments in the locale's character set: a Chinese system's locale must exist.
if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
  localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 2>/dev/null || echo "no zh_CN.UTF-8 locale: Chinese names may not pass" >&2
fi

step "cross-compiling plantrack.exe"
cargo build --release --target "$target"
cargo build --release
mkdir -p "$out"
x86_64-w64-mingw32-strip -o "$out/plantrack.exe" "$cargo_target/$target/release/plantrack.exe"
size=$(stat -c %s "$out/plantrack.exe")
echo "plantrack.exe: $((size / 1024)) KiB"
[ "$size" -lt $((15 * 1024 * 1024)) ] || fail "plantrack.exe is $size bytes, over 15 MB"

step "Wine stand-ins"
run=$out/run
rm -rf "$run" && mkdir -p "$run"
cp "$out/plantrack.exe" "$run/"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$run/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$run/hold-open.exe" scripts/windows/hold-open.c

export WINEPREFIX=$out/wineprefix WINEDEBUG=-all WINEDLLOVERRIDES="bcryptprimitives=n,b;mscoree,mshtml="
unset DISPLAY
exe=$run/plantrack.exe
[ -d "$WINEPREFIX" ] || wineboot --init >/dev/null 2>&1 || true
wineserver -w || true

step "report under Wine and on Linux: same parts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sample-workbooks "$work/samples"
(cd "$work" && PLANTRACK_PAUSE=0 LANG=C.UTF-8 wine "$exe" report samples --as-of 2026-11-26 \
  --no-previous -o windows.xlsx </dev/null) || fail "plantrack.exe report"
(cd "$work" && "$cargo_target/release/plantrack" report samples --as-of 2026-11-26 \
  --no-previous -o linux.xlsx 2>/dev/null) || fail "plantrack report"
python3 scripts/windows/same-parts.py "$work/linux.xlsx" "$work/windows.xlsx" \
  || fail "the Windows summary differs from the Linux one"

step "a folder dropped onto plantrack.exe (Chinese name with spaces, LANG=zh_CN.UTF-8)"
mkdir -p "$work/活动 资料/618 大促"
cp sample-workbooks/*.xlsx "$work/活动 资料/618 大促/"
today=$(date +%F)
(cd "$work" && echo | PLANTRACK_PAUSE=1 LANG=zh_CN.UTF-8 wine "$exe" "活动 资料/618 大促" \
  2>"$work/drop.txt") || fail "the drop run: $(cat "$work/drop.txt")"
sed 's/^/    /' "$work/drop.txt"
[ -f "$work/活动 资料/618 大促-summary-$today.xlsx" ] || fail "no summary beside the folder"
grep -q "已写入" "$work/drop.txt" && grep -q "按任意键关闭窗口" "$work/drop.txt" \
  || fail "the drop run did not say what it wrote"

step "the same drop on an English system (LANG=en_US.UTF-8)"
rm "$work/活动 资料/618 大促-summary-$today.xlsx"
(cd "$work" && echo | PLANTRACK_PAUSE=1 LANG=en_US.UTF-8 LC_CTYPE=C.UTF-8 wine "$exe" \
  "活动 资料/618 大促" 2>"$work/drop-en.txt") || fail "the drop run: $(cat "$work/drop-en.txt")"
sed 's/^/    /' "$work/drop-en.txt"
grep -q "Press any key" "$work/drop-en.txt" || fail "the English drop run"

step "no arguments (LANG=zh_CN.UTF-8)"
(cd "$work" && echo | PLANTRACK_PAUSE=1 LANG=zh_CN.UTF-8 wine "$exe" 2>"$work/welcome.txt") \
  || fail "the no-argument start"
sed 's/^/    /' "$work/welcome.txt"
grep -q "拖到 plantrack.exe" "$work/welcome.txt" || fail "the no-argument start is not in Chinese"

step "an output open in Excel"
held="$work/周报汇总.xlsx"
cp "$work/linux.xlsx" "$held"
mkfifo "$work/hold"
(cd "$work" && wine "$run/hold-open.exe" "周报汇总.xlsx" <"$work/hold" >"$work/held.txt" 2>/dev/null) &
holder=$!
exec 4>"$work/hold"
for _ in $(seq 100); do grep -q open "$work/held.txt" 2>/dev/null && break; sleep 0.1; done
grep -q open "$work/held.txt" || fail "could not hold the file open"
set +e
(cd "$work" && PLANTRACK_PAUSE=0 LANG=zh_CN.UTF-8 wine "$exe" report samples --as-of 2026-11-26 \
  --no-previous -o "周报汇总.xlsx" </dev/null 2>"$work/held-err.txt")
code=$?
set -e
exec 4>&-
wait "$holder" || true
sed 's/^/    /' "$work/held-err.txt"
[ "$code" = 2 ] || fail "exit $code with the output held open"
grep -q "请在 Excel 或 WPS 中关闭 周报汇总.xlsx 后重试" "$work/held-err.txt" \
  || fail "the message does not say to close the file"
if ls -A "$work" | grep -q '\.tmp$'; then fail "a temporary file was left behind"; fi

step "all checks passed"
echo "plantrack.exe: $out/plantrack.exe ($((size / 1024)) KiB); total $((SECONDS - started)) s"
