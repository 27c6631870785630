/* jd-application.h: the Jiandu application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_APPLICATION (jd_application_get_type ())
G_DECLARE_FINAL_TYPE (JdApplication, jd_application, JD, APPLICATION, AdwApplication)

/* START_TIME is g_get_monotonic_time() at the start of main(), for the
 * first-frame benchmark (JIANDU_BENCH_FIRST_FRAME). */
JdApplication *jd_application_new (const char *application_id,
                                   gint64      start_time);

G_END_DECLS
