/* jd-chart.h: charts of enforcement figures, drawn onto any cairo_t
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three separate steps over the same geometry (STYLE.md §2.8):
 *   layout (data, style, width, height) → JdChartLayout   (all text measured here)
 *   render (layout, data, style, cr)                       (paint only)
 *   hit_test (layout, x, y) → JdChartHit                   (tooltips, clicks)
 * The caller hands in colours and fonts (JdChartStyle); the charts know no
 * GTK and no database. Chinese text is shaped as Simplified Chinese whatever
 * the locale.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "jd-chart-style.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CHART_LINE = 0,          /* trends over years or months, several series */
  JD_CHART_BAR,               /* vertical bars: one or more series side by side */
  JD_CHART_HBAR,              /* horizontal bars: rankings with long names */
  JD_CHART_STACKED_BAR,       /* composition per category (e.g. per year) */
  JD_CHART_DONUT,             /* shares of one series, with percentages */
} JdChartKind;

typedef enum
{
  JD_CHART_UNIT_COUNT = 0,    /* plain numbers: 1,234 or 1.2万 */
  JD_CHART_UNIT_MONEY_FEN,    /* values in fen, shown in 万元 / yuan as the style says */
  JD_CHART_UNIT_PERCENT,      /* values 0..1 shown as 42.2% */
} JdChartUnit;

/* Plain data: owned strings and arrays, no GObject. */
typedef struct _JdChartData JdChartData;

JdChartData *jd_chart_data_new            (JdChartKind        kind);
void         jd_chart_data_free           (JdChartData       *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChartData, jd_chart_data_free)

void         jd_chart_data_set_title      (JdChartData       *data,
                                           const char        *title);
/* District, period, data source: "示例区 · 2021–2025 · 执法监督平台" */
void         jd_chart_data_set_subtitle   (JdChartData       *data,
                                           const char        *subtitle);
void         jd_chart_data_set_unit       (JdChartData       *data,
                                           JdChartUnit        unit);
/* The text shown when there is nothing to draw ("No records for 2025") */
void         jd_chart_data_set_empty_text (JdChartData       *data,
                                           const char        *text);
/* Category labels along the axis (years, agency names, months) */
void         jd_chart_data_set_categories (JdChartData       *data,
                                           const char * const *labels,
                                           guint              n_labels);
/* Adds a series with one value per category; returns its index. NAN is an
 * absent value. Negative values are drawn as 0 by bars, stacked bars and
 * donuts (the tooltip shows the true value); line charts draw them below 0. */
guint        jd_chart_data_add_series     (JdChartData       *data,
                                           const char        *name,
                                           const double      *values,
                                           guint              n_values);

JdChartKind  jd_chart_data_get_kind       (const JdChartData *data);
guint        jd_chart_data_get_n_series   (const JdChartData *data);
guint        jd_chart_data_get_n_categories (const JdChartData *data);
const char  *jd_chart_data_get_title      (const JdChartData *data);
const char  *jd_chart_data_get_category   (const JdChartData *data,
                                           guint              category);
const char  *jd_chart_data_get_series_name (const JdChartData *data,
                                            guint              series);
double       jd_chart_data_get_value      (const JdChartData *data,
                                           guint              series,
                                           guint              category);

typedef struct _JdChartLayout JdChartLayout;

JdChartLayout *jd_chart_layout            (const JdChartData  *data,
                                           const JdChartStyle *style,
                                           double              width,
                                           double              height);
void         jd_chart_layout_free         (JdChartLayout      *layout);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdChartLayout, jd_chart_layout_free)

void         jd_chart_render              (const JdChartLayout *layout,
                                           const JdChartData   *data,
                                           const JdChartStyle  *style,
                                           cairo_t             *cr);

/* What is under a point: a mark (bar, point, slice) of a series and
 * category, or nothing (series = -1). */
typedef struct
{
  int     series;
  int     category;
  double  value;
  /* The whole text for a tooltip: "区市场监督管理局 · 2025 · 12,345" (owned) */
  char   *tooltip;
} JdChartHit;

gboolean     jd_chart_hit_test            (const JdChartLayout *layout,
                                           const JdChartData   *data,
                                           double               x,
                                           double               y,
                                           JdChartHit          *out_hit);
void         jd_chart_hit_clear           (JdChartHit          *hit);

/* The bounds of a mark as laid out, for tests and for a hover highlight;
 * FALSE when the mark is not drawn. */
gboolean     jd_chart_layout_get_mark     (const JdChartLayout *layout,
                                           guint                series,
                                           guint                category,
                                           double              *x,
                                           double              *y,
                                           double              *width,
                                           double              *height);

/* Every text box placed by the layout, for tests that no label overlaps
 * another or leaves the surface: n boxes of 4 doubles (x, y, w, h). */
const double *jd_chart_layout_get_text_boxes (const JdChartLayout *layout,
                                              guint               *n_boxes);

/* Styles for the screen (light, dark, high contrast) and for print (a palette
 * that stays distinct in grey, with hatching so black-and-white copies read). */
typedef enum
{
  JD_CHART_THEME_LIGHT = 0,
  JD_CHART_THEME_DARK,
  JD_CHART_THEME_HIGH_CONTRAST,
  JD_CHART_THEME_PRINT,
} JdChartTheme;

/* Fills STYLE with the built-in palette of THEME; FONT may be NULL for the
 * default ("Noto Sans CJK SC"). The palette is static. */
void         jd_chart_style_init          (JdChartStyle       *style,
                                           JdChartTheme        theme,
                                           const char         *font);

/* Additions for the UI and the tests. */

/* TRUE when the layout shows the empty text instead of a chart. */
gboolean     jd_chart_layout_is_empty     (const JdChartLayout *layout);
/* The plot area (inside the axes; the ring's box for a donut). */
void         jd_chart_layout_get_plot     (const JdChartLayout *layout,
                                           double              *x,
                                           double              *y,
                                           double              *width,
                                           double              *height);
/* A donut slice as laid out (angles in radians, clockwise from 12 o'clock
 * as cairo measures them, i.e. starting at -G_PI / 2); FALSE when the chart
 * is not a donut or the slice is not drawn. For donut slices and line
 * points, jd_chart_layout_get_mark() gives a small box centred on the
 * slice's middle or on the point, which hit-tests to that mark. */
gboolean     jd_chart_layout_get_slice    (const JdChartLayout *layout,
                                           guint                category,
                                           double              *cx,
                                           double              *cy,
                                           double              *r_inner,
                                           double              *r_outer,
                                           double              *angle_start,
                                           double              *angle_end);
/* The text of text box INDEX (the whole string; ELLIPSIZED says whether it
 * is shown shortened with "…"). */
const char  *jd_chart_layout_get_text     (const JdChartLayout *layout,
                                           guint                index,
                                           gboolean            *ellipsized);
/* Glyphs missing from the fonts, over every text of the layout. */
int          jd_chart_layout_get_unknown_glyphs (const JdChartLayout *layout);
/* The colour of series (or donut slice) INDEX: the palette, cycled. */
const JdRgba *jd_chart_style_get_series_color (const JdChartStyle *style,
                                               guint               index);

G_END_DECLS
