/* jd-officers.h: the officers of one agency in a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64          id;
  char           *name;
  char           *certificate_no;     /* NULL before a certificate */
  char           *expires_on;         /* YYYY-MM-DD, or NULL */
  JdCertStatus    status;             /* as it stands now */
  JdCancelReason  cancel_reason;
  gint64          records;            /* records of YEAR the officer took part in */
} JdOfficerYear;

void         jd_officer_year_free      (JdOfficerYear  *officer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdOfficerYear, jd_officer_year_free)

/* The officers of AGENCY_ID who held a certificate at some time in YEAR (or
 * took part in one of its records), most records first, then by name;
 * element type JdOfficerYear*, owned by the array. Reads the registry and
 * officer_activity only. */
GPtrArray   *jd_officers_list_for_agency (JdDb         *db,
                                          gint64        agency_id,
                                          int           year,
                                          GError      **error);

G_END_DECLS
