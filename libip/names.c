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
