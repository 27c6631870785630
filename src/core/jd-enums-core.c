/* jd-enums-core.c: identifiers and labels of the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "jd-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-core-types.h"

const char *
jd_enum_name_to_id (const JdEnumName *names,
                    guint             n_names,
                    int               value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return names[value].id;
}

const char *
jd_enum_name_to_label (const JdEnumName *names,
                       guint             n_names,
                       int               value)
{
  if (value < 0 || (guint) value >= n_names)
    return NULL;
  return g_dgettext (GETTEXT_PACKAGE, names[value].label);
}

gboolean
jd_enum_name_lookup (const JdEnumName *names,
                     guint             n_names,
                     const char       *id,
                     int              *out)
{
  for (guint i = 0; id != NULL && i < n_names; i++)
    {
      if (g_str_equal (names[i].id, id))
        {
          if (out != NULL)
            *out = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

static const JdEnumName agency_kinds[JD_AGENCY_KIND_N] = {
  { "district_department", N_("District department") },
  { "subdistrict_town",    N_("Street or town") },
  { "integrated_team",     N_("Integrated enforcement team") },
  { "other",               N_("Other agency") },
};

static const JdEnumName categories[JD_CATEGORY_N] = {
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

static const JdEnumName procedures[JD_PROCEDURE_N] = {
  { "none",    N_("No procedure") },
  { "general", N_("General procedure") },
  { "simple",  N_("Simple procedure") },
};

static const JdEnumName penalty_types[JD_PENALTY_TYPE_N] = {
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

static const JdEnumName cert_statuses[JD_CERT_STATUS_N] = {
  { "valid",     N_("Valid") },
  { "suspended", N_("Suspended") },
  { "cancelled", N_("Cancelled") },
};

static const JdEnumName cancel_reasons[JD_CANCEL_REASON_N] = {
  { "none",        N_("None") },
  { "retired",     N_("Retired") },
  { "transferred", N_("Transferred") },
  { "reassigned",  N_("Reassigned") },
  { "revoked",     N_("Revoked") },
  { "other",       N_("Other reason") },
};

static const JdEnumName leniencies[JD_LENIENCY_N] = {
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
    return jd_enum_name_to_id (table, G_N_ELEMENTS (table), (int) value); \
  } \
  const char * \
  jd_##name##_to_label (type value) \
  { \
    return jd_enum_name_to_label (table, G_N_ELEMENTS (table), (int) value); \
  }

DEFINE_ENUM_NAMES (agency_kind, JdAgencyKind, agency_kinds)
DEFINE_ENUM_NAMES (category, JdActionCategory, categories)
DEFINE_ENUM_NAMES (procedure, JdProcedure, procedures)
DEFINE_ENUM_NAMES (penalty_type, JdPenaltyType, penalty_types)
DEFINE_ENUM_NAMES (cert_status, JdCertStatus, cert_statuses)
DEFINE_ENUM_NAMES (cancel_reason, JdCancelReason, cancel_reasons)
DEFINE_ENUM_NAMES (leniency, JdLeniency, leniencies)

gboolean
jd_category_from_id (const char       *id,
                     JdActionCategory *out)
{
  int value;

  if (!jd_enum_name_lookup (categories, G_N_ELEMENTS (categories), id, &value))
    return FALSE;

  *out = (JdActionCategory) value;
  return TRUE;
}

gboolean
jd_agency_kind_from_id (const char   *id,
                        JdAgencyKind *out)
{
  int value;

  if (!jd_enum_name_lookup (agency_kinds, G_N_ELEMENTS (agency_kinds), id, &value))
    return FALSE;

  *out = (JdAgencyKind) value;
  return TRUE;
}
