/* jd-districts-page.h: every district of the database side by side (the city's view)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-chart-view.h"
#include "jd-db.h"

G_BEGIN_DECLS

typedef enum
{
  JD_DISTRICT_COLUMN_NAME = 0,
  JD_DISTRICT_COLUMN_RECORDS,
  JD_DISTRICT_COLUMN_CHANGE,          /* records against the year before */
  JD_DISTRICT_COLUMN_INSPECTIONS,
  JD_DISTRICT_COLUMN_PENALTIES,
  JD_DISTRICT_COLUMN_CERTIFICATE,     /* 持证率 */
  JD_DISTRICT_COLUMN_PARTICIPATION,   /* 参与率 */
  JD_DISTRICT_COLUMN_CORRECTION,      /* 复议纠错率 */
  JD_DISTRICT_COLUMN_LOSS,            /* 败诉率 */
} JdDistrictColumn;
#define JD_DISTRICT_COLUMN_N (JD_DISTRICT_COLUMN_LOSS + 1)

#define JD_TYPE_DISTRICTS_PAGE (jd_districts_page_get_type ())
G_DECLARE_FINAL_TYPE (JdDistrictsPage, jd_districts_page, JD, DISTRICTS_PAGE, AdwBin)

/* The number of districts in DB (the window shows the page for more than one). */
guint                jd_districts_count             (JdDb             *db);

/* Computes the figures of every district for YEAR (and YEAR - 1, for the
 * change) and rebuilds the comparison chart. */
gboolean             jd_districts_page_load         (JdDistrictsPage  *self,
                                                     JdDb             *db,
                                                     int               year,
                                                     GError          **error);
guint                jd_districts_page_get_n_districts (JdDistrictsPage *self);
JdChartView         *jd_districts_page_get_chart_view (JdDistrictsPage *self);

/* For the tests ------------------------------------------------------------- */

GtkColumnView       *_jd_districts_page_get_column_view (JdDistrictsPage  *self);
GtkColumnViewColumn *_jd_districts_page_get_column  (JdDistrictsPage  *self,
                                                     JdDistrictColumn  column);
/* The district id of row POSITION, in the order shown (0 past the end). */
gint64               _jd_districts_page_get_district_id (JdDistrictsPage *self,
                                                     guint             position);
/* The text of a cell, in the order shown; NULL past the end. */
char                *_jd_districts_page_dup_cell_text (JdDistrictsPage *self,
                                                     guint             position,
                                                     JdDistrictColumn  column);

G_END_DECLS
