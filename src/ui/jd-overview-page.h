/* jd-overview-page.h: the figures of one year, compared with the year before
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
/* Queries the overview of YEAR in DB (and of YEAR - 1 when COMPARE) and shows
 * it. On error the page keeps what it showed. */
gboolean   jd_overview_page_load  (JdOverviewPage  *self,
                                   JdDb            *db,
                                   int              year,
                                   gboolean         compare,
                                   GError         **error);
int        jd_overview_page_get_year (JdOverviewPage *self);

G_END_DECLS
