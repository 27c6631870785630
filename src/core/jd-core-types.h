/* jd-core-types.h: enumerations of the enforcement-supervision domain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The integer values are stored in the database: never renumber them, only
 * append. Each enum has a stable ASCII identifier (DOMAIN.md's glossary) for
 * files and the CLI, and a translatable label for people.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  JD_AGENCY_KIND_DISTRICT_DEPARTMENT = 0,  /* 区直部门 */
  JD_AGENCY_KIND_SUBDISTRICT_TOWN    = 1,  /* 街镇 */
  JD_AGENCY_KIND_INTEGRATED_TEAM     = 2,  /* 综合执法队伍 */
  JD_AGENCY_KIND_OTHER               = 3,
} JdAgencyKind;
#define JD_AGENCY_KIND_N 4

/* DOMAIN.md §4.1 */
typedef enum
{
  JD_CATEGORY_LICENSING          = 0,   /* 行政许可 */
  JD_CATEGORY_PENALTY            = 1,   /* 行政处罚 */
  JD_CATEGORY_COERCIVE_MEASURE   = 2,   /* 行政强制措施 */
  JD_CATEGORY_COERCIVE_EXECUTION = 3,   /* 行政强制执行 */
  JD_CATEGORY_LEVY               = 4,   /* 行政征收 */
  JD_CATEGORY_REQUISITION        = 5,   /* 行政征用 */
  JD_CATEGORY_FEE_COLLECTION     = 6,   /* 行政收费 */
  JD_CATEGORY_INSPECTION         = 7,   /* 行政检查 */
  JD_CATEGORY_CONFIRMATION       = 8,   /* 行政确认 */
  JD_CATEGORY_BENEFIT_PAYMENT    = 9,   /* 行政给付 */
  JD_CATEGORY_REWARD             = 10,  /* 行政奖励 */
  JD_CATEGORY_ADJUDICATION       = 11,  /* 行政裁决 */
  JD_CATEGORY_OTHER              = 12,  /* 其他行政执法行为 */
} JdActionCategory;
#define JD_CATEGORY_N 13

/* DOMAIN.md §4.5; only penalties carry a procedure */
typedef enum
{
  JD_PROCEDURE_NONE    = 0,
  JD_PROCEDURE_GENERAL = 1,   /* 一般程序 (普通程序) */
  JD_PROCEDURE_SIMPLE  = 2,   /* 简易程序 */
} JdProcedure;
#define JD_PROCEDURE_N 3

/* DOMAIN.md §4.2, light to heavy; a decision counts under its heaviest type */
typedef enum
{
  JD_PENALTY_TYPE_NONE             = 0,
  JD_PENALTY_TYPE_WARNING          = 1,   /* 警告 */
  JD_PENALTY_TYPE_CRITICISM        = 2,   /* 通报批评 */
  JD_PENALTY_TYPE_FINE             = 3,   /* 罚款 */
  JD_PENALTY_TYPE_CONFISCATION     = 4,   /* 没收违法所得、没收非法财物 */
  JD_PENALTY_TYPE_LICENCE_SUSPENDED = 5,  /* 暂扣许可证件 */
  JD_PENALTY_TYPE_QUALIFICATION_LOWERED = 6, /* 降低资质等级 */
  JD_PENALTY_TYPE_BUSINESS_RESTRICTED = 7,   /* 限制开展生产经营活动 */
  JD_PENALTY_TYPE_SUSPENSION_ORDER = 8,   /* 责令停产停业 */
  JD_PENALTY_TYPE_CLOSURE          = 9,   /* 责令关闭、限制从业 */
  JD_PENALTY_TYPE_LICENCE_REVOKED  = 10,  /* 吊销许可证件 */
  JD_PENALTY_TYPE_DETENTION        = 11,  /* 行政拘留 */
  JD_PENALTY_TYPE_OTHER            = 12,  /* 其他行政处罚 */
} JdPenaltyType;
#define JD_PENALTY_TYPE_N 13

typedef enum
{
  JD_CERT_STATUS_VALID     = 0,
  JD_CERT_STATUS_SUSPENDED = 1,
  JD_CERT_STATUS_CANCELLED = 2,
} JdCertStatus;
#define JD_CERT_STATUS_N 3

typedef enum
{
  JD_CANCEL_REASON_NONE        = 0,
  JD_CANCEL_REASON_RETIRED     = 1,   /* 退休 */
  JD_CANCEL_REASON_TRANSFERRED = 2,   /* 调离 */
  JD_CANCEL_REASON_REASSIGNED  = 3,   /* 岗位调整 */
  JD_CANCEL_REASON_REVOKED     = 4,   /* 收回 */
  JD_CANCEL_REASON_OTHER       = 5,
} JdCancelReason;
#define JD_CANCEL_REASON_N 6

/* DOMAIN.md §12 */
typedef enum
{
  JD_LENIENCY_NONE            = 0,
  JD_LENIENCY_NOT_PENALISED   = 1,   /* 不予处罚 */
  JD_LENIENCY_FIRST_OFFENCE   = 2,   /* 首违不罚 */
  JD_LENIENCY_LIGHTER         = 3,   /* 从轻处罚 */
  JD_LENIENCY_MITIGATED       = 4,   /* 减轻处罚 */
} JdLeniency;
#define JD_LENIENCY_N 5

typedef enum
{
  JD_CERT_EVENT_ISSUE   = 0,
  JD_CERT_EVENT_RENEW   = 1,
  JD_CERT_EVENT_SUSPEND = 2,
  JD_CERT_EVENT_CANCEL  = 3,
  JD_CERT_EVENT_REINSTATE = 4,
} JdCertEventKind;
#define JD_CERT_EVENT_N 5

/* The table of an enumeration: a stable identifier (ASCII, for files, JSON
 * and the CLI) and an N_()-marked label for each value, in value order. The
 * helpers return NULL (or FALSE) for a value or an identifier out of the table. */
typedef struct
{
  const char *id;
  const char *label;
} JdEnumName;

const char *jd_enum_name_to_id         (const JdEnumName *names,
                                        guint             n_names,
                                        int               value);
/* The label, translated in Jiandu's domain */
const char *jd_enum_name_to_label      (const JdEnumName *names,
                                        guint             n_names,
                                        int               value);
gboolean    jd_enum_name_lookup        (const JdEnumName *names,
                                        guint             n_names,
                                        const char       *id,
                                        int              *out);

/* Stable identifiers (ASCII, for files, JSON and the CLI) and translated labels.
 * Out-of-range values return NULL. */
const char *jd_agency_kind_to_id       (JdAgencyKind     kind);
const char *jd_agency_kind_to_label    (JdAgencyKind     kind);
const char *jd_category_to_id          (JdActionCategory category);
const char *jd_category_to_label       (JdActionCategory category);
const char *jd_procedure_to_id         (JdProcedure      procedure);
const char *jd_procedure_to_label      (JdProcedure      procedure);
const char *jd_penalty_type_to_id      (JdPenaltyType    type);
const char *jd_penalty_type_to_label   (JdPenaltyType    type);
const char *jd_cert_status_to_id       (JdCertStatus     status);
const char *jd_cert_status_to_label    (JdCertStatus     status);
const char *jd_cancel_reason_to_id     (JdCancelReason   reason);
const char *jd_cancel_reason_to_label  (JdCancelReason   reason);
const char *jd_leniency_to_id          (JdLeniency       leniency);
const char *jd_leniency_to_label       (JdLeniency       leniency);

/* Parse a stable identifier; returns FALSE when unknown. */
gboolean    jd_category_from_id        (const char      *id,
                                        JdActionCategory *out);
gboolean    jd_agency_kind_from_id     (const char      *id,
                                        JdAgencyKind    *out);

G_END_DECLS
