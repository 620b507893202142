/**
 * @file ip/outbox.h
 * @brief The outbox: events the host system may need to act on, read in
 *        order and acknowledged.
 *
 * When something happens in libip that the host system (the EPJ or
 * fagsystem) may have to act on — a consent withdrawn, a plan ended — libip
 * appends an event to the outbox in the same transaction as the change, so
 * the two stand or fall together. The host reads the events oldest first,
 * acts on them, and acknowledges each one; acknowledged events stay in the
 * store (the outbox is append-only), so the pending list shrinks while the
 * history remains.
 *
 * An event carries ids only — the person's, the record's, the unit to
 * notify — never names or free text; the host looks up what it needs
 * through the ordinary, audited calls.
 *
 * Reading and acknowledging the outbox is the host's integration work:
 * sessions with role ::IP_ROLE_COORDINATING_UNIT or ::IP_ROLE_ADMIN. Every
 * read and every acknowledgement is audited (object `outbox`).
 */
#ifndef IP_OUTBOX_H
#define IP_OUTBOX_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/**
 * What happened. Values are fixed for the whole major version; new kinds
 * may be added, so a host should skip (and acknowledge, or leave pending)
 * kinds it does not know.
 */
typedef enum ip_outbox_kind {
    /** A consent was withdrawn, whole or for one recipient (object_kind
     *  "consent", object_id the consent's id). */
    IP_OUTBOX_CONSENT_WITHDRAWN = 1,
    /** A plan ended, for whatever reason (object_kind "plan", object_id
     *  the plan's id). */
    IP_OUTBOX_PLAN_ENDED = 2,
    /** A coordinator of any kind was appointed (object_kind
     *  "coordinator_assignment", unit_id the assignment's unit). */
    IP_OUTBOX_COORDINATOR_APPOINTED = 3,
    /** A specialist coordinator (spesialisthelsetjenesten) was appointed
     *  and the home municipality's coordinating unit (unit_id) must be
     *  told (object_kind "coordinator_assignment"; unit_id NULL when no
     *  coordinating unit of the person's municipality is registered). */
    IP_OUTBOX_SPECIALIST_COORDINATOR = 4,
    /** A complaint was forwarded to Statsforvalteren (object_kind
     *  "complaint"). */
    IP_OUTBOX_COMPLAINT_FORWARDED = 5
} ip_outbox_kind;

/** One outbox event. Opaque; free with ip_outbox_event_free(). */
typedef struct ip_outbox_event ip_outbox_event;

/** An iterator over outbox events. */
typedef struct ip_outbox_iterator ip_outbox_iterator;

/**
 * Starts iterating over the outbox, oldest first (in order of seq). The
 * events are read and authorized in this call, which is audited, as is
 * each event handed out that concerns a person (so the person's access log
 * shows that the host was told). Events appended after this call are not
 * seen by this iterator.
 *
 * @param out receives the iterator; owned by the caller, free with
 *        ip_outbox_iterator_free().
 * @param session a coordinating-unit or admin session.
 * @param pending_only non-zero: only events not yet acknowledged; zero:
 *        every event.
 * @return ::IP_OK; ::IP_EDENIED; ::IP_EINVALID (NULL arguments).
 */
IP_EXTERN(int) ip_outbox_iterator_new(ip_outbox_iterator **out,
                                      ip_session *session, int pending_only);

/**
 * The next event.
 * @param out receives the event; owned by the caller, free with
 *        ip_outbox_event_free().
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_outbox_next(ip_outbox_event **out, ip_outbox_iterator *it);

/** Frees an iterator (and the events it has not handed out); NULL is
 *  allowed. */
IP_EXTERN(void) ip_outbox_iterator_free(ip_outbox_iterator *it);

/**
 * Acknowledges an event: the host has acted on it. Records the session's
 * actor and the time; the event leaves the pending list. An event is
 * acknowledged once.
 *
 * @param session a coordinating-unit or admin session.
 * @param seq the event's sequence number (ip_outbox_event_seq()).
 * @return ::IP_OK; ::IP_ENOTFOUND (no event with that seq);
 *         ::IP_ESTATE (already acknowledged); ::IP_EINVALID (seq not
 *         positive, NULL session); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_outbox_acknowledge(ip_session *session, int64_t seq);

/** Frees an event; NULL is allowed. */
IP_EXTERN(void) ip_outbox_event_free(ip_outbox_event *event);

/** @name Outbox event getters
 * Strings borrowed, valid until the event is freed; NULL when absent (and
 * every getter returns 0 or NULL for a NULL event).
 * @{ */
/** The event's place in the outbox: positive, growing with each event. */
IP_EXTERN(int64_t) ip_outbox_event_seq(const ip_outbox_event *event);
/** When it was appended: an instant, UTC with milliseconds. */
IP_EXTERN(const char *) ip_outbox_event_at(const ip_outbox_event *event);
IP_EXTERN(ip_outbox_kind) ip_outbox_event_kind_of(const ip_outbox_event *event);
/** The person concerned. */
IP_EXTERN(const char *) ip_outbox_event_person_id(const ip_outbox_event *event);
/** The kind of record object_id names, e.g. "consent" or "plan". */
IP_EXTERN(const char *) ip_outbox_event_object_kind(const ip_outbox_event *event);
/** The id of the record the event is about. */
IP_EXTERN(const char *) ip_outbox_event_object_id(const ip_outbox_event *event);
/** The unit to notify, when there is one. */
IP_EXTERN(const char *) ip_outbox_event_unit_id(const ip_outbox_event *event);
/** When it was acknowledged (an instant); NULL while pending. */
IP_EXTERN(const char *) ip_outbox_event_acknowledged_at(const ip_outbox_event *event);
/** The actor id of the session that acknowledged it; NULL while pending. */
IP_EXTERN(const char *) ip_outbox_event_acknowledged_by(const ip_outbox_event *event);
/** @} */

/**
 * Stable names: "consent_withdrawn", "plan_ended", "coordinator_appointed",
 * "specialist_coordinator", "complaint_forwarded".
 * @return a static string, or NULL for an unknown value.
 */
IP_EXTERN(const char *) ip_outbox_kind_name(ip_outbox_kind kind);
/**
 * The kind for a stable name.
 * @param out receives the kind.
 * @param name a name as returned by ip_outbox_kind_name().
 * @return ::IP_OK or ::IP_EINVALID.
 */
IP_EXTERN(int) ip_outbox_kind_from_name(ip_outbox_kind *out, const char *name);

IP_END_DECL

#endif
