/*
 * The native document ip-plan/1 (docs/format-ip-plan-1.md), built from a
 * loaded plan. cJSON stays inside libip/json/: callers get text.
 */
#ifndef IP_INTERNAL_JSON_NATIVE_H
#define IP_INTERNAL_JSON_NATIVE_H

#include <stddef.h>

#include "plan_content.h"

/* The format's name, the value of the document's "format" key. */
#define IP__NATIVE_FORMAT "ip-plan/1"

typedef enum {
    /* The whole document, each revision with its frozen document nested,
     * printed with indentation (the export). */
    IP__NATIVE_EXPORT = 0,
    /* The document a revision freezes: earlier revisions without their
     * documents ("document": null), printed compact. */
    IP__NATIVE_FROZEN = 1
} ip__native_form;

/* Builds c's document. *out (NUL-terminated, *len_out bytes without the
 * NUL; len_out may be NULL) is the caller's, freed with ip_free.
 * IP_ECORRUPT naming "plan_revision.document" when a stored revision
 * document is not JSON; IP_ENOMEM. */
int ip__native_document(char **out, size_t *len_out, const ip__plan_content *c,
                        ip__native_form form);

#endif
