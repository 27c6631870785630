/* jd-csv-import.h: enforcement records from a supervision platform's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is UTF-8 (with or without a BOM) or GB18030/GBK, detected; RFC 4180
 * quoting, CRLF or LF. The header row is matched to the fields of a record
 * (jd_csv_import_guess_mapping), in Chinese or English; the caller may correct
 * the mapping before running the import.
 *
 * How the import writes: in one pass, inside one bulk transaction
 * (jd_db_begin_bulk). Every row is converted and validated; good rows are
 * inserted as they come. In the default mode, the first bad row stops the
 * inserting but not the checking, so that every error of the file is
 * reported, and the transaction is rolled back at the end: nothing is
 * written. With JD_CSV_IMPORT_GOOD_ROWS_ONLY the good rows are committed and
 * the bad ones reported. Cancelling rolls back.
 *
 * Memory stays bounded: a thread of the import's own reads and checks the
 * rows while the calling thread writes them, and they hand over a few
 * batches of 1,024 rows that go round; the file itself is mapped (a GBK file
 * is converted to UTF-8 in memory first).
 *
 * jd_csv_import_run may be called from a worker thread (a GTask) as long as
 * nothing else uses the JdDb meanwhile; the progress function is called from
 * the thread that called jd_csv_import_run.
 */
#pragma once

#include <gio/gio.h>

#include "jd-db.h"
#include "jd-sample.h"   /* JdProgressFunc */

G_BEGIN_DECLS

#define JD_CSV_IMPORT_ERROR (jd_csv_import_error_quark ())

typedef enum
{
  JD_CSV_IMPORT_ERROR_READ,            /* the file cannot be read */
  JD_CSV_IMPORT_ERROR_ENCODING,        /* neither UTF-8 nor GB18030, or UTF-16 */
  JD_CSV_IMPORT_ERROR_EMPTY,           /* no header row */
  JD_CSV_IMPORT_ERROR_MAPPING,         /* a --mapping the file cannot satisfy */
  JD_CSV_IMPORT_ERROR_NO_DISTRICT,     /* the database has no local district */
  JD_CSV_IMPORT_ERROR_BAD_ROWS,        /* rows have errors: see the error list */
} JdCsvImportError;

/* The fields of a record a column can hold. Never renumber. */
typedef enum
{
  JD_CSV_FIELD_NONE = 0,               /* the column is ignored */
  JD_CSV_FIELD_AGENCY,                 /* required */
  JD_CSV_FIELD_CATEGORY,               /* required */
  JD_CSV_FIELD_PROCEDURE,
  JD_CSV_FIELD_PENALTY_TYPE,
  JD_CSV_FIELD_OPENED_ON,              /* required */
  JD_CSV_FIELD_CLOSED_ON,
  JD_CSV_FIELD_PARTY,
  JD_CSV_FIELD_FINE,
  JD_CSV_FIELD_CONFISCATION,
  JD_CSV_FIELD_PUBLICIZED,
  JD_CSV_FIELD_RECORDED,
  JD_CSV_FIELD_LEGAL_REVIEW_REQUIRED,
  JD_CSV_FIELD_LEGAL_REVIEW_DONE,
  JD_CSV_FIELD_LENIENCY,
  JD_CSV_FIELD_REFERRED,
  JD_CSV_FIELD_DECISION_NO,
  JD_CSV_FIELD_OFFICERS,               /* certificate numbers */
} JdCsvField;
#define JD_CSV_FIELD_N 18

typedef enum
{
  JD_CSV_IMPORT_DEFAULT        = 0,
  JD_CSV_IMPORT_GOOD_ROWS_ONLY = 1 << 0,   /* write the good rows, report the others */
  JD_CSV_IMPORT_DRY_RUN        = 1 << 1,   /* check everything, write nothing */
} JdCsvImportFlags;

/* Amounts are in 元 or in 万元, as the column's header says. */
typedef enum
{
  JD_CSV_UNIT_YUAN = 0,
  JD_CSV_UNIT_WAN_YUAN = 1,
} JdCsvUnit;

/* Stable ASCII identifiers (for --mapping), and translated labels. */
const char  *jd_csv_field_to_id        (JdCsvField   field);
const char  *jd_csv_field_to_label     (JdCsvField   field);
gboolean     jd_csv_field_from_id      (const char  *id,
                                        JdCsvField  *out);
gboolean     jd_csv_field_is_required  (JdCsvField   field);

/* The mapping of columns to fields --------------------------------------- */

typedef struct
{
  guint        n_columns;
  char       **headers;      /* n_columns texts as in the file, NULL-terminated */
  JdCsvField  *fields;       /* per column; each field on at most one column */
  double      *confidence;   /* per column: 1 exact synonym, less for a guess, 0 unmapped */
  JdCsvUnit   *units;        /* per column, for amounts */
} JdCsvMapping;

/* Guesses a field for each header from tables of Chinese and English
 * synonyms (执法主体/执法单位/agency, 立案日期/opened, 罚款金额(万元)...). */
JdCsvMapping *jd_csv_import_guess_mapping (const char * const *headers);
JdCsvMapping *jd_csv_mapping_copy         (const JdCsvMapping *mapping);
void          jd_csv_mapping_free         (JdCsvMapping       *mapping);
/* The column of FIELD, or -1. */
int           jd_csv_mapping_find         (const JdCsvMapping *mapping,
                                           JdCsvField          field);
/* Puts FIELD on COLUMN (0-based; -1 unmaps FIELD), taking it off any other
 * column; the confidence becomes 1. */
void          jd_csv_mapping_set          (JdCsvMapping       *mapping,
                                           JdCsvField          field,
                                           int                 column);
/* Applies "field=column,..." where column is a header text or a 1-based
 * index, and "field=" unmaps the field. */
gboolean      jd_csv_mapping_apply_overrides (JdCsvMapping *mapping,
                                              const char   *spec,
                                              GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCsvMapping, jd_csv_mapping_free)

/* Errors ----------------------------------------------------------------- */

typedef struct
{
  guint       line;      /* the physical line where the record starts; 1 is the header */
  char       *column;    /* the column's header text, or NULL */
  JdCsvField  field;     /* JD_CSV_FIELD_NONE: the row as a whole */
  char       *message;   /* translated */
} JdCsvError;

/* One row of a preview */
typedef struct
{
  guint   line;
  char  **cells;         /* as read, one per column, NULL-terminated */
  char   *problem;       /* the row's first error, or NULL when it is good */
} JdCsvPreviewRow;

/* The import -------------------------------------------------------------- */

#define JD_TYPE_CSV_IMPORT (jd_csv_import_get_type ())
G_DECLARE_FINAL_TYPE (JdCsvImport, jd_csv_import, JD, CSV_IMPORT, GObject)

GQuark        jd_csv_import_error_quark  (void);

/* Reads PATH's encoding and header row and guesses the mapping. */
JdCsvImport  *jd_csv_import_new          (JdDb          *db,
                                          const char    *path,
                                          GError       **error);
const char   *jd_csv_import_get_path     (JdCsvImport   *self);
/* "UTF-8", "UTF-8 with BOM" or "GB18030" */
const char   *jd_csv_import_get_encoding (JdCsvImport   *self);
/* The import's own mapping: correct it before running. */
JdCsvMapping *jd_csv_import_get_mapping  (JdCsvImport   *self);

/* Another name for an agency of the local district, e.g. an old name the
 * platform still uses. FALSE when AGENCY_NAME is not an agency. */
gboolean      jd_csv_import_add_agency_alias (JdCsvImport *self,
                                              const char  *alias,
                                              const char  *agency_name,
                                              GError     **error);

/* The first N_ROWS data rows, parsed and checked; an array of
 * JdCsvPreviewRow (freed with the array). */
GPtrArray    *jd_csv_import_preview      (JdCsvImport   *self,
                                          guint          n_rows,
                                          GError       **error);

/* Runs the import (see the top of this file). FALSE on failure, on
 * cancellation (G_IO_ERROR_CANCELLED) and, in the default mode, when any row
 * is bad (JD_CSV_IMPORT_ERROR_BAD_ROWS): then nothing was written.
 * PROGRESS follows the rows through the file; the recount of the rollups
 * that ends a write (jd_db_end_bulk) comes after the last row's fraction,
 * and 1.0 is reported once everything is committed. */
gboolean      jd_csv_import_run          (JdCsvImport      *self,
                                          JdCsvImportFlags  flags,
                                          GCancellable     *cancellable,
                                          JdProgressFunc    progress,
                                          gpointer          user_data,
                                          GError          **error);

/* After a run: data rows read, rows written (0 after a failed or dry run:
 * see get_n_good for the rows that passed), rows rejected. */
guint         jd_csv_import_get_n_rows     (JdCsvImport *self);
guint         jd_csv_import_get_n_good     (JdCsvImport *self);
guint         jd_csv_import_get_n_imported (JdCsvImport *self);
guint         jd_csv_import_get_n_rejected (JdCsvImport *self);
/* The errors of the last run, in file order: JdCsvError. At most the first
 * 10,000 are kept; get_n_errors counts them all. */
GPtrArray    *jd_csv_import_get_errors     (JdCsvImport *self);
guint         jd_csv_import_get_n_errors   (JdCsvImport *self);

/* "FILE:LINE: COLUMN: MESSAGE", translated; COLUMN is the header text or
 * the field's label. */
char         *jd_csv_import_format_error   (JdCsvImport      *self,
                                            const JdCsvError *error);

G_END_DECLS
