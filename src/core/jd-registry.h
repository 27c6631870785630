/* jd-registry.h: reading and editing agencies, officers and their figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the registry forms need beyond jd-db.h: plain-struct reads, updates,
 * deactivation and guarded deletes, and the checks the forms run as the user
 * types. Every check fails with JD_DB_ERROR_INVALID and a translated sentence
 * that names the field; every write runs the same checks first, in one
 * transaction, so the rollups stay exact.
 */
#pragma once

#include "jd-db.h"

G_BEGIN_DECLS

/* Plain reads ---------------------------------------------------------------- */

typedef struct
{
  gint64        id;
  gint64        district_id;
  char         *name;
  JdAgencyKind  kind;
  gint64        domain_id;          /* 0: none */
  gboolean      active;
  int           established_year;   /* 0: unknown */
  int           dissolved_year;     /* 0: still exists */
} JdAgency;

typedef struct
{
  gint64          id;
  gint64          agency_id;
  char           *name;
  char           *certificate_no;     /* NULL: none */
  char           *issued_on;          /* NULL: none */
  char           *expires_on;         /* NULL: none */
  JdCertStatus    status;
  JdCancelReason  cancel_reason;
  char           *status_changed_on;  /* NULL: none */
  int             exam_year;          /* 0: unknown */
} JdOfficer;

/* A district or a domain: id, code and name. */
typedef struct
{
  gint64  id;
  char   *code;
  char   *name;
} JdNamedItem;

void          jd_agency_free                     (JdAgency     *agency);
void          jd_officer_free                    (JdOfficer    *officer);
void          jd_named_item_free                 (JdNamedItem  *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAgency, jd_agency_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdOfficer, jd_officer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdNamedItem, jd_named_item_free)

/* NULL with JD_DB_ERROR_NOT_FOUND when there is no such row. */
JdAgency     *jd_registry_get_agency             (JdDb         *db,
                                                  gint64        agency_id,
                                                  GError      **error);
JdOfficer    *jd_registry_get_officer            (JdDb         *db,
                                                  gint64        officer_id,
                                                  GError      **error);

/* Arrays that own their elements, ordered by name (agencies: by kind, then
 * name). DISTRICT_ID 0 lists the agencies of every district. */
GPtrArray    *jd_registry_list_agencies          (JdDb         *db,
                                                  gint64        district_id);
GPtrArray    *jd_registry_list_officers          (JdDb         *db,
                                                  gint64        agency_id);
GPtrArray    *jd_registry_list_domains           (JdDb         *db);
GPtrArray    *jd_registry_list_districts         (JdDb         *db);

/* Records an agency or an officer took part in (all years). */
gint64        jd_registry_count_agency_records   (JdDb         *db,
                                                  gint64        agency_id);
gint64        jd_registry_count_officer_records  (JdDb         *db,
                                                  gint64        officer_id);

/* The figures of AGENCY_ID for YEAR; all zero (and *OUT_STORED FALSE) when
 * none were entered. */
gboolean      jd_registry_get_supervision_figures (JdDb                 *db,
                                                   gint64                agency_id,
                                                   int                   year,
                                                   JdSupervisionFigures *out,
                                                   gboolean             *out_stored,
                                                   GError              **error);

/* Checks, for the forms as the user types ------------------------------------ */

/* Not empty; no other agency of DISTRICT_ID has that name (EXCLUDE_ID is the
 * agency being edited, 0 for a new one). */
gboolean      jd_registry_check_agency_name      (JdDb         *db,
                                                  gint64        district_id,
                                                  const char   *name,
                                                  gint64        exclude_id,
                                                  GError      **error);
/* Parses a year field: empty gives 0; otherwise 1949 … 2100. FIELD is the
 * translated name of the field, for the message. */
gboolean      jd_registry_parse_year             (const char   *text,
                                                  const char   *field,
                                                  int          *out_year,
                                                  GError      **error);
/* Dissolved not before established; an inactive agency needs its dissolution
 * year, an active one has none. */
gboolean      jd_registry_check_agency_years     (int           established_year,
                                                  int           dissolved_year,
                                                  gboolean      active,
                                                  GError      **error);
gboolean      jd_registry_check_agency           (JdDb               *db,
                                                  const JdAgencyInfo *info,
                                                  gint64              exclude_id,
                                                  GError            **error);

gboolean      jd_registry_check_officer_name     (const char   *name,
                                                  GError      **error);
/* Empty is allowed (no certificate yet). Letters, digits and hyphens, 4 to 40
 * of them, with at least one digit; not held by another officer. */
gboolean      jd_registry_check_certificate_no   (JdDb         *db,
                                                  const char   *certificate_no,
                                                  gint64        exclude_id,
                                                  GError      **error);
/* YYYY-MM-DD, a real day. FIELD is the translated name of the field. */
gboolean      jd_registry_check_date             (const char   *text,
                                                  const char   *field,
                                                  gboolean      required,
                                                  GError      **error);
/* Each date valid; expiry after issue; a certificate number needs an issue
 * date and an expiry. */
gboolean      jd_registry_check_officer_dates    (const char   *certificate_no,
                                                  const char   *issued_on,
                                                  const char   *expires_on,
                                                  GError      **error);
gboolean      jd_registry_check_officer          (JdDb                *db,
                                                  const JdOfficerInfo *info,
                                                  gint64               exclude_id,
                                                  GError             **error);

/* Whether KIND applies to the officer's present certificate state (no renewal
 * of a cancelled certificate, no reinstatement of a valid one, …), with a
 * valid date, a new expiry after the date for issue and renewal and a reason
 * for cancellation. */
gboolean      jd_registry_check_certificate_event (JdDb            *db,
                                                   gint64           officer_id,
                                                   JdCertEventKind  kind,
                                                   const char      *date,
                                                   const char      *new_expiry,
                                                   JdCancelReason   reason,
                                                   GError         **error);

/* No negative count; corrected ≤ received, lost ≤ concluded, appearances ≤
 * hearings; a year between 1949 and 2100. */
gboolean      jd_registry_check_supervision_figures (const JdSupervisionFigures *figures,
                                                     GError                    **error);

/* Writes ---------------------------------------------------------------------- */

/* jd_db_add_agency / jd_db_add_officer after the checks above. */
gboolean      jd_registry_add_agency             (JdDb               *db,
                                                  const JdAgencyInfo *info,
                                                  gint64             *out_id,
                                                  GError            **error);
gboolean      jd_registry_add_officer            (JdDb                *db,
                                                  const JdOfficerInfo *info,
                                                  gint64              *out_id,
                                                  GError             **error);

/* Every field of INFO. A change of district carries the agency's rollups
 * along. */
gboolean      jd_registry_update_agency          (JdDb               *db,
                                                  gint64              agency_id,
                                                  const JdAgencyInfo *info,
                                                  GError            **error);
/* Deactivating sets the dissolution year (required); reactivating clears it. */
gboolean      jd_registry_set_agency_active      (JdDb         *db,
                                                  gint64        agency_id,
                                                  gboolean      active,
                                                  int           dissolved_year,
                                                  GError      **error);
/* Name, certificate number, agency (a transfer: the records stay with the
 * agency that made them), issue and expiry dates and exam year. The status
 * fields of INFO are ignored: they change through certificate events. */
gboolean      jd_registry_update_officer         (JdDb                *db,
                                                  gint64               officer_id,
                                                  const JdOfficerInfo *info,
                                                  GError             **error);

/* Refused (JD_DB_ERROR_INVALID) when the officer took part in records: the
 * certificate is to be cancelled instead. */
gboolean      jd_registry_can_delete_officer     (JdDb         *db,
                                                  gint64        officer_id,
                                                  GError      **error);
gboolean      jd_registry_delete_officer         (JdDb         *db,
                                                  gint64        officer_id,
                                                  GError      **error);
/* Refused when the agency has officers or records: deactivate it instead.
 * Its supervision figures go with it. */
gboolean      jd_registry_can_delete_agency      (JdDb         *db,
                                                  gint64        agency_id,
                                                  GError      **error);
gboolean      jd_registry_delete_agency          (JdDb         *db,
                                                  gint64        agency_id,
                                                  GError      **error);

/* jd_db_apply_certificate_event after jd_registry_check_certificate_event. */
gboolean      jd_registry_apply_certificate_event (JdDb            *db,
                                                   gint64           officer_id,
                                                   JdCertEventKind  kind,
                                                   const char      *date,
                                                   const char      *new_expiry,
                                                   JdCancelReason   reason,
                                                   GError         **error);
/* jd_db_set_supervision_figures after the checks, for an existing agency. */
gboolean      jd_registry_set_supervision_figures (JdDb                       *db,
                                                   const JdSupervisionFigures *figures,
                                                   GError                    **error);

/* Translated label of a certificate event kind. */
const char   *jd_cert_event_kind_to_label        (JdCertEventKind  kind);

G_END_DECLS
