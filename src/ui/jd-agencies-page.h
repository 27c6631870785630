/* jd-agencies-page.h: every agency of the year, and one agency's dashboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCIES_PAGE (jd_agencies_page_get_type ())
G_DECLARE_FINAL_TYPE (JdAgenciesPage, jd_agencies_page, JD, AGENCIES_PAGE, AdwBin)

GtkWidget *jd_agencies_page_new          (void);
/* Lists the agencies of YEAR; an agency dashboard on show follows the year. */
gboolean   jd_agencies_page_load         (JdAgenciesPage  *self,
                                          JdDb            *db,
                                          int              year,
                                          gboolean         compare,
                                          GError         **error);
/* Shows AGENCY_ID's dashboard; with OFFICER_ID, selects that officer's row. */
gboolean   jd_agencies_page_open_agency  (JdAgenciesPage  *self,
                                          gint64           agency_id,
                                          gint64           officer_id,
                                          GError         **error);
void       jd_agencies_page_show_list    (JdAgenciesPage  *self);
void       jd_agencies_page_focus_search (JdAgenciesPage  *self);

G_END_DECLS
