/*
 * iplan: the command-line tool for municipal IT and for trying libip.
 *
 * The tool uses the public API in include/ip/ and nothing else. Each file
 * has one job: main.c parses arguments and dispatches, actor.c turns the
 * options into a session, cmd_*.c are the commands, demo.c and demo_ids.c
 * build the demo scenarios and demo_plans.c their plans (demo.h is what
 * the two share), cases.c loads applications, plans and coordinators
 * grouped by person,
 * date.c does calendar arithmetic, text.c the Norwegian labels and text
 * layout, and util.c the error reporting and store opening the commands
 * share.
 *
 * Exit codes: 0 success, 1 the operation failed, 2 usage error.
 */
#ifndef IPLAN_H
#define IPLAN_H

#include <stddef.h>
#include <stdio.h>

#include <ip/ip.h>

#define IPLAN_EXIT_OK 0
#define IPLAN_EXIT_FAIL 1
#define IPLAN_EXIT_USAGE 2

/** The actor id when neither --actor nor $IPLAN_ACTOR is given. */
#define IPLAN_DEFAULT_ACTOR "iplan-cli"

/** YYYY-MM-DD plus the terminator. */
#define IPLAN_DATE_LEN 11

/** The native plan document, the only format `export` prints for now. */
#define IPLAN_FORMAT_NATIVE "ip-plan/1"

/** The parsed command line. Strings point into argv. */
struct iplan_opts {
    const char *command;   /* first positional argument */
    const char *store;     /* second positional argument, if any */
    const char *plan_id;   /* third positional argument (show, export) */
    const char *actor;     /* --actor, or NULL */
    const char *role;      /* --role, or NULL */
    const char *unit;      /* --unit, or NULL */
    const char *purpose;   /* --purpose, or NULL */
    const char *format;    /* --format, or NULL (export) */
    int json;              /* --json */
    const char *person; /* --person, or NULL (audit) */
    int verify;         /* --verify (audit) */
};

/* util.c: errors and the store */

/** Prints "iplan: <what>: <libip's last error>" to stderr. */
void iplan_fail(const char *what);
/** Like iplan_fail() for a call that returned rc (libip's message when it
 *  belongs to rc, else ip_strerror(rc)). */
void iplan_fail_code(const char *what, int rc);
/** Prints "iplan: <formatted message>" to stderr. */
void iplan_errorf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/**
 * Opens a store with the given ip_store_open() flags; prints the error.
 * @return an exit code.
 */
int iplan_store_open(ip_store **out, const char *path, unsigned int flags);
/**
 * iplan_store_open(), then the store's schema version into *version; on
 * failure the store is closed again.
 * @return an exit code; prints the error.
 */
int iplan_store_open_version(ip_store **out, int *version, const char *path,
                             unsigned int flags);

/* actor.c: sessions from the options */

/** --actor, else $IPLAN_ACTOR, else ::IPLAN_DEFAULT_ACTOR. */
const char *iplan_actor_id(const struct iplan_opts *opts);
/**
 * Checks --role and --purpose; prints a usage error.
 * @return an exit code.
 */
int iplan_actor_options_check(const struct iplan_opts *opts);
/**
 * Opens an administrator session (master data, no personal data).
 * @return an exit code; prints the error.
 */
int iplan_admin_session(ip_session **out, ip_store *store,
                        const struct iplan_opts *opts);
/**
 * Opens the session the options describe, finding the default unit.
 * @return an exit code; prints the error.
 */
int iplan_session_open(ip_session **out, ip_store *store,
                       const struct iplan_opts *opts);

/* date.c: calendar dates as YYYY-MM-DD, UTC */

/** Today's date in UTC, as the library's system clock sees it. */
void iplan_today(char out[IPLAN_DATE_LEN]);
/** Days since 1970-01-01 of a valid YYYY-MM-DD; 0 on success, -1 if not a date. */
int iplan_date_days(long *out, const char *date);
/** The date `days` days since 1970-01-01. */
void iplan_date_from_days(char out[IPLAN_DATE_LEN], long days);
/** date + days (days may be negative); 0, or -1 if date is not a date. */
int iplan_date_add(char out[IPLAN_DATE_LEN], const char *date, long days);
/**
 * The date `years` years before date (29 February becomes 28 February in a
 * common year), minus another `days` days; 0, or -1 if date is not a date.
 */
int iplan_date_years_before(char out[IPLAN_DATE_LEN], const char *date,
                            int years, long days);
/** "DD.MM.YYYY" for a YYYY-MM-DD date (or the input copied when malformed). */
void iplan_date_display(char out[IPLAN_DATE_LEN], const char *date);

/* text.c: Norwegian labels and aligned output */

/** "individuell plan", "koordinator", "barnekoordinator". */
const char *iplan_request_label(ip_request_kind kind);
/** Short form for tables: "IP", "koordinator", "barnekoordinator". */
const char *iplan_request_short(ip_request_kind kind);
/** "venter", "innvilget", "avslått", "trukket". */
const char *iplan_outcome_label(ip_outcome outcome);
/** "avgjørelse", "enkeltvedtak". */
const char *iplan_form_label(ip_outcome_form form);
/** "utkast", "aktiv", "avsluttet". */
const char *iplan_plan_status_label(ip_plan_status status);
/** "personens ønske", "behovet er over", ... */
const char *iplan_plan_end_reason_label(ip_plan_end_reason reason);
/** "tjenestemottaker", "representant", "pårørende", "koordinator",
 *  "tjenesteyter", "annen bidragsyter". */
const char *iplan_participant_role_label(ip_participant_role role);
/** "foreslått", "aktivt", "satt på vent", "fullført", "avbrutt" (of a mål). */
const char *iplan_goal_status_label(ip_goal_status status);
/** "under arbeid", "nådd", "delvis nådd", "ikke nådd". */
const char *iplan_goal_achievement_label(ip_goal_achievement achievement);
/** "planlagt", "pågår", "satt på vent", "fullført", "avbrutt". */
const char *iplan_measure_status_label(ip_measure_status status);
/** "Samtykke til planen", "Samtykke til deling av taushetsbelagte
 *  opplysninger". */
const char *iplan_consent_kind_label(ip_consent_kind kind);
/** "skriftlig", "muntlig, dokumentert". */
const char *iplan_consent_form_label(ip_consent_form form);
/** "koordinator", "barnekoordinator", "spesialistkoordinator". */
const char *iplan_coordinator_kind_label(ip_coordinator_kind kind);
/** One plan section (an IP_SECTION_* bit): "mål", "tiltak",
 *  "ansvarsgruppemøter med referat", "deltakere med bidrag",
 *  "evalueringer". */
const char *iplan_section_label(unsigned int section);
/** The number of characters (not bytes) in UTF-8 text. */
int iplan_text_width(const char *s);
/** Prints s padded with spaces to `width` characters (UTF-8 aware). */
void iplan_print_padded(FILE *out, const char *s, int width);
/**
 * Prints text word-wrapped to lines of at most `width` characters, each
 * line indented by `indent` spaces and ended by a newline. The first line
 * is not indented when the caller has already printed `first_used`
 * characters on it (pass 0 to indent it too). Line breaks in the text are
 * kept.
 */
void iplan_print_wrapped(FILE *out, const char *text, int indent, int first_used,
                         int width);
/**
 * At most the first `max_chars` characters of text into buf (UTF-8 aware;
 * line breaks become spaces). When shortened, it ends after the last whole
 * sentence (if that keeps at least half) or else the last whole word,
 * followed by " …".
 */
const char *iplan_excerpt(char *buf, size_t size, const char *text, int max_chars);
/** The first two columns of the `plans` and `overdue` tables, an id and a
 *  name, padded so that the tables line up alike. */
void iplan_print_id_name(FILE *out, const char *id, const char *name);
/** The request kinds in display order. */
extern const ip_request_kind iplan_request_kinds[3];

/* cases.c: applications, plans and coordinators grouped by person */

struct iplan_case {
    ip_person *person;            /* owned */
    ip_application **apps;        /* owned, oldest received first */
    size_t napps;
    ip_plan *plan;                /* owned: the open plan, else the latest
                                     ended one; NULL without a plan (or when
                                     plans were not loaded) */
    ip_coordinator_assignment *coordinator; /* owned: the person's active
                                     assignment (a coordinator, else a child
                                     coordinator, else a specialist
                                     coordinator); NULL without one (or when
                                     not loaded, or not readable) */
    char *coordinator_name;       /* owned (malloc): the coordinator's given
                                     and family name; NULL when the
                                     practitioner cannot be read */
};

struct iplan_cases {
    struct iplan_case *items;     /* persons with applications in order of
                                     their first application, then persons
                                     with only a plan */
    size_t n;
};

/**
 * Loads the applications the session may read (only overdue ones on
 * `overdue_on` when that is not NULL) and the person each is for.
 * @return a libip status; on failure `out` is left empty.
 */
int iplan_cases_load(struct iplan_cases *out, ip_session *session,
                     const char *overdue_on);
/**
 * Adds every plan the session may list to the loaded cases: each person's
 * open plan (else the latest ended one), adding the persons who have a plan
 * but no application.
 * @return a libip status; on failure the cases are freed.
 */
int iplan_cases_load_plans(struct iplan_cases *cases, ip_session *session);
/**
 * Adds to each loaded case the person's active coordinator assignment and
 * the coordinator's name (see struct iplan_case). A session that may not
 * read a person's assignments leaves that case without one.
 * @return a libip status; on failure the cases are freed.
 */
int iplan_cases_load_coordinators(struct iplan_cases *cases, ip_session *session,
                                  const char *today);
/** Frees everything loaded. */
void iplan_cases_free(struct iplan_cases *cases);
/**
 * Whether an application is overdue on `today`: a request still pending,
 * no interim reply, and today after the library's reply_due_on.
 */
int iplan_application_overdue(const ip_application *a, const char *today);
/** Whether any request of the application is still pending. */
int iplan_application_pending(const ip_application *a);

/** Prints loaded cases as text. */
typedef void iplan_cases_text_fn(const struct iplan_cases *cases, const char *today);
/** Prints loaded cases as JSON; returns an exit code. */
typedef int iplan_cases_json_fn(const struct iplan_cases *cases, const char *today);
/**
 * What `plans` and `overdue` both do: opens the store and the session the
 * options describe, loads the cases (only applications overdue today when
 * only_overdue; otherwise every application and every plan) and prints
 * them, as JSON with --json.
 * @return an exit code; prints the error.
 */
int iplan_cases_show(const struct iplan_opts *opts, int only_overdue,
                     iplan_cases_text_fn *print_text, iplan_cases_json_fn *print_json);

/* format.c: applications as text and as JSON */

/** Prints "mottatt DD.MM.YYYY: IP innvilget, koordinator venter (...)". */
void iplan_print_application(FILE *out, const ip_application *a, const char *today);
/** The person's given and family name, "Emil Prøvesen", into buf. */
const char *iplan_person_name(char *buf, size_t size, const ip_person *p);

/* json.c: JSON output (cJSON stays inside json.c) */

/** A JSON array being built; NULL when out of memory. */
struct iplan_json;
struct iplan_json *iplan_json_new(void);
/** Appends {"person_id", "name", "overdue", "coordinator", "plan",
 *  "applications"}; "coordinator" is the active assignment {"id", "name",
 *  "kind", "practitioner_id"} ("id" the assignment's, "name" the
 *  coordinator's or null) or null; "plan" is {"id", "status",
 *  "next_revision_on"} or null. */
int iplan_json_add_case(struct iplan_json *j, const struct iplan_case *c,
                        const char *today);
/** Appends one application with "person_id" and "name" of its person. */
int iplan_json_add_application(struct iplan_json *j, const ip_person *p,
                               const ip_application *a, const char *today);
/** Prints the array and a newline to stdout and frees it; exit code. NULL
 *  (what a builder that ran out of memory leaves) reports that instead. */
int iplan_json_print(struct iplan_json *j);
/** Frees without printing; NULL is fine. */
void iplan_json_free(struct iplan_json *j);

/* demo_ids.c: synthetic identifiers that pass the mod-11 checks */

/**
 * A fødselsnummer for a birth date, with the first individual number at or
 * after `individual` (within the series for the birth year, wrapping) whose
 * check digits are both valid.
 * @param out 12 bytes.
 * @return 0, or -1 when the year has no series (before 1900, after 2039).
 */
int iplan_fnr_make(char out[12], const char *birth_date, int individual);
/**
 * An organisation number: the first 8-digit base at or after `base` whose
 * mod-11 check digit (weights 3 2 7 6 5 4 3 2) is not 10, plus that digit.
 * @param out 10 bytes.
 * @return 0, or -1 when base is not 8 digits.
 */
int iplan_orgnr_make(char out[10], long base);

/* demo.c */

/**
 * Fills an empty store with the demo scenarios, relative to today.
 * @return an exit code; prints the error.
 */
int iplan_demo_run(ip_store *store, const struct iplan_opts *opts);

/* the commands (cmd_*.c); each returns an exit code */

int iplan_cmd_init(const struct iplan_opts *opts);
int iplan_cmd_check(const struct iplan_opts *opts);
int iplan_cmd_demo(const struct iplan_opts *opts);
int iplan_cmd_plans(const struct iplan_opts *opts);
int iplan_cmd_overdue(const struct iplan_opts *opts);
int iplan_cmd_show(const struct iplan_opts *opts);
int iplan_cmd_export(const struct iplan_opts *opts);
int iplan_cmd_audit(const struct iplan_opts *opts);
int iplan_cmd_due(const struct iplan_opts *opts);

#endif
