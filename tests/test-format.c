/* test-format.c: numbers as users read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "jd-format.h"

#define MINUS "\xe2\x88\x92"

static void
assert_owned_str (char       *value,
                  const char *expected)
{
  g_assert_cmpstr (value, ==, expected);
  g_free (value);
}

static void
test_count (void)
{
  assert_owned_str (jd_format_count (0), "0");
  assert_owned_str (jd_format_count (999), "999");
  assert_owned_str (jd_format_count (1000), "1,000");
  assert_owned_str (jd_format_count (59535), "59,535");
  assert_owned_str (jd_format_count (1234567), "1,234,567");
  assert_owned_str (jd_format_count (-1397), MINUS "1,397");
}

static void
test_money_yuan (void)
{
  /* The untranslated build shows whole yuan, rounded half up. */
  assert_owned_str (jd_format_money (0), "¥0");
  assert_owned_str (jd_format_money (149), "¥1");
  assert_owned_str (jd_format_money (150), "¥2");
  assert_owned_str (jd_format_money (1234567890), "¥12,345,679");
  assert_owned_str (jd_format_money (-50000), MINUS "¥500");

  /* One case's amount is exact, to the fen */
  assert_owned_str (jd_format_amount (140000), "¥1,400.00");
  assert_owned_str (jd_format_amount (123456789), "¥1,234,567.89");
  assert_owned_str (jd_format_amount (5), "¥0.05");
  assert_owned_str (jd_format_amount (-150), MINUS "¥1.50");
}

/* With the zh_CN catalogue, money reads in 万元 as the yearly reports write it */
static void
test_money_wan (void)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autofree char *mo = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("JIANDU_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  assert_owned_str (jd_format_money (1234567890), "1,234.57万元");   /* ¥12,345,678.90 */
  assert_owned_str (jd_format_money (520000), "0.52万元");
  assert_owned_str (jd_format_money (4999), "0.00万元");
  assert_owned_str (jd_format_change (1210050, 520000, TRUE), "+0.69万元 (+132.7%)");
  assert_owned_str (jd_format_change (5, 0, FALSE), "+5（新增）");
  assert_owned_str (jd_format_amount (140000), "1,400.00元");
  assert_owned_str (jd_format_amount (5), "0.05元");
}

static void
test_percent (void)
{
  assert_owned_str (jd_format_percent (0.4223), "42.2%");
  assert_owned_str (jd_format_percent (0.9375), "93.8%");
  assert_owned_str (jd_format_percent (1.0), "100.0%");
  assert_owned_str (jd_format_percent (-0.0001), "0.0%");
  assert_owned_str (jd_format_percent (-0.25), MINUS "25.0%");
}

static void
test_change (void)
{
  assert_owned_str (jd_format_change (1488, 1400, FALSE), "+88 (+6.3%)");
  assert_owned_str (jd_format_change (900, 1000, FALSE), MINUS "100 (" MINUS "10.0%)");
  assert_owned_str (jd_format_change (5, 0, FALSE), "+5 (new)");
  assert_owned_str (jd_format_change (0, 0, FALSE), "0");
  assert_owned_str (jd_format_change (7, 7, FALSE), "±0 (±0.0%)");
  assert_owned_str (jd_format_change (300000, 100000, TRUE), "+¥2,000 (+200.0%)");
}

static void
test_iso_date (void)
{
  int y, m, d;

  g_assert_true (jd_parse_iso_date ("2024-02-29", &y, &m, &d));
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  g_assert_false (jd_parse_iso_date ("2023-02-29", NULL, NULL, NULL));
  g_assert_false (jd_parse_iso_date ("2024/03/05", NULL, NULL, NULL));
  g_assert_false (jd_parse_iso_date ("2024-3-5", NULL, NULL, NULL));
  g_assert_false (jd_parse_iso_date ("2024-03-05x", NULL, NULL, NULL));
  g_assert_false (jd_parse_iso_date ("", NULL, NULL, NULL));
  g_assert_false (jd_parse_iso_date (NULL, NULL, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jd/format/count", test_count);
  g_test_add_func ("/jd/format/money-yuan", test_money_yuan);
  g_test_add_func ("/jd/format/percent", test_percent);
  g_test_add_func ("/jd/format/change", test_change);
  g_test_add_func ("/jd/format/iso-date", test_iso_date);
  /* Last: it switches the process to the zh_CN catalogue */
  g_test_add_func ("/jd/format/money-wan", test_money_wan);

  return g_test_run ();
}
