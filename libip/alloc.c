#include "alloc.h"
#include "error.h"

#include <stdlib.h>
#include <string.h>

void *ip__malloc(size_t size)
{
    void *p = malloc(size ? size : 1);

    if (!p)
        ip__error_nomem();
    return p;
}

void *ip__calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);

    if (!p)
        ip__error_nomem();
    return p;
}

void *ip__realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);

    if (!p)
        ip__error_nomem();
    return p;
}

char *ip__strndup(const char *s, size_t len)
{
    char *copy = ip__malloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *ip__strdup(const char *s)
{
    return s ? ip__strndup(s, strlen(s)) : NULL;
}

void ip_free(void *ptr)
{
    free(ptr);
}

void ip__set_text(char **field, const char *value, bool *failed)
{
    free(*field);
    *field = NULL;
    if (value && *value) {
        *field = ip__strdup(value);
        if (!*field)
            *failed = true;
    }
}
