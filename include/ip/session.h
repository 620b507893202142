/**
 * @file ip/session.h
 * @brief Sessions: an open store plus the actor who works in it.
 *
 * Every call that touches personal data takes a session. Its path is always
 * the same: check the arguments, authorize the actor (deny by default), do
 * the work in a transaction, append an audit event, commit. A denied call
 * returns ::IP_EDENIED and leaves nothing but its audit event.
 *
 * Calls are atomic on their own. A host that wants several calls to stand
 * or fall together wraps them in ip_session_begin() and ip_session_commit()
 * (or ip_session_rollback()); these nest, through savepoints.
 */
#ifndef IP_SESSION_H
#define IP_SESSION_H

#include "common.h"
#include "store.h"

IP_BEGIN_DECL

/** A session. Opaque; free with ip_session_free(). */
typedef struct ip_session ip_session;

/** The role an actor works in (docs/access.md has the full table). */
typedef enum ip_role {
    IP_ROLE_ADMIN = 1,             /**< municipal IT: units, practitioners,
                                        backups; no personal data */
    IP_ROLE_COORDINATING_UNIT = 2, /**< koordinerende enhet */
    IP_ROLE_COORDINATOR = 3,       /**< a practitioner with an assignment */
    IP_ROLE_PROVIDER = 4,          /**< a unit that provides services */
    IP_ROLE_PERSON = 5,            /**< the person the records are about */
    IP_ROLE_REPRESENTATIVE = 6,    /**< guardian or parent with parental
                                        responsibility */
    IP_ROLE_NEXT_OF_KIN = 7,       /**< pårørende */
    IP_ROLE_ANALYST = 8            /**< aggregate statistics only */
} ip_role;

/** Why the actor is working: recorded in every audit event. */
typedef enum ip_purpose {
    IP_PURPOSE_CARE = 1,           /**< providing or coordinating services */
    IP_PURPOSE_ADMINISTRATION = 2, /**< case handling: applications,
                                        appointments, complaints */
    IP_PURPOSE_OWN_ACCESS = 3,     /**< the person reading own records */
    IP_PURPOSE_STATISTICS = 4,     /**< aggregate figures */
    IP_PURPOSE_RESEARCH = 5,       /**< approved research extracts */
    IP_PURPOSE_TRANSFER = 6,       /**< moving a plan to a municipality */
    IP_PURPOSE_MAINTENANCE = 7     /**< store upkeep: units, backups */
} ip_purpose;

/**
 * Who is acting. Fields are only ever appended.
 *
 * - `id`: for ::IP_ROLE_PERSON, ::IP_ROLE_REPRESENTATIVE and
 *   ::IP_ROLE_NEXT_OF_KIN the id of a person in the store; for
 *   ::IP_ROLE_COORDINATOR the id of a practitioner in `unit_id`; for other
 *   roles the host's own reference for its user (1–128 bytes of UTF-8, and
 *   not a national id: it is written to the audit log).
 * - `unit_id`: the unit acted for; required for ::IP_ROLE_COORDINATING_UNIT,
 *   ::IP_ROLE_COORDINATOR and ::IP_ROLE_PROVIDER, ignored otherwise.
 */
typedef struct ip_actor {
    unsigned int version; /**< ::IP_ACTOR_VERSION */
    const char *id;       /**< who (see above); copied */
    ip_role role;         /**< in which role */
    const char *unit_id;  /**< for which unit; copied */
    ip_purpose purpose;   /**< why */
} ip_actor;

/** The version of ::ip_actor these headers describe. */
#define IP_ACTOR_VERSION 1
/** Initializer for ::ip_actor (every field still to be set). */
#define IP_ACTOR_INIT {IP_ACTOR_VERSION, NULL, (ip_role)0, NULL, (ip_purpose)0}

/**
 * Initializes an actor struct for FFI callers.
 *
 * @param actor the struct to fill.
 * @param version ::IP_ACTOR_VERSION.
 * @return ::IP_OK, or ::IP_EINVALID for NULL or an unknown version.
 */
IP_EXTERN(int) ip_actor_init(ip_actor *actor, unsigned int version);

/**
 * Opens a session for an actor.
 *
 * @param out receives the session; owned by the caller, free it with
 *        ip_session_free() before closing the store.
 * @param store an open store; must outlive the session.
 * @param actor who acts; copied.
 * @return ::IP_OK; ::IP_EINVALID naming the actor field at fault (missing
 *         id or unit, unknown role or purpose, an id that does not name a
 *         person or practitioner where the role needs one); ::IP_ENOMEM.
 */
IP_EXTERN(int) ip_session_open(ip_session **out, ip_store *store,
                               const ip_actor *actor);

/**
 * Frees a session. A transaction it began and did not end is rolled back.
 * NULL is allowed.
 *
 * @param session the session, or NULL.
 */
IP_EXTERN(void) ip_session_free(ip_session *session);

/**
 * Changes the purpose recorded for the session's next calls.
 *
 * @param session the session.
 * @param purpose the new purpose.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_session_set_purpose(ip_session *session,
                                      ip_purpose purpose);

/**
 * Begins a transaction (or, inside one, a savepoint) that groups the
 * following calls.
 *
 * @param session the session.
 * @return ::IP_OK; ::IP_EBUSY; ::IP_EREADONLY; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_session_begin(ip_session *session);

/**
 * Commits the innermost transaction begun with ip_session_begin(). Only
 * the outermost commit makes the changes durable.
 *
 * @param session the session.
 * @return ::IP_OK; ::IP_ESTATE when no transaction is open; ::IP_EBUSY;
 *         ::IP_EIO.
 */
IP_EXTERN(int) ip_session_commit(ip_session *session);

/**
 * Rolls back the innermost transaction begun with ip_session_begin(),
 * undoing every call made in it (their audit events included).
 *
 * @param session the session.
 * @return ::IP_OK; ::IP_ESTATE when no transaction is open.
 */
IP_EXTERN(int) ip_session_rollback(ip_session *session);

/**
 * The stable name of a role ("admin", "coordinating_unit", "coordinator",
 * "provider", "person", "representative", "next_of_kin", "analyst").
 *
 * @return a static string, or NULL for a value that is not a role.
 */
IP_EXTERN(const char *) ip_role_name(ip_role role);

/**
 * The role for a stable name.
 *
 * @param out receives the role.
 * @param name a name as returned by ip_role_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_role_from_name(ip_role *out, const char *name);

/**
 * The stable name of a purpose ("care", "administration", "own_access",
 * "statistics", "research", "transfer", "maintenance").
 *
 * @return a static string, or NULL for a value that is not a purpose.
 */
IP_EXTERN(const char *) ip_purpose_name(ip_purpose purpose);

/**
 * The purpose for a stable name.
 *
 * @param out receives the purpose.
 * @param name a name as returned by ip_purpose_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_purpose_from_name(ip_purpose *out, const char *name);

/**
 * Backs the store up into a new file through SQLite's online backup, while
 * others keep working. Needs ::IP_ROLE_ADMIN; audited as an export.
 *
 * @param session an admin session.
 * @param dest_path where to write; an existing file there is replaced.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID; ::IP_EIO; ::IP_EBUSY.
 */
IP_EXTERN(int) ip_store_backup(ip_session *session, const char *dest_path);

IP_END_DECL

#endif
