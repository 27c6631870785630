/* jd-db.c: the SQLite database, its opening, upgrades and writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-db"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-db-private.h"
#include "jd-format.h"

struct _JdDb
{
  GObject      parent_instance;

  sqlite3     *handle;
  char        *path;
  char        *backup_path;
  GHashTable  *statements;      /* SQL text (static, by address) → sqlite3_stmt */
  guint        depth;           /* transaction nesting */
  GPtrArray   *bulk_triggers;   /* inside jd_db_begin_bulk (): the SQL of the
                                 * rollup triggers set aside, or NULL */
  GHashTable  *bulk_rollups;    /* RollupDelta → itself, the bulk write's counts */
  GHashTable  *bulk_activity;   /* officer id × 4096 + year → records */
  gboolean     bulk_uncounted;  /* the deltas are incomplete: recount at the end */
  int          schema_version;
};

G_DEFINE_FINAL_TYPE (JdDb, jd_db, G_TYPE_OBJECT)

/* What a bulk write adds to one rollup row: the same sums as the triggers */
enum {
  SUM_RECORDS, SUM_FINE, SUM_CONFISCATION, SUM_PUBLICIZED, SUM_RECORDED,
  SUM_REVIEW_REQUIRED, SUM_REVIEW_DONE, SUM_NOT_PENALISED, SUM_FIRST_OFFENCE,
  SUM_LIGHTER, SUM_MITIGATED, SUM_REFERRED, N_SUMS
};

typedef struct
{
  gint64  agency_id;
  int     year;
  int     category;
  int     procedure;
  gint64  sums[N_SUMS];
} RollupDelta;

static guint
rollup_delta_hash (gconstpointer data)
{
  const RollupDelta *d = data;

  return g_int64_hash (&d->agency_id) ^ ((guint) d->year * 16777619u) ^
         ((guint) d->category << 4) ^ (guint) d->procedure;
}

static gboolean
rollup_delta_equal (gconstpointer a,
                    gconstpointer b)
{
  const RollupDelta *x = a, *y = b;

  return x->agency_id == y->agency_id && x->year == y->year &&
         x->category == y->category && x->procedure == y->procedure;
}

G_DEFINE_QUARK (jd-db-error-quark, jd_db_error)

static void bulk_clear (JdDb *self);

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */

/* Helpers ------------------------------------------------------------------- */

gboolean
_jd_db_set_error (JdDb    *self,
                  GError **error)
{
  int code = sqlite3_extended_errcode (self->handle);
  int primary = code & 0xff;
  JdDbError jd_code;

  switch (primary)
    {
    case SQLITE_CORRUPT:
      jd_code = JD_DB_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      jd_code = JD_DB_ERROR_NOT_DATABASE;
      break;
    case SQLITE_CONSTRAINT:
      jd_code = JD_DB_ERROR_INVALID;
      break;
    default:
      jd_code = JD_DB_ERROR_FAILED;
      break;
    }

  g_set_error (error, JD_DB_ERROR, jd_code,
               /* Translators: %s is the database file, %s the reason */
               _("Database “%s”: %s"),
               self->path, sqlite3_errmsg (self->handle));
  return FALSE;
}

sqlite3 *
_jd_db_get_handle (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), NULL);

  return self->handle;
}

sqlite3_stmt *
_jd_db_prepare (JdDb        *self,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _jd_db_set_error (self, error);
      return NULL;
    }

  return stmt;
}

sqlite3_stmt *
_jd_db_prepare_cached (JdDb        *self,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _jd_db_set_error (self, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_jd_db_exec (JdDb        *self,
             const char  *sql,
             GError     **error)
{
  if (sqlite3_exec (self->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _jd_db_set_error (self, error);

  return TRUE;
}

static gboolean
step_done (JdDb          *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _jd_db_set_error (self, error);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs an INSERT and hands back the new row's id. */
static gboolean
step_insert (JdDb          *self,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  if (!step_done (self, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (self->handle);
  return TRUE;
}

static gint64
query_int (JdDb       *self,
           const char *sql,
           gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;

  return sqlite3_column_int64 (stmt, 0);
}

void
_jd_db_bind_text_or_null (sqlite3_stmt *stmt,
                          int           index,
                          const char   *text)
{
  if (text != NULL && *text != '\0')
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
_jd_db_bind_id_or_null (sqlite3_stmt *stmt,
                        int           index,
                        gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
invalid (GError     **error,
         const char  *field,
         const char  *problem)
{
  g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
               /* Translators: the first %s is a field name, the second the problem */
               _("Field “%s”: %s"), field, problem);
  return FALSE;
}

static gboolean
check_date (const char  *value,
            const char  *field,
            gboolean     required,
            GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      if (required)
        return invalid (error, field, _("a date is required"));
      return TRUE;
    }

  if (!jd_parse_iso_date (value, NULL, NULL, NULL))
    {
      g_autofree char *problem =
        /* Translators: %s is what the user gave instead of a date */
        g_strdup_printf (_("“%s” is not a date of the form YYYY-MM-DD"), value);
      return invalid (error, field, problem);
    }

  return TRUE;
}

/* Opening ------------------------------------------------------------------- */

static void
jd_db_finalize (GObject *object)
{
  JdDb *self = (JdDb *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  bulk_clear (self);
  if (self->handle != NULL)
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (jd_db_parent_class)->finalize (object);
}

static void
jd_db_class_init (JdDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_db_finalize;
}

static void
jd_db_init (JdDb *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) sqlite3_finalize);
}

char *
jd_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiandu", "jiandu.db", NULL);
}

/* Looks at the first bytes of an existing file without opening it as a
 * database: an empty file is a new database, anything else must carry the
 * SQLite header. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_exists,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16];
  gsize n_read = 0;

  *out_exists = FALSE;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_OPEN,
                   /* Translators: %s is a file, %s the reason */
                   _("Cannot open “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  *out_exists = TRUE;

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n_read,
                                NULL, &local_error))
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_DATABASE,
                   _("“%s” is not a Jiandu database: it is not an SQLite file at all. "
                     "It was left untouched; choose another file or start a new database."),
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_before_migration (JdDb    *self,
                         int      from_version,
                         GError **error)
{
  g_autofree char *target = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (g_strcmp0 (self->path, ":memory:") == 0)
    return TRUE;

  for (guint i = 0; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); i++)
    {
      g_free (target);
      if (i == 0)
        target = g_strdup_printf ("%s.v%d.bak", self->path, from_version);
      else
        target = g_strdup_printf ("%s.v%d.%u.bak", self->path, from_version, i);
    }

  rc = sqlite3_open_v2 (target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }

  if (rc != SQLITE_OK)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_BACKUP,
                   /* Translators: the first %s is the backup file, the second the reason */
                   _("Could not copy the database to “%s” before upgrading it: %s. "
                     "The database was not changed."),
                   target, dest ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      g_unlink (target);
      return FALSE;
    }

  sqlite3_close (dest);
  g_free (self->backup_path);
  self->backup_path = g_strdup (target);
  g_message ("Copied %s to %s before upgrading it", self->path, target);
  return TRUE;
}

static gboolean
migrate (JdDb    *self,
         int      from_version,
         int      to_version,
         GError **error)
{
  const JdMigration *steps;
  guint n_steps;

  steps = _jd_db_get_migrations (&n_steps);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;
      g_autoptr(GError) local_error = NULL;

      if (steps[i].version <= from_version || steps[i].version > to_version)
        continue;

      set_version = g_strdup_printf ("PRAGMA user_version = %d;", steps[i].version);

      if (!_jd_db_exec (self, "BEGIN IMMEDIATE;", &local_error) ||
          !_jd_db_exec (self, steps[i].sql, &local_error) ||
          !_jd_db_exec (self, set_version, &local_error) ||
          !_jd_db_exec (self, "COMMIT;", &local_error))
        {
          sqlite3_exec (self->handle, "ROLLBACK;", NULL, NULL, NULL);
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_MIGRATION,
                       /* Translators: %d is a schema version, %s the database file */
                       _("Upgrading the database “%s” to version %d failed: %s. "
                         "The step was undone."),
                       self->path, steps[i].version, local_error->message);
          return FALSE;
        }

      self->schema_version = steps[i].version;
    }

  return TRUE;
}

static JdDb *
open_internal (const char  *path,
               int          target_version,
               GError     **error)
{
  g_autoptr(JdDb) self = NULL;
  gboolean exists = FALSE;
  gboolean in_memory;
  gint64 app_id, version, n_objects;

  g_return_val_if_fail (path != NULL, NULL);

  in_memory = g_strcmp0 (path, ":memory:") == 0;

  if (!in_memory)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!check_file_header (path, &exists, error))
        return NULL;

      if (!exists && g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_OPEN,
                       /* Translators: %s is a folder, %s the reason */
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  self = g_object_new (JD_TYPE_DB, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      if (self->handle == NULL)
        {
          g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_OPEN,
                       _("Cannot open “%s”: %s"), path, g_strerror (ENOMEM));
          return NULL;
        }
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, sqlite3_errmsg (self->handle));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  /* Read before writing anything: a file we refuse stays byte-identical. */
  n_objects = query_int (self, "SELECT count(*) FROM sqlite_schema;", -1);
  if (n_objects < 0)
    {
      int code = sqlite3_errcode (self->handle);

      g_set_error (error, JD_DB_ERROR,
                   code == SQLITE_NOTADB ? JD_DB_ERROR_NOT_DATABASE : JD_DB_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s). It was left untouched: "
                     "restore it from a backup copy, or choose another database."),
                   path, sqlite3_errmsg (self->handle));
      return NULL;
    }

  app_id = query_int (self, "PRAGMA application_id;", 0);
  version = query_int (self, "PRAGMA user_version;", 0);

  if (app_id != JD_DB_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_FOREIGN,
                   _("“%s” is an SQLite database of another program, not a Jiandu database. "
                     "It was left untouched; choose another file or start a new database."),
                   path);
      return NULL;
    }

  if (version > JD_DB_SCHEMA_VERSION)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Jiandu (database version %d; "
                     "this version reads up to %d). It was left untouched: "
                     "update Jiandu to open it."),
                   path, (int) version, JD_DB_SCHEMA_VERSION);
      return NULL;
    }

  self->schema_version = (int) version;

  if (version < target_version)
    {
      if (version > 0 && !backup_before_migration (self, (int) version, error))
        return NULL;

      if (!migrate (self, (int) version, target_version, error))
        return NULL;
    }

  if (!_jd_db_exec (self, "PRAGMA foreign_keys = ON;", error))
    return NULL;

  if (!in_memory)
    {
      if (!_jd_db_exec (self, "PRAGMA journal_mode = WAL;", error) ||
          !_jd_db_exec (self, "PRAGMA synchronous = NORMAL;", error) ||
          !_jd_db_exec (self, "PRAGMA cache_size = -65536;", error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

JdDb *
jd_db_open (const char  *path,
            GError     **error)
{
  return open_internal (path, JD_DB_SCHEMA_VERSION, error);
}

JdDb *
_jd_db_open_at_version (const char  *path,
                        int          version,
                        GError     **error)
{
  return open_internal (path, version, error);
}

const char *
jd_db_get_path (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), NULL);

  return self->path;
}

int
jd_db_get_schema_version (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), 0);

  return self->schema_version;
}

const char *
jd_db_get_backup_path (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), NULL);

  return self->backup_path;
}

/* Transactions -------------------------------------------------------------- */

gboolean
jd_db_begin (JdDb    *self,
             GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if (self->depth == 0 && !_jd_db_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
jd_db_commit (JdDb    *self,
              GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1 && !_jd_db_exec (self, "COMMIT;", error))
    return FALSE;

  self->depth--;
  return TRUE;
}

void
jd_db_rollback (JdDb *self)
{
  g_return_if_fail (JD_IS_DB (self));

  /* An inner rollback dooms the whole transaction: undo it all now. An outer
   * rollback after it has nothing left to do. */
  if (sqlite3_get_autocommit (self->handle) == 0)
    sqlite3_exec (self->handle, "ROLLBACK;", NULL, NULL, NULL);
  self->depth = 0;

  /* The rollback brought back the triggers a bulk write had set aside */
  if (self->bulk_triggers != NULL)
    {
      bulk_clear (self);
      sqlite3_exec (self->handle, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
    }
}

static void
bulk_clear (JdDb *self)
{
  g_clear_pointer (&self->bulk_triggers, g_ptr_array_unref);
  g_clear_pointer (&self->bulk_rollups, g_hash_table_unref);
  g_clear_pointer (&self->bulk_activity, g_hash_table_unref);
  self->bulk_uncounted = FALSE;
}

void
_jd_db_bulk_uncounted (JdDb *self)
{
  g_return_if_fail (JD_IS_DB (self));

  if (self->bulk_triggers != NULL)
    self->bulk_uncounted = TRUE;
}

void
_jd_db_bulk_count_record (JdDb               *self,
                          const JdRecordInfo *info)
{
  const char *date;
  RollupDelta key = { 0 };
  RollupDelta *delta;

  g_return_if_fail (JD_IS_DB (self));

  if (self->bulk_triggers == NULL || self->bulk_uncounted)
    return;

  /* The year the schema's generated column gives: closing, else opening */
  date = info->closed_on != NULL && *info->closed_on != '\0' ? info->closed_on : info->opened_on;
  key.agency_id = info->agency_id;
  key.year = (int) g_ascii_strtoll (date, NULL, 10);
  key.category = info->category;
  key.procedure = info->procedure;

  delta = g_hash_table_lookup (self->bulk_rollups, &key);
  if (delta == NULL)
    {
      delta = g_memdup2 (&key, sizeof key);
      g_hash_table_add (self->bulk_rollups, delta);
    }

  delta->sums[SUM_RECORDS]++;
  delta->sums[SUM_FINE] += info->fine_fen;
  delta->sums[SUM_CONFISCATION] += info->confiscation_fen;
  delta->sums[SUM_PUBLICIZED] += info->publicized != 0;
  delta->sums[SUM_RECORDED] += info->recorded != 0;
  delta->sums[SUM_REVIEW_REQUIRED] += info->legal_review_required != 0;
  delta->sums[SUM_REVIEW_DONE] += info->legal_review_required != 0 && info->legal_review_done != 0;
  delta->sums[SUM_NOT_PENALISED] += info->leniency == JD_LENIENCY_NOT_PENALISED;
  delta->sums[SUM_FIRST_OFFENCE] += info->leniency == JD_LENIENCY_FIRST_OFFENCE;
  delta->sums[SUM_LIGHTER] += info->leniency == JD_LENIENCY_LIGHTER;
  delta->sums[SUM_MITIGATED] += info->leniency == JD_LENIENCY_MITIGATED;
  delta->sums[SUM_REFERRED] += info->referred != 0;

  for (guint i = 0; i < info->n_officers; i++)
    {
      gint64 activity_key;
      gpointer count;
      gboolean repeated = FALSE;

      /* record_officer ignores an officer named twice */
      for (guint j = 0; j < i && !repeated; j++)
        repeated = info->officer_ids[j] == info->officer_ids[i];
      if (repeated)
        continue;

      activity_key = info->officer_ids[i] * 4096 + key.year;
      count = g_hash_table_lookup (self->bulk_activity, &activity_key);
      if (count == NULL)
        {
          count = g_new0 (gint64, 2);
          ((gint64 *) count)[0] = activity_key;
          g_hash_table_insert (self->bulk_activity, count, count);
        }
      ((gint64 *) count)[1]++;
    }
}

/* Adds the bulk write's counts to the rollups, a row at a time. */
static gboolean
bulk_apply_deltas (JdDb    *self,
                   GError **error)
{
  g_autoptr(sqlite3_stmt) rollup = NULL;
  g_autoptr(sqlite3_stmt) activity = NULL;
  GHashTableIter iter;
  gpointer value;

  rollup = _jd_db_prepare (self,
    "INSERT INTO rollup VALUES ((SELECT district_id FROM agency WHERE id = ?1),"
    " ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
    " ON CONFLICT DO UPDATE SET"
    " n_records = n_records + excluded.n_records,"
    " fine_fen = fine_fen + excluded.fine_fen,"
    " confiscation_fen = confiscation_fen + excluded.confiscation_fen,"
    " n_publicized = n_publicized + excluded.n_publicized,"
    " n_recorded = n_recorded + excluded.n_recorded,"
    " n_review_required = n_review_required + excluded.n_review_required,"
    " n_review_done = n_review_done + excluded.n_review_done,"
    " n_not_penalised = n_not_penalised + excluded.n_not_penalised,"
    " n_first_offence = n_first_offence + excluded.n_first_offence,"
    " n_lighter = n_lighter + excluded.n_lighter,"
    " n_mitigated = n_mitigated + excluded.n_mitigated,"
    " n_referred = n_referred + excluded.n_referred;", error);
  activity = _jd_db_prepare (self,
    "INSERT INTO officer_activity VALUES (?1, ?2, ?3)"
    " ON CONFLICT DO UPDATE SET n_records = n_records + excluded.n_records;", error);
  if (rollup == NULL || activity == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->bulk_rollups);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      const RollupDelta *delta = value;

      sqlite3_bind_int64 (rollup, 1, delta->agency_id);
      sqlite3_bind_int (rollup, 2, delta->year);
      sqlite3_bind_int (rollup, 3, delta->category);
      sqlite3_bind_int (rollup, 4, delta->procedure);
      for (guint i = 0; i < N_SUMS; i++)
        sqlite3_bind_int64 (rollup, 5 + (int) i, delta->sums[i]);
      if (!step_done (self, rollup, error))
        return FALSE;
    }

  g_hash_table_iter_init (&iter, self->bulk_activity);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      const gint64 *count = value;

      sqlite3_bind_int64 (activity, 1, count[0] / 4096);
      sqlite3_bind_int (activity, 2, (int) (count[0] % 4096));
      sqlite3_bind_int64 (activity, 3, count[1]);
      if (!step_done (self, activity, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
jd_db_begin_bulk (JdDb    *self,
                  GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (self->depth == 0, FALSE);

  /* Foreign keys are checked once, at the end, instead of row by row; the
   * pragma has no effect inside a transaction, so it comes first. */
  if (!_jd_db_exec (self, "PRAGMA foreign_keys = OFF;", error))
    return FALSE;

  if (!jd_db_begin (self, error))
    goto failed;

  /* Set the rollup triggers aside: dropped inside the transaction, so a
   * rollback brings them back, and recreated from their own SQL at the end. */
  self->bulk_triggers = g_ptr_array_new_with_free_func (g_free);
  self->bulk_rollups = g_hash_table_new_full (rollup_delta_hash, rollup_delta_equal, g_free, NULL);
  self->bulk_activity = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->bulk_uncounted = FALSE;
  names = g_ptr_array_new_with_free_func (g_free);
  stmt = _jd_db_prepare (self, "SELECT name, sql FROM sqlite_schema"
                               " WHERE type = 'trigger' AND name LIKE 'rollup\\_%' ESCAPE '\\'"
                               " ORDER BY name;", error);
  if (stmt == NULL)
    goto failed;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->bulk_triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *quoted = g_strdup_printf ("DROP TRIGGER \"%s\";",
                                                 (const char *) g_ptr_array_index (names, i));
      if (!_jd_db_exec (self, quoted, error))
        goto failed;
    }

  return TRUE;

failed:
  if (self->depth > 0)
    jd_db_rollback (self);
  else
    sqlite3_exec (self->handle, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
check_foreign_keys (JdDb    *self,
                    GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (self, "PRAGMA foreign_key_check;", error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_INVALID,
                   /* Translators: %s is a table, %lld a row in it */
                   _("Row %lld of “%s” refers to something that does not exist"),
                   (long long) sqlite3_column_int64 (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_db_end_bulk (JdDb    *self,
                GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  g_return_val_if_fail (self->bulk_triggers != NULL, FALSE);

  if (!check_foreign_keys (self, error))
    goto failed;

  /* The counts of what was written, or, when they are incomplete, a recount */
  if (self->bulk_uncounted ? !jd_db_rebuild_rollups (self, error) : !bulk_apply_deltas (self, error))
    goto failed;

  for (guint i = 0; i < self->bulk_triggers->len; i++)
    {
      if (!_jd_db_exec (self, g_ptr_array_index (self->bulk_triggers, i), error))
        goto failed;
    }

  if (!jd_db_commit (self, error))
    goto failed;

  bulk_clear (self);
  return _jd_db_exec (self, "PRAGMA foreign_keys = ON;", error);

failed:
  jd_db_rollback (self);
  return FALSE;
}

gboolean
jd_db_is_empty (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), TRUE);

  return query_int (self, "SELECT NOT EXISTS (SELECT 1 FROM agency);", 1) != 0;
}

/* Districts and domains ----------------------------------------------------- */

gboolean
jd_db_add_district (JdDb            *self,
                    const char      *code,
                    const char      *name,
                    JdDistrictLevel  level,
                    gboolean         is_local,
                    gint64          *out_id,
                    GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if (code == NULL || *code == '\0')
    return invalid (error, "code", _("a district code is required"));
  if (name == NULL || *name == '\0')
    return invalid (error, "name", _("a name is required"));

  stmt = _jd_db_prepare_cached (self,
    "INSERT INTO district (code, name, level, is_local) VALUES (?1, ?2, ?3, ?4);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, level);
  sqlite3_bind_int (stmt, 4, is_local ? 1 : 0);

  return step_insert (self, stmt, out_id, error);
}

gint64
jd_db_get_local_district (JdDb *self)
{
  g_return_val_if_fail (JD_IS_DB (self), 0);

  return query_int (self, "SELECT id FROM district WHERE is_local = 1;", 0);
}

char *
jd_db_dup_local_district_name (JdDb *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (JD_IS_DB (self), NULL);

  stmt = _jd_db_prepare (self, "SELECT name FROM district WHERE is_local = 1;", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;

  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
jd_db_add_domain (JdDb        *self,
                  const char  *code,
                  const char  *name,
                  gint64      *out_id,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if (code == NULL || *code == '\0')
    return invalid (error, "code", _("a domain code is required"));
  if (name == NULL || *name == '\0')
    return invalid (error, "name", _("a name is required"));

  stmt = _jd_db_prepare_cached (self, "INSERT INTO domain (code, name) VALUES (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);

  return step_insert (self, stmt, out_id, error);
}

gint64
jd_db_lookup_domain (JdDb       *self,
                     const char *code)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (JD_IS_DB (self), 0);

  stmt = _jd_db_prepare_cached (self, "SELECT id FROM domain WHERE code = ?1;", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

/* Agencies ------------------------------------------------------------------ */

gboolean
jd_db_add_agency (JdDb               *self,
                  const JdAgencyInfo *info,
                  gint64             *out_id,
                  GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->name == NULL || *info->name == '\0')
    return invalid (error, "name", _("a name is required"));
  if ((guint) info->kind >= JD_AGENCY_KIND_N)
    return invalid (error, "kind", _("unknown kind of agency"));
  if (info->district_id <= 0)
    return invalid (error, "district", _("a district is required"));

  stmt = _jd_db_prepare_cached (self,
    "INSERT INTO agency (district_id, name, kind, domain_id, active, established_year,"
    " dissolved_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, info->district_id);
  sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, info->kind);
  _jd_db_bind_id_or_null (stmt, 4, info->domain_id);
  sqlite3_bind_int (stmt, 5, info->active ? 1 : 0);
  _jd_db_bind_id_or_null (stmt, 6, info->established_year);
  _jd_db_bind_id_or_null (stmt, 7, info->dissolved_year);

  return step_insert (self, stmt, out_id, error);
}

/* Officers ------------------------------------------------------------------ */

gboolean
jd_db_add_officer (JdDb                *self,
                   const JdOfficerInfo *info,
                   gint64              *out_id,
                   GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->name == NULL || *info->name == '\0')
    return invalid (error, "name", _("a name is required"));
  if (info->agency_id <= 0)
    return invalid (error, "agency", _("an agency is required"));
  if ((guint) info->status >= JD_CERT_STATUS_N)
    return invalid (error, "status", _("unknown certificate status"));
  if ((guint) info->cancel_reason >= JD_CANCEL_REASON_N)
    return invalid (error, "cancel_reason", _("unknown reason"));
  if (!check_date (info->issued_on, "issued_on", FALSE, error) ||
      !check_date (info->expires_on, "expires_on", FALSE, error) ||
      !check_date (info->status_changed_on, "status_changed_on", FALSE, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (self,
    "INSERT INTO officer (agency_id, name, certificate_no, issued_on, expires_on, status,"
    " cancel_reason, status_changed_on, exam_year)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, info->agency_id);
  sqlite3_bind_text (stmt, 2, info->name, -1, SQLITE_STATIC);
  _jd_db_bind_text_or_null (stmt, 3, info->certificate_no);
  _jd_db_bind_text_or_null (stmt, 4, info->issued_on);
  _jd_db_bind_text_or_null (stmt, 5, info->expires_on);
  sqlite3_bind_int (stmt, 6, info->status);
  sqlite3_bind_int (stmt, 7, info->cancel_reason);
  _jd_db_bind_text_or_null (stmt, 8, info->status_changed_on);
  _jd_db_bind_id_or_null (stmt, 9, info->exam_year);

  return step_insert (self, stmt, out_id, error);
}

gboolean
jd_db_apply_certificate_event (JdDb            *self,
                               gint64           officer_id,
                               JdCertEventKind  kind,
                               const char      *date,
                               const char      *new_expiry,
                               JdCancelReason   reason,
                               GError         **error)
{
  sqlite3_stmt *stmt;
  const char *update_sql = NULL;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if ((guint) kind >= JD_CERT_EVENT_N)
    return invalid (error, "kind", _("unknown certificate event"));
  if (!check_date (date, "date", TRUE, error))
    return FALSE;
  if ((kind == JD_CERT_EVENT_ISSUE || kind == JD_CERT_EVENT_RENEW) &&
      !check_date (new_expiry, "expires_on", TRUE, error))
    return FALSE;
  if (kind == JD_CERT_EVENT_CANCEL &&
      (reason == JD_CANCEL_REASON_NONE || (guint) reason >= JD_CANCEL_REASON_N))
    return invalid (error, "reason", _("a cancellation needs a reason"));

  if (!jd_db_begin (self, error))
    return FALSE;

  switch (kind)
    {
    case JD_CERT_EVENT_ISSUE:
      update_sql = "UPDATE officer SET status = 0, cancel_reason = 0, status_changed_on = ?2,"
                   " issued_on = coalesce (issued_on, ?2), expires_on = ?3 WHERE id = ?1;";
      break;
    case JD_CERT_EVENT_RENEW:
      update_sql = "UPDATE officer SET expires_on = ?3 WHERE id = ?1;";
      break;
    case JD_CERT_EVENT_SUSPEND:
      update_sql = "UPDATE officer SET status = 1, status_changed_on = ?2 WHERE id = ?1;";
      break;
    case JD_CERT_EVENT_CANCEL:
      update_sql = "UPDATE officer SET status = 2, cancel_reason = ?4, status_changed_on = ?2"
                   " WHERE id = ?1;";
      break;
    case JD_CERT_EVENT_REINSTATE:
      update_sql = "UPDATE officer SET status = 0, cancel_reason = 0, status_changed_on = ?2"
                   " WHERE id = ?1;";
      break;
    default:
      g_assert_not_reached ();
    }

  stmt = _jd_db_prepare_cached (self, update_sql, error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, officer_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  _jd_db_bind_text_or_null (stmt, 3, new_expiry);
  sqlite3_bind_int (stmt, 4, reason);
  if (!step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->handle) == 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                   _("There is no officer with id %lld"), (long long) officer_id);
      goto failed;
    }

  stmt = _jd_db_prepare_cached (self,
    "INSERT INTO certificate_event (officer_id, kind, event_on, expires_on, reason)"
    " VALUES (?1, ?2, ?3, ?4, ?5);", error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, officer_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  _jd_db_bind_text_or_null (stmt, 4, new_expiry);
  sqlite3_bind_int (stmt, 5, reason);
  if (!step_done (self, stmt, error))
    goto failed;

  return jd_db_commit (self, error);

failed:
  jd_db_rollback (self);
  return FALSE;
}

/* Records ------------------------------------------------------------------- */

gboolean
jd_db_validate_record (const JdRecordInfo *info,
                       GError            **error)
{
  g_return_val_if_fail (info != NULL, FALSE);

  if (info->agency_id <= 0)
    return invalid (error, "agency", _("an agency is required"));
  if ((guint) info->category >= JD_CATEGORY_N)
    return invalid (error, "category", _("unknown category of action"));
  if ((guint) info->procedure >= JD_PROCEDURE_N)
    return invalid (error, "procedure", _("unknown procedure"));
  if (info->category == JD_CATEGORY_PENALTY && info->procedure == JD_PROCEDURE_NONE)
    return invalid (error, "procedure", _("a penalty needs its procedure (general or simple)"));
  if (info->category != JD_CATEGORY_PENALTY && info->procedure != JD_PROCEDURE_NONE)
    return invalid (error, "procedure", _("only penalties have a procedure"));
  if ((guint) info->penalty_type >= JD_PENALTY_TYPE_N)
    return invalid (error, "penalty_type", _("unknown penalty type"));
  if (info->category != JD_CATEGORY_PENALTY && info->penalty_type != JD_PENALTY_TYPE_NONE)
    return invalid (error, "penalty_type", _("only penalties have a penalty type"));
  if ((guint) info->leniency >= JD_LENIENCY_N)
    return invalid (error, "leniency", _("unknown kind of leniency"));
  if (info->fine_fen < 0)
    return invalid (error, "fine", _("an amount cannot be negative"));
  if (info->confiscation_fen < 0)
    return invalid (error, "confiscation", _("an amount cannot be negative"));
  if (!check_date (info->opened_on, "opened_on", TRUE, error) ||
      !check_date (info->closed_on, "closed_on", FALSE, error))
    return FALSE;
  if (info->closed_on != NULL && *info->closed_on != '\0' &&
      strcmp (info->closed_on, info->opened_on) < 0)
    return invalid (error, "closed_on", _("the case cannot close before it was opened"));
  if (info->n_officers > 0 && info->officer_ids == NULL)
    return invalid (error, "officers", _("officers are missing"));

  return TRUE;
}

static void
bind_record (sqlite3_stmt       *stmt,
             const JdRecordInfo *info)
{
  sqlite3_bind_int64 (stmt, 1, info->agency_id);
  sqlite3_bind_int (stmt, 2, info->category);
  sqlite3_bind_int (stmt, 3, info->procedure);
  sqlite3_bind_int (stmt, 4, info->penalty_type);
  sqlite3_bind_text (stmt, 5, info->opened_on, -1, SQLITE_STATIC);
  _jd_db_bind_text_or_null (stmt, 6, info->closed_on);
  _jd_db_bind_id_or_null (stmt, 7, info->domain_id);
  _jd_db_bind_text_or_null (stmt, 8, info->party);
  sqlite3_bind_int64 (stmt, 9, info->fine_fen);
  sqlite3_bind_int64 (stmt, 10, info->confiscation_fen);
  sqlite3_bind_int (stmt, 11, info->publicized ? 1 : 0);
  sqlite3_bind_int (stmt, 12, info->recorded ? 1 : 0);
  sqlite3_bind_int (stmt, 13, info->legal_review_required ? 1 : 0);
  sqlite3_bind_int (stmt, 14, info->legal_review_done ? 1 : 0);
  sqlite3_bind_int (stmt, 15, info->leniency);
  sqlite3_bind_int (stmt, 16, info->referred ? 1 : 0);
  _jd_db_bind_text_or_null (stmt, 17, info->decision_no);
}

static gboolean
insert_record_officers (JdDb               *self,
                        gint64              record_id,
                        const JdRecordInfo *info,
                        GError            **error)
{
  sqlite3_stmt *stmt;

  if (info->n_officers == 0)
    return TRUE;

  stmt = _jd_db_prepare_cached (self,
    "INSERT OR IGNORE INTO record_officer (record_id, officer_id) VALUES (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < info->n_officers; i++)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int64 (stmt, 2, info->officer_ids[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
jd_db_add_record (JdDb               *self,
                  const JdRecordInfo *info,
                  gint64             *out_id,
                  GError            **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  return jd_db_validate_record (info, error) &&
         _jd_db_insert_record (self, info, out_id, error);
}

/* jd_db_add_record () without the checks, for callers that made them */
gboolean
_jd_db_insert_record (JdDb               *self,
                      const JdRecordInfo *info,
                      gint64             *out_id,
                      GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 record_id;

  if (!jd_db_begin (self, error))
    return FALSE;

  stmt = _jd_db_prepare_cached (self,
    "INSERT INTO record (agency_id, category, procedure, penalty_type, opened_on, closed_on,"
    " domain_id, party, fine_fen, confiscation_fen, publicized, recorded,"
    " legal_review_required, legal_review_done, leniency, referred, decision_no)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce (?7, (SELECT domain_id FROM agency WHERE id = ?1)),"
    " ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17);", error);
  if (stmt == NULL)
    goto failed;

  bind_record (stmt, info);
  if (!step_done (self, stmt, error))
    goto failed;

  record_id = sqlite3_last_insert_rowid (self->handle);

  if (!insert_record_officers (self, record_id, info, error))
    goto failed;

  if (!jd_db_commit (self, error))
    goto failed;

  _jd_db_bulk_count_record (self, info);

  if (out_id != NULL)
    *out_id = record_id;
  return TRUE;

failed:
  jd_db_rollback (self);
  return FALSE;
}

gboolean
jd_db_update_record (JdDb               *self,
                     gint64              record_id,
                     const JdRecordInfo *info,
                     GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if (!jd_db_validate_record (info, error))
    return FALSE;

  _jd_db_bulk_uncounted (self);

  if (!jd_db_begin (self, error))
    return FALSE;

  /* Officers first, while the old year still tells officer_activity where
   * they were counted. */
  stmt = _jd_db_prepare_cached (self, "DELETE FROM record_officer WHERE record_id = ?1;", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, record_id);
  if (!step_done (self, stmt, error))
    goto failed;

  stmt = _jd_db_prepare_cached (self,
    "UPDATE record SET agency_id = ?1, category = ?2, procedure = ?3, penalty_type = ?4,"
    " opened_on = ?5, closed_on = ?6,"
    " domain_id = coalesce (?7, (SELECT domain_id FROM agency WHERE id = ?1)),"
    " party = ?8, fine_fen = ?9, confiscation_fen = ?10, publicized = ?11, recorded = ?12,"
    " legal_review_required = ?13, legal_review_done = ?14, leniency = ?15, referred = ?16,"
    " decision_no = ?17 WHERE id = ?18;", error);
  if (stmt == NULL)
    goto failed;

  bind_record (stmt, info);
  sqlite3_bind_int64 (stmt, 18, record_id);
  if (!step_done (self, stmt, error))
    goto failed;

  if (sqlite3_changes (self->handle) == 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                   _("There is no record with id %lld"), (long long) record_id);
      goto failed;
    }

  if (!insert_record_officers (self, record_id, info, error))
    goto failed;

  return jd_db_commit (self, error);

failed:
  jd_db_rollback (self);
  return FALSE;
}

gboolean
jd_db_delete_record (JdDb    *self,
                     gint64   record_id,
                     GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  _jd_db_bulk_uncounted (self);

  stmt = _jd_db_prepare_cached (self, "DELETE FROM record WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->handle) == 0)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_NOT_FOUND,
                   _("There is no record with id %lld"), (long long) record_id);
      return FALSE;
    }

  return TRUE;
}

/* Supervision figures ------------------------------------------------------- */

gboolean
jd_db_set_supervision_figures (JdDb                       *self,
                               const JdSupervisionFigures *figures,
                               GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_DB (self), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  if (figures->reconsiderations < 0 || figures->reconsiderations_corrected < 0 ||
      figures->lawsuits_concluded < 0 || figures->lawsuits_lost < 0 ||
      figures->hearings < 0 || figures->head_appearances < 0)
    return invalid (error, "figures", _("counts cannot be negative"));
  if (figures->reconsiderations_corrected > figures->reconsiderations)
    return invalid (error, "reconsiderations_corrected",
                    _("more corrected than received reconsiderations"));
  if (figures->lawsuits_lost > figures->lawsuits_concluded)
    return invalid (error, "lawsuits_lost", _("more lawsuits lost than concluded"));
  if (figures->head_appearances > figures->hearings)
    return invalid (error, "head_appearances", _("more appearances than hearings"));

  stmt = _jd_db_prepare_cached (self,
    "INSERT OR REPLACE INTO supervision_figures (agency_id, year, reconsiderations,"
    " reconsiderations_corrected, lawsuits_concluded, lawsuits_lost, hearings, head_appearances)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, figures->agency_id);
  sqlite3_bind_int (stmt, 2, figures->year);
  sqlite3_bind_int (stmt, 3, figures->reconsiderations);
  sqlite3_bind_int (stmt, 4, figures->reconsiderations_corrected);
  sqlite3_bind_int (stmt, 5, figures->lawsuits_concluded);
  sqlite3_bind_int (stmt, 6, figures->lawsuits_lost);
  sqlite3_bind_int (stmt, 7, figures->hearings);
  sqlite3_bind_int (stmt, 8, figures->head_appearances);

  return step_done (self, stmt, error);
}

/* Rollups ------------------------------------------------------------------- */

#define RECOUNT_SQL \
  "SELECT a.district_id, r.agency_id, r.year, r.category, r.procedure, count(*)," \
  " sum (r.fine_fen), sum (r.confiscation_fen), sum (r.publicized != 0)," \
  " sum (r.recorded != 0), sum (r.legal_review_required != 0)," \
  " sum (r.legal_review_required != 0 AND r.legal_review_done != 0)," \
  " sum (r.leniency = 1), sum (r.leniency = 2), sum (r.leniency = 3), sum (r.leniency = 4)," \
  " sum (r.referred != 0)" \
  " FROM record r JOIN agency a ON a.id = r.agency_id" \
  " GROUP BY r.agency_id, r.year, r.category, r.procedure"

/* Rollup rows that no records stand behind: the summary figures of another
 * district, imported from an exchange file (jd-exchange-import.c). Recounts
 * leave them alone. */
#define SUMMARY_ROW_SQL \
  "(rollup.district_id IN (SELECT id FROM district WHERE is_local = 0)" \
  " AND NOT EXISTS (SELECT 1 FROM record sr JOIN agency sa ON sa.id = sr.agency_id" \
  "                 WHERE sa.district_id = rollup.district_id AND sr.year = rollup.year))"

#define ACTIVITY_RECOUNT_SQL \
  "SELECT ro.officer_id, r.year, count(*) FROM record_officer ro" \
  " JOIN record r ON r.id = ro.record_id GROUP BY ro.officer_id, r.year"

gboolean
jd_db_rebuild_rollups (JdDb    *self,
                       GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  if (!jd_db_begin (self, error))
    return FALSE;

  if (!_jd_db_exec (self, "DELETE FROM rollup WHERE NOT " SUMMARY_ROW_SQL ";", error) ||
      !_jd_db_exec (self, "INSERT INTO rollup " RECOUNT_SQL ";", error) ||
      !_jd_db_exec (self, "DELETE FROM officer_activity;", error) ||
      !_jd_db_exec (self, "INSERT INTO officer_activity " ACTIVITY_RECOUNT_SQL ";", error))
    {
      jd_db_rollback (self);
      return FALSE;
    }

  return jd_db_commit (self, error);
}

static gboolean
check_difference (JdDb        *self,
                  const char  *sql,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _jd_db_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, JD_DB_ERROR, JD_DB_ERROR_FAILED,
                   "%s differs from a recount (key %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                   "/%" G_GINT64_FORMAT ")",
                   what, (gint64) sqlite3_column_int64 (stmt, 0),
                   (gint64) sqlite3_column_int64 (stmt, 1), (gint64) sqlite3_column_int64 (stmt, 2));
      return FALSE;
    }

  return TRUE;
}

gboolean
jd_db_check_rollups (JdDb    *self,
                     GError **error)
{
  g_return_val_if_fail (JD_IS_DB (self), FALSE);

  return check_difference (self,
           "SELECT agency_id, year, category FROM ("
           "  SELECT * FROM rollup WHERE NOT " SUMMARY_ROW_SQL " EXCEPT " RECOUNT_SQL ")"
           " UNION ALL SELECT agency_id, year, category FROM ("
           "  " RECOUNT_SQL " EXCEPT SELECT * FROM rollup);",
           "The rollup table", error) &&
         check_difference (self,
           "SELECT officer_id, year, n_records FROM ("
           "  SELECT * FROM officer_activity EXCEPT " ACTIVITY_RECOUNT_SQL ")"
           " UNION ALL SELECT * FROM ("
           "  " ACTIVITY_RECOUNT_SQL " EXCEPT SELECT * FROM officer_activity);",
           "The officer activity table", error);
}

GArray *
jd_db_list_years (JdDb *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (JD_IS_DB (self), years);

  stmt = _jd_db_prepare (self, "SELECT DISTINCT year FROM rollup ORDER BY year;", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      int year = sqlite3_column_int (stmt, 0);
      g_array_append_val (years, year);
    }

  return years;
}
