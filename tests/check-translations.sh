#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks every translation against the strings in the code today:
#  1. extracts a fresh template with xgettext from po/POTFILES.in, with the
#     keywords of meson's 'glib' preset (the jiandu-pot target uses the same);
#     .ui, .gschema.xml, .metainfo.xml.in.in and .desktop.in.in are extracted
#     by xgettext's own ITS rules and desktop parser (gettext >= 0.20), and each
#     such listed file must yield strings;
#  2. msgfmt --check on each po/LL.po;
#  3. merges each po/LL.po with the template (no fuzzy matching) and fails
#     listing every untranslated or fuzzy msgid;
#  4. compiles zh_CN and proves that LANGUAGE=zh_CN yields Chinese: the
#     application name "Jiandu" must come out as "执法监督".
#
#   tests/check-translations.sh [SOURCE_ROOT]
set -euo pipefail

srcdir=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcdir"

domain=jiandu
app_name_msgid="Jiandu"
app_name_zh="执法监督"

for tool in xgettext msgmerge msgfmt msgattrib gettext; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found (install gettext)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# 1. A fresh template.
if ! xgettext --package-name="$domain" --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       -f po/POTFILES.in -o "$tmp/$domain.pot" 2> "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  echo "FAIL: xgettext could not extract the strings"
  exit 1
fi
if [ -s "$tmp/xgettext.log" ]; then
  cat "$tmp/xgettext.log"
  # A msgid cut short by a macro, as in _("id %" G_GINT64_FORMAT): xgettext
  # sees only "id %", so the string can never be translated.
  if grep -q 'not a valid C format string' "$tmp/xgettext.log"; then
    fail "xgettext extracted broken format strings (a macro such as G_GINT64_FORMAT inside _()?)"
  fi
fi
if [ ! -f "$tmp/$domain.pot" ]; then
  # xgettext writes nothing when there is nothing to translate.
  fail "no translatable strings at all in the files of po/POTFILES.in"
  exit 1
fi
echo "template: $(grep -c '^msgid ' "$tmp/$domain.pot") strings"

# Every data file (and every .ui) listed must yield strings: if one yields
# none, its extraction is broken.
listed=$(sed -e 's/#.*//' -e 's/^\[[^]]*\][[:space:]]*//' -e 's/[[:space:]]*$//' po/POTFILES.in | grep -v '^$' || true)
for f in $listed; do
  if ! grep -qE "^#:.*(^|[[:space:]])$f:[0-9]" "$tmp/$domain.pot"; then
    case "$f" in
      *.ui|*.desktop.in|*.desktop.in.in|*.metainfo.xml.in|*.metainfo.xml.in.in)
        fail "$f is in po/POTFILES.in but xgettext extracted no string from it";;
      *)
        echo "note: $f is in po/POTFILES.in but has no translatable string";;
    esac
  fi
done

languages=$(sed -e 's/#.*//' po/LINGUAS | tr -s ' \t' '\n' | grep -v '^$' || true)
if [ -z "$languages" ]; then
  fail "po/LINGUAS lists no language"
fi

for lang in $languages; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    fail "$po is listed in po/LINGUAS but does not exist"
    continue
  fi

  # 2. The file as it is must compile cleanly.
  if ! msgfmt --check -o /dev/null "$po" 2> "$tmp/msgfmt.log"; then
    cat "$tmp/msgfmt.log"
    fail "msgfmt --check reports errors in $po"
  fi

  # 3. Against today's strings.
  if ! msgmerge --quiet --no-fuzzy-matching --no-wrap "$po" "$tmp/$domain.pot" \
         -o "$tmp/$lang.po" 2> "$tmp/msgmerge.log"; then
    cat "$tmp/msgmerge.log"
    fail "msgmerge failed on $po"
    continue
  fi

  msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" -o "$tmp/untranslated.po"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" -o "$tmp/fuzzy.po"
  untranslated=$(grep -c '^msgid ' "$tmp/untranslated.po" 2>/dev/null || true)
  fuzzy=$(grep -c '^msgid ' "$tmp/fuzzy.po" 2>/dev/null || true)
  # Each non-empty file also carries the header entry (msgid "").
  [ "${untranslated:-0}" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "${fuzzy:-0}" -gt 0 ] && fuzzy=$((fuzzy - 1))

  if [ "${untranslated:-0}" -gt 0 ]; then
    fail "$po: $untranslated untranslated strings:"
    msgcat --no-wrap "$tmp/untranslated.po" | grep -E '^(msgctxt|msgid|msgid_plural) ' |
      grep -v '^msgid ""$' | sed 's/^/    /'
  fi
  if [ "${fuzzy:-0}" -gt 0 ]; then
    fail "$po: $fuzzy fuzzy strings:"
    msgcat --no-wrap "$tmp/fuzzy.po" | grep -E '^(msgctxt|msgid|msgid_plural) ' |
      grep -v '^msgid ""$' | sed 's/^/    /'
  fi
  if ! msgfmt --check -o "$tmp/$lang.mo" "$tmp/$lang.po" 2> "$tmp/msgfmt.log"; then
    cat "$tmp/msgfmt.log"
    fail "msgfmt --check fails on $po merged with the current strings"
  fi
  echo "$lang: $(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)"
done

# 4. The runtime lookup, as the app does it (C.UTF-8 plus LANGUAGE).
if [ -f po/zh_CN.po ]; then
  mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
  if msgfmt -o "$tmp/locale/zh_CN/LC_MESSAGES/$domain.mo" po/zh_CN.po 2>/dev/null; then
    got=$(env -u LC_MESSAGES LC_ALL=C.UTF-8 LANGUAGE=zh_CN TEXTDOMAINDIR="$tmp/locale" \
            gettext -d "$domain" "$app_name_msgid")
    if [ "$got" != "$app_name_zh" ]; then
      fail "LANGUAGE=zh_CN translates \"$app_name_msgid\" as \"$got\", expected \"$app_name_zh\""
    else
      echo "zh_CN: \"$app_name_msgid\" -> \"$got\""
    fi
  fi
fi

# 5. Chinese typography: punctuation inside Chinese text is full-width
#    (，：；（）), as in every Chinese document our users write. ASCII , : ;
#    ( ) touching a Chinese character is reported; mnemonics such as (_S) and
#    the desktop file's keyword list (ASCII semicolons by its format) are not.
if [ -f po/zh_CN.po ] && command -v python3 >/dev/null 2>&1; then
  if ! python3 - po/zh_CN.po > "$tmp/typography.log" <<'PY'
import re, sys
han = r'[\u4e00-\u9fff]'
bad = re.compile(han + r'[,:;()]|[,:;(]' + han + r'|\)' + han)
found = 0
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'^msgstr(?:\[\d\])? "(.*)"$', line.rstrip('\n'))
    # a keyword list ("a;b;c;") keeps its ASCII semicolons
    if m and not re.fullmatch(r'([^;\s]+;)+', m.group(1)):
        text = re.sub(r'\(_?[A-Za-z0-9]\)', '', m.group(1))
        if bad.search(text):
            print('    ' + m.group(1))
            found += 1
sys.exit(1 if found else 0)
PY
  then
    fail "po/zh_CN.po: ASCII punctuation inside Chinese text (use ，：；（）):"
    cat "$tmp/typography.log"
  fi
fi

exit $status
