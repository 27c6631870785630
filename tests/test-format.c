/* test-format.c: numbers as users read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

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

  return g_test_run ();
}
