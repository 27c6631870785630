/* jd-chart-builder.h: the app's charts, built from the rollups, and their export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiled into both the UI library and jiandu-cli: it sees core and charts
 * only, never GTK. Export writes PNG, SVG or PDF (by the file's extension)
 * to a temporary name and renames it into place.
 */
#pragma once

#include <cairo.h>

#include "jd-chart.h"
#include "jd-db.h"

G_BEGIN_DECLS

typedef enum
{
  JD_CHART_CHOICE_TREND = 0,      /* records, inspections, penalties per year */
  JD_CHART_CHOICE_COMPOSITION,    /* records by category per year (stacked) */
  JD_CHART_CHOICE_RANKING,        /* agencies of a kind by records (last year) */
  JD_CHART_CHOICE_PROCEDURE,      /* penalties: general vs simple procedure */
  JD_CHART_CHOICE_FINES,          /* fines per year */
} JdChartChoice;
#define JD_CHART_CHOICE_N (JD_CHART_CHOICE_FINES + 1)

typedef struct
{
  JdChartChoice choice;
  int           year_from;
  int           year_to;        /* the year of a ranking */
  int           agency_kind;    /* a JdAgencyKind, or -1 for every kind */
  gint64        domain_id;      /* agencies of this enforcement domain; 0: every domain */
  gint64        agency_id;      /* 0: the whole district */
  guint         ranking_limit;  /* at most this many bars; 0: 15 */
} JdChartScope;

const char  *jd_chart_choice_to_id      (JdChartChoice        choice);
const char  *jd_chart_choice_to_label   (JdChartChoice        choice);
gboolean     jd_chart_choice_from_id    (const char          *id,
                                         JdChartChoice       *out);

/* The chart for SCOPE from the local district's rollups. */
JdChartData *jd_chart_build             (JdDb                *db,
                                         const JdChartScope  *scope,
                                         GError             **error);

/* STYLE with the numbers as the translation writes them. */
void         jd_chart_builder_style_init (JdChartStyle       *style,
                                          JdChartTheme        theme);

typedef enum
{
  JD_CHART_FORMAT_PNG = 0,
  JD_CHART_FORMAT_SVG,
  JD_CHART_FORMAT_PDF,
} JdChartFormat;

/* By the extension of PATH (case-insensitive); FALSE when none fits. */
gboolean     jd_chart_format_from_path  (const char          *path,
                                         JdChartFormat       *out);

/* Writes DATA to PATH. WIDTH × HEIGHT are the PNG's pixels; DPI sets how
 * large the chart is drawn in them (96: one pixel per unit). SVG and PDF
 * get the same picture as vectors, WIDTH / DPI inches wide. */
gboolean     jd_chart_export            (const JdChartData   *data,
                                         const JdChartStyle  *style,
                                         const char          *path,
                                         int                  width,
                                         int                  height,
                                         double               dpi,
                                         GError             **error);

/* One printed page: HEADER (district and title) at the top, the chart, and
 * a footer with DATE and "Page N of M"; WIDTH × HEIGHT in points. */
void         jd_chart_draw_page         (cairo_t             *cr,
                                         const JdChartData   *data,
                                         const JdChartStyle  *style,
                                         const char          *district,
                                         const char          *date,
                                         guint                page,
                                         guint                n_pages,
                                         double               width,
                                         double               height);

/* A meeting pack: one chart per A4 landscape page of a PDF. */
gboolean     jd_chart_export_pack       (GPtrArray           *charts,
                                         const char          *district,
                                         const char          *path,
                                         GError             **error);

G_END_DECLS
