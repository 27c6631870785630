/* jd-stats.h: the figures of the overview, from the rollups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-db.h"

G_BEGIN_DECLS

typedef enum
{
  JD_FIGURE_AGENCIES = 0,
  JD_FIGURE_AGENCIES_DEPARTMENTS,
  JD_FIGURE_AGENCIES_TOWNS,
  JD_FIGURE_AGENCIES_TEAMS,
  JD_FIGURE_AGENCIES_OTHER,
  JD_FIGURE_OFFICERS_VALID,
  JD_FIGURE_OFFICERS_NEW,
  JD_FIGURE_OFFICERS_CANCELLED,
  JD_FIGURE_RECORDS,
  JD_FIGURE_INSPECTIONS,
  JD_FIGURE_PENALTIES,
  JD_FIGURE_PENALTIES_GENERAL,
  JD_FIGURE_PENALTIES_SIMPLE,
  JD_FIGURE_COERCION,
  JD_FIGURE_LICENSING,
  JD_FIGURE_OTHER_ACTIONS,
  JD_FIGURE_FINES,           /* fen */
  JD_FIGURE_CONFISCATIONS,   /* fen */
} JdFigure;
#define JD_FIGURE_N (JD_FIGURE_CONFISCATIONS + 1)

typedef struct
{
  int     year;
  gint64  values[JD_FIGURE_N];
  gint64  records_by_category[JD_CATEGORY_N];
} JdOverview;

/* Stable identifier (the CLI's JSON keys) and translated label. */
const char  *jd_figure_to_id            (JdFigure      figure);
const char  *jd_figure_to_label         (JdFigure      figure);
/* TRUE for amounts of money (values in fen). */
gboolean     jd_figure_is_money         (JdFigure      figure);

/* Fills OUT for YEAR in DISTRICT_ID (0: the local district). Reads only the
 * registry and the rollups. */
gboolean     jd_stats_overview          (JdDb         *db,
                                         gint64        district_id,
                                         int           year,
                                         JdOverview   *out,
                                         GError      **error);

/* The change from PREVIOUS to CURRENT; FALSE when PREVIOUS is zero (no
 * percentage can be given), with *OUT_PERCENT left at 0. */
gboolean     jd_stats_change            (gint64        current,
                                         gint64        previous,
                                         gint64       *out_delta,
                                         double       *out_percent);

G_END_DECLS
