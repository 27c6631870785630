/* jd-chart-scale.c: nice axis ticks, value → 0..1 normalisation, tick labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "jd-chart-scale"

#include "config.h"

#include <math.h>
#include <string.h>

#include "jd-chart-scale.h"

#define MAX_TARGET_TICKS 100
#define MAX_DECIMALS     12
#define INDEX_EPSILON    1e-9

/* U+2212 MINUS SIGN: a hyphen is too short next to Chinese digits. */
#define MINUS_SIGN "\u2212"

typedef struct
{
  double      divisor;
  double      threshold;  /* smallest magnitude written with this unit */
  const char *suffix;
} Unit;

static const Unit western_units[] = {
  { 1e3,  1e4,  "k" },
  { 1e6,  1e6,  "M" },
  { 1e9,  1e9,  "B" },
  { 1e12, 1e12, "T" },
};

static const Unit chinese_units[] = {
  { 1e4,  1e4,  "万" },
  { 1e8,  1e8,  "亿" },
  { 1e12, 1e12, "万亿" },
};

static double
power_of_ten (int exponent)
{
  /* glibc's pow() is exact whenever the result is representable, and every
   * power of ten up to 1e22 is. */
  return pow (10.0, exponent);
}

/* The value of tick INDEX for a step of MANTISSA × 10^EXPONENT, computed as
 * an integer scaled once, so the result is the double nearest the decimal. */
static double
tick_value (gint64 index,
            int    mantissa,
            int    exponent)
{
  double whole = (double) index * mantissa;

  if (exponent >= 0)
    return whole * power_of_ten (exponent);
  else
    return whole / power_of_ten (-exponent);
}

static void
count_ticks (double  min,
             double  max,
             int     mantissa,
             int     exponent,
             gint64 *first_index,
             gint64 *last_index)
{
  double step = tick_value (1, mantissa, exponent);
  gint64 i0 = (gint64) floor (min / step + INDEX_EPSILON);
  gint64 i1 = (gint64) ceil (max / step - INDEX_EPSILON);

  if (i1 <= i0)
    i1 = i0 + 1;

  *first_index = i0;
  *last_index = i1;
}

/**
 * jd_chart_scale_new:
 * @min: the smallest value to show
 * @max: the largest value to show
 * @target_ticks: how many ticks the axis has room for (clamped to 2..100)
 *
 * Finds the nice step whose tick count is closest to @target_ticks and the
 * ticks covering [@min, @max]. On a tie the axis that wastes the least room
 * wins, then the larger step. The bounds may
 * come in either order. An empty range grows to include zero: [5, 5] becomes
 * [0, 5] and [0, 0] becomes [0, 1]. Charts that need a zero baseline pass
 * MIN (0, min) themselves.
 *
 * Returns: (transfer full) (nullable): the scale, or %NULL when a bound is
 *   not finite or the range overflows a double.
 */
JdChartScale *
jd_chart_scale_new (double min,
                    double max,
                    guint  target_ticks)
{
  static const int mantissas[] = { 1, 2, 25, 5 };
  JdChartScale *scale;
  double range;
  int base_exponent;
  int best_mantissa = 1;
  int best_exponent = 0;
  gint64 best_first = 0;
  gint64 best_last = 1;
  double best_score = G_MAXDOUBLE;
  double best_span = G_MAXDOUBLE;

  g_return_val_if_fail (isfinite (min) && isfinite (max), NULL);

  if (min > max)
    {
      double tmp = min;

      min = max;
      max = tmp;
    }

  if (min == max)
    {
      if (min == 0)
        max = 1;
      else if (min > 0)
        min = 0;
      else
        max = 0;
    }

  range = max - min;
  g_return_val_if_fail (isfinite (range), NULL);

  target_ticks = CLAMP (target_ticks, 2, MAX_TARGET_TICKS);
  base_exponent = (int) floor (log10 (range / (target_ticks - 1)));

  for (int k = base_exponent - 1; k <= base_exponent + 1; k++)
    {
      for (guint m = 0; m < G_N_ELEMENTS (mantissas); m++)
        {
          int mantissa = mantissas[m];
          int exponent = k;
          gint64 i0, i1;
          double score;
          double span;

          /* 25 × 10^(k-1) is 2.5 × 10^k: only while it is a whole number,
           * so integer counts keep integer ticks. */
          if (mantissa == 25)
            {
              if (k < 1)
                continue;
              exponent = k - 1;
            }

          count_ticks (min, max, mantissa, exponent, &i0, &i1);
          score = fabs ((double) (i1 - i0 + 1) - (double) target_ticks);
          span = (double) (i1 - i0) * tick_value (1, mantissa, exponent);

          /* On a tie the tighter axis wins; candidates come in increasing
           * step order, so <= then prefers the larger step. */
          if (score < best_score || (score == best_score && span <= best_span))
            {
              best_score = score;
              best_span = span;
              best_mantissa = mantissa;
              best_exponent = exponent;
              best_first = i0;
              best_last = i1;
            }
        }
    }

  scale = g_new0 (JdChartScale, 1);
  scale->n_ticks = (guint) (best_last - best_first + 1);
  scale->ticks = g_new (double, scale->n_ticks);
  for (guint i = 0; i < scale->n_ticks; i++)
    scale->ticks[i] = tick_value (best_first + i, best_mantissa, best_exponent);
  scale->first = scale->ticks[0];
  scale->last = scale->ticks[scale->n_ticks - 1];
  scale->step = tick_value (1, best_mantissa, best_exponent);
  scale->decimals = MAX (0, -best_exponent);

  return scale;
}

void
jd_chart_scale_free (JdChartScale *scale)
{
  if (scale == NULL)
    return;

  g_free (scale->ticks);
  g_free (scale);
}

/**
 * jd_chart_normalize:
 *
 * Maps @lo to 0 and @hi to 1, linearly and without clamping. An empty range
 * maps everything to 0.
 */
double
jd_chart_normalize (double value,
                    double lo,
                    double hi)
{
  if (hi == lo)
    return 0.0;

  return (value - lo) / (hi - lo);
}

/**
 * jd_chart_scale_normalize:
 *
 * Maps the first tick to 0 and the last to 1, without clamping: values
 * outside the scale give results outside 0..1.
 */
double
jd_chart_scale_normalize (const JdChartScale *scale,
                          double              value)
{
  g_return_val_if_fail (scale != NULL, 0.0);

  return jd_chart_normalize (value, scale->first, scale->last);
}

static const Unit *
get_units (JdChartUnits  units,
           guint        *n_units)
{
  switch (units)
    {
    case JD_CHART_UNITS_WESTERN:
      *n_units = G_N_ELEMENTS (western_units);
      return western_units;

    case JD_CHART_UNITS_CHINESE:
      *n_units = G_N_ELEMENTS (chinese_units);
      return chinese_units;

    case JD_CHART_UNITS_NONE:
    default:
      *n_units = 0;
      return NULL;
    }
}

/* The index of the largest unit whose threshold MAGNITUDE reaches, or -1. */
static int
pick_unit (const Unit *table,
           guint       n_units,
           double      magnitude)
{
  int picked = -1;

  for (guint i = 0; i < n_units; i++)
    if (magnitude >= table[i].threshold)
      picked = (int) i;

  return picked;
}

/* Fewest decimals (up to MAX_DECIMALS) that write VALUE exactly. */
static int
decimals_needed (double value)
{
  value = fabs (value);

  for (int d = 0; d < MAX_DECIMALS; d++)
    {
      double shifted = value * power_of_ten (d);

      if (fabs (shifted - round (shifted)) <= 1e-9 * MAX (1.0, shifted))
        return d;
    }

  return MAX_DECIMALS;
}

/**
 * jd_chart_label_format_init:
 * @format: (out caller-allocates): the format to fill
 * @max_abs: the largest magnitude on the axis
 * @step: the distance between ticks
 * @units: whether and how to abbreviate large values
 *
 * Decides once for the whole axis: the unit comes from @max_abs, the
 * decimals from @step in that unit.
 */
void
jd_chart_label_format_init (JdChartLabelFormat *format,
                            double              max_abs,
                            double              step,
                            JdChartUnits        units)
{
  const Unit *table;
  guint n_units;
  int picked;

  g_return_if_fail (format != NULL);

  table = get_units (units, &n_units);
  picked = pick_unit (table, n_units, fabs (max_abs));

  format->divisor = picked >= 0 ? table[picked].divisor : 1.0;
  format->suffix = picked >= 0 ? table[picked].suffix : "";
  format->decimals = decimals_needed (step / format->divisor);
}

/**
 * jd_chart_scale_label_format:
 *
 * The label format for every tick of @scale.
 */
void
jd_chart_scale_label_format (const JdChartScale *scale,
                             JdChartUnits        units,
                             JdChartLabelFormat *format)
{
  g_return_if_fail (scale != NULL);
  g_return_if_fail (format != NULL);

  double max_abs = MAX (fabs (scale->first), fabs (scale->last));

  jd_chart_label_format_init (format, max_abs, scale->step, units);

  /* An axis starts writing 万 only from 10万 up: 2500, 5000, 7500 read
   * better than 0.25万, 0.5万, 0.75万 */
  if (units == JD_CHART_UNITS_CHINESE && format->divisor == 1e4 && max_abs < 1e5)
    jd_chart_label_format_init (format, max_abs, scale->step, JD_CHART_UNITS_NONE);
}

/* MAGNITUDE (>= 0) with DECIMALS decimals, C locale, trailing zeros and a
 * trailing point dropped. */
static char *
format_magnitude (double magnitude,
                  int    decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  gsize len;

  decimals = CLAMP (decimals, 0, MAX_DECIMALS);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, magnitude);

  if (strchr (buffer, '.') != NULL)
    {
      len = strlen (buffer);
      while (len > 0 && buffer[len - 1] == '0')
        buffer[--len] = '\0';
      if (len > 0 && buffer[len - 1] == '.')
        buffer[--len] = '\0';
    }

  return g_strdup (buffer);
}

static char *
build_label (double      value,
             double      divisor,
             const char *suffix,
             int         decimals)
{
  g_autofree char *digits = format_magnitude (fabs (value) / divisor, decimals);

  /* Zero is "0" on every axis: no sign, no unit. */
  if (g_str_equal (digits, "0"))
    return g_strdup ("0");

  return g_strconcat (value < 0 ? MINUS_SIGN : "", digits, suffix, NULL);
}

/**
 * jd_chart_label_format_value:
 *
 * Writes @value as @format says: "1.5万", "−250", "0".
 *
 * Returns: (transfer full): the label
 */
char *
jd_chart_label_format_value (const JdChartLabelFormat *format,
                             double                    value)
{
  g_return_val_if_fail (format != NULL, NULL);
  g_return_val_if_fail (format->divisor > 0, NULL);

  if (!isfinite (value))
    return g_strdup ("");

  return build_label (value, format->divisor, format->suffix, format->decimals);
}

static double
round_to (double value,
          int    decimals)
{
  double factor = power_of_ten (decimals);

  return round (value * factor) / factor;
}

/**
 * jd_chart_format_compact:
 *
 * Writes one value on its own (a tooltip, a bar's value label) with two
 * significant digits once it is abbreviated: 12345 is "1.2万" in Chinese
 * units and "12k" in Western ones; 3.4e8 is "3.4亿" or "340M". Below 10,000
 * whole numbers stay whole ("9999") and fractions keep two decimals at most.
 *
 * Returns: (transfer full): the label
 */
char *
jd_chart_format_compact (double       value,
                         JdChartUnits units)
{
  const Unit *table;
  guint n_units;
  double magnitude = fabs (value);
  int picked;
  int decimals;
  double divisor;

  if (!isfinite (value))
    return g_strdup ("");

  table = get_units (units, &n_units);
  picked = pick_unit (table, n_units, magnitude);

  for (;;)
    {
      double rounded;

      divisor = picked >= 0 ? table[picked].divisor : 1.0;
      if (picked >= 0)
        decimals = magnitude / divisor < 10 ? 1 : 0;
      else
        decimals = decimals_needed (magnitude) == 0 ? 0 : 2;

      /* 99,999 rounds to "10.0万" and 9,999.999 to "10000": the rounded
       * value belongs to the next unit. */
      rounded = round_to (magnitude / divisor, decimals) * divisor;
      if ((guint) (picked + 1) < n_units && rounded >= table[picked + 1].threshold)
        {
          picked++;
          magnitude = rounded;
          continue;
        }

      break;
    }

  return build_label (value, divisor, picked >= 0 ? table[picked].suffix : "", decimals);
}
