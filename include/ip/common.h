/**
 * @file ip/common.h
 * @brief Export macros, status codes, the thread-local last error, versions
 *        and the library's deallocator.
 *
 * Every libip call that can fail returns an `int`: ::IP_OK (0) or one of
 * the negative `IP_E*` codes below. After a failure, ip_error_last() tells
 * what went wrong and which field was at fault. Messages never contain
 * personal data (no national ids, no names): hosts may log them as they are.
 */
#ifndef IP_COMMON_H
#define IP_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define IP_BEGIN_DECL extern "C" {
#define IP_END_DECL }
#else
/** Opens a block of declarations with C linkage (for C++ callers). */
#define IP_BEGIN_DECL
/** Closes a block opened by ::IP_BEGIN_DECL. */
#define IP_END_DECL
#endif

/**
 * Marks a public declaration. The library is built with hidden visibility,
 * so only declarations behind this macro (and listed in the version script)
 * are exported.
 */
#if defined(_WIN32) && defined(IP_BUILDING_LIBRARY)
#define IP_EXTERN(type) extern __declspec(dllexport) type
#elif defined(_WIN32)
#define IP_EXTERN(type) extern __declspec(dllimport) type
#elif defined(__GNUC__)
#define IP_EXTERN(type) extern __attribute__((visibility("default"))) type
#else
#define IP_EXTERN(type) extern type
#endif

/** Major version of the headers. The SONAME changes only with this. */
#define IP_VERSION_MAJOR 1
/** Minor version of the headers: grows when symbols are added. */
#define IP_VERSION_MINOR 0
/** Patch version of the headers. */
#define IP_VERSION_PATCH 0
/** The version as a string. */
#define IP_VERSION "1.0.0"
/** The version as one number, major * 1000000 + minor * 1000 + patch. */
#define IP_VERSION_NUMBER                                                      \
    (IP_VERSION_MAJOR * 1000000 + IP_VERSION_MINOR * 1000 + IP_VERSION_PATCH)

IP_BEGIN_DECL

/**
 * Status codes. Values are fixed for the whole major version; new codes may
 * be added, so treat an unknown negative value as a generic failure.
 */
typedef enum ip_status {
    IP_OK = 0,         /**< Success. */
    IP_ERROR = -1,     /**< Generic failure that has no code of its own. */
    IP_EINVALID = -2,  /**< An argument is NULL, malformed or out of range. */
    IP_ENOTFOUND = -3, /**< The record does not exist (or is not visible). */
    IP_EEXISTS = -4,   /**< A record with that identity already exists. */
    IP_ECONFLICT = -5, /**< Stale revision: the record changed meanwhile. */
    IP_EDENIED = -6,   /**< The actor may not do this; an audit event says so. */
    IP_ESTATE = -7,    /**< The change is forbidden in the record's state. */
    IP_EBUSY = -8,     /**< The store stayed locked past the busy timeout. */
    IP_EIO = -9,       /**< Reading or writing the store's file failed. */
    IP_ECORRUPT = -10, /**< The store is damaged or not a libip store. */
    IP_ETOONEW = -11,  /**< The store was written by a newer libip. */
    IP_ENOMEM = -12,   /**< Memory could not be allocated. */
    IP_EREADONLY = -13, /**< The store is open read-only. */
    IP_EOPENPLAN = -14, /**< The person already has an open plan. */
    IP_ITEROVER = -31  /**< An iterator has no more items (not a failure). */
} ip_status;

/** What went wrong in the last failed call of this thread. */
typedef struct ip_error {
    /** The status code the failed call returned. */
    int code;
    /** A message in English, starting with the field when there is one,
     *  e.g. `"person.national_id: check digit does not match"`. */
    const char *message;
    /** The field at fault (`"person.national_id"`), or "" when none. */
    const char *field;
    /** SQLite's extended result code when SQLite failed, else 0. */
    int sqlite_code;
} ip_error;

/**
 * The last error of the calling thread.
 *
 * Read it right after a call returned a negative code; a successful call
 * does not clear it, so it may be stale otherwise.
 *
 * @return borrowed; never NULL; valid until the next libip call on this
 *         thread. When nothing failed yet, code is ::IP_OK and message "".
 */
IP_EXTERN(const ip_error *) ip_error_last(void);

/**
 * Clears the calling thread's last error (code ::IP_OK, empty message).
 */
IP_EXTERN(void) ip_error_clear(void);

/**
 * A fixed description of a status code.
 *
 * @param code a status code.
 * @return a static string; never NULL ("unknown error" for unknown codes).
 */
IP_EXTERN(const char *) ip_strerror(int code);

/**
 * The version of the library that is running (which may differ from the
 * headers a program was compiled with).
 *
 * @param major if not NULL, receives the major version.
 * @param minor if not NULL, receives the minor version.
 * @param patch if not NULL, receives the patch version.
 * @return a static string such as "1.0.0".
 */
IP_EXTERN(const char *) ip_version(int *major, int *minor, int *patch);

/**
 * Frees memory that libip handed to the caller as a plain buffer (for
 * example a JSON document). Records with a type of their own are freed with
 * that type's `_free` function instead. NULL is allowed.
 *
 * @param ptr memory from libip, or NULL.
 */
IP_EXTERN(void) ip_free(void *ptr);

IP_END_DECL

#endif
