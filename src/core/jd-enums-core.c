/* jd-enums-core.c: identifiers and labels of the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-core-types.h"

typedef struct
{
  const char *id;
  const char *label;   /* N_() marked, translated on lookup */
} EnumName;

static const EnumName agency_kinds[JD_AGENCY_KIND_N] = {
  { "district_department", N_("District department") },
  { "subdistrict_town",    N_("Street or town") },
  { "integrated_team",     N_("Integrated enforcement team") },
  { "other",               N_("Other agency") },
};

static const EnumName categories[JD_CATEGORY_N] = {
  { "licensing",          N_("Licensing") },
  { "penalty",            N_("Penalty") },
  { "coercive_measure",   N_("Coercive measure") },
  { "coercive_execution", N_("Coercive execution") },
  { "levy",               N_("Levy") },
  { "requisition",        N_("Requisition") },
  { "fee_collection",     N_("Fee collection") },
  { "inspection",         N_("Inspection") },
  { "confirmation",       N_("Confirmation") },
  { "benefit_payment",    N_("Benefit payment") },
  { "reward",             N_("Reward") },
  { "adjudication",       N_("Adjudication") },
  { "other",              N_("Other action") },
};

static const EnumName procedures[JD_PROCEDURE_N] = {
  { "none",    N_("No procedure") },
  { "general", N_("General procedure") },
  { "simple",  N_("Simple procedure") },
};

static const EnumName penalty_types[JD_PENALTY_TYPE_N] = {
  { "none",                  N_("None") },
  { "warning",               N_("Warning") },
  { "criticism",             N_("Public criticism") },
  { "fine",                  N_("Fine") },
  { "confiscation",          N_("Confiscation") },
  { "licence_suspended",     N_("Licence suspended") },
  { "qualification_lowered", N_("Qualification lowered") },
  { "business_restricted",   N_("Business restricted") },
  { "suspension_order",      N_("Ordered to suspend business") },
  { "closure",               N_("Ordered to close") },
  { "licence_revoked",       N_("Licence revoked") },
  { "detention",             N_("Administrative detention") },
  { "other",                 N_("Other penalty") },
};

static const EnumName cert_statuses[JD_CERT_STATUS_N] = {
  { "valid",     N_("Valid") },
  { "suspended", N_("Suspended") },
  { "cancelled", N_("Cancelled") },
};

static const EnumName cancel_reasons[JD_CANCEL_REASON_N] = {
  { "none",        N_("None") },
  { "retired",     N_("Retired") },
  { "transferred", N_("Transferred") },
  { "reassigned",  N_("Reassigned") },
  { "revoked",     N_("Revoked") },
  { "other",       N_("Other reason") },
};

static const EnumName leniencies[JD_LENIENCY_N] = {
  { "none",          N_("None") },
  { "not_penalised", N_("Not penalised") },
  { "first_offence", N_("First-offence exemption") },
  { "lighter",       N_("Lighter penalty") },
  { "mitigated",     N_("Mitigated penalty") },
};

#define DEFINE_ENUM_NAMES(name, type, table) \
  const char * \
  jd_##name##_to_id (type value) \
  { \
    if ((guint) value >= G_N_ELEMENTS (table)) \
      return NULL; \
    return table[value].id; \
  } \
  const char * \
  jd_##name##_to_label (type value) \
  { \
    if ((guint) value >= G_N_ELEMENTS (table)) \
      return NULL; \
    return g_dgettext (GETTEXT_PACKAGE, table[value].label); \
  }

DEFINE_ENUM_NAMES (agency_kind, JdAgencyKind, agency_kinds)
DEFINE_ENUM_NAMES (category, JdActionCategory, categories)
DEFINE_ENUM_NAMES (procedure, JdProcedure, procedures)
DEFINE_ENUM_NAMES (penalty_type, JdPenaltyType, penalty_types)
DEFINE_ENUM_NAMES (cert_status, JdCertStatus, cert_statuses)
DEFINE_ENUM_NAMES (cancel_reason, JdCancelReason, cancel_reasons)
DEFINE_ENUM_NAMES (leniency, JdLeniency, leniencies)

static gboolean
lookup_id (const EnumName *table,
           guint           n,
           const char     *id,
           guint          *out)
{
  for (guint i = 0; id != NULL && i < n; i++)
    {
      if (g_strcmp0 (table[i].id, id) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
jd_category_from_id (const char       *id,
                     JdActionCategory *out)
{
  guint value;

  if (!lookup_id (categories, G_N_ELEMENTS (categories), id, &value))
    return FALSE;

  *out = (JdActionCategory) value;
  return TRUE;
}

gboolean
jd_agency_kind_from_id (const char   *id,
                        JdAgencyKind *out)
{
  guint value;

  if (!lookup_id (agency_kinds, G_N_ELEMENTS (agency_kinds), id, &value))
    return FALSE;

  *out = (JdAgencyKind) value;
  return TRUE;
}
