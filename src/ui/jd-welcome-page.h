/* jd-welcome-page.h: what a first run on an empty database shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JD_TYPE_WELCOME_PAGE (jd_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (JdWelcomePage, jd_welcome_page, JD, WELCOME_PAGE, AdwBin)

GtkWidget *jd_welcome_page_new            (void);
/* Swaps the buttons for a progress bar and a Cancel button, and back. */
void       jd_welcome_page_set_generating (JdWelcomePage *self,
                                           gboolean       generating);
gboolean   jd_welcome_page_get_generating (JdWelcomePage *self);
void       jd_welcome_page_set_fraction   (JdWelcomePage *self,
                                           double         fraction);

G_END_DECLS
