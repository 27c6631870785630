/* jd-alerts-page.h: the alerts (预警) of the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_ALERTS_PAGE (jd_alerts_page_get_type ())
G_DECLARE_FINAL_TYPE (JdAlertsPage, jd_alerts_page, JD, ALERTS_PAGE, AdwBin)

GtkWidget *jd_alerts_page_new        (void);
/* Lists the alerts of YEAR, with the thresholds of the settings. */
gboolean   jd_alerts_page_load       (JdAlertsPage  *self,
                                      JdDb          *db,
                                      int            year,
                                      GError       **error);
guint      jd_alerts_page_get_n_alerts (JdAlertsPage *self);

/* For the tests: the row of the INDEX-th alert of jd_dashboard_alerts()
 * (showing the rest of its kind's list when it was folded away) */
GtkListBoxRow *_jd_alerts_page_get_row (JdAlertsPage  *self,
                                        guint          index);

G_END_DECLS
