/*
 * Enum values round-trip to stable strings (for bindings, JSON and the CLI)
 * through one table per enum, terminated by {0, NULL}.
 */
#ifndef IP_INTERNAL_NAMES_H
#define IP_INTERNAL_NAMES_H

typedef struct {
    int value;
    const char *name;
} ip__name;

/* The name of value, or NULL when the table has none. */
const char *ip__name_of(const ip__name *table, int value);

/* Looks name up; on failure records IP_EINVALID naming field. */
int ip__value_of(int *out, const ip__name *table, const char *name,
                 const char *field);

/* IP_OK when value is in the table, else IP_EINVALID naming field. */
int ip__value_check(const ip__name *table, int value, const char *field);

/* Goals and measures share one five-state lifecycle (their enums number
 * the states alike): 1 proposed/planned, 2 active/in progress, 3 on hold,
 * 4 completed, 5 cancelled. Staying put is allowed; 4 and 5 are final. */
int ip__lifecycle_change_allowed(int from, int to);

/* Defines <prefix>_name and <prefix>_from_name for an enum over table. */
#define IP__ENUM_NAMES(prefix, type, table, field)                             \
    const char *prefix##_name(type value)                                      \
    {                                                                          \
        return ip__name_of(table, (int)value);                                 \
    }                                                                          \
    int prefix##_from_name(type *out, const char *name)                        \
    {                                                                          \
        int value, rc;                                                         \
        if (!out)                                                              \
            return ip__error_null("out");                                      \
        rc = ip__value_of(&value, table, name, field);                         \
        if (rc == 0)                                                           \
            *out = (type)value;                                                \
        return rc;                                                             \
    }

#endif
