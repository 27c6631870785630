/* jd-format.h: numbers as our users write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For people: counts with digit grouping, money in 万元 (or yuan where the
 * translation says so), percentages to one decimal. Never used for files,
 * which are written in the C locale.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *jd_format_count          (gint64    value);
/* Money in fen, shown in 万元 with two decimals ("1,234.57万元") when the
 * translation asks for wan, else in yuan ("¥12,345,679"). */
char   *jd_format_money          (gint64    fen);
/* One case's amount in fen, exact: "¥1,400.50", or "1,400.50元" when the
 * translation asks for wan (Chinese documents write a case's fine in 元). */
char   *jd_format_amount         (gint64    fen);
/* TRUE when the translation writes money in 万元 (and large numbers in 万 / 亿). */
gboolean jd_format_uses_chinese_units (void);
/* 0.4223 -> "42.2%" */
char   *jd_format_percent        (double    ratio);
/* "+1,234 (+4.2%)", "−56 (−3.0%)", "+12 (new)" when PREVIOUS is 0; MONEY formats
 * the delta as money. */
char   *jd_format_change         (gint64    current,
                                  gint64    previous,
                                  gboolean  money);

/* Checks an ISO date YYYY-MM-DD, returning its parts. */
gboolean jd_parse_iso_date       (const char *text,
                                  int        *year,
                                  int        *month,
                                  int        *day);

G_END_DECLS
