/**
 * @file ip/revision.h
 * @brief Revisions of a plan: immutable snapshots of the whole plan, with
 *        reason, author and the meeting they came from.
 *
 * Revising a plan freezes its native document (`ip-plan/1`, see ip/json.h
 * and docs/format-ip-plan-1.md) as it stands, under the next number (1, 2,
 * ...). History is never rewritten: a revision is never changed or
 * removed — the store itself refuses to — and reading an earlier revision
 * gives back exactly the document frozen then, however the plan changed
 * since.
 *
 * The frozen document lists the earlier revisions (number, reason, author,
 * ...) but not their documents, so that each revision stays the size of
 * the plan rather than of its whole history.
 */
#ifndef IP_REVISION_H
#define IP_REVISION_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

/**
 * A revision of a plan. Opaque; free with ip_revision_free(). (The type is
 * not called `ip_plan_revision`: that name is the plan's own revision
 * number getter in ip/plan.h, which counts changes for optimistic
 * concurrency.)
 */
typedef struct ip_plan_revision ip_revision;

/**
 * Revises a plan: freezes its whole content as revision number n + 1,
 * where n is the plan's latest revision (0 when none).
 *
 * @param out if not NULL, receives the revision (owned by the caller; free
 *        with ip_revision_free()).
 * @param session the plan's coordinator (an active coordinator
 *        participant). The author recorded is the session's actor.
 * @param plan_id the plan; a draft or active one.
 * @param reason why the plan is revised; required (at most 1000 bytes).
 * @param meeting_id the meeting (of the same plan) the revision came from;
 *        optional (NULL or "").
 * @return ::IP_OK; ::IP_ESTATE (the plan has ended, naming
 *         `plan_revision.plan_id`); ::IP_ENOTFOUND (no such plan or
 *         meeting, naming the field); ::IP_EINVALID naming the field
 *         (`plan_revision.reason`, `plan_revision.meeting_id` for a meeting
 *         of another plan, ...); ::IP_EDENIED.
 */
IP_EXTERN(int) ip_plan_revise(ip_revision **out, ip_session *session,
                              const char *plan_id, const char *reason,
                              const char *meeting_id);

/**
 * Reads a revision (an audited read).
 *
 * @param out receives the revision; owned by the caller.
 * @param session a session that may read the plan.
 * @param id the revision's id.
 * @return ::IP_OK; ::IP_ENOTFOUND; ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_revision_get(ip_revision **out, ip_session *session,
                               const char *id);

/** An iterator over a plan's revisions. */
typedef struct ip_revision_iterator ip_revision_iterator;

/**
 * Starts iterating over a plan's revisions, by number (ascending). The
 * list is read and authorized in this call, and each revision in it is an
 * audited read.
 *
 * @param out receives the iterator; owned by the caller.
 * @param session a session that may read the plan.
 * @param plan_id the plan.
 * @return ::IP_OK; ::IP_ENOTFOUND (no such plan, naming
 *         `plan_revision.plan_id`); ::IP_EDENIED; ::IP_EINVALID.
 */
IP_EXTERN(int) ip_revision_iterator_new(ip_revision_iterator **out,
                                        ip_session *session,
                                        const char *plan_id);

/**
 * The next revision.
 * @param out receives the revision; owned by the caller.
 * @param it the iterator.
 * @return ::IP_OK; ::IP_ITEROVER when done.
 */
IP_EXTERN(int) ip_revision_next(ip_revision **out, ip_revision_iterator *it);

/** Frees an iterator; NULL is allowed. */
IP_EXTERN(void) ip_revision_iterator_free(ip_revision_iterator *it);

/** Frees a revision; NULL is allowed. */
IP_EXTERN(void) ip_revision_free(ip_revision *revision);

/** @name Revision getters
 * Strings borrowed, valid until the revision is freed; NULL when absent.
 * @{ */
IP_EXTERN(const char *) ip_revision_id(const ip_revision *revision);
IP_EXTERN(const char *) ip_revision_plan_id(const ip_revision *revision);
/** 1 for the plan's first revision, then 2, 3, ... */
IP_EXTERN(int64_t) ip_revision_number(const ip_revision *revision);
IP_EXTERN(const char *) ip_revision_reason(const ip_revision *revision);
/** The actor id of the session that made it. */
IP_EXTERN(const char *) ip_revision_author_id(const ip_revision *revision);
/** NULL when the revision names no meeting. */
IP_EXTERN(const char *) ip_revision_meeting_id(const ip_revision *revision);
/** When it was made, `YYYY-MM-DDTHH:MM:SS.mmmZ`. */
IP_EXTERN(const char *) ip_revision_made_at(const ip_revision *revision);
/** The plan's `ip-plan/1` document as it was frozen, compact JSON. */
IP_EXTERN(const char *) ip_revision_document(const ip_revision *revision);
/** @} */

IP_END_DECL

#endif
