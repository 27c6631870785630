#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a file with translatable strings is missing from po/POTFILES.in
# (unless po/POTFILES.skip lists it), when POTFILES.in lists a file that does
# not exist, or when POTFILES.in is not sorted.
#
#   tests/check-potfiles.sh [SOURCE_ROOT]
#
# Files with translatable strings:
#   src/**/*.c, *.h   _("…"), N_("…"), C_("…", …), NC_("…", …), ngettext ("…"
#   data/**/*.ui      translatable="yes"
#   data/*.desktop.in(.in), data/*.metainfo.xml.in(.in), data/*.gschema.xml
set -euo pipefail
export LC_ALL=C

srcdir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcdir"

potfiles=po/POTFILES.in
skipfile=po/POTFILES.skip

if [ ! -f "$potfiles" ]; then
  echo "FAIL: $potfiles does not exist"
  exit 1
fi

# Entries of a POTFILES-style file: no comments, no blank lines, no [type: …].
entries() {
  [ -f "$1" ] || return 0
  sed -e 's/#.*//' -e 's/^\[[^]]*\][[:space:]]*//' -e 's/[[:space:]]*$//' "$1" | grep -v '^$' || true
}

listed=$(entries "$potfiles")
skipped=$(entries "$skipfile")

mark_re='(^|[^A-Za-z0-9_])((N|C|NC)?_|g_d?ngettext|ngettext|g_dpgettext2?)[[:space:]]*\([^")]*"'

candidates() {
  if [ -d src ]; then
    grep -rlE --include='*.c' --include='*.h' "$mark_re" src || true
  fi
  if [ -d data ]; then
    grep -rl --include='*.ui' 'translatable="yes"' data || true
    find data -maxdepth 1 -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
      -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \
      -o -name '*.appdata.xml.in' -o -name '*.appdata.xml.in.in' \
      -o -name '*.gschema.xml' \)
  fi
}

status=0

missing=$(comm -23 <(candidates | sort -u) <(printf '%s\n%s\n' "$listed" "$skipped" | sort -u))
if [ -n "$missing" ]; then
  echo "FAIL: files with translatable strings missing from $potfiles:"
  printf '  %s\n' $missing
  status=1
fi

gone=""
for f in $listed; do
  [ -f "$f" ] || gone="$gone $f"
done
if [ -n "$gone" ]; then
  echo "FAIL: $potfiles lists files that do not exist:"
  printf '  %s\n' $gone
  status=1
fi

if [ "$listed" != "$(printf '%s\n' "$listed" | sort)" ]; then
  echo "FAIL: $potfiles is not sorted (LC_ALL=C sort); expected:"
  printf '%s\n' "$listed" | sort | sed 's/^/  /'
  status=1
fi

dups=$(printf '%s\n' "$listed" | sort | uniq -d)
if [ -n "$dups" ]; then
  echo "FAIL: $potfiles lists files twice:"
  printf '  %s\n' $dups
  status=1
fi

if [ $status -eq 0 ]; then
  echo "ok: $(printf '%s\n' "$listed" | grep -c .) files in $potfiles, none missing"
fi
exit $status
