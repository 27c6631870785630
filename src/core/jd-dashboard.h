/* jd-dashboard.h: rates, rankings and alerts for a district or one agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here reads the registry, the rollups, officer_activity and
 * supervision_figures: never the records table. Formulas follow DOMAIN.md
 * §3 and §10; each rate keeps its numerator and denominator so the UI can
 * show the raw numbers and say which denominator was used.
 */
#pragma once

#include "jd-db.h"
#include "jd-stats.h"

G_BEGIN_DECLS

/* A ratio with its parts; value is 0 and defined is FALSE when the
 * denominator is 0. */
typedef struct
{
  gint64    numerator;
  gint64    denominator;
  double    value;        /* numerator / denominator, 0..1 for shares */
  gboolean  defined;
} JdRatio;

typedef enum
{
  JD_RATE_CERTIFICATE = 0,        /* 持证率: valid certificates ÷ officers in service at year end */
  JD_RATE_PARTICIPATION,          /* 参与率: officers with ≥ 1 record ÷ valid certificates */
  JD_RATE_RECORDS_PER_OFFICER,    /* 人均执法量: records ÷ participating officers (not a share) */
  JD_RATE_PUBLICIZED,             /* 公示: publicized ÷ records */
  JD_RATE_RECORDED,               /* 全过程记录: recorded ÷ records */
  JD_RATE_LEGAL_REVIEW,           /* 法制审核: reviewed ÷ records where review was required */
  JD_RATE_RECONSIDERATION_CORRECTION, /* 复议纠错率: corrected ÷ reconsiderations received */
  JD_RATE_LITIGATION_LOSS,        /* 败诉率: lost ÷ lawsuits concluded */
  JD_RATE_HEAD_APPEARANCE,        /* 负责人出庭应诉率: head appearances ÷ hearings */
} JdRate;
#define JD_RATE_N (JD_RATE_HEAD_APPEARANCE + 1)

typedef struct
{
  int         year;
  gint64      district_id;
  gint64      agency_id;                               /* 0: the whole district */
  JdOverview  overview;                                /* counts and sums, as jd_stats_overview */
  gint64      cancelled_by_reason[JD_CANCEL_REASON_N];
  gint64      officers_in_service;                     /* not cancelled at year end */
  gint64      officers_participating;                  /* ≥ 1 record in the year */
  gint64      leniency[JD_LENIENCY_N];                 /* index JD_LENIENCY_NONE unused */
  gint64      referrals;
  JdRatio     rates[JD_RATE_N];
} JdDashboard;

const char  *jd_rate_to_id              (JdRate          rate);
const char  *jd_rate_to_label           (JdRate          rate);
/* "valid certificates ÷ officers in service at the end of the year" */
const char  *jd_rate_to_formula         (JdRate          rate);
/* TRUE for shares shown as percentages; FALSE for records per officer */
gboolean     jd_rate_is_share           (JdRate          rate);

/* AGENCY_ID 0 gives the district (DISTRICT_ID 0: the local one). For an
 * agency, DISTRICT_ID may be 0; an agency that does not exist, or is not in
 * DISTRICT_ID, fails with JD_DB_ERROR_NOT_FOUND. An agency's overview
 * counts it as 1 agency when it existed in YEAR, else 0. */
gboolean     jd_dashboard_compute       (JdDb           *db,
                                         gint64          district_id,
                                         gint64          agency_id,
                                         int             year,
                                         JdDashboard    *out,
                                         GError        **error);

/* Agencies ------------------------------------------------------------------ */

/* One row of the agencies page and of the rankings. */
typedef struct
{
  gint64        id;
  char         *name;
  JdAgencyKind  kind;
  gint64        domain_id;
  char         *domain_name;          /* NULL when none */
  gboolean      active;
  gint64        officers_valid;       /* at the end of the year */
  gint64        officers_participating;
  gint64        records;
  gint64        records_previous;     /* the year before */
  gint64        inspections;
  gint64        penalties;
  gint64        penalties_general;
  gint64        penalties_simple;
  gint64        fine_fen;
  gint64        publicized;
  gint64        recorded;
  gint64        review_required;
  gint64        review_done;
} JdAgencyYear;

void         jd_agency_year_free        (JdAgencyYear   *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAgencyYear, jd_agency_year_free)

/* Every agency of the district that existed in YEAR, by name; element type
 * JdAgencyYear*, owned by the array. */
GPtrArray   *jd_dashboard_list_agencies (JdDb           *db,
                                         gint64          district_id,
                                         int             year,
                                         GError        **error);

/* Rankings (as the yearly reports write them) ------------------------------- */

typedef struct
{
  gint64   department_threshold;   /* records; default 1000 */
  gint64   town_threshold;         /* records; default 1500 */
  guint    top_n;                  /* default 5 */
} JdRankingOptions;

void         jd_ranking_options_init    (JdRankingOptions *options);

/* Each returns a new array of borrowed pointers into AGENCIES (which must
 * outlive it), in ranking order. */
/* Departments (or streets and towns) with more records than the threshold,
 * most first. */
GPtrArray   *jd_rank_above_threshold    (GPtrArray              *agencies,
                                         JdAgencyKind            kind,
                                         gint64                  threshold);
/* Agencies with at least one valid officer, by records per valid officer:
 * the TOP_N highest (TOP TRUE) or lowest. */
GPtrArray   *jd_rank_records_per_officer (GPtrArray             *agencies,
                                          gboolean               top,
                                          guint                  n);
/* Agencies with penalties, most penalties first. */
GPtrArray   *jd_rank_penalties          (GPtrArray              *agencies);

/* Alerts (预警) ------------------------------------------------------------- */

typedef enum
{
  JD_ALERT_NO_RECORDS = 0,         /* an agency with no records in the year */
  JD_ALERT_NO_PENALTIES,           /* records, but no penalty ("沉睡") */
  JD_ALERT_OFFICER_IDLE,           /* a valid officer with no records in the year */
  JD_ALERT_CERTIFICATE_EXPIRED,    /* past its expiry date but still marked valid */
  JD_ALERT_CERTIFICATE_EXPIRING,   /* expires within the warning window */
  JD_ALERT_RECORDS_FELL,           /* records fell by more than the threshold */
  JD_ALERT_THREE_SYSTEMS,          /* compliance under the threshold */
  JD_ALERT_REVIEW_FAILED,          /* 不合格 files in a case-file review batch of the year */
  JD_ALERT_LETTER_OVERDUE,         /* a supervision letter past its reply deadline */
} JdAlertKind;
#define JD_ALERT_N (JD_ALERT_LETTER_OVERDUE + 1)

typedef struct
{
  guint    expiring_days;          /* default 90 */
  double   records_fall;           /* default 0.30 */
  double   three_systems_minimum;  /* default 0.90 */
  char    *reference_date;         /* YYYY-MM-DD for certificate alerts; NULL: the end of the
                                    * year, or today when the year is the current one */
} JdAlertOptions;

typedef struct
{
  JdAlertKind  kind;
  gint64       agency_id;
  gint64       officer_id;         /* 0 for agency alerts */
  char        *subject;            /* the agency's or officer's name */
  char        *message;            /* translated, with the figures: "Records fell by 42.0% (1,234 → 716)" */
  double       value;              /* the figure that triggered it */
} JdAlert;

void         jd_alert_options_init      (JdAlertOptions *options);
void         jd_alert_free              (JdAlert        *alert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAlert, jd_alert_free)

/* Alerts for YEAR in the district; element type JdAlert*, owned by the
 * array. Order: agency alerts first, then officer alerts; within each group
 * by subject name (g_utf8_collate), then by kind in the order of JdAlertKind,
 * then by agency id and officer id. Agencies that did not exist in YEAR, and
 * their officers, get none. OPTIONS NULL: the defaults; its reference_date
 * is borrowed, and a reference date that is not YYYY-MM-DD fails with
 * JD_DB_ERROR_INVALID.
 *
 * An agency: NO_RECORDS (value 0), or NO_PENALTIES (value: its records);
 * RECORDS_FELL when last year > 0 and (last - this) / last > records_fall
 * (value: the fall, 0..1); THREE_SYSTEMS when it has records and the lowest
 * of publicized ÷ records, recorded ÷ records and, where any review was
 * required, reviewed ÷ required is under three_systems_minimum (value: that
 * lowest share). An officer: OFFICER_IDLE when valid at the end of YEAR with
 * no record in it (value 0); marked valid with expires_on before the
 * reference date: CERTIFICATE_EXPIRED (value: days since), or on it or
 * within expiring_days after it: CERTIFICATE_EXPIRING (value: days left).
 * Case-file review (agency alerts): REVIEW_FAILED when files of the agency
 * stand 不合格 in review batches of YEAR (value: how many files);
 * LETTER_OVERDUE for each supervision letter issued to it whose reply was
 * due before the reference date and not recorded by then (value: days
 * overdue). */
GPtrArray   *jd_dashboard_alerts        (JdDb                 *db,
                                         gint64                district_id,
                                         int                   year,
                                         const JdAlertOptions *options,
                                         GError              **error);

G_END_DECLS
