/**
 * @file ip/store.h
 * @brief Opening, checking and backing up a libip store.
 *
 * A store is one SQLite file. Opening it applies any schema migrations this
 * library carries (forward only, all in one transaction); a store written by
 * a newer libip is refused with ::IP_ETOONEW and left untouched.
 *
 * A store handle, and every session made from it, is used by one thread at
 * a time (docs/threading.md). Open one handle per thread to work in
 * parallel: SQLite's locking keeps the file consistent across handles and
 * processes.
 */
#ifndef IP_STORE_H
#define IP_STORE_H

#include "common.h"

IP_BEGIN_DECL

/** An open store. Opaque; close with ip_store_close(). */
typedef struct ip_store ip_store;

/**
 * A clock: returns the current time in milliseconds since 1970-01-01 UTC.
 * Injected through ::ip_store_options so that deadlines and tests are
 * deterministic. Must be safe to call from the thread using the store.
 */
typedef int64_t (*ip_clock_fn)(void *payload);

/** Create the store file when it does not exist. */
#define IP_STORE_CREATE 0x1u
/** Open read-only. Calls that read personal data are refused with
 *  ::IP_EREADONLY, because their audit event could not be written. */
#define IP_STORE_READONLY 0x2u

/** Options for ip_store_open(). Fields are only ever appended. */
typedef struct ip_store_options {
    unsigned int version;  /**< ::IP_STORE_OPTIONS_VERSION */
    unsigned int flags;    /**< ::IP_STORE_CREATE, ::IP_STORE_READONLY */
    int busy_timeout_ms;   /**< How long to wait for a lock; 0 means 5000,
                                negative means fail at once. */
    ip_clock_fn clock;     /**< NULL: the system clock. */
    void *clock_payload;   /**< Passed to clock. */
} ip_store_options;

/** The version of ::ip_store_options these headers describe. */
#define IP_STORE_OPTIONS_VERSION 1
/** Initializer for ::ip_store_options with defaults. */
#define IP_STORE_OPTIONS_INIT {IP_STORE_OPTIONS_VERSION, 0, 0, NULL, NULL}

/**
 * Initializes options to the defaults (for callers that cannot use
 * ::IP_STORE_OPTIONS_INIT, such as FFI bindings).
 *
 * @param opts the struct to fill.
 * @param version ::IP_STORE_OPTIONS_VERSION.
 * @return ::IP_OK, or ::IP_EINVALID for NULL or an unknown version.
 */
IP_EXTERN(int) ip_store_options_init(ip_store_options *opts,
                                     unsigned int version);

/**
 * Opens (and with ::IP_STORE_CREATE creates) a store and migrates it to the
 * schema of this library.
 *
 * @param out receives the store; owned by the caller, close it with
 *        ip_store_close(). Set to NULL on failure.
 * @param path the file's path (UTF-8).
 * @param opts options, or NULL for the defaults.
 * @return ::IP_OK; ::IP_EINVALID (NULL path, unknown options version);
 *         ::IP_ENOTFOUND (no such file and no ::IP_STORE_CREATE);
 *         ::IP_ECORRUPT (not a libip store); ::IP_ETOONEW (written by a
 *         newer libip); ::IP_EREADONLY (needs migrating but opened
 *         read-only); ::IP_EBUSY; ::IP_EIO; ::IP_ENOMEM.
 */
IP_EXTERN(int) ip_store_open(ip_store **out, const char *path,
                             const ip_store_options *opts);

/**
 * Closes a store. Sessions made from it must be freed first. A transaction
 * still open is rolled back. NULL is allowed.
 *
 * @param store the store, or NULL.
 */
IP_EXTERN(void) ip_store_close(ip_store *store);

/**
 * Checks the store: SQLite's integrity check, foreign keys, the audit
 * log's hash chain (ip_audit_verify()), and that the schema is the one
 * this library expects.
 *
 * @param store an open store.
 * @return ::IP_OK when consistent; ::IP_ECORRUPT with a message that says
 *         what failed; ::IP_EINVALID for NULL.
 */
IP_EXTERN(int) ip_store_check(ip_store *store);

/**
 * The schema version the store is at (and this library writes).
 *
 * @param out receives the version.
 * @param store an open store.
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_store_schema_version(int *out, ip_store *store);

/**
 * The schema version this library writes.
 *
 * @return a positive number.
 */
IP_EXTERN(int) ip_schema_version(void);

/**
 * @name Store settings
 * Values the law or local practice may change, kept in the store so that
 * such a change is configuration, not a new library. Each has a default
 * (a new store starts with it) and a valid range:
 *
 * | name                         | default | range  | what it sets |
 * |------------------------------|---------|--------|--------------|
 * | `complaint_deadline_weeks`   | 4       | 1–52   | the complaint deadline, weeks from when the complainant knew (pasient- og brukerrettighetsloven § 7-5); read when a complaint is filed |
 * | `due_meeting_months`         | 6       | 1–36   | the due list: months without a responsibility-group meeting |
 * | `due_consent_days`           | 30      | 1–365  | the due list: consents expiring within this many days |
 * | `due_complaint_warning_days` | 7       | 0–60   | the due list: complaints this many days or fewer before their deadline |
 *
 * A value outside its range, which only a hand-edited store can hold,
 * reads as the default. Settings hold no personal data. Every session may
 * read them; only an administrator (::IP_ROLE_ADMIN) changes them. Both
 * are audited (object `setting`, the setting's name as the object id).
 * @{ */

/* ip_session (ip/session.h, which includes this header) by its tag. */
struct ip_session;

/**
 * Reads a store setting.
 *
 * @param out receives the value.
 * @param session any session (an ::ip_session).
 * @param name one of the names above.
 * @return ::IP_OK; ::IP_EINVALID (`setting.name`: not a setting; NULL
 *         arguments); ::IP_EREADONLY (the read's audit event cannot be
 *         written).
 */
IP_EXTERN(int) ip_setting_get(int64_t *out, struct ip_session *session,
                              const char *name);

/**
 * Changes a store setting. It applies to what happens from then on: a
 * complaint filed before keeps the deadline it was given.
 *
 * @param session an administrator's session.
 * @param name one of the names above.
 * @param value within the setting's range.
 * @return ::IP_OK; ::IP_EINVALID (`setting.name`: not a setting;
 *         `setting.value`: out of range); ::IP_EDENIED (not an
 *         administrator); ::IP_EREADONLY.
 */
IP_EXTERN(int) ip_setting_set(struct ip_session *session, const char *name,
                              int64_t value);
/** @} */

IP_END_DECL

#endif
