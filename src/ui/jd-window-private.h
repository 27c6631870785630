/* jd-window-private.h: what the tests look at and drive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "jd-agencies-page.h"
#include "jd-alerts-page.h"
#include "jd-charts-page.h"
#include "jd-overview-page.h"
#include "jd-sample.h"
#include "jd-welcome-page.h"
#include "jd-window.h"

G_BEGIN_DECLS

/* "empty" (no database), "welcome" (an empty one) or "content" */
const char       *_jd_window_get_visible_page   (JdWindow              *self);
JdOverviewPage   *_jd_window_get_overview_page  (JdWindow              *self);
JdWelcomePage    *_jd_window_get_welcome_page   (JdWindow              *self);
JdAgenciesPage   *_jd_window_get_agencies_page  (JdWindow              *self);
JdAlertsPage     *_jd_window_get_alerts_page    (JdWindow              *self);
JdChartsPage     *_jd_window_get_charts_page    (JdWindow              *self);
/* The view stack's page: "overview", "agencies" or "alerts" */
const char       *_jd_window_get_visible_view   (JdWindow              *self);
GtkDropDown      *_jd_window_get_year_dropdown  (JdWindow              *self);
GtkMenuButton    *_jd_window_get_primary_menu_button (JdWindow         *self);
/* The dialog that explains why a database was refused, while it is shown. */
AdwMessageDialog *_jd_window_get_error_dialog   (JdWindow              *self);
int               _jd_window_get_year           (JdWindow              *self);
/* Selects YEAR in the year selector; FALSE when it has no such year. */
gboolean          _jd_window_select_year        (JdWindow              *self,
                                                 int                    year);
/* The options "Open Sample District" generates with (tests use small ones). */
void              _jd_window_set_sample_options (JdWindow              *self,
                                                 const JdSampleOptions *options);
gboolean          _jd_window_get_generating     (JdWindow              *self);

G_END_DECLS
