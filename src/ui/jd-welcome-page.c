/* jd-welcome-page.c: what a first run on an empty database shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons activate window actions (win.open-sample, win.cancel-sample):
 * the page only shows the state it is given.
 */

#define G_LOG_DOMAIN "jd-welcome-page"

#include "config.h"

#include "jd-welcome-page.h"

struct _JdWelcomePage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwStatusPage  *status_page;
  GtkStack       *stack;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (JdWelcomePage, jd_welcome_page, ADW_TYPE_BIN)

static void
jd_welcome_page_dispose (GObject *object)
{
  /* AdwBin would unparent its child again after the template did */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (jd_welcome_page_parent_class)->dispose (object);
}

static void
jd_welcome_page_class_init (JdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/jd-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, JdWelcomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdWelcomePage, progress_bar);
}

static void
jd_welcome_page_init (JdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_status_page_set_icon_name (self->status_page, APP_ID);
}

GtkWidget *
jd_welcome_page_new (void)
{
  return g_object_new (JD_TYPE_WELCOME_PAGE, NULL);
}

void
jd_welcome_page_set_generating (JdWelcomePage *self,
                                gboolean       generating)
{
  g_return_if_fail (JD_IS_WELCOME_PAGE (self));

  if (generating)
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, generating ? "progress" : "start");
}

gboolean
jd_welcome_page_get_generating (JdWelcomePage *self)
{
  g_return_val_if_fail (JD_IS_WELCOME_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "progress") == 0;
}

void
jd_welcome_page_set_fraction (JdWelcomePage *self,
                              double         fraction)
{
  g_return_if_fail (JD_IS_WELCOME_PAGE (self));

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}
