/* jd-stats-private.h: what jd-stats.c shares with the dashboards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-stats.h"

G_BEGIN_DECLS

/* An SQL condition: the agency ALIAS existed in the year bound as YEAR
 * (established by then, not dissolved before, and either active or dissolved
 * later). Both arguments are string literals: JD_SQL_AGENCY_EXISTED ("a", "?2"). */
#define JD_SQL_AGENCY_EXISTED(alias, year) \
  " (" alias ".established_year IS NULL OR " alias ".established_year <= " year ")" \
  " AND (" alias ".dissolved_year IS NULL OR " alias ".dissolved_year >= " year ")" \
  " AND (" alias ".active = 1 OR " alias ".dissolved_year IS NOT NULL)"

/* An SQL condition: the officer ALIAS held a valid certificate at the end of
 * the year, LAST_DAY being its bound "YYYY-12-31". */
#define JD_SQL_OFFICER_VALID(alias, last_day) \
  " (" alias ".issued_on <= " last_day \
  " AND (" alias ".status = 0 OR " alias ".status_changed_on > " last_day "))"

/* An SQL condition: the officer ALIAS counts in the figures. An agency of
 * another district whose officer figures came as counts (officer_count)
 * counts by those; its named officers do not count a second time. */
#define JD_SQL_OFFICER_COUNTED(alias) \
  " NOT EXISTS (SELECT 1 FROM officer_count oc WHERE oc.agency_id = " alias ".agency_id)"

/* jd_stats_overview for the district (AGENCY_ID 0) or for one agency of it:
 * then the agency counts are 1 (when it existed in YEAR) or 0, and every
 * other count is that agency's. */
gboolean     _jd_stats_overview_for     (JdDb         *db,
                                         gint64        district_id,
                                         gint64        agency_id,
                                         int           year,
                                         JdOverview   *out,
                                         GError      **error);

G_END_DECLS
