/* jd-chart-scale.h: nice axis ticks, value → 0..1 normalisation, tick labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions on plain data: GLib only, no Cairo state, no GTK, no core.
 *
 * Steps are 1, 2 or 5 times a power of ten, or 25 times a power of ten when
 * that is a whole number (25, 250, 2500…), so 0..100 gets the five ticks
 * 0, 25, 50, 75, 100. Ticks are computed as integer multiples of the step,
 * so 0.1 + 0.2 never shows up as 0.30000000000000004.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double  first;     /* first tick, <= the smallest value */
  double  last;      /* last tick, >= the largest value; always > first */
  double  step;      /* distance between ticks */
  guint   n_ticks;   /* >= 2 */
  double *ticks;     /* n_ticks values, first to last */
  int     decimals;  /* decimals a plain label needs to show every tick exactly */
} JdChartScale;

typedef enum
{
  JD_CHART_UNITS_NONE,     /* 12345 -> "12345" */
  JD_CHART_UNITS_WESTERN,  /* 12345 -> "12k", 3400000 -> "3.4M" */
  JD_CHART_UNITS_CHINESE,  /* 12345 -> "1.2万", 340000000 -> "3.4亿" */
} JdChartUnits;

/* How every label of one axis is written: one divisor and suffix for the
 * whole axis, so "0.5万" and "1万" sit on the same axis, never "5000" and
 * "1万". */
typedef struct
{
  double      divisor;   /* 1, 1e3, 1e4, 1e6, 1e8… */
  const char *suffix;    /* "", "k", "万", "亿"… (static) */
  int         decimals;  /* at most this many decimals; trailing zeros dropped */
} JdChartLabelFormat;

JdChartScale *jd_chart_scale_new          (double              min,
                                           double              max,
                                           guint               target_ticks);
void          jd_chart_scale_free         (JdChartScale       *scale);
double        jd_chart_scale_normalize    (const JdChartScale *scale,
                                           double              value);
void          jd_chart_scale_label_format (const JdChartScale *scale,
                                           JdChartUnits        units,
                                           JdChartLabelFormat *format);

double        jd_chart_normalize          (double              value,
                                           double              lo,
                                           double              hi);

void          jd_chart_label_format_init  (JdChartLabelFormat *format,
                                           double              max_abs,
                                           double              step,
                                           JdChartUnits        units);
char         *jd_chart_label_format_value (const JdChartLabelFormat *format,
                                           double                    value);

char         *jd_chart_format_compact     (double              value,
                                           JdChartUnits        units);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChartScale, jd_chart_scale_free)

G_END_DECLS
