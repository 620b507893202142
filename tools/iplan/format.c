/* Applications and persons as short Norwegian text. */
#include "iplan.h"

#include <stdio.h>

const char *iplan_person_name(char *buf, size_t size, const ip_person *p)
{
    snprintf(buf, size, "%s %s", ip_person_given_name(p), ip_person_family_name(p));
    return buf;
}

void iplan_print_application(FILE *out, const ip_application *a, const char *today)
{
    unsigned int requests = ip_application_requests(a);
    char date[IPLAN_DATE_LEN];
    const char *sep = "";

    iplan_date_display(date, ip_application_received_on(a));
    fprintf(out, "mottatt %s: ", date);
    for (size_t i = 0; i < 3; i++) {
        ip_request_kind kind = iplan_request_kinds[i];
        ip_outcome outcome;

        if (!(requests & (unsigned int)kind))
            continue;
        outcome = ip_application_outcome(a, kind);
        fprintf(out, "%s%s %s", sep, iplan_request_short(kind),
                iplan_outcome_label(outcome));
        if (outcome != IP_OUTCOME_PENDING &&
            ip_application_outcome_form(a, kind) == IP_OUTCOME_FORM_INDIVIDUAL_DECISION)
            fputs(" (enkeltvedtak)", out);
        sep = ", ";
    }
    if (!iplan_application_pending(a))
        return;
    if (ip_application_interim_reply_on(a)) {
        iplan_date_display(date, ip_application_interim_reply_on(a));
        fprintf(out, " (foreløpig svar sendt %s)", date);
    } else {
        iplan_date_display(date, ip_application_reply_due_on(a));
        fprintf(out, iplan_application_overdue(a, today) ? " (svarfrist %s passert)"
                                                         : " (svarfrist %s)",
                date);
    }
}
