/* jd-chart-style.h: colours, fonts and metrics handed in by the caller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Charts never include GDK: the UI converts GdkRGBA into JdRgba and fills a
 * JdChartStyle from the widget's style (foreground, accent, dark and high
 * contrast modes). Renderers take every colour from here and hard-code none.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r;
  double g;
  double b;
  double a;
} JdRgba;

typedef struct
{
  JdRgba        fg;          /* text, axes */
  JdRgba        grid;        /* grid lines, usually fg at low alpha */
  JdRgba        accent;      /* single-series colour, highlight */
  const JdRgba *palette;     /* categorical series colours (borrowed) */
  guint         n_palette;
  const char   *font;        /* Pango font description string (borrowed) */
  double        scale;       /* device scale, for hairlines */
  JdRgba        background;  /* painted first unless fully transparent */
  gboolean      hatching;    /* print: series also differ by pattern */
  gboolean      chinese_units; /* numbers as 1.2万 / 3.4亿 and money in 万元 */
} JdChartStyle;

G_END_DECLS
