/* The completeness check: which of the nine items (a–i) a plan lacks
 * (docs/domain.md, "The nine required items"). ip__plan_check_items is a
 * pure function of the loaded content; ip_plan_check_run is the audited
 * call around it. */
#include "plan_content.h"

#include <string.h>

/* Each item's codes and texts, by the rule that failed first. The texts
 * are for a coordinator, in Norwegian bokmål, and say what to do. */
static const ip__plan_check_item items[] = {
    {'a', "a.no_goals",
     "Planen mangler mål: legg inn minst ett mål, med personens egne ord, som ikke er avbrutt."},
    {'a', "a.no_resources",
     "Planen mangler personens ressurser: beskriv personens ressurser i planen."},
    {'a', "a.no_needs",
     "Planen mangler personens behov for tjenester: beskriv behovene i planen."},
    {'b', "b.no_participants",
     "Planen mangler deltakere: legg til minst én aktiv deltaker i tillegg til personen selv."},
    {'c', "c.no_coordinator",
     "Planen mangler koordinator: koordinerende enhet må oppnevne en koordinator for "
     "personen, eller en barnekoordinator for et barn under 18 år. En "
     "spesialistkoordinator alene er ikke nok: den samordner tjenestene i "
     "spesialisthelsetjenesten, ikke planen."},
    {'d', "d.no_person_contribution",
     "Planen sier ikke hva personen selv skal bidra med: legg til personen som deltaker "
     "og skriv inn personens bidrag."},
    {'d', "d.no_provider_contribution",
     "Planen sier ikke hva tjenesteytere eller andre bidragsytere skal bidra med: "
     "skriv inn bidraget til minst én tjenesteyter eller annen bidragsyter."},
    {'e', "e.no_measures",
     "Planen mangler tiltak: legg inn minst ett tiltak med omfang og ansvarlig enhet."},
    {'e', "e.measure_without_extent",
     "Et tiltak mangler omfang: skriv inn omfanget for hvert tiltak som ikke er avbrutt."},
    {'f', "f.no_measures",
     "Planen mangler tiltak, og dermed hvordan de skal gjennomføres: legg inn tiltak "
     "og beskriv gjennomføringen."},
    {'f', "f.measure_without_how",
     "Et tiltak mangler beskrivelse av gjennomføringen: skriv inn hvordan hvert tiltak "
     "som ikke er avbrutt, skal gjennomføres."},
    {'g', "g.no_period",
     "Planen mangler planperiode: sett startdato for planperioden."},
    {'g', "g.no_revision_date",
     "Planen mangler dato for neste revisjon: sett når planen skal revideres."},
    {'h', "h.no_plan_consent",
     "Planen mangler samtykke til planen som gjelder i dag: registrer samtykket til å "
     "utarbeide individuell plan, gitt av personen (fra 16 år), av dem med foreldreansvar "
     "(under 16 år) eller av vergen. Et utløpt eller tilbaketrukket samtykke teller ikke."},
    {'h', "h.no_sharing_consent",
     "Planen mangler samtykke til deling av taushetsbelagte opplysninger som gjelder i dag: "
     "registrer hvilke tjenesteytere (eller pårørende) som skal få opplysninger, og hvilke "
     "deler av planen de får se. Et utløpt eller tilbaketrukket samtykke teller ikke."},
    {'i', "i.no_cooperation",
     "Planen mangler samarbeid med andre tjenester: beskriv nødvendig eller ønskelig samarbeid "
     "med andre tjenesteytere, institusjoner eller etater."},
};

/* Item c when a coordinator takes part in the plan (a participant with
 * that role) but nobody is appointed: the same code, a text that says the
 * appointment is what is missing. */
static const ip__plan_check_item c_not_appointed = {
    'c', "c.no_coordinator",
    "Planen mangler oppnevning av koordinator: planen har en deltaker med rollen "
    "koordinator, men koordinerende enhet har ikke oppnevnt noen koordinator (eller "
    "barnekoordinator) for personen. Registrer oppnevningen. En spesialistkoordinator "
    "alene er ikke nok: den samordner tjenestene i spesialisthelsetjenesten, ikke planen."};

static const ip__plan_check_item *item(const char *code)
{
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
        if (strcmp(items[i].code, code) == 0)
            return &items[i];
    }
    return NULL; /* not reached: every code used below is in the table */
}

static bool has_text(const char *s)
{
    return s && *s;
}

/* a) goals, resources and needs */
static const char *check_a(const ip__plan_content *c)
{
    bool goal = false;

    for (size_t i = 0; i < c->goal_count && !goal; i++)
        goal = c->goals[i]->status != IP_GOAL_CANCELLED;
    if (!goal)
        return "a.no_goals";
    if (!has_text(c->plan->resources))
        return "a.no_resources";
    if (!has_text(c->plan->needs))
        return "a.no_needs";
    return NULL;
}

/* Whether participant p stands for the plan's person. */
static bool is_the_person(const ip__plan_content *c, const struct ip_participant *p)
{
    return p->role == IP_PARTICIPANT_PERSON ||
           (p->participant_person_id && c->plan->person_id &&
            strcmp(p->participant_person_id, c->plan->person_id) == 0);
}

/* b) who takes part: someone besides the person, active today */
static const char *check_b(const ip__plan_content *c, const char *today)
{
    for (size_t i = 0; i < c->participant_count; i++) {
        const struct ip_participant *p = c->participants[i];
        if (ip__participant_active(p, today) && !is_the_person(c, p))
            return NULL;
    }
    return "b.no_participants";
}

/* c) who coordinates: the person's assignment of kind coordinator or child
 * coordinator, active today (appointed_on <= today < ended_on). A
 * specialist coordinator coordinates the specialist health service's own
 * services, not the plan, and does not count alone. A coordinator
 * participant is the plan's record of who takes part (item b), not an
 * appointment; when there is one, the text says the appointment is what
 * is missing. */
static const ip__plan_check_item *check_c(const ip__plan_content *c, const char *today)
{
    for (size_t i = 0; i < c->coordinator_count; i++) {
        const struct ip_coordinator_assignment *a = c->coordinators[i];
        if ((a->kind == IP_COORDINATOR || a->kind == IP_CHILD_COORDINATOR) &&
            ip_coordinator_is_active_on(a, today))
            return NULL;
    }
    for (size_t i = 0; i < c->participant_count; i++) {
        const struct ip_participant *p = c->participants[i];
        if (ip__participant_active(p, today) && p->role == IP_PARTICIPANT_COORDINATOR)
            return &c_not_appointed;
    }
    return item("c.no_coordinator");
}

/* d) contributions: the person's own, and a provider's or another
 * contributor's, on active participants */
static const char *check_d(const ip__plan_content *c, const char *today)
{
    bool person = false, others = false;

    for (size_t i = 0; i < c->participant_count; i++) {
        const struct ip_participant *p = c->participants[i];
        if (!ip__participant_active(p, today) || !has_text(p->contribution))
            continue;
        if (p->role == IP_PARTICIPANT_PERSON)
            person = true;
        else if (p->role == IP_PARTICIPANT_PROVIDER ||
                 p->role == IP_PARTICIPANT_OTHER_CONTRIBUTOR)
            others = true;
    }
    if (!person)
        return "d.no_person_contribution";
    if (!others)
        return "d.no_provider_contribution";
    return NULL;
}

/* e) and f): measures not cancelled, each with its extent and how. The
 * responsible unit is required of every measure by the store. */
static void check_measures(const ip__plan_content *c, const char **e, const char **f)
{
    size_t live = 0;

    *e = NULL;
    *f = NULL;
    for (size_t i = 0; i < c->measure_count; i++) {
        const struct ip_measure *m = c->measures[i];
        if (m->status == IP_MEASURE_CANCELLED)
            continue;
        live++;
        if (!has_text(m->extent) && !*e)
            *e = "e.measure_without_extent";
        if (!has_text(m->how) && !*f)
            *f = "f.measure_without_how";
    }
    if (live == 0) {
        *e = "e.no_measures";
        *f = "f.no_measures";
    }
}

/* Whether consent c has a recipient not withdrawn on today. */
static bool has_live_recipient(const struct ip_consent *c, const char *today)
{
    for (size_t i = 0; i < c->recipient_count; i++) {
        const char *gone = c->recipients[i].withdrawn_on;
        if (!gone || strcmp(gone, today) > 0)
            return true;
    }
    return false;
}

/* h) consent to the plan, and to sharing, in force today. A sharing
 * consent counts while at least one of its recipients is not withdrawn.
 * The consent to the plan is asked first: without it there is no plan to
 * share. */
static const char *check_h(const ip__plan_content *c, const char *today)
{
    bool plan = false, sharing = false;

    for (size_t i = 0; i < c->consent_count; i++) {
        const struct ip_consent *k = c->consents[i];
        if (ip_consent_state_on(k, today) != IP_CONSENT_ACTIVE)
            continue;
        if (k->kind == IP_CONSENT_PLAN)
            plan = true;
        else if (k->kind == IP_CONSENT_SHARING && has_live_recipient(k, today))
            sharing = true;
    }
    if (!plan)
        return "h.no_plan_consent";
    if (!sharing)
        return "h.no_sharing_consent";
    return NULL;
}

/* g) plan period and revision date */
static const char *check_g(const ip__plan_content *c)
{
    if (!has_text(c->plan->period_start))
        return "g.no_period";
    if (!has_text(c->plan->next_revision_on))
        return "g.no_revision_date";
    return NULL;
}

void ip__plan_check_items(const ip__plan_content *c, const char *today,
                          struct ip_plan_check *out)
{
    const char *codes[9];
    const ip__plan_check_item *coordinator;
    const char *e, *f;

    check_measures(c, &e, &f);
    codes[0] = check_a(c);
    codes[1] = check_b(c, today);
    codes[2] = NULL; /* item c chooses its text itself */
    codes[3] = check_d(c, today);
    codes[4] = e;
    codes[5] = f;
    codes[6] = check_g(c);
    codes[7] = check_h(c, today);
    codes[8] = has_text(c->plan->cooperation) ? NULL : "i.no_cooperation";
    coordinator = check_c(c, today);
    out->count = 0;
    for (size_t i = 0; i < 9; i++) {
        if (i == 2 && coordinator)
            out->missing[out->count++] = *coordinator;
        else if (codes[i])
            out->missing[out->count++] = *item(codes[i]);
    }
}

int ip_plan_check_run(ip_plan_check **out, ip_session *s, const char *plan_id)
{
    ip__op op = {IP__ACT_READ, IP__OBJ_PLAN, plan_id, NULL, NULL};
    ip__plan_content *content = NULL;
    struct ip_plan_check *check;
    char today[IP__DATE_LEN + 1];
    int rc;

    if (!out)
        return ip__error_null("out");
    *out = NULL;
    if (!s)
        return ip__error_null("session");
    rc = ip__id_check("plan.id", plan_id);
    if (rc)
        return rc;
    check = ip__calloc(1, sizeof *check);
    if (!check)
        return IP_ENOMEM;
    rc = ip__call_open(s);
    if (rc) {
        ip_free(check);
        return rc;
    }
    rc = ip__plan_content_load(s, plan_id, &content);
    if (rc == IP_OK) {
        op.plan_id = content->plan->meta.id;
        op.person_id = content->plan->person_id;
        rc = ip__authorize(s, &op);
    }
    if (rc == IP_OK) {
        ip__today(s->store, today);
        ip__plan_check_items(content, today, check);
    }
    rc = ip__call_close(s, &op, rc);
    ip__plan_content_free(content);
    if (rc) {
        ip_free(check);
        return rc;
    }
    *out = check;
    return IP_OK;
}

int ip_plan_check_is_complete(const ip_plan_check *check)
{
    return check && check->count == 0;
}

size_t ip_plan_check_missing_count(const ip_plan_check *check)
{
    return check ? check->count : 0;
}

char ip_plan_check_missing_letter(const ip_plan_check *check, size_t i)
{
    return check && i < check->count ? check->missing[i].letter : 0;
}

const char *ip_plan_check_missing_code(const ip_plan_check *check, size_t i)
{
    return check && i < check->count ? check->missing[i].code : NULL;
}

const char *ip_plan_check_missing_text(const ip_plan_check *check, size_t i)
{
    return check && i < check->count ? check->missing[i].text : NULL;
}

void ip_plan_check_free(ip_plan_check *check)
{
    ip_free(check);
}
