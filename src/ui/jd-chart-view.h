/* jd-chart-view.h: a chart on screen, with hover, tooltips and keyboard focus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "jd-chart.h"

G_BEGIN_DECLS

#define JD_TYPE_CHART_VIEW (jd_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (JdChartView, jd_chart_view, JD, CHART_VIEW, GtkWidget)

GtkWidget         *jd_chart_view_new             (void);
/* Takes DATA (may be NULL: nothing shown). */
void               jd_chart_view_take_data       (JdChartView  *self,
                                                  JdChartData  *data);
const JdChartData *jd_chart_view_get_data        (JdChartView  *self);
/* The style the view draws with (theme, foreground, units). */
void               jd_chart_view_get_style       (JdChartView  *self,
                                                  JdChartStyle *out);
/* The text the view gives assistive technologies: title and a summary. */
const char        *jd_chart_view_get_description (JdChartView  *self);
/* The tooltip at a point of the widget, or NULL over no mark. */
char              *jd_chart_view_dup_tooltip_at  (JdChartView  *self,
                                                  double        x,
                                                  double        y);
/* The centre of a mark as laid out at the widget's size; FALSE if not drawn. */
gboolean           jd_chart_view_get_mark_center (JdChartView  *self,
                                                  guint         series,
                                                  guint         category,
                                                  double       *x,
                                                  double       *y);

G_END_DECLS
