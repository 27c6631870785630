/* jd-certificate-event-dialog.h: issue, renew, suspend, cancel or reinstate a certificate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "jd-db.h"

G_BEGIN_DECLS

#define JD_TYPE_CERTIFICATE_EVENT_DIALOG (jd_certificate_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (JdCertificateEventDialog, jd_certificate_event_dialog,
                      JD, CERTIFICATE_EVENT_DIALOG, AdwWindow)

/* For OFFICER_ID; the event offered first suits the certificate's state
 * (renewal of a valid one, reinstatement of a suspended one, issue
 * otherwise). Modal and transient for PARENT. Emits "saved" (gint64 officer
 * id) after the event is recorded, then closes. */
JdCertificateEventDialog *jd_certificate_event_dialog_new (JdDb      *db,
                                                           gint64     officer_id,
                                                           GtkWindow *parent);
void         jd_certificate_event_dialog_set_kind     (JdCertificateEventDialog *self,
                                                       JdCertEventKind           kind);
JdCertEventKind jd_certificate_event_dialog_get_kind  (JdCertificateEventDialog *self);
gboolean     jd_certificate_event_dialog_is_valid     (JdCertificateEventDialog *self);
const char  *jd_certificate_event_dialog_get_error_text (JdCertificateEventDialog *self);
gboolean     jd_certificate_event_dialog_save         (JdCertificateEventDialog *self,
                                                       GError                  **error);

G_END_DECLS
