/* jd-format.c: numbers as our users write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-format"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "jd-format.h"

#define MINUS_SIGN "\xe2\x88\x92"   /* U+2212 */

/* Groups the digits of a non-negative integer: 1234567 → "1,234,567". */
static void
append_grouped (GString *out,
                guint64  value)
{
  char digits[32];
  int len, i;

  len = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  for (i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}

char *
jd_format_count (gint64 value)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append (out, MINUS_SIGN);
  append_grouped (out, value < 0 ? (guint64) -value : (guint64) value);

  return g_string_free (out, FALSE);
}

static gboolean
money_in_wan (void)
{
  /* Translators: translate this as "wan" to show money in 万元 (ten thousand
   * yuan) as Chinese reports do; anything else shows whole yuan. */
  return g_strcmp0 (C_("money unit", "yuan"), "wan") == 0;
}

gboolean
jd_format_uses_chinese_units (void)
{
  return money_in_wan ();
}

static char *
format_money_abs (guint64 fen)
{
  GString *out = g_string_new (NULL);

  if (money_in_wan ())
    {
      /* 万元 with two decimals, rounded half up: 1 万元 = 1,000,000 fen */
      guint64 hundredths = (fen + 5000) / 10000;
      g_autofree char *number = NULL;

      append_grouped (out, hundredths / 100);
      g_string_append_printf (out, ".%02u", (guint) (hundredths % 100));
      number = g_string_free (out, FALSE);
      /* Translators: an amount in ten thousands of yuan; zh_CN: "%s万元" */
      return g_strdup_printf (_("%s ten thousand yuan"), number);
    }

  g_string_append (out, "¥");
  append_grouped (out, (fen + 50) / 100);
  return g_string_free (out, FALSE);
}

char *
jd_format_money (gint64 fen)
{
  g_autofree char *abs_text = format_money_abs (fen < 0 ? (guint64) -fen : (guint64) fen);

  if (fen < 0)
    return g_strconcat (MINUS_SIGN, abs_text, NULL);

  return g_steal_pointer (&abs_text);
}

char *
jd_format_amount (gint64 fen)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = fen < 0 ? (guint64) -fen : (guint64) fen;
  g_autofree char *number = NULL;

  if (fen < 0)
    g_string_append (out, MINUS_SIGN);
  if (!money_in_wan ())
    g_string_append (out, "¥");
  append_grouped (out, magnitude / 100);
  g_string_append_printf (out, ".%02u", (guint) (magnitude % 100));
  number = g_string_free (out, FALSE);
  if (!money_in_wan ())
    return g_steal_pointer (&number);
  /* Translators: one case's amount to the fen, as Chinese documents write
   * it; zh_CN: "%s元" */
  return g_strdup_printf (_("%s yuan"), number);
}

char *
jd_format_percent (double ratio)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double value = ratio * 100.0;

  if (!isfinite (value))
    return g_strdup ("—");

  g_ascii_formatd (buf, sizeof buf, "%.1f", fabs (value));
  /* "-0.0" is just "0.0" */
  if (value < 0 && g_strcmp0 (buf, "0.0") != 0)
    return g_strconcat (MINUS_SIGN, buf, "%", NULL);

  return g_strconcat (buf, "%", NULL);
}

char *
jd_format_change (gint64   current,
                  gint64   previous,
                  gboolean money)
{
  gint64 delta = current - previous;
  guint64 magnitude = delta < 0 ? (guint64) -delta : (guint64) delta;
  g_autofree char *amount = NULL;
  const char *sign;

  if (current == 0 && previous == 0)
    return g_strdup ("0");

  if (money)
    amount = format_money_abs (magnitude);
  else
    {
      GString *out = g_string_new (NULL);
      append_grouped (out, magnitude);
      amount = g_string_free (out, FALSE);
    }

  sign = delta > 0 ? "+" : delta < 0 ? MINUS_SIGN : "±";

  if (previous == 0)
    /* Translators: a change against a year that had none of it */
    return g_strdup_printf (_("%s%s (new)"), sign, amount);

  {
    g_autofree char *percent = jd_format_percent (fabs ((double) delta / (double) previous));
    return g_strdup_printf ("%s%s (%s%s)", sign, amount, sign, percent);
  }
}

gboolean
jd_parse_iso_date (const char *text,
                   int        *year,
                   int        *month,
                   int        *day)
{
  int y, m, d;

  if (text == NULL)
    return FALSE;

  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  if (text[10] != '\0')
    return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);

  if (y < 1900 || y > 2999 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}
