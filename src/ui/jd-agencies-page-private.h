/* jd-agencies-page-private.h: what the tests look at and drive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-agencies-page.h"
#include "jd-overview-page.h"

G_BEGIN_DECLS

typedef enum
{
  JD_AGENCY_COLUMN_NAME = 0,
  JD_AGENCY_COLUMN_KIND,
  JD_AGENCY_COLUMN_DOMAIN,
  JD_AGENCY_COLUMN_OFFICERS,
  JD_AGENCY_COLUMN_RECORDS,
  JD_AGENCY_COLUMN_INSPECTIONS,
  JD_AGENCY_COLUMN_PENALTIES,
  JD_AGENCY_COLUMN_CHANGE,
} JdAgencyColumn;
#define JD_AGENCY_COLUMN_N (JD_AGENCY_COLUMN_CHANGE + 1)

/* "list" or "agency" */
const char           *_jd_agencies_page_get_visible_child (JdAgenciesPage *self);
GtkColumnView        *_jd_agencies_page_get_column_view   (JdAgenciesPage *self);
GtkColumnViewColumn  *_jd_agencies_page_get_column        (JdAgenciesPage *self,
                                                           JdAgencyColumn  column);
/* The rows as shown: filtered and sorted; items are JdAgencyRowItem */
GListModel           *_jd_agencies_page_get_rows          (JdAgenciesPage *self);
GtkEditable          *_jd_agencies_page_get_search_entry  (JdAgenciesPage *self);
GtkDropDown          *_jd_agencies_page_get_kind_dropdown (JdAgenciesPage *self);
GtkDropDown          *_jd_agencies_page_get_domain_dropdown (JdAgenciesPage *self);
JdOverviewPage       *_jd_agencies_page_get_agency_page   (JdAgenciesPage *self);

G_END_DECLS
