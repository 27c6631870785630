/* jd-preferences-window.h: where the database lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-window.h"

G_BEGIN_DECLS

#define JD_TYPE_PREFERENCES_WINDOW (jd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, JD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* MAIN_WINDOW is the window whose database the preferences change. */
GtkWidget *jd_preferences_window_new (JdWindow *main_window);

G_END_DECLS
