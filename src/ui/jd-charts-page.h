/* jd-charts-page.h: charts of the district, with export, printing and meeting packs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "src/jd-chart-builder.h"
#include "jd-chart-view.h"
#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_CHARTS_PAGE (jd_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (JdChartsPage, jd_charts_page, JD, CHARTS_PAGE, AdwBin)

/* Shows YEAR and the four years before it (as far as DB has records). */
gboolean     jd_charts_page_load           (JdChartsPage        *self,
                                            JdDb                *db,
                                            int                  year,
                                            GError             **error);
void         jd_charts_page_set_choice     (JdChartsPage        *self,
                                            JdChartChoice        choice);
JdChartView *jd_charts_page_get_chart_view (JdChartsPage        *self);
void         jd_charts_page_get_scope      (JdChartsPage        *self,
                                            JdChartScope        *out);

/* Prints CHOICES (JdChartChoice values, in the page's scope; NULL: the chart
 * shown), one per page. With EXPORT_PATH the pages go to that PDF without a
 * dialog (GTK_PRINT_OPERATION_ACTION_EXPORT); else the print dialog shows,
 * with its preview. */
gboolean     jd_charts_page_print          (JdChartsPage        *self,
                                            GArray              *choices,
                                            const char          *export_path,
                                            GError             **error);

G_END_DECLS
