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

IP_END_DECL

#endif
