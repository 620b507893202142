/* Norwegian (bokmål) labels for the library's stable names, and padding. */
#include "iplan.h"

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

/* Characters, not bytes: continuation bytes 10xxxxxx do not count. */
static int utf8_width(const char *s)
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
    int n = utf8_width(s);

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
