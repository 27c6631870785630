/* jd-agency-row-item.c: one agency of the agencies page, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core hands out plain JdAgencyYear structs; GListModel wants objects. The
 * item keeps its own copy, with a "name" property for expressions.
 */

#define G_LOG_DOMAIN "jd-agency-row-item"

#include "config.h"

#include "jd-agency-row-item.h"

struct _JdAgencyRowItem
{
  GObject       parent_instance;

  JdAgencyYear  row;
};

G_DEFINE_FINAL_TYPE (JdAgencyRowItem, jd_agency_row_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jd_agency_row_item_finalize (GObject *object)
{
  JdAgencyRowItem *self = JD_AGENCY_ROW_ITEM (object);

  g_clear_pointer (&self->row.name, g_free);
  g_clear_pointer (&self->row.domain_name, g_free);

  G_OBJECT_CLASS (jd_agency_row_item_parent_class)->finalize (object);
}

static void
jd_agency_row_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JdAgencyRowItem *self = JD_AGENCY_ROW_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->row.name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_agency_row_item_class_init (JdAgencyRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_agency_row_item_finalize;
  object_class->get_property = jd_agency_row_item_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_agency_row_item_init (JdAgencyRowItem *self)
{
}

JdAgencyRowItem *
jd_agency_row_item_new (const JdAgencyYear *row)
{
  JdAgencyRowItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (JD_TYPE_AGENCY_ROW_ITEM, NULL);
  self->row = *row;
  self->row.name = g_strdup (row->name);
  self->row.domain_name = g_strdup (row->domain_name);

  return self;
}

const JdAgencyYear *
jd_agency_row_item_get_row (JdAgencyRowItem *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_ROW_ITEM (self), NULL);

  return &self->row;
}

const char *
jd_agency_row_item_get_name (JdAgencyRowItem *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_ROW_ITEM (self), NULL);

  return self->row.name;
}

gint64
jd_agency_row_item_get_change (JdAgencyRowItem *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_ROW_ITEM (self), 0);

  return self->row.records - self->row.records_previous;
}
