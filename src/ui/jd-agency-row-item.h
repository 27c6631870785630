/* jd-agency-row-item.h: one agency of the agencies page, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "jd-dashboard.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCY_ROW_ITEM (jd_agency_row_item_get_type ())
G_DECLARE_FINAL_TYPE (JdAgencyRowItem, jd_agency_row_item, JD, AGENCY_ROW_ITEM, GObject)

/* Copies ROW. */
JdAgencyRowItem    *jd_agency_row_item_new       (const JdAgencyYear *row);
const JdAgencyYear *jd_agency_row_item_get_row   (JdAgencyRowItem    *self);
const char         *jd_agency_row_item_get_name  (JdAgencyRowItem    *self);
/* Records this year minus records the year before */
gint64              jd_agency_row_item_get_change (JdAgencyRowItem   *self);

G_END_DECLS
