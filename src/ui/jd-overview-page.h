/* jd-overview-page.h: the dashboard of the district, or of one agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_OVERVIEW_PAGE (jd_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (JdOverviewPage, jd_overview_page, JD, OVERVIEW_PAGE, AdwBin)

GtkWidget *jd_overview_page_new   (void);
/* Queries the dashboard of YEAR in DB (and of YEAR - 1 when COMPARE) and
 * shows it, with the rankings. On error the page keeps what it showed. */
gboolean   jd_overview_page_load  (JdOverviewPage  *self,
                                   JdDb            *db,
                                   int              year,
                                   gboolean         compare,
                                   GError         **error);
/* The same cards for one agency, its last five years and its officers. */
gboolean   jd_overview_page_load_agency (JdOverviewPage  *self,
                                         JdDb            *db,
                                         gint64           agency_id,
                                         int              year,
                                         gboolean         compare,
                                         GError         **error);
int        jd_overview_page_get_year (JdOverviewPage *self);
/* 0 for the district */
gint64     jd_overview_page_get_agency_id (JdOverviewPage *self);
/* Selects and scrolls to the row of OFFICER_ID in the officers list; FALSE
 * when the agency shown has no such officer. */
gboolean   jd_overview_page_highlight_officer (JdOverviewPage *self,
                                               gint64          officer_id);

G_END_DECLS
