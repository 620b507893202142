/*
 * Every allocation in libip goes through these, so that one place can
 * count, fail (fault tests) or redirect them.
 */
#ifndef IP_INTERNAL_ALLOC_H
#define IP_INTERNAL_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

/* Each returns NULL after recording IP_ENOMEM as the last error. */
void *ip__malloc(size_t size);
void *ip__calloc(size_t count, size_t size);
void *ip__realloc(void *ptr, size_t size);
char *ip__strdup(const char *s);      /* NULL in, NULL out (no error) */
char *ip__strndup(const char *s, size_t len);

/* Copies an optional string into a record field ("" becomes NULL), freeing
 * what the field held; sets *failed on allocation failure. */
void ip__set_text(char **field, const char *value, bool *failed);

#endif
