/*
 * Store settings for the modules (setting.c): values the law or local
 * practice may change, kept in the store (table store_setting) so that a
 * change is configuration, not code. The names, defaults and valid ranges
 * are documented once, in include/ip/store.h (ip_setting_get()).
 */
#ifndef IP_INTERNAL_SETTINGS_H
#define IP_INTERNAL_SETTINGS_H

#include "internal.h"

/* The names, for the modules that read them. */
#define IP__SETTING_COMPLAINT_DEADLINE_WEEKS "complaint_deadline_weeks"
#define IP__SETTING_DUE_MEETING_MONTHS "due_meeting_months"
#define IP__SETTING_DUE_CONSENT_DAYS "due_consent_days"
#define IP__SETTING_DUE_COMPLAINT_WARNING_DAYS "due_complaint_warning_days"

/*
 * The value of the setting name in the store, or its default when the
 * store has no row for it or a value outside the setting's range (only a
 * hand-edited store can hold one), so a module can rely on the range. No authorization and no audit event of its own:
 * a module reads it inside its own (authorized, audited) call, or outside
 * any call. IP_EINVALID "setting.name" for a name that is not a setting.
 */
int ip__setting(ip_store *store, const char *name, int64_t *out);

#endif
