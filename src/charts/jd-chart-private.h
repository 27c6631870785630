/* jd-chart-private.h: the data and layout structs shared by the chart kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not installed, not seen by the UI: the kinds (bars, line, donut) fill a
 * JdChartLayout with geometry and measured text, and render/hit-test only
 * read it.
 */
#pragma once

#include <pango/pangocairo.h>

#include "jd-chart.h"
#include "jd-chart-scale.h"

G_BEGIN_DECLS

typedef struct
{
  char   *name;
  double *values;   /* n_categories values; NAN when absent */
} JdChartSeries;

struct _JdChartData
{
  JdChartKind  kind;
  JdChartUnit  unit;
  char        *title;
  char        *subtitle;
  char        *empty_text;
  GPtrArray   *categories;  /* char * */
  GPtrArray   *series;      /* JdChartSeries * */
};

typedef enum
{
  JD_CHART_FONT_BODY = 0,
  JD_CHART_FONT_TITLE,
  JD_CHART_FONT_SUBTITLE,
  JD_CHART_FONT_SMALL,
  JD_CHART_N_FONTS,
} JdChartFont;

typedef struct
{
  PangoLayout *layout;
  double       x;
  double       y;
  double       w;
  double       h;
  double       alpha;  /* multiplies style->fg's alpha */
} JdChartText;

typedef struct
{
  double   x;
  double   y;
  double   w;
  double   h;
  double   value;
  gboolean drawn;
} JdChartMark;

typedef struct
{
  double x;
  double y;
  double w;
  double h;
  guint  colour;  /* index into the palette */
} JdChartSwatch;

struct _JdChartLayout
{
  JdChartKind  kind;
  double       width;
  double       height;
  double       device_scale;
  gboolean     chinese_units;
  gboolean     empty;

  PangoContext         *context;
  PangoFontDescription *fonts[JD_CHART_N_FONTS];
  double                line_height;  /* of the body font */
  double                pad;

  GArray  *texts;     /* JdChartText */
  GArray  *boxes;     /* 4 doubles per text, filled by jd_chart_layout_finish */

  /* plot area */
  double   px;
  double   py;
  double   pw;
  double   ph;
  gboolean axes;      /* a cartesian chart: draw grid and baseline */
  gboolean horizontal;/* values along x (hbar) */
  GArray  *grid;      /* doubles: gridline positions along the value axis */
  double   zero;      /* where value 0 lies along the value axis */
  double   vmin;      /* the axis' first and last tick, display units */
  double   vmax;

  guint        n_series;
  guint        n_categories;
  JdChartMark *marks;  /* n_series × n_categories, series-major */
  double       marker; /* line: marker size */

  GArray  *swatches;  /* JdChartSwatch: legend keys */
  GArray  *leaders;   /* 6 doubles per leader line (donut) */

  /* donut */
  double   cx;
  double   cy;
  double   r_inner;
  double   r_outer;
  double   total;
  double  *angles;    /* n_categories + 1 start angles */
};

/* jd-chart.c */
double        jd_chart_data_value_clamped   (const JdChartData *data,
                                             guint              series,
                                             guint              category);
JdChartMark  *jd_chart_layout_mark          (JdChartLayout *layout,
                                             guint          series,
                                             guint          category);

/* jd-chart-frame.c */
void          jd_chart_frame_init           (JdChartLayout      *layout,
                                             const JdChartStyle *style);
PangoLayout  *jd_chart_text_new             (JdChartLayout *layout,
                                             const char    *text,
                                             JdChartFont    font,
                                             double         max_width,
                                             double        *out_w,
                                             double        *out_h);
PangoLayout  *jd_chart_text_new_full        (JdChartLayout      *layout,
                                             const char         *text,
                                             JdChartFont         font,
                                             double              max_width,
                                             PangoEllipsizeMode  mode,
                                             double             *out_w,
                                             double             *out_h);
gboolean      jd_chart_text_place           (JdChartLayout *layout,
                                             PangoLayout   *text,
                                             double         x,
                                             double         y,
                                             double         w,
                                             double         h,
                                             double         alpha);
gboolean      jd_chart_text_add             (JdChartLayout *layout,
                                             const char    *text,
                                             JdChartFont    font,
                                             double         max_width,
                                             double         x,
                                             double         y,
                                             double         x_align,
                                             double         y_align,
                                             double         alpha);
gboolean      jd_chart_box_free             (const JdChartLayout *layout,
                                             double               x,
                                             double               y,
                                             double               w,
                                             double               h);
void          jd_chart_frame_titles         (JdChartLayout     *layout,
                                             const JdChartData *data,
                                             double            *top);
void          jd_chart_frame_empty          (JdChartLayout     *layout,
                                             const JdChartData *data,
                                             double             top);
void          jd_chart_frame_legend         (JdChartLayout     *layout,
                                             const JdChartData *data,
                                             double             top,
                                             double            *bottom);
double        jd_chart_display_value        (const JdChartData *data,
                                             double             value);
char         *jd_chart_format_value         (const JdChartData  *data,
                                             gboolean            chinese,
                                             double              value);
char         *jd_chart_format_full          (const JdChartData  *data,
                                             gboolean            chinese,
                                             double              value);
void          jd_chart_frame_value_axis     (JdChartLayout      *layout,
                                             const JdChartData  *data,
                                             const JdChartStyle *style,
                                             double              min,
                                             double              max,
                                             double              top,
                                             double              bottom,
                                             double              left_reserve,
                                             double              right_reserve,
                                             JdChartScale      **out_scale);
void          jd_chart_frame_category_labels (JdChartLayout     *layout,
                                              const JdChartData *data);
double        jd_chart_snap                 (const JdChartLayout *layout,
                                             double               v);
void          jd_chart_set_source           (cairo_t      *cr,
                                             const JdRgba *rgba,
                                             double        alpha);
double        jd_chart_value_pos            (const JdChartLayout *layout,
                                             double               display_value);
void          jd_chart_render_grid          (const JdChartLayout *layout,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr);
void          jd_chart_render_frame         (const JdChartLayout *layout,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr);
void          jd_chart_fill_rect            (const JdChartLayout *layout,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr,
                                             guint                colour,
                                             double               x,
                                             double               y,
                                             double               w,
                                             double               h);
void          jd_chart_hatch_path           (const JdChartStyle *style,
                                             cairo_t            *cr,
                                             guint               colour);

/* the kinds */
void          jd_chart_bars_layout          (JdChartLayout      *layout,
                                             const JdChartData  *data,
                                             const JdChartStyle *style,
                                             double              top,
                                             double              bottom);
void          jd_chart_bars_render          (const JdChartLayout *layout,
                                             const JdChartData   *data,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr);
void          jd_chart_line_layout          (JdChartLayout      *layout,
                                             const JdChartData  *data,
                                             const JdChartStyle *style,
                                             double              top,
                                             double              bottom);
void          jd_chart_line_render          (const JdChartLayout *layout,
                                             const JdChartData   *data,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr);
void          jd_chart_line_key             (const JdChartLayout *layout,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr,
                                             guint                series,
                                             double               x,
                                             double               y,
                                             double               w,
                                             double               h);
void          jd_chart_donut_layout         (JdChartLayout      *layout,
                                             const JdChartData  *data,
                                             const JdChartStyle *style,
                                             double              top,
                                             double              bottom);
void          jd_chart_donut_render         (const JdChartLayout *layout,
                                             const JdChartData   *data,
                                             const JdChartStyle  *style,
                                             cairo_t             *cr);
int           jd_chart_donut_hit            (const JdChartLayout *layout,
                                             double               x,
                                             double               y);

G_END_DECLS
