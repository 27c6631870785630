/* jd-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_WINDOW (jd_window_get_type ())
G_DECLARE_FINAL_TYPE (JdWindow, jd_window, JD, WINDOW, AdwApplicationWindow)

JdWindow   *jd_window_new                (GtkApplication  *application);
/* Opens PATH and shows it; on failure keeps the database already open and
 * returns the error. The file of a refused database is never changed. */
gboolean    jd_window_open_database      (JdWindow        *self,
                                          const char      *path,
                                          GError         **error);
/* Like jd_window_open_database(), but explains a failure in a dialog that
 * offers to quit or to use another database. */
void        jd_window_open_database_or_report (JdWindow   *self,
                                               const char *path);
/* The path of the open database, or NULL. */
const char *jd_window_get_database_path  (JdWindow        *self);
/* Reads the database again, after something else wrote to it (an import) */
void        jd_window_reload             (JdWindow        *self);
void        jd_window_add_toast          (JdWindow        *self,
                                          const char      *title);

G_END_DECLS
