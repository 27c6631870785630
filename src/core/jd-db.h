/* jd-db.h: the Jiandu database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One JdDb owns one SQLite connection. Every write keeps the rollup table
 * exact in the same transaction (triggers in the schema), so statistics never
 * scan the records table.
 */
#pragma once

#include <gio/gio.h>

#include "jd-core-types.h"

G_BEGIN_DECLS

#define JD_DB_ERROR (jd_db_error_quark ())

typedef enum
{
  JD_DB_ERROR_OPEN,           /* the file cannot be opened or created */
  JD_DB_ERROR_NOT_DATABASE,   /* not an SQLite file at all */
  JD_DB_ERROR_CORRUPT,        /* an SQLite file that is damaged */
  JD_DB_ERROR_FOREIGN,        /* an SQLite database of another program */
  JD_DB_ERROR_TOO_NEW,        /* written by a newer Jiandu */
  JD_DB_ERROR_MIGRATION,      /* an upgrade step failed; nothing was changed */
  JD_DB_ERROR_BACKUP,         /* the copy made before an upgrade failed */
  JD_DB_ERROR_INVALID,        /* a value given to a write is not acceptable */
  JD_DB_ERROR_NOT_FOUND,
  JD_DB_ERROR_FAILED,
} JdDbError;

/* The schema version this build reads and writes (PRAGMA user_version). */
#define JD_DB_SCHEMA_VERSION 2

/* The application id stored in PRAGMA application_id: "JDDB". */
#define JD_DB_APPLICATION_ID 0x4A444442

#define JD_TYPE_DB (jd_db_get_type ())
G_DECLARE_FINAL_TYPE (JdDb, jd_db, JD, DB, GObject)

GQuark       jd_db_error_quark          (void);

/* $XDG_DATA_HOME/jiandu/jiandu.db */
char        *jd_db_default_path         (void);

/* Opens PATH, creating it (and its folder) when missing, and upgrades an older
 * schema after copying the file aside to PATH.vN.bak. ":memory:" opens a
 * private in-memory database. A newer, foreign or damaged file is refused and
 * left byte-identical. */
JdDb        *jd_db_open                 (const char   *path,
                                         GError      **error);
const char  *jd_db_get_path             (JdDb         *self);
int          jd_db_get_schema_version   (JdDb         *self);
/* The file the last migration copied the old database to, or NULL. */
const char  *jd_db_get_backup_path      (JdDb         *self);

/* Transactions nest: only the outermost begin/commit reach SQLite. */
gboolean     jd_db_begin                (JdDb         *self,
                                         GError      **error);
gboolean     jd_db_commit               (JdDb         *self,
                                         GError      **error);
void         jd_db_rollback             (JdDb         *self);

/* For bulk writes (imports, the sample district): begins a transaction in
 * which the per-row rollup triggers stand aside; jd_db_end_bulk recounts the
 * rollups and commits, so the rollups are exact when the transaction ends.
 * On failure, jd_db_rollback undoes everything. */
gboolean     jd_db_begin_bulk           (JdDb         *self,
                                         GError      **error);
gboolean     jd_db_end_bulk             (JdDb         *self,
                                         GError      **error);

/* TRUE when the database holds no agencies (a first run). */
gboolean     jd_db_is_empty             (JdDb         *self);

/* Districts ----------------------------------------------------------------- */

typedef enum
{
  JD_DISTRICT_LEVEL_DISTRICT = 0,   /* 区 */
  JD_DISTRICT_LEVEL_COUNTY   = 1,   /* 县 */
  JD_DISTRICT_LEVEL_CITY     = 2,   /* 市 */
} JdDistrictLevel;

gboolean     jd_db_add_district         (JdDb            *self,
                                         const char      *code,
                                         const char      *name,
                                         JdDistrictLevel  level,
                                         gboolean         is_local,
                                         gint64          *out_id,
                                         GError         **error);
/* The id of our own district, or 0 when there is none yet. */
gint64       jd_db_get_local_district   (JdDb            *self);
/* The local district's name (owned by the caller), or NULL. */
char        *jd_db_dup_local_district_name (JdDb         *self);

/* Domains (执法领域) -------------------------------------------------------- */

gboolean     jd_db_add_domain           (JdDb         *self,
                                         const char   *code,
                                         const char   *name,
                                         gint64       *out_id,
                                         GError      **error);
/* 0 when CODE is unknown */
gint64       jd_db_lookup_domain        (JdDb         *self,
                                         const char   *code);

/* Agencies ------------------------------------------------------------------ */

typedef struct
{
  gint64        district_id;
  const char   *name;
  JdAgencyKind  kind;
  gint64        domain_id;          /* 0: none */
  gboolean      active;
  int           established_year;   /* 0: before records began */
  int           dissolved_year;     /* 0: still exists */
} JdAgencyInfo;

gboolean     jd_db_add_agency           (JdDb               *self,
                                         const JdAgencyInfo *info,
                                         gint64             *out_id,
                                         GError            **error);

/* Officers and certificates ------------------------------------------------- */

typedef struct
{
  gint64          agency_id;
  const char     *name;
  const char     *certificate_no;     /* unique; NULL before a certificate */
  const char     *issued_on;          /* YYYY-MM-DD of the first issue */
  const char     *expires_on;         /* YYYY-MM-DD */
  JdCertStatus    status;
  JdCancelReason  cancel_reason;      /* with JD_CERT_STATUS_CANCELLED */
  const char     *status_changed_on;  /* YYYY-MM-DD, or NULL */
  int             exam_year;          /* qualification exam passed; 0: unknown */
} JdOfficerInfo;

gboolean     jd_db_add_officer          (JdDb                *self,
                                         const JdOfficerInfo *info,
                                         gint64              *out_id,
                                         GError             **error);

/* Records a certificate event in the history and applies it to the officer:
 * ISSUE and RENEW set the expiry (NEW_EXPIRY), SUSPEND and CANCEL change the
 * status (CANCEL with a reason), REINSTATE makes it valid again. */
gboolean     jd_db_apply_certificate_event (JdDb            *self,
                                            gint64           officer_id,
                                            JdCertEventKind  kind,
                                            const char      *date,
                                            const char      *new_expiry,
                                            JdCancelReason   reason,
                                            GError         **error);

/* Enforcement records ------------------------------------------------------- */

typedef struct
{
  gint64            agency_id;
  JdActionCategory  category;
  JdProcedure       procedure;          /* penalties only; NONE otherwise */
  JdPenaltyType     penalty_type;       /* penalties only: the heaviest */
  const char       *opened_on;          /* YYYY-MM-DD, required */
  const char       *closed_on;          /* YYYY-MM-DD decided/closed, or NULL */
  gint64            domain_id;          /* 0: the agency's domain */
  const char       *party;
  gint64            fine_fen;           /* 罚款, in fen (0.01 yuan) */
  gint64            confiscation_fen;   /* 没收, in fen */
  gboolean          publicized;         /* 公示 */
  gboolean          recorded;           /* 全过程记录 */
  gboolean          legal_review_required;
  gboolean          legal_review_done;  /* 法制审核 */
  JdLeniency        leniency;
  gboolean          referred;           /* 移送司法机关 */
  const char       *decision_no;        /* 决定书文号 */
  const gint64     *officer_ids;        /* the officers who acted */
  guint             n_officers;
} JdRecordInfo;

/* A record counts in the year it was decided or closed, or else the year it
 * was opened. Invalid input fails with JD_DB_ERROR_INVALID and a message that
 * names the field. */
gboolean     jd_db_add_record           (JdDb               *self,
                                         const JdRecordInfo *info,
                                         gint64             *out_id,
                                         GError            **error);
gboolean     jd_db_update_record        (JdDb               *self,
                                         gint64              record_id,
                                         const JdRecordInfo *info,
                                         GError            **error);
gboolean     jd_db_delete_record        (JdDb               *self,
                                         gint64              record_id,
                                         GError            **error);
gboolean     jd_db_validate_record      (const JdRecordInfo *info,
                                         GError            **error);

/* Supervision figures per agency and year (复议, 诉讼, 出庭应诉) --------------- */

typedef struct
{
  gint64  agency_id;
  int     year;
  int     reconsiderations;            /* 复议 received */
  int     reconsiderations_corrected;  /* 复议纠错 */
  int     lawsuits_concluded;          /* 诉讼 审结 */
  int     lawsuits_lost;               /* 败诉 */
  int     hearings;                    /* cases heard in court */
  int     head_appearances;            /* 负责人出庭应诉 */
} JdSupervisionFigures;

gboolean     jd_db_set_supervision_figures (JdDb                       *self,
                                            const JdSupervisionFigures *figures,
                                            GError                    **error);

/* Rollups ------------------------------------------------------------------- */

/* Recomputes the rollup table from the records, in one transaction. */
gboolean     jd_db_rebuild_rollups      (JdDb         *self,
                                         GError      **error);
/* Compares the rollup table with a fresh recount; FALSE with a message naming
 * the first difference. */
gboolean     jd_db_check_rollups        (JdDb         *self,
                                         GError      **error);

/* The years that have records, ascending. */
GArray      *jd_db_list_years           (JdDb         *self);

G_END_DECLS
