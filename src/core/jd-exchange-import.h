/* jd-exchange-import.h: the streaming, validating reader of exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader forbids network access, DTDs and entities (a file with a DOCTYPE
 * is refused), validates against the schema while it reads, and checks the
 * digest. Errors are in JD_EXCHANGE_ERROR (jd-exchange-export.h) and name the
 * file, line, column and element path.
 */
#pragma once

#include "jd-exchange-export.h"
#include "jd-sample.h"   /* JdProgressFunc */

G_BEGIN_DECLS

typedef struct
{
  gboolean  replace;   /* replace a district's year that is already there */
  gboolean  as_own;    /* a file with records, into a database without a district
                        * of its own, makes that district the database's own */
} JdExchangeImportOptions;

/* What a file holds, filled in by validate and import */
typedef struct
{
  char     *version;         /* "1.0" */
  char     *district_code;
  char     *district_name;
  int       first_year;      /* 0: no year */
  int       last_year;
  gboolean  records;
  guint64   n_rows;          /* statistics rows */
  guint64   n_records;
  gboolean  made_own;        /* import: the district became the database's own */
} JdExchangeSummary;

void        jd_exchange_summary_clear      (JdExchangeSummary *summary);

/* The schema file: $JIANDU_DATADIR/jiandu-exchange-1.xsd, else
 * jiandu/jiandu-exchange-1.xsd in the system data folders. Owned by the
 * caller; NULL with an error when there is none. */
char       *jd_exchange_find_schema        (GError           **error);

/* Reads and checks PATH without touching any database. SUMMARY may be NULL. */
gboolean    jd_exchange_validate           (const char        *path,
                                            JdExchangeSummary *summary,
                                            GCancellable      *cancellable,
                                            JdProgressFunc     progress,
                                            gpointer           user_data,
                                            GError           **error);

/* Imports PATH into DB in one transaction: on any error nothing changes. A
 * district's year that is already there fails with JD_EXCHANGE_ERROR_EXISTS
 * unless OPTIONS->replace; then exactly that district's year is replaced. A
 * district that is not there is added (not as the local district). Summary
 * figures of another district go into the rollups directly; that district's
 * records, when the file has them, are added instead. */
gboolean    jd_exchange_import             (JdDb                          *db,
                                            const char                    *path,
                                            const JdExchangeImportOptions *options,
                                            JdExchangeSummary             *summary,
                                            GCancellable                  *cancellable,
                                            JdProgressFunc                 progress,
                                            gpointer                       user_data,
                                            GError                       **error);

G_END_DECLS
