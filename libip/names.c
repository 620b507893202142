#include "names.h"
#include "error.h"

#include <string.h>

const char *ip__name_of(const ip__name *table, int value)
{
    for (; table->name; table++) {
        if (table->value == value)
            return table->name;
    }
    return NULL;
}

int ip__value_of(int *out, const ip__name *table, const char *name,
                 const char *field)
{
    if (!out)
        return ip__error_null("out");
    if (!name)
        return ip__error_null(field);
    for (; table->name; table++) {
        if (strcmp(table->name, name) == 0) {
            *out = table->value;
            return IP_OK;
        }
    }
    return ip__error_set(IP_EINVALID, field, "unknown name");
}

int ip__value_check(const ip__name *table, int value, const char *field)
{
    if (ip__name_of(table, value))
        return IP_OK;
    return ip__error_set(IP_EINVALID, field, "not a known value");
}

int ip__lifecycle_change_allowed(int from, int to)
{
    if (from < 1 || from > 5 || to < 1 || to > 5)
        return 0;
    if (from == to)
        return 1;
    switch (from) {
    case 1:
        return to == 2 || to == 5;
    case 2:
        return to == 3 || to == 4 || to == 5;
    case 3:
        return to == 2 || to == 5;
    default: /* completed and cancelled are final */
        return 0;
    }
}
