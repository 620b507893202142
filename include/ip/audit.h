/**
 * @file ip/audit.h
 * @brief The tamper-evident audit log and the person's access log.
 *
 * Every call that reads or changes personal data appends one audit event
 * in the call's own transaction, allowed or denied: when, who (actor, role,
 * unit), what (action, object), about whom, why (purpose), the outcome and
 * the rule that decided it. Events are numbered 1, 2, 3 … (`seq`) and
 * hash-chained: each event stores the hash of the event before it
 * (`prev_hash`, 64 zeros for the first) and its own hash, the hex SHA-256
 * (OpenSSL's libcrypto) of prev_hash and a length-prefixed serialization of
 * its fields. A changed, removed, inserted or reordered event breaks the
 * chain, and ip_audit_verify() names the first one.
 *
 * A chain kept in the same file cannot show events cut from its end, nor a
 * log rewritten from some event on with fresh hashes. A host that wants
 * more records ip_audit_head() somewhere else from time to time (a log
 * server, a signed receipt) and compares: the seq must never shrink, and
 * where no event was added since, the hash must be the same.
 *
 * The person's access log (*innsyn*, pasientjournalloven § 18) is the list
 * of the events about one person: ip_audit_iterator_new().
 */
#ifndef IP_AUDIT_H
#define IP_AUDIT_H

#include "common.h"
#include "session.h"
#include "store.h"

IP_BEGIN_DECL

/** Hex digits of an audit hash (SHA-256), without the terminator. */
#define IP_AUDIT_HASH_LEN 64

/**
 * Verifies the audit log's hash chain, event by event in seq order.
 *
 * The log is whole when the events are numbered 1, 2, 3 … without gaps,
 * each event's prev_hash is the hash of the event before it (64 zeros for
 * the first), and each event's hash recomputes from its prev_hash and
 * fields. Otherwise the first event that breaks this is named, with what
 * the evidence shows: changed (its hash does not match its contents),
 * removed (a gap in the numbers, or an event whose link points to an event
 * no longer there), inserted (the event after it links past it), or
 * reordered (it links to another event of the log). ip_store_check()
 * includes this check.
 *
 * Reads the whole log from one snapshot, one event at a time; writes
 * nothing, so a read-only store can be verified. Takes no session: the
 * answer reveals no event's contents.
 *
 * @param first_bad_seq_out if not NULL, receives the seq of the first bad
 *        event (for a removed event, the missing number), or 0 when the
 *        log is whole.
 * @param store an open store.
 * @return ::IP_OK when the chain is whole (also when the log is empty);
 *         ::IP_ECORRUPT with field "audit_event" and a message naming the
 *         first bad event's seq and what is wrong (no personal data);
 *         ::IP_EINVALID for NULL; store errors (::IP_EIO, ::IP_ENOMEM).
 */
IP_EXTERN(int) ip_audit_verify(int64_t *first_bad_seq_out, ip_store *store);

/**
 * The head of the audit chain: the last event's seq and hash.
 *
 * On a log that verifies, the seq is also the number of events. A host can
 * keep the head outside the store and compare it later (see the file's
 * description).
 *
 * @param seq_out if not NULL, receives the last event's seq, 0 when the log
 *        is empty.
 * @param hash_out if not NULL, receives the last event's hash and a
 *        terminator (::IP_AUDIT_HASH_LEN + 1 bytes); 64 zeros when the log
 *        is empty. Empty when the stored hash is not one (a damaged log:
 *        ip_audit_verify() says more).
 * @param store an open store.
 * @return ::IP_OK; ::IP_EINVALID for NULL; store errors.
 */
IP_EXTERN(int) ip_audit_head(int64_t *seq_out, char *hash_out, ip_store *store);

/** One audit event, as read from the access log. Opaque; free with
 *  ip_audit_event_free(). */
typedef struct ip_audit_event ip_audit_event;

/** An iterator over audit events. Free with ip_audit_iterator_free(). */
typedef struct ip_audit_iterator ip_audit_iterator;

/**
 * Starts iterating over a person's access log: every audit event about the
 * person (whose person concerned is person_id), allowed or denied, oldest
 * (lowest seq) first.
 *
 * May be read by the person themselves, a representative (a parent or
 * guardian with an active relation) and the coordinating unit (to hand the
 * log over); any other actor is denied. The events are read in this one
 * call, and the call is itself an audited read (object kind "audit") about
 * the person, so the next listing shows it; a denied attempt shows too.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session the acting session.
 * @param person_id the person.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID (person_id not an id);
 *         ::IP_ENOTFOUND (no such person); store errors.
 */
IP_EXTERN(int) ip_audit_iterator_new(ip_audit_iterator **out,
                                     ip_session *session,
                                     const char *person_id);

/**
 * The next event.
 *
 * @param out receives the event; owned by the caller (ip_audit_event_free()).
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; ::IP_EINVALID for NULL.
 */
IP_EXTERN(int) ip_audit_next(ip_audit_event **out, ip_audit_iterator *it);

/** Frees an iterator and the events it has not handed out; NULL is
 *  allowed. */
IP_EXTERN(void) ip_audit_iterator_free(ip_audit_iterator *it);

/** Frees an event; NULL is allowed. */
IP_EXTERN(void) ip_audit_event_free(ip_audit_event *event);

/** @name Audit event getters
 * Strings are borrowed, valid until the event is freed; NULL when absent
 * (and for a NULL event).
 * @{ */
/** The event's number in the chain: 1, 2, 3 … */
IP_EXTERN(int64_t) ip_audit_event_seq(const ip_audit_event *event);
/** When, `YYYY-MM-DDTHH:MM:SS.mmmZ` (UTC). */
IP_EXTERN(const char *) ip_audit_event_at(const ip_audit_event *event);
/** Who: the session's actor id (see ::ip_actor). */
IP_EXTERN(const char *) ip_audit_event_actor_id(const ip_audit_event *event);
/** In which role. */
IP_EXTERN(ip_role) ip_audit_event_role(const ip_audit_event *event);
/** For which unit; NULL for roles that act for none. */
IP_EXTERN(const char *) ip_audit_event_unit_id(const ip_audit_event *event);
/** What: "create", "read", "update", "export", or "deny" for a denied call
 *  (whatever it attempted). */
IP_EXTERN(const char *) ip_audit_event_action(const ip_audit_event *event);
/** On what kind of record: "person", "relation", "application", "plan",
 *  "participant", "goal", "measure", "meeting", "evaluation", "revision",
 *  "consent", "audit" (a read of this log), "store", "unit",
 *  "practitioner", "outbox", "coordinator_assignment", "complaint", "due",
 *  "setting". */
IP_EXTERN(const char *) ip_audit_event_object_kind(const ip_audit_event *event);
/** Which record; NULL when the call concerned no single record (a list,
 *  a refused creation, this log). */
IP_EXTERN(const char *) ip_audit_event_object_id(const ip_audit_event *event);
/** Why: the session's purpose. */
IP_EXTERN(ip_purpose) ip_audit_event_purpose(const ip_audit_event *event);
/** "allowed" or "denied". */
IP_EXTERN(const char *) ip_audit_event_outcome(const ip_audit_event *event);
/** The access rule that decided, e.g. "person.own_records" (docs/access.md). */
IP_EXTERN(const char *) ip_audit_event_rule(const ip_audit_event *event);
/** @} */

IP_END_DECL

#endif
