/*
 * The session the options describe: the CLI acts as a named actor like any
 * other caller, so its reads of personal data are audited.
 */
#include "iplan.h"

#include <stdlib.h>
#include <string.h>

const char *iplan_actor_id(const struct iplan_opts *opts)
{
    const char *env;

    if (opts->actor)
        return opts->actor;
    env = getenv("IPLAN_ACTOR");
    return env && *env ? env : IPLAN_DEFAULT_ACTOR;
}

static ip_role role_of(const struct iplan_opts *opts)
{
    ip_role role = IP_ROLE_COORDINATING_UNIT;

    if (opts->role)
        ip_role_from_name(&role, opts->role);
    return role;
}

static ip_purpose purpose_of(const struct iplan_opts *opts)
{
    ip_purpose purpose = IP_PURPOSE_ADMINISTRATION;

    if (opts->purpose)
        ip_purpose_from_name(&purpose, opts->purpose);
    return purpose;
}

int iplan_actor_options_check(const struct iplan_opts *opts)
{
    ip_role role;
    ip_purpose purpose;

    if (opts->role && ip_role_from_name(&role, opts->role) != IP_OK) {
        iplan_errorf("ukjent rolle: %s (se «iplan --help»)", opts->role);
        return IPLAN_EXIT_USAGE;
    }
    if (opts->purpose && ip_purpose_from_name(&purpose, opts->purpose) != IP_OK) {
        iplan_errorf("ukjent formål: %s (se «iplan --help»)", opts->purpose);
        return IPLAN_EXIT_USAGE;
    }
    return IPLAN_EXIT_OK;
}

int iplan_admin_session(ip_session **out, ip_store *store,
                        const struct iplan_opts *opts)
{
    ip_actor actor = IP_ACTOR_INIT;

    actor.id = iplan_actor_id(opts);
    actor.role = IP_ROLE_ADMIN;
    actor.purpose = IP_PURPOSE_MAINTENANCE;
    if (ip_session_open(out, store, &actor) == IP_OK)
        return IPLAN_EXIT_OK;
    iplan_fail("kunne ikke åpne økt som administrator");
    return IPLAN_EXIT_FAIL;
}

/* The store's only coordinating unit, listed in an admin session. */
static int default_unit(char **unit_id, ip_store *store, const struct iplan_opts *opts)
{
    ip_session *admin = NULL;
    ip_unit_iterator *it = NULL;
    ip_unit *unit = NULL;
    char *first_name = NULL;
    int count = 0, rc, exit_code;

    *unit_id = NULL;
    exit_code = iplan_admin_session(&admin, store, opts);
    if (exit_code)
        return exit_code;
    if (ip_unit_iterator_new(&it, admin) != IP_OK) {
        iplan_fail("kunne ikke liste enhetene");
        ip_session_free(admin);
        return IPLAN_EXIT_FAIL;
    }
    /* Unit names are master data, not personal data: list the candidates. */
    while ((rc = ip_unit_next(&unit, it)) == IP_OK) {
        if (ip_unit_is_coordinating(unit)) {
            if (++count == 1) {
                *unit_id = strdup(ip_unit_id(unit));
                first_name = strdup(ip_unit_name(unit));
            } else {
                if (count == 2) {
                    iplan_errorf("lageret har flere koordinerende enheter; "
                                 "velg én med --unit:");
                    fprintf(stderr, "  %s  %s\n", *unit_id ? *unit_id : "?",
                            first_name ? first_name : "?");
                }
                fprintf(stderr, "  %s  %s\n", ip_unit_id(unit), ip_unit_name(unit));
            }
        }
        ip_unit_free(unit);
    }
    free(first_name);
    ip_unit_iterator_free(it);
    ip_session_free(admin);
    if (rc != IP_ITEROVER) {
        iplan_fail("kunne ikke liste enhetene");
        exit_code = IPLAN_EXIT_FAIL;
    } else if (count == 0) {
        iplan_errorf("lageret har ingen koordinerende enhet; registrer en "
                     "(eller prøv «iplan demo») og oppgi den med --unit");
        exit_code = IPLAN_EXIT_FAIL;
    } else if (count > 1) {
        exit_code = IPLAN_EXIT_USAGE;
    } else if (!*unit_id) {
        iplan_errorf("tom for minne");
        exit_code = IPLAN_EXIT_FAIL;
    } else {
        return IPLAN_EXIT_OK;
    }
    free(*unit_id);
    *unit_id = NULL;
    return exit_code;
}

int iplan_session_open(ip_session **out, ip_store *store,
                       const struct iplan_opts *opts)
{
    ip_actor actor = IP_ACTOR_INIT;
    char *found_unit = NULL;
    int exit_code = IPLAN_EXIT_OK;

    *out = NULL;
    actor.id = iplan_actor_id(opts);
    actor.role = role_of(opts);
    actor.purpose = purpose_of(opts);
    actor.unit_id = opts->unit;
    if (!actor.unit_id && actor.role == IP_ROLE_COORDINATING_UNIT) {
        exit_code = default_unit(&found_unit, store, opts);
        if (exit_code)
            return exit_code;
        actor.unit_id = found_unit;
    } else if (!actor.unit_id && (actor.role == IP_ROLE_COORDINATOR ||
                                  actor.role == IP_ROLE_PROVIDER)) {
        iplan_errorf("rollen %s trenger --unit", ip_role_name(actor.role));
        return IPLAN_EXIT_USAGE;
    }
    if (ip_session_open(out, store, &actor) != IP_OK) {
        iplan_fail("kunne ikke åpne økt");
        exit_code = IPLAN_EXIT_FAIL;
    }
    free(found_unit);
    return exit_code;
}
