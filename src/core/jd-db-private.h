/* jd-db-private.h: what core's own files share about the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "jd-db.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A migration step brings the schema from version - 1 to version. */
typedef struct
{
  int          version;
  const char  *sql;
} JdMigration;

const JdMigration *_jd_db_get_migrations     (guint        *n_migrations);

sqlite3           *_jd_db_get_handle         (JdDb         *self);

/* A cached prepared statement, reset and with its bindings cleared; owned by
 * the JdDb. Do not finalize it. */
sqlite3_stmt      *_jd_db_prepare_cached     (JdDb         *self,
                                              const char   *sql,
                                              GError      **error);
/* A fresh statement, owned by the caller (use g_autoptr). */
sqlite3_stmt      *_jd_db_prepare            (JdDb         *self,
                                              const char   *sql,
                                              GError      **error);
gboolean           _jd_db_exec               (JdDb         *self,
                                              const char   *sql,
                                              GError      **error);
/* Binds TEXT (copied), or NULL when it is NULL or empty. */
void               _jd_db_bind_text_or_null  (sqlite3_stmt *stmt,
                                              int           index,
                                              const char   *text);
/* Binds ID, or NULL when it is 0 or less (no id, no year). */
void               _jd_db_bind_id_or_null    (sqlite3_stmt *stmt,
                                              int           index,
                                              gint64        id);
/* Sets ERROR from the connection's last error. Always returns FALSE. */
gboolean           _jd_db_set_error          (JdDb         *self,
                                              GError      **error);

/* jd_db_add_record () for a caller that has checked INFO with
 * jd_db_validate_record () already. */
gboolean           _jd_db_insert_record      (JdDb               *self,
                                              const JdRecordInfo *info,
                                              gint64             *out_id,
                                              GError            **error);
/* Inside jd_db_begin_bulk (): counts a record that a core writer inserted
 * itself into the rollup deltas that jd_db_end_bulk applies. Every insert of
 * a bulk write must be counted, or be followed by _jd_db_bulk_uncounted (). */
void               _jd_db_bulk_count_record  (JdDb               *self,
                                              const JdRecordInfo *info);
/* A bulk write changed records in a way the deltas cannot follow: the end
 * of the bulk write recounts everything instead. */
void               _jd_db_bulk_uncounted     (JdDb               *self);

/* For the migration tests: opens PATH and brings it only up to VERSION. */
JdDb              *_jd_db_open_at_version    (const char   *path,
                                              int           version,
                                              GError      **error);

G_END_DECLS
