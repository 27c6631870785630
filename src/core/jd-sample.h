/* jd-sample.h: a deterministic, fictitious sample district (示例区)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-db.h"

G_BEGIN_DECLS

typedef struct
{
  guint    records_per_year;   /* about this many in the last year; default 60000 */
  guint    years;              /* default 5 */
  int      last_year;          /* default 2025 */
  guint32  seed;               /* default 20250101 */
  const char *district_code;   /* default NULL: "120199" */
  const char *district_name;   /* default NULL: "示例区" */
} JdSampleOptions;

/* Called now and then from the generating thread, FRACTION in 0..1. */
typedef void (*JdProgressFunc) (double   fraction,
                                gpointer user_data);

void       jd_sample_options_init   (JdSampleOptions       *options);

/* Writes the sample district into DB, which must be empty, in one
 * transaction: on error or cancellation nothing is written. The same options
 * always produce the same database content. */
gboolean   jd_sample_generate       (JdDb                  *db,
                                     const JdSampleOptions *options,
                                     GCancellable          *cancellable,
                                     JdProgressFunc         progress,
                                     gpointer               user_data,
                                     GError               **error);

G_END_DECLS
