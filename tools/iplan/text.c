/* Norwegian (bokmål) labels for the library's stable names, padding,
 * wrapping and excerpts. */
#include "iplan.h"

#include <string.h>

#define ID_WIDTH 36
#define NAME_WIDTH 22

const ip_request_kind iplan_request_kinds[3] = {
    IP_REQUEST_PLAN, IP_REQUEST_COORDINATOR, IP_REQUEST_CHILD_COORDINATOR,
};

const char *iplan_request_label(ip_request_kind kind)
{
    switch (kind) {
    case IP_REQUEST_PLAN: return "individuell plan";
    case IP_REQUEST_COORDINATOR: return "koordinator";
    case IP_REQUEST_CHILD_COORDINATOR: return "barnekoordinator";
    }
    return "?";
}

const char *iplan_request_short(ip_request_kind kind)
{
    return kind == IP_REQUEST_PLAN ? "IP" : iplan_request_label(kind);
}

const char *iplan_outcome_label(ip_outcome outcome)
{
    switch (outcome) {
    case IP_OUTCOME_PENDING: return "venter";
    case IP_OUTCOME_GRANTED: return "innvilget";
    case IP_OUTCOME_REFUSED: return "avslått";
    case IP_OUTCOME_WITHDRAWN: return "trukket";
    }
    return "?";
}

const char *iplan_form_label(ip_outcome_form form)
{
    switch (form) {
    case IP_OUTCOME_FORM_DECISION: return "avgjørelse";
    case IP_OUTCOME_FORM_INDIVIDUAL_DECISION: return "enkeltvedtak";
    }
    return "?";
}

const char *iplan_plan_status_label(ip_plan_status status)
{
    switch (status) {
    case IP_PLAN_DRAFT: return "utkast";
    case IP_PLAN_ACTIVE: return "aktiv";
    case IP_PLAN_ENDED: return "avsluttet";
    }
    return "?";
}

const char *iplan_plan_end_reason_label(ip_plan_end_reason reason)
{
    switch (reason) {
    case IP_PLAN_END_PERSONS_WISH: return "personens ønske";
    case IP_PLAN_END_NEED_ENDED: return "behovet er over";
    case IP_PLAN_END_CONSENT_WITHDRAWN: return "samtykket er trukket tilbake";
    case IP_PLAN_END_MOVED: return "flyttet til en annen kommune";
    case IP_PLAN_END_DIED: return "personen er død";
    }
    return "?";
}

const char *iplan_participant_role_label(ip_participant_role role)
{
    switch (role) {
    case IP_PARTICIPANT_PERSON: return "tjenestemottaker";
    case IP_PARTICIPANT_REPRESENTATIVE: return "representant";
    case IP_PARTICIPANT_NEXT_OF_KIN: return "pårørende";
    case IP_PARTICIPANT_COORDINATOR: return "koordinator";
    case IP_PARTICIPANT_PROVIDER: return "tjenesteyter";
    case IP_PARTICIPANT_OTHER_CONTRIBUTOR: return "annen bidragsyter";
    }
    return "?";
}

const char *iplan_goal_status_label(ip_goal_status status)
{
    switch (status) {
    case IP_GOAL_PROPOSED: return "foreslått";
    case IP_GOAL_ACTIVE: return "aktivt";
    case IP_GOAL_ON_HOLD: return "satt på vent";
    case IP_GOAL_COMPLETED: return "fullført";
    case IP_GOAL_CANCELLED: return "avbrutt";
    }
    return "?";
}

const char *iplan_goal_achievement_label(ip_goal_achievement achievement)
{
    switch (achievement) {
    case IP_GOAL_IN_PROGRESS: return "under arbeid";
    case IP_GOAL_ACHIEVED: return "nådd";
    case IP_GOAL_PARTLY_ACHIEVED: return "delvis nådd";
    case IP_GOAL_NOT_ACHIEVED: return "ikke nådd";
    }
    return "?";
}

const char *iplan_measure_status_label(ip_measure_status status)
{
    switch (status) {
    case IP_MEASURE_PLANNED: return "planlagt";
    case IP_MEASURE_IN_PROGRESS: return "pågår";
    case IP_MEASURE_ON_HOLD: return "satt på vent";
    case IP_MEASURE_COMPLETED: return "fullført";
    case IP_MEASURE_CANCELLED: return "avbrutt";
    }
    return "?";
}

const char *iplan_consent_kind_label(ip_consent_kind kind)
{
    switch (kind) {
    case IP_CONSENT_PLAN: return "Samtykke til planen";
    case IP_CONSENT_SHARING: return "Samtykke til deling av taushetsbelagte opplysninger";
    }
    return "?";
}

const char *iplan_consent_form_label(ip_consent_form form)
{
    switch (form) {
    case IP_CONSENT_WRITTEN: return "skriftlig";
    case IP_CONSENT_ORAL_DOCUMENTED: return "muntlig, dokumentert";
    }
    return "?";
}

const char *iplan_coordinator_kind_label(ip_coordinator_kind kind)
{
    switch (kind) {
    case IP_COORDINATOR: return "koordinator";
    case IP_CHILD_COORDINATOR: return "barnekoordinator";
    case IP_SPECIALIST_COORDINATOR: return "spesialistkoordinator";
    }
    return "?";
}

const char *iplan_section_label(unsigned int section)
{
    switch (section) {
    case IP_SECTION_GOALS: return "mål";
    case IP_SECTION_MEASURES: return "tiltak";
    case IP_SECTION_MEETINGS: return "ansvarsgruppemøter med referat";
    case IP_SECTION_PARTICIPANTS: return "deltakere med bidrag";
    case IP_SECTION_EVALUATIONS: return "evalueringer";
    }
    return "?";
}

/* Characters, not bytes: continuation bytes 10xxxxxx do not count. */
int iplan_text_width(const char *s)
{
    int n = 0;

    for (; *s; s++) {
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    }
    return n;
}

void iplan_print_padded(FILE *out, const char *s, int width)
{
    int n = iplan_text_width(s);

    fputs(s, out);
    for (; n < width; n++)
        fputc(' ', out);
}

void iplan_print_id_name(FILE *out, const char *id, const char *name)
{
    iplan_print_padded(out, id, ID_WIDTH);
    fputs("  ", out);
    iplan_print_padded(out, name, NAME_WIDTH);
}

/* Bytes of the character that starts with byte c (1 for a stray byte). */
static size_t char_len(unsigned char c)
{
    return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* The length in bytes and characters of the word (up to a space or line
 * break) at s. */
static size_t word_len(const char *s, int *chars)
{
    size_t n = 0;

    *chars = 0;
    while (s[n] && s[n] != ' ' && s[n] != '\n') {
        size_t k = char_len((unsigned char)s[n]);

        for (size_t i = 1; i < k; i++) {
            if (!s[n + i]) { /* truncated sequence: stop before the NUL */
                k = i;
                break;
            }
        }
        n += k;
        (*chars)++;
    }
    return n;
}

static void indent_by(FILE *out, int indent)
{
    for (int i = 0; i < indent; i++)
        fputc(' ', out);
}

void iplan_print_wrapped(FILE *out, const char *text, int indent, int first_used,
                         int width)
{
    int used = first_used, line_empty = 1;

    if (first_used == 0) {
        indent_by(out, indent);
        used = indent;
    }
    for (const char *s = text; *s;) {
        int chars;
        size_t n;

        if (*s == '\n' || *s == ' ') {
            if (*s == '\n') {
                fputc('\n', out);
                indent_by(out, indent);
                used = indent;
                line_empty = 1;
            }
            s++;
            continue;
        }
        n = word_len(s, &chars);
        if (!line_empty && used + 1 + chars > width) {
            fputc('\n', out);
            indent_by(out, indent);
            used = indent;
            line_empty = 1;
        }
        if (!line_empty) {
            fputc(' ', out);
            used++;
        }
        fwrite(s, 1, n, out);
        used += chars;
        line_empty = 0;
        s += n;
    }
    fputc('\n', out);
}

const char *iplan_excerpt(char *buf, size_t size, const char *text, int max_chars)
{
    static const char ellipsis[] = " …";
    size_t len = 0, word = 0, sentence = 0;
    int chars = 0;

    if (size == 0)
        return buf;
    for (const char *s = text; *s;) {
        size_t k = char_len((unsigned char)*s);

        for (size_t i = 1; i < k; i++) {
            if (!s[i]) {
                k = i;
                break;
            }
        }
        if (chars == max_chars || len + k + sizeof ellipsis > size) {
            /* Shortened: after the last whole sentence when that keeps at
             * least half, else after the last whole word. */
            len = sentence > 0 && sentence >= len / 2 ? sentence : word ? word : len;
            while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == ',' ||
                               buf[len - 1] == ';' || buf[len - 1] == ':'))
                len--;
            memcpy(buf + len, ellipsis, sizeof ellipsis);
            return buf;
        }
        if (*s == ' ' || *s == '\n') {
            word = len;
            if (len > 0 && (buf[len - 1] == '.' || buf[len - 1] == '!' ||
                            buf[len - 1] == '?'))
                sentence = len;
        }
        memcpy(buf + len, s, k);
        if (buf[len] == '\n')
            buf[len] = ' ';
        len += k;
        chars++;
        s += k;
    }
    buf[len] = '\0';
    return buf;
}
