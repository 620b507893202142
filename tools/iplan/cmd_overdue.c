/*
 * iplan overdue STORE [--json]: applications received more than a month ago
 * with a request still undecided and no interim reply (foreløpig svar).
 * The library selects them (overdue_on = today).
 */
#include "iplan.h"

static long days_between(const char *from, const char *to)
{
    long a, b;

    if (iplan_date_days(&a, from) != 0 || iplan_date_days(&b, to) != 0)
        return 0;
    return b - a;
}

static void print_text(const struct iplan_cases *cases, const char *today)
{
    char name[512], date[IPLAN_DATE_LEN];
    size_t count = 0;

    iplan_date_display(date, today);
    for (size_t i = 0; i < cases->n; i++)
        count += cases->items[i].napps;
    if (count == 0) {
        printf("Ingen søknader har passert svarfristen (per %s).\n", date);
        return;
    }
    iplan_print_id_name(stdout, "SØKNAD-ID", "NAVN");
    fputs("  FRIST       DAGER OVER  SØKNAD\n", stdout);
    for (size_t i = 0; i < cases->n; i++) {
        const struct iplan_case *c = &cases->items[i];

        for (size_t k = 0; k < c->napps; k++) {
            const ip_application *a = c->apps[k];
            char due[IPLAN_DATE_LEN];

            iplan_date_display(due, ip_application_reply_due_on(a));
            iplan_print_id_name(stdout, ip_application_id(a),
                                iplan_person_name(name, sizeof name, c->person));
            printf("  %s  %10ld  ", due,
                   days_between(ip_application_reply_due_on(a), today));
            iplan_print_application(stdout, a, today);
            fputc('\n', stdout);
        }
    }
    printf("\n%zu %s uten svar eller foreløpig svar innen én måned (per %s).\n",
           count, count == 1 ? "søknad" : "søknader", date);
}

static int print_json(const struct iplan_cases *cases, const char *today)
{
    struct iplan_json *j = iplan_json_new();

    for (size_t i = 0; j && i < cases->n; i++) {
        const struct iplan_case *c = &cases->items[i];

        for (size_t k = 0; j && k < c->napps; k++) {
            if (!iplan_json_add_application(j, c->person, c->apps[k], today)) {
                iplan_json_free(j);
                j = NULL;
            }
        }
    }
    return iplan_json_print(j);
}

int iplan_cmd_overdue(const struct iplan_opts *opts)
{
    return iplan_cases_show(opts, 1, print_text, print_json);
}
