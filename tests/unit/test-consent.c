/*
 * Consent: who has standing to give it (the person from 16, parents who
 * share parental responsibility, guardians), its recipients and sections,
 * the round trip with givers and recipients, withdrawal whole and for one
 * recipient, its state on a day, and the facts the access decision asks.
 */
#include "harness.h"

#include <stdio.h>
#include <string.h>

#include "consent_facts.h"

#define NO_SUCH_ID "01890000-0000-7000-8000-000000000000"
#define FROM "2026-03-01"

typedef struct {
    ip_store *store;
    ip_session *cu;
    char unit1[40], unit2[40];
} world;

static void world_open(world *w)
{
    w->store = th_store();
    w->cu = th_cu_session(w->store);
    snprintf(w->unit1, sizeof w->unit1, "%s",
             th_unit(w->store, "Fysioterapitjenesten", IP_SECTOR_MUNICIPAL_HEALTH_CARE, 0));
    snprintf(w->unit2, sizeof w->unit2, "%s",
             th_unit(w->store, "PPT", IP_SECTOR_SCHOOL, 0));
}

static void world_close(world *w)
{
    th_close(w->store);
}

/* A person born on birth; their id into out. */
static void person(world *w, const char *birth, const char *name, char out[40])
{
    ip_person *p = th_person(w->cu, birth, name);

    snprintf(out, 40, "%s", ip_person_id(p));
    ip_person_free(p);
}

/* related is kind to person from..to; returns the relation's id in out
 * (if not NULL). */
static void relate(world *w, const char *person_id, const char *related_id,
                   ip_relation_kind kind, const char *from, const char *to)
{
    ip_relation_fields f = IP_RELATION_FIELDS_INIT;

    f.person_id = person_id;
    f.related_id = related_id;
    f.kind = kind;
    f.valid_from = from;
    f.valid_to = to;
    th_ok(ip_relation_create(NULL, w->cu, &f));
}

/* A consent to the plan about person_id, given by givers, from FROM. */
static ip_consent_fields plan_consent(const char *person_id, const char *const *givers,
                                      size_t n)
{
    ip_consent_fields f = IP_CONSENT_FIELDS_INIT;

    f.person_id = person_id;
    f.kind = IP_CONSENT_PLAN;
    f.form = IP_CONSENT_WRITTEN;
    f.given_by_ids = givers;
    f.given_by_count = n;
    f.purpose = "Utarbeide individuell plan";
    f.valid_from = FROM;
    return f;
}

/* A sharing consent about person_id to units, given by givers. */
static ip_consent_fields sharing_consent(const char *person_id, const char *const *givers,
                                         size_t n, const char *const *units, size_t nunits)
{
    ip_consent_fields f = plan_consent(person_id, givers, n);

    f.kind = IP_CONSENT_SHARING;
    f.recipient_unit_ids = units;
    f.recipient_unit_count = nunits;
    f.purpose = "Samarbeid i ansvarsgruppen";
    return f;
}

/* Expects f refused with IP_EINVALID naming consent.given_by_ids and a
 * message containing why. */
static void refused_standing(ip_session *s, const ip_consent_fields *f, const char *why)
{
    ip_consent *c = NULL;

    th_expect(IP_EINVALID, ip_consent_create(&c, s, f));
    th_field("consent.given_by_ids");
    ck_assert_msg(strstr(ip_error_last()->message, why) != NULL, "message '%s' lacks '%s'",
                  ip_error_last()->message, why);
    for (size_t i = 0; i < f->given_by_count; i++)
        th_not_echoed(f->given_by_ids[i]);
    th_not_echoed(f->person_id);
    ck_assert_ptr_null(c);
}

START_TEST(standing_adult_self)
{
    world w;
    char adult[40];
    ip_consent *c = NULL;
    ip_consent_fields f;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    f = plan_consent(adult, (const char *[]){adult}, 1);
    th_ok(ip_consent_create(&c, w.cu, &f));
    ck_assert_int_eq(ip_consent_giver_count(c), 1);
    ck_assert_str_eq(ip_consent_giver_id(c, 0), adult);
    ip_consent_free(c);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_giver"), 1);
    world_close(&w);
}
END_TEST

START_TEST(standing_unknown_birth_date_is_adult)
{
    world w;
    ip_person_fields pf = IP_PERSON_FIELDS_INIT;
    ip_person *p = NULL;
    ip_consent_fields f;
    const char *id;

    world_open(&w);
    pf.given_name = "Uten";
    pf.family_name = "Fødselsdato";
    th_ok(ip_person_create(&p, w.cu, &pf));
    id = ip_person_id(p);
    f = plan_consent(id, (const char *[]){id}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    ip_person_free(p);
    world_close(&w);
}
END_TEST

START_TEST(standing_child_alone)
{
    world w;
    char child15[40], child16[40], parent[40];
    ip_consent_fields f;

    world_open(&w);
    /* 15 on FROM (16 on 2026-06-01), and 16 on FROM exactly. */
    person(&w, "2010-06-01", "Femten", child15);
    person(&w, "2010-03-01", "Seksten", child16);
    person(&w, "1980-01-01", "Forelder", parent);
    relate(&w, child15, parent, IP_RELATION_PARENT, "2010-06-01", NULL);

    f = plan_consent(child15, (const char *[]){child15}, 1);
    refused_standing(w.cu, &f, "under 16 cannot consent alone");
    f = plan_consent(child16, (const char *[]){child16}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* The child may sign beside the one with parental responsibility. */
    f = plan_consent(child15, (const char *[]){child15, parent}, 2);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* The parent alone, too. */
    f = plan_consent(child15, (const char *[]){parent}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* A parent of someone 16 or older has no standing as a parent. */
    relate(&w, child16, parent, IP_RELATION_PARENT, "2010-03-01", NULL);
    f = plan_consent(child16, (const char *[]){parent}, 1);
    refused_standing(w.cu, &f, "is neither the person nor someone with standing");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 3);
    world_close(&w);
}
END_TEST

START_TEST(standing_shared_parental_responsibility)
{
    world w;
    char child[40], mother[40], father[40];
    ip_consent_fields f;
    ip_consent *c = NULL;

    world_open(&w);
    person(&w, "2015-06-01", "Kari", child);
    person(&w, "1985-02-14", "Mor", mother);
    person(&w, "1984-08-20", "Far", father);
    relate(&w, child, mother, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(&w, child, father, IP_RELATION_PARENT, "2015-06-01", NULL);

    f = plan_consent(child, (const char *[]){mother}, 1);
    refused_standing(w.cu, &f, "both parents share parental responsibility: both must consent");
    f = plan_consent(child, (const char *[]){father}, 1);
    refused_standing(w.cu, &f, "both must consent");
    f = plan_consent(child, (const char *[]){child}, 1);
    refused_standing(w.cu, &f, "under 16 cannot consent alone");
    f = plan_consent(child, (const char *[]){mother, father}, 2);
    th_ok(ip_consent_create(&c, w.cu, &f));
    ck_assert_int_eq(ip_consent_giver_count(c), 2);
    ip_consent_free(c);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_giver"), 2);
    world_close(&w);
}
END_TEST

START_TEST(standing_guardian)
{
    world w;
    char child[40], mother[40], father[40], guardian[40], adult[40];
    ip_consent_fields f;

    world_open(&w);
    person(&w, "2015-06-01", "Kari", child);
    person(&w, "1985-02-14", "Mor", mother);
    person(&w, "1984-08-20", "Far", father);
    person(&w, "1970-10-10", "Verge", guardian);
    person(&w, "1960-01-01", "Voksen", adult);
    relate(&w, child, mother, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(&w, child, father, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(&w, child, guardian, IP_RELATION_GUARDIAN, "2025-01-01", NULL);
    relate(&w, adult, guardian, IP_RELATION_GUARDIAN, "2020-01-01", NULL);

    /* A guardian gives it for a child, even where two parents are active. */
    f = plan_consent(child, (const char *[]){guardian}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    f = plan_consent(child, (const char *[]){mother, guardian}, 2);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* And for an adult who lacks competence. */
    f = plan_consent(adult, (const char *[]){guardian}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* A guardianship that begins after FROM gives no standing on FROM. */
    f = plan_consent(child, (const char *[]){guardian}, 1);
    f.valid_from = "2024-12-31";
    refused_standing(w.cu, &f, "is neither the person nor someone with standing");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 3);
    world_close(&w);
}
END_TEST

START_TEST(standing_ended_and_unrelated)
{
    world w;
    char child[40], mother[40], father[40], stranger[40];
    ip_consent_fields f;

    world_open(&w);
    person(&w, "2015-06-01", "Kari", child);
    person(&w, "1985-02-14", "Mor", mother);
    person(&w, "1984-08-20", "Far", father);
    person(&w, "1975-07-07", "Nabo", stranger);
    relate(&w, child, mother, IP_RELATION_PARENT, "2015-06-01", NULL);
    /* The father's parental responsibility ended before FROM. */
    relate(&w, child, father, IP_RELATION_PARENT, "2015-06-01", "2025-12-31");

    f = plan_consent(child, (const char *[]){father}, 1);
    refused_standing(w.cu, &f, "entry 1 is neither the person nor someone with standing");
    f = plan_consent(child, (const char *[]){mother, stranger}, 2);
    refused_standing(w.cu, &f, "is neither the person nor someone with standing");
    f = plan_consent(child, (const char *[]){stranger}, 1);
    refused_standing(w.cu, &f, "is neither the person nor someone with standing");
    /* With only one parent active, that parent alone suffices. */
    f = plan_consent(child, (const char *[]){mother}, 1);
    th_ok(ip_consent_create(NULL, w.cu, &f));
    /* Before the father's relation ended both were needed. */
    f = plan_consent(child, (const char *[]){mother}, 1);
    f.valid_from = "2025-12-31";
    refused_standing(w.cu, &f, "both must consent");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 1);
    world_close(&w);
}
END_TEST

START_TEST(givers_rules)
{
    world w;
    char adult[40], a[40], b[40], c[40], d[40];
    ip_consent_fields f;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    person(&w, "1970-01-01", "A", a);
    person(&w, "1970-01-02", "B", b);
    person(&w, "1970-01-03", "C", c);
    person(&w, "1970-01-04", "D", d);

    f = plan_consent(adult, NULL, 0);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.given_by_ids");
    f = plan_consent(adult, (const char *[]){adult, a, b, c, d}, 5);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.given_by_ids");
    f = plan_consent(adult, (const char *[]){adult, adult}, 2);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.given_by_ids");
    f = plan_consent(adult, (const char *[]){"not-an-id"}, 1);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.given_by_ids");
    f = plan_consent(adult, (const char *[]){NO_SUCH_ID}, 1);
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.given_by_ids");
    f = plan_consent(NO_SUCH_ID, (const char *[]){adult}, 1);
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.person_id");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 0);
    world_close(&w);
}
END_TEST

START_TEST(fields_rules)
{
    world w;
    char adult[40];
    const char *me[1];
    ip_consent_fields f;
    char *long_text;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    me[0] = adult;

    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, NULL));
    f = plan_consent(adult, me, 1);
    f.version = 2;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.version");
    f = plan_consent(adult, me, 1);
    f.kind = (ip_consent_kind)3;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.kind");
    f = plan_consent(adult, me, 1);
    f.form = (ip_consent_form)0;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.form");
    f = plan_consent(adult, me, 1);
    f.purpose = NULL;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.purpose");
    long_text = calloc(1002, 1);
    memset(long_text, 'x', 1001);
    f.purpose = long_text;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.purpose");
    free(long_text);
    f = plan_consent(adult, me, 1);
    f.valid_from = NULL;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.valid_from");
    f = plan_consent(adult, me, 1);
    f.valid_from = "2026-02-30";
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.valid_from");
    f = plan_consent(adult, me, 1);
    f.valid_to = "2026-02-28";
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.valid_to");
    f = plan_consent(adult, me, 1);
    f.person_id = "x";
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.person_id");
    /* A consent to the plan opens no sections. */
    f = plan_consent(adult, me, 1);
    f.sections = IP_SECTION_GOALS;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.sections");
    /* Valid on the same single day. */
    f = plan_consent(adult, me, 1);
    f.valid_to = FROM;
    th_ok(ip_consent_create(NULL, w.cu, &f));
    th_expect(IP_EINVALID, ip_consent_create(NULL, NULL, &f));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 1);
    world_close(&w);
}
END_TEST

START_TEST(recipients_rules)
{
    world w;
    char adult[40], kin[40];
    const char *me[1];
    ip_consent_fields f;
    ip_consent *c = NULL;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    person(&w, "1950-05-05", "Mor", kin);
    me[0] = adult;

    /* A consent to the plan has no recipients. */
    f = plan_consent(adult, me, 1);
    f.recipient_unit_ids = (const char *[]){w.unit1};
    f.recipient_unit_count = 1;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    f = plan_consent(adult, me, 1);
    f.recipient_person_ids = (const char *[]){kin};
    f.recipient_person_count = 1;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_person_ids");
    /* A sharing consent needs one. */
    f = sharing_consent(adult, me, 1, NULL, 0);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    /* They exist. */
    f = sharing_consent(adult, me, 1, (const char *[]){w.unit1, NO_SUCH_ID}, 2);
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    f = sharing_consent(adult, me, 1, NULL, 0);
    f.recipient_person_ids = (const char *[]){NO_SUCH_ID};
    f.recipient_person_count = 1;
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_person_ids");
    /* A unit is not a person. */
    f = sharing_consent(adult, me, 1, (const char *[]){kin}, 1);
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    /* No repeats, within a list or across them. */
    f = sharing_consent(adult, me, 1, (const char *[]){w.unit1, w.unit1}, 2);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    f = sharing_consent(adult, me, 1, (const char *[]){w.unit1}, 1);
    f.recipient_person_ids = (const char *[]){w.unit1};
    f.recipient_person_count = 1;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_person_ids");
    /* The person is no recipient of their own information. */
    f = sharing_consent(adult, me, 1, NULL, 0);
    f.recipient_person_ids = me;
    f.recipient_person_count = 1;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_person_ids");
    /* Too many. */
    f = sharing_consent(adult, me, 1, (const char *[]){w.unit1}, 65);
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.recipient_unit_ids");
    /* Unknown section bits. */
    f = sharing_consent(adult, me, 1, (const char *[]){w.unit1}, 1);
    f.sections = 0x20u;
    th_expect(IP_EINVALID, ip_consent_create(NULL, w.cu, &f));
    th_field("consent.sections");
    /* 0 means every section. */
    f.sections = 0;
    th_ok(ip_consent_create(&c, w.cu, &f));
    ck_assert_uint_eq(ip_consent_sections(c), IP_SECTION_ALL);
    ip_consent_free(c);
    /* A person (next of kin) alone is a recipient too. */
    f = sharing_consent(adult, me, 1, NULL, 0);
    f.recipient_person_ids = (const char *[]){kin};
    f.recipient_person_count = 1;
    f.sections = IP_SECTION_MEETINGS;
    th_ok(ip_consent_create(&c, w.cu, &f));
    ck_assert_int_eq(ip_consent_recipient_count(c), 1);
    ck_assert_int_eq(ip_consent_recipient_is_unit(c, 0), 0);
    ip_consent_free(c);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 2);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_recipient"), 2);
    world_close(&w);
}
END_TEST

/* The consent's fields as stored, against the ones it was made from. */
static void assert_sharing(const ip_consent *c, const char *child, const char *mother,
                           const char *father, const world *w, const char *kin)
{
    const char *first_parent = strcmp(mother, father) < 0 ? mother : father;
    const char *second_parent = strcmp(mother, father) < 0 ? father : mother;
    const char *first_unit = strcmp(w->unit1, w->unit2) < 0 ? w->unit1 : w->unit2;
    const char *second_unit = strcmp(w->unit1, w->unit2) < 0 ? w->unit2 : w->unit1;

    ck_assert_int_eq(strlen(ip_consent_id(c)), 36);
    ck_assert_int_eq(ip_consent_revision(c), 1);
    ck_assert_str_eq(ip_consent_person_id(c), child);
    ck_assert_int_eq(ip_consent_kind_of(c), IP_CONSENT_SHARING);
    ck_assert_int_eq(ip_consent_form_of(c), IP_CONSENT_ORAL_DOCUMENTED);
    ck_assert_uint_eq(ip_consent_sections(c), IP_SECTION_GOALS | IP_SECTION_MEASURES);
    ck_assert_str_eq(ip_consent_purpose(c), "Samarbeid i ansvarsgruppen");
    ck_assert_str_eq(ip_consent_valid_from(c), FROM);
    ck_assert_str_eq(ip_consent_valid_to(c), "2026-12-31");
    ck_assert_str_eq(ip_consent_note(c), "Muntlig på møte, notert i journal");
    ck_assert_str_eq(ip_consent_registered_by(c), "case-worker-1");
    ck_assert_str_eq(ip_consent_created_at(c), "2026-03-02T10:00:00.000Z");
    ck_assert_ptr_null(ip_consent_withdrawn_on(c));
    ck_assert_ptr_null(ip_consent_withdrawn_by_id(c));
    ck_assert_int_eq(ip_consent_withdrawal_form(c), 0);
    ck_assert_int_eq(ip_consent_giver_count(c), 2);
    ck_assert_str_eq(ip_consent_giver_id(c, 0), first_parent);
    ck_assert_str_eq(ip_consent_giver_id(c, 1), second_parent);
    ck_assert_ptr_null(ip_consent_giver_id(c, 2));
    ck_assert_int_eq(ip_consent_recipient_count(c), 3);
    ck_assert_str_eq(ip_consent_recipient_id(c, 0), first_unit);
    ck_assert_int_ne(ip_consent_recipient_is_unit(c, 0), 0);
    ck_assert_str_eq(ip_consent_recipient_id(c, 1), second_unit);
    ck_assert_int_ne(ip_consent_recipient_is_unit(c, 1), 0);
    ck_assert_str_eq(ip_consent_recipient_id(c, 2), kin);
    ck_assert_int_eq(ip_consent_recipient_is_unit(c, 2), 0);
    for (size_t i = 0; i < 3; i++) {
        ck_assert_ptr_null(ip_consent_recipient_withdrawn_on(c, i));
        ck_assert_ptr_null(ip_consent_recipient_withdrawn_by_id(c, i));
        ck_assert_int_eq(ip_consent_recipient_withdrawal_form(c, i), 0);
    }
    ck_assert_ptr_null(ip_consent_recipient_id(c, 3));
    ck_assert_ptr_null(ip_consent_recipient_withdrawn_on(c, 3));
}

/* A child with two parents and a grandmother (next of kin), and a sharing
 * consent to both units and the grandmother. */
typedef struct {
    world w;
    char child[40], mother[40], father[40], kin[40];
} family;

static void family_open(family *fam)
{
    world_open(&fam->w);
    person(&fam->w, "2015-06-01", "Kari", fam->child);
    person(&fam->w, "1985-02-14", "Mor", fam->mother);
    person(&fam->w, "1984-08-20", "Far", fam->father);
    person(&fam->w, "1955-04-04", "Bestemor", fam->kin);
    relate(&fam->w, fam->child, fam->mother, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(&fam->w, fam->child, fam->father, IP_RELATION_PARENT, "2015-06-01", NULL);
    relate(&fam->w, fam->child, fam->kin, IP_RELATION_NEXT_OF_KIN, "2015-06-01", NULL);
}

static ip_consent *family_sharing(family *fam)
{
    ip_consent_fields f = sharing_consent(fam->child,
                                          (const char *[]){fam->father, fam->mother}, 2,
                                          (const char *[]){fam->w.unit2, fam->w.unit1}, 2);
    ip_consent *c = NULL;

    f.form = IP_CONSENT_ORAL_DOCUMENTED;
    f.recipient_person_ids = (const char *[]){fam->kin};
    f.recipient_person_count = 1;
    f.sections = IP_SECTION_GOALS | IP_SECTION_MEASURES;
    f.valid_to = "2026-12-31";
    f.note = "Muntlig på møte, notert i journal";
    th_ok(ip_consent_create(&c, fam->w.cu, &f));
    return c;
}

START_TEST(round_trip)
{
    family fam;
    ip_consent *c, *got = NULL, *plan = NULL, *listed[3];
    ip_consent_iterator *it = NULL;
    ip_consent_fields f;
    int n = 0, rc;

    family_open(&fam);
    c = family_sharing(&fam);
    assert_sharing(c, fam.child, fam.mother, fam.father, &fam.w, fam.kin);
    th_ok(ip_consent_get(&got, fam.w.cu, ip_consent_id(c)));
    assert_sharing(got, fam.child, fam.mother, fam.father, &fam.w, fam.kin);
    ck_assert_str_eq(ip_consent_id(got), ip_consent_id(c));
    ip_consent_free(got);

    f = plan_consent(fam.child, (const char *[]){fam.mother, fam.father}, 2);
    th_ok(ip_consent_create(&plan, fam.w.cu, &f));
    ck_assert_uint_eq(ip_consent_sections(plan), 0);
    ck_assert_int_eq(ip_consent_recipient_count(plan), 0);
    ck_assert_ptr_null(ip_consent_valid_to(plan));
    ck_assert_ptr_null(ip_consent_note(plan));

    /* The list: both, in the order registered, with their children. */
    th_ok(ip_consent_iterator_new(&it, fam.w.cu, fam.child));
    while ((rc = ip_consent_next(&listed[n], it)) == IP_OK) {
        ck_assert_int_lt(n, 2);
        n++;
    }
    ck_assert_int_eq(rc, IP_ITEROVER);
    ck_assert_int_eq(n, 2);
    th_expect(IP_ITEROVER, ip_consent_next(&listed[2], it));
    ck_assert_ptr_null(listed[2]);
    ip_consent_iterator_free(it);
    assert_sharing(listed[0], fam.child, fam.mother, fam.father, &fam.w, fam.kin);
    ck_assert_str_eq(ip_consent_id(listed[1]), ip_consent_id(plan));
    ck_assert_int_eq(ip_consent_kind_of(listed[1]), IP_CONSENT_PLAN);
    ck_assert_int_eq(ip_consent_giver_count(listed[1]), 2);
    ck_assert_int_eq(ip_consent_recipient_count(listed[1]), 0);
    ip_consent_free(listed[0]);
    ip_consent_free(listed[1]);

    /* Another person has none. */
    th_ok(ip_consent_iterator_new(&it, fam.w.cu, fam.mother));
    th_expect(IP_ITEROVER, ip_consent_next(&listed[0], it));
    ip_consent_iterator_free(it);

    th_expect(IP_ENOTFOUND, ip_consent_get(&got, fam.w.cu, NO_SUCH_ID));
    th_field("consent.id");
    ck_assert_ptr_null(got);
    th_expect(IP_EINVALID, ip_consent_get(&got, fam.w.cu, "nope"));
    th_expect(IP_EINVALID, ip_consent_iterator_new(&it, fam.w.cu, "nope"));
    ck_assert_ptr_null(it);

    /* NULL-safe getters and free. */
    ck_assert_ptr_null(ip_consent_id(NULL));
    ck_assert_int_eq(ip_consent_giver_count(NULL), 0);
    ck_assert_ptr_null(ip_consent_giver_id(NULL, 0));
    ck_assert_ptr_null(ip_consent_recipient_id(NULL, 0));
    ck_assert_int_eq(ip_consent_recipient_is_unit(NULL, 0), 0);
    ip_consent_free(NULL);
    ip_consent_iterator_free(NULL);

    ip_consent_free(plan);
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

static ip_withdrawal_fields withdrawal_by(const char *who, const char *recipient)
{
    ip_withdrawal_fields w = IP_WITHDRAWAL_FIELDS_INIT;

    w.withdrawn_by_id = who;
    w.recipient_id = recipient;
    w.form = IP_CONSENT_WRITTEN;
    return w;
}

START_TEST(withdraw_whole)
{
    family fam;
    ip_consent *c, *got = NULL;
    ip_withdrawal_fields wd;
    int64_t revision = 0;

    family_open(&fam);
    c = family_sharing(&fam);
    /* One parent suffices to withdraw; today by default. */
    wd = withdrawal_by(fam.mother, NULL);
    wd.form = IP_CONSENT_ORAL_DOCUMENTED;
    th_ok(ip_consent_withdraw(&revision, fam.w.cu, ip_consent_id(c), 1, &wd));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_consent_get(&got, fam.w.cu, ip_consent_id(c)));
    ck_assert_int_eq(ip_consent_revision(got), 2);
    ck_assert_str_eq(ip_consent_withdrawn_on(got), TH_TODAY);
    ck_assert_str_eq(ip_consent_withdrawn_by_id(got), fam.mother);
    ck_assert_int_eq(ip_consent_withdrawal_form(got), IP_CONSENT_ORAL_DOCUMENTED);
    ck_assert_int_eq(ip_consent_state_on(got, TH_TODAY), IP_CONSENT_WITHDRAWN);
    ck_assert_int_eq(ip_consent_state_on(got, FROM), IP_CONSENT_ACTIVE);
    /* Nothing is deleted. */
    ck_assert_int_eq(ip_consent_giver_count(got), 2);
    ck_assert_int_eq(ip_consent_recipient_count(got), 3);
    ip_consent_free(got);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_recipient"), 3);

    /* Twice: a state error, whole or for one recipient. */
    th_expect(IP_ESTATE, ip_consent_withdraw(NULL, fam.w.cu, ip_consent_id(c), 2, &wd));
    wd = withdrawal_by(fam.father, fam.w.unit1);
    th_expect(IP_ESTATE, ip_consent_withdraw(NULL, fam.w.cu, ip_consent_id(c), 2, &wd));
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

START_TEST(withdraw_recipient)
{
    family fam;
    ip_consent *c, *got = NULL;
    ip_withdrawal_fields wd;
    int64_t revision = 0;
    bool yes = false;
    size_t i;

    family_open(&fam);
    c = family_sharing(&fam);
    wd = withdrawal_by(fam.father, fam.w.unit1);
    wd.withdrawn_on = "2026-03-01";
    th_ok(ip_consent_withdraw(&revision, fam.w.cu, ip_consent_id(c), 1, &wd));
    ck_assert_int_eq(revision, 2);
    th_ok(ip_consent_get(&got, fam.w.cu, ip_consent_id(c)));
    ck_assert_ptr_null(ip_consent_withdrawn_on(got));
    ck_assert_int_eq(ip_consent_state_on(got, TH_TODAY), IP_CONSENT_ACTIVE);
    for (i = 0; i < ip_consent_recipient_count(got); i++) {
        if (strcmp(ip_consent_recipient_id(got, i), fam.w.unit1) == 0) {
            ck_assert_str_eq(ip_consent_recipient_withdrawn_on(got, i), "2026-03-01");
            ck_assert_str_eq(ip_consent_recipient_withdrawn_by_id(got, i), fam.father);
            ck_assert_int_eq(ip_consent_recipient_withdrawal_form(got, i),
                             IP_CONSENT_WRITTEN);
        } else {
            ck_assert_ptr_null(ip_consent_recipient_withdrawn_on(got, i));
        }
    }
    ip_consent_free(got);
    /* The unit lost it; the other did not. */
    th_ok(ip__consent_sharing_active(fam.w.store, fam.child, fam.w.unit1, IP_SECTION_GOALS,
                                     TH_TODAY, &yes));
    ck_assert(!yes);
    th_ok(ip__consent_sharing_active(fam.w.store, fam.child, fam.w.unit2, IP_SECTION_GOALS,
                                     TH_TODAY, &yes));
    ck_assert(yes);

    /* That recipient again: a state error. */
    th_expect(IP_ESTATE, ip_consent_withdraw(NULL, fam.w.cu, ip_consent_id(c), 2, &wd));
    th_field("withdrawal.recipient_id");
    /* Not a recipient. */
    wd = withdrawal_by(fam.father, fam.mother);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, ip_consent_id(c), 2, &wd));
    th_field("withdrawal.recipient_id");
    /* Then the whole consent, and it is over for everyone. */
    wd = withdrawal_by(fam.mother, NULL);
    th_ok(ip_consent_withdraw(&revision, fam.w.cu, ip_consent_id(c), 2, &wd));
    ck_assert_int_eq(revision, 3);
    th_ok(ip__consent_sharing_active(fam.w.store, fam.child, fam.w.unit2, IP_SECTION_GOALS,
                                     TH_TODAY, &yes));
    ck_assert(!yes);
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

START_TEST(withdraw_rules)
{
    family fam;
    ip_consent *c;
    ip_withdrawal_fields wd;
    char stranger[40];
    const char *id;

    family_open(&fam);
    person(&fam.w, "1975-07-07", "Nabo", stranger);
    c = family_sharing(&fam);
    id = ip_consent_id(c);

    /* Without standing: a stranger, next of kin, the child under 16. */
    wd = withdrawal_by(stranger, NULL);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_by_id");
    th_not_echoed(stranger);
    wd = withdrawal_by(fam.kin, NULL);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_by_id");
    wd = withdrawal_by(fam.child, NULL);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_by_id");
    wd = withdrawal_by(NO_SUCH_ID, NULL);
    th_expect(IP_ENOTFOUND, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_by_id");
    /* Dates: not after today, not before valid_from. */
    wd = withdrawal_by(fam.mother, NULL);
    wd.withdrawn_on = "2026-03-03";
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_on");
    wd.withdrawn_on = "2026-02-28";
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_on");
    wd.withdrawn_on = "2026-13-01";
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_on");
    /* Form, version, ids. */
    wd = withdrawal_by(fam.mother, NULL);
    wd.form = (ip_consent_form)0;
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.form");
    wd = withdrawal_by(NULL, NULL);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.withdrawn_by_id");
    wd = withdrawal_by(fam.mother, "nope");
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_field("withdrawal.recipient_id");
    wd = withdrawal_by(fam.mother, NULL);
    wd.version = 9;
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, &wd));
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, fam.w.cu, id, 1, NULL));
    wd = withdrawal_by(fam.mother, NULL);
    th_expect(IP_ENOTFOUND, ip_consent_withdraw(NULL, fam.w.cu, NO_SUCH_ID, 1, &wd));
    th_field("consent.id");
    /* A stale revision. */
    th_expect(IP_ECONFLICT, ip_consent_withdraw(NULL, fam.w.cu, id, 7, &wd));
    th_field("consent.revision");
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent WHERE revision = 1"
                              " AND withdrawn_on IS NULL"), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_recipient"
                              " WHERE withdrawn_on IS NOT NULL"), 0);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM outbox_event"), 0);
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

START_TEST(withdraw_by_person_and_guardian)
{
    world w;
    char adult[40], guardian[40];
    ip_consent_fields f;
    ip_consent *c1 = NULL, *c2 = NULL;
    ip_withdrawal_fields wd;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    person(&w, "1970-10-10", "Verge", guardian);
    relate(&w, adult, guardian, IP_RELATION_GUARDIAN, "2020-01-01", NULL);
    f = sharing_consent(adult, (const char *[]){adult}, 1, (const char *[]){w.unit1}, 1);
    th_ok(ip_consent_create(&c1, w.cu, &f));
    th_ok(ip_consent_create(&c2, w.cu, &f));
    wd = withdrawal_by(adult, NULL);
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c1), 1, &wd));
    wd = withdrawal_by(guardian, w.unit1);
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c2), 1, &wd));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent WHERE withdrawn_on IS NOT NULL"), 1);
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent_recipient"
                              " WHERE withdrawn_on IS NOT NULL"), 1);
    ip_consent_free(c1);
    ip_consent_free(c2);
    world_close(&w);
}
END_TEST

/* Withdrawing the consent to the plan ends the person's open plan, with
 * outbox events, in the same call. */
START_TEST(withdraw_plan_consent_ends_plan)
{
    world w;
    char adult[40];
    ip_consent_fields f;
    ip_consent *c = NULL;
    ip_plan *plan = NULL, *got = NULL;
    ip_withdrawal_fields wd;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    f = plan_consent(adult, (const char *[]){adult}, 1);
    th_ok(ip_consent_create(&c, w.cu, &f));
    th_ok(ip_plan_create_direct(&plan, w.cu, adult, NULL));
    wd = withdrawal_by(adult, NULL);
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c), 1, &wd));
    th_ok(ip_plan_get(&got, w.cu, ip_plan_id(plan)));
    ck_assert_int_eq(ip_plan_status_of(got), IP_PLAN_ENDED);
    ck_assert_int_eq(ip_plan_end_reason_of(got), IP_PLAN_END_CONSENT_WITHDRAWN);
    ck_assert_str_eq(ip_plan_ended_on(got), TH_TODAY);
    ck_assert_int_ge(th_count("SELECT COUNT(*) FROM outbox_event"), 2);
    ip_plan_free(got);
    ip_plan_free(plan);
    ip_consent_free(c);
    world_close(&w);
}
END_TEST

START_TEST(state_on)
{
    world w;
    char adult[40];
    ip_consent_fields f;
    ip_consent *c = NULL, *got = NULL;
    ip_withdrawal_fields wd;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    f = plan_consent(adult, (const char *[]){adult}, 1);
    f.valid_from = "2026-01-01";
    f.valid_to = "2026-06-30";
    th_ok(ip_consent_create(&c, w.cu, &f));
    ck_assert_int_eq(ip_consent_state_on(c, "2025-12-31"), IP_CONSENT_NOT_YET);
    ck_assert_int_eq(ip_consent_state_on(c, "2026-01-01"), IP_CONSENT_ACTIVE);
    ck_assert_int_eq(ip_consent_state_on(c, TH_TODAY), IP_CONSENT_ACTIVE);
    ck_assert_int_eq(ip_consent_state_on(c, "2026-06-30"), IP_CONSENT_ACTIVE);
    ck_assert_int_eq(ip_consent_state_on(c, "2026-07-01"), IP_CONSENT_EXPIRED);
    ck_assert_int_eq(ip_consent_state_on(c, "2026-02-30"), 0);
    ck_assert_int_eq(ip_consent_state_on(c, "26-01-01"), 0);
    ck_assert_int_eq(ip_consent_state_on(c, NULL), 0);
    ck_assert_int_eq(ip_consent_state_on(NULL, TH_TODAY), 0);

    wd = withdrawal_by(adult, NULL);
    wd.withdrawn_on = "2026-02-01";
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c), 1, &wd));
    th_ok(ip_consent_get(&got, w.cu, ip_consent_id(c)));
    ck_assert_int_eq(ip_consent_state_on(got, "2025-12-31"), IP_CONSENT_NOT_YET);
    ck_assert_int_eq(ip_consent_state_on(got, "2026-01-31"), IP_CONSENT_ACTIVE);
    ck_assert_int_eq(ip_consent_state_on(got, "2026-02-01"), IP_CONSENT_WITHDRAWN);
    ck_assert_int_eq(ip_consent_state_on(got, "2026-07-01"), IP_CONSENT_WITHDRAWN);
    ip_consent_free(got);
    ip_consent_free(c);
    world_close(&w);
}
END_TEST

START_TEST(facts)
{
    family fam;
    ip_consent *c;
    ip_consent_fields f;
    ip_withdrawal_fields wd;
    bool yes = true;

    family_open(&fam);
    /* Nothing yet. */
    th_ok(ip__consent_plan_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(!yes);
    th_ok(ip__consent_any_sharing_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(!yes);

    c = family_sharing(&fam); /* goals and measures, FROM to 2026-12-31 */
#define SHARED(recipient, sections, day, expected)                             \
    do {                                                                       \
        th_ok(ip__consent_sharing_active(fam.w.store, fam.child, (recipient),  \
                                         (sections), (day), &yes));            \
        ck_assert_msg(yes == (expected), "shared %s on %s", #recipient, day);  \
    } while (0)
    SHARED(fam.w.unit1, IP_SECTION_GOALS, TH_TODAY, true);
    SHARED(fam.w.unit2, IP_SECTION_GOALS | IP_SECTION_MEASURES, TH_TODAY, true);
    SHARED(fam.kin, IP_SECTION_MEASURES, TH_TODAY, true);
    SHARED(fam.w.unit1, 0, TH_TODAY, true);
    /* Another section, another recipient, before and after the period. */
    SHARED(fam.w.unit1, IP_SECTION_MEETINGS, TH_TODAY, false);
    SHARED(fam.w.unit1, IP_SECTION_GOALS | IP_SECTION_MEETINGS, TH_TODAY, false);
    SHARED(th_cu_unit(), IP_SECTION_GOALS, TH_TODAY, false);
    SHARED(fam.w.unit1, IP_SECTION_GOALS, "2026-02-28", false);
    SHARED(fam.w.unit1, IP_SECTION_GOALS, "2026-12-31", true);
    SHARED(fam.w.unit1, IP_SECTION_GOALS, "2027-01-01", false);
    th_ok(ip__consent_sharing_active(fam.w.store, fam.mother, fam.w.unit1,
                                     IP_SECTION_GOALS, TH_TODAY, &yes));
    ck_assert(!yes);
    th_ok(ip__consent_any_sharing_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__consent_any_sharing_active(fam.w.store, fam.child, "2027-01-01", &yes));
    ck_assert(!yes);
    /* A sharing consent is no consent to the plan. */
    th_ok(ip__consent_plan_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(!yes);

    f = plan_consent(fam.child, (const char *[]){fam.mother, fam.father}, 2);
    f.valid_to = "2026-12-31";
    th_ok(ip_consent_create(NULL, fam.w.cu, &f));
    th_ok(ip__consent_plan_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(yes);
    th_ok(ip__consent_plan_active(fam.w.store, fam.child, "2026-02-28", &yes));
    ck_assert(!yes);
    th_ok(ip__consent_plan_active(fam.w.store, fam.child, "2027-01-01", &yes));
    ck_assert(!yes);

    /* Withdrawn: not from that day on, still before it. */
    wd = withdrawal_by(fam.father, NULL);
    th_ok(ip_consent_withdraw(NULL, fam.w.cu, ip_consent_id(c), 1, &wd));
    SHARED(fam.w.unit1, IP_SECTION_GOALS, TH_TODAY, false);
    SHARED(fam.kin, IP_SECTION_GOALS, TH_TODAY, false);
    SHARED(fam.w.unit1, IP_SECTION_GOALS, "2026-03-01", true);
    th_ok(ip__consent_any_sharing_active(fam.w.store, fam.child, TH_TODAY, &yes));
    ck_assert(!yes);
#undef SHARED
    /* NULL asks nothing. */
    th_ok(ip__consent_sharing_active(fam.w.store, NULL, fam.w.unit1, 0, TH_TODAY, &yes));
    ck_assert(!yes);
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

/* Every recipient of a sharing consent withdrawn one by one: no sharing is
 * in force any more. */
START_TEST(facts_all_recipients_withdrawn)
{
    world w;
    char adult[40];
    ip_consent_fields f;
    ip_consent *c = NULL;
    ip_withdrawal_fields wd;
    bool yes = false;

    world_open(&w);
    person(&w, "1980-05-05", "Anne", adult);
    f = sharing_consent(adult, (const char *[]){adult}, 1, (const char *[]){w.unit1}, 1);
    th_ok(ip_consent_create(&c, w.cu, &f));
    th_ok(ip__consent_any_sharing_active(w.store, adult, TH_TODAY, &yes));
    ck_assert(yes);
    wd = withdrawal_by(adult, w.unit1);
    th_ok(ip_consent_withdraw(NULL, w.cu, ip_consent_id(c), 1, &wd));
    th_ok(ip__consent_any_sharing_active(w.store, adult, TH_TODAY, &yes));
    ck_assert(!yes);
    ip_consent_free(c);
    world_close(&w);
}
END_TEST

START_TEST(access)
{
    family fam;
    ip_consent *c, *got = NULL;
    ip_consent_fields f;
    ip_session *mother, *provider, *analyst, *adult_s;
    ip_withdrawal_fields wd;
    char adult[40];

    family_open(&fam);
    person(&fam.w, "1980-05-05", "Anne", adult);
    c = family_sharing(&fam);
    /* A parent reads and withdraws the child's consent. */
    mother = th_session(fam.w.store, IP_ROLE_REPRESENTATIVE, fam.mother, NULL);
    th_ok(ip_consent_get(&got, mother, ip_consent_id(c)));
    ip_consent_free(got);
    /* The person gives their own, registered by themselves. */
    adult_s = th_session(fam.w.store, IP_ROLE_PERSON, adult, NULL);
    f = plan_consent(adult, (const char *[]){adult}, 1);
    th_ok(ip_consent_create(&got, adult_s, &f));
    ck_assert_str_eq(ip_consent_registered_by(got), adult);
    ip_consent_free(got);
    /* Not someone else's. */
    th_expect(IP_EDENIED, ip_consent_get(&got, adult_s, ip_consent_id(c)));
    /* A provider and an analyst reach no consent. */
    provider = th_session(fam.w.store, IP_ROLE_PROVIDER, "fysio-1", fam.w.unit1);
    th_expect(IP_EDENIED, ip_consent_get(&got, provider, ip_consent_id(c)));
    ck_assert_ptr_null(got);
    analyst = th_session(fam.w.store, IP_ROLE_ANALYST, "analyst-1", NULL);
    f = plan_consent(fam.child, (const char *[]){fam.mother, fam.father}, 2);
    th_expect(IP_EDENIED, ip_consent_create(NULL, analyst, &f));
    ck_assert_int_eq(th_count("SELECT COUNT(*) FROM consent"), 2);
    wd = withdrawal_by(fam.mother, NULL);
    th_expect(IP_EDENIED, ip_consent_withdraw(NULL, provider, ip_consent_id(c), 1, &wd));
    th_ok(ip_consent_withdraw(NULL, mother, ip_consent_id(c), 1, &wd));
    ip_session_free(mother);
    ip_session_free(adult_s);
    ip_session_free(provider);
    ip_session_free(analyst);
    ip_consent_free(c);
    world_close(&fam.w);
}
END_TEST

/* Refused input leaves the store file byte for byte as it was. */
START_TEST(refusals_leave_store_unchanged)
{
    family fam;
    ip_consent *c;
    ip_consent_fields f;
    ip_withdrawal_fields wd;
    ip_session *cu;
    th_snapshot *snap;
    char id[40], cu_unit[40];

    family_open(&fam);
    c = family_sharing(&fam);
    snprintf(id, sizeof id, "%s", ip_consent_id(c));
    snprintf(cu_unit, sizeof cu_unit, "%s", th_cu_unit());
    ip_consent_free(c);
    th_close(fam.w.store);
    snap = th_snapshot_take(th_path("store.db"));

    fam.w.store = th_store();
    cu = th_session(fam.w.store, IP_ROLE_COORDINATING_UNIT, "case-worker-1", cu_unit);
    /* Refused before the store is touched. */
    f = plan_consent(fam.child, (const char *[]){fam.mother, fam.mother}, 2);
    th_expect(IP_EINVALID, ip_consent_create(NULL, cu, &f));
    /* Refused inside the call, which is rolled back. */
    f = plan_consent(fam.child, (const char *[]){fam.mother}, 1);
    th_expect(IP_EINVALID, ip_consent_create(NULL, cu, &f));
    f = sharing_consent(fam.child, (const char *[]){fam.mother, fam.father}, 2,
                        (const char *[]){fam.w.unit1, NO_SUCH_ID}, 2);
    th_expect(IP_ENOTFOUND, ip_consent_create(NULL, cu, &f));
    wd = withdrawal_by(fam.kin, NULL);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, cu, id, 1, &wd));
    wd = withdrawal_by(fam.mother, fam.mother);
    th_expect(IP_EINVALID, ip_consent_withdraw(NULL, cu, id, 1, &wd));
    wd = withdrawal_by(fam.mother, NULL);
    th_expect(IP_ECONFLICT, ip_consent_withdraw(NULL, cu, id, 2, &wd));
    ip_session_free(cu);
    th_close(fam.w.store);
    th_snapshot_assert_same(snap, th_path("store.db"));
}
END_TEST

START_TEST(names)
{
    ip_consent_kind kind;
    ip_consent_form form;

    ck_assert_str_eq(ip_consent_kind_name(IP_CONSENT_PLAN), "plan");
    ck_assert_str_eq(ip_consent_kind_name(IP_CONSENT_SHARING), "sharing");
    ck_assert_ptr_null(ip_consent_kind_name((ip_consent_kind)0));
    ck_assert_str_eq(ip_consent_form_name(IP_CONSENT_WRITTEN), "written");
    ck_assert_str_eq(ip_consent_form_name(IP_CONSENT_ORAL_DOCUMENTED), "oral_documented");
    ck_assert_ptr_null(ip_consent_form_name((ip_consent_form)3));
    ck_assert_str_eq(ip_consent_state_name(IP_CONSENT_NOT_YET), "not_yet");
    ck_assert_str_eq(ip_consent_state_name(IP_CONSENT_ACTIVE), "active");
    ck_assert_str_eq(ip_consent_state_name(IP_CONSENT_EXPIRED), "expired");
    ck_assert_str_eq(ip_consent_state_name(IP_CONSENT_WITHDRAWN), "withdrawn");
    ck_assert_ptr_null(ip_consent_state_name((ip_consent_state)0));
    th_ok(ip_consent_kind_from_name(&kind, "sharing"));
    ck_assert_int_eq(kind, IP_CONSENT_SHARING);
    th_ok(ip_consent_form_from_name(&form, "oral_documented"));
    ck_assert_int_eq(form, IP_CONSENT_ORAL_DOCUMENTED);
    th_expect(IP_EINVALID, ip_consent_kind_from_name(&kind, "samtykke"));
    th_field("consent.kind");
    th_expect(IP_EINVALID, ip_consent_form_from_name(&form, NULL));
    th_expect(IP_EINVALID, ip_consent_form_from_name(NULL, "written"));
}
END_TEST

START_TEST(fields_init)
{
    ip_consent_fields f;
    ip_withdrawal_fields w;

    memset(&f, 0xff, sizeof f);
    th_ok(ip_consent_fields_init(&f, IP_CONSENT_FIELDS_VERSION));
    ck_assert_uint_eq(f.version, IP_CONSENT_FIELDS_VERSION);
    ck_assert_ptr_null(f.person_id);
    ck_assert_int_eq(f.kind, 0);
    ck_assert_int_eq(f.given_by_count, 0);
    ck_assert_uint_eq(f.sections, 0);
    ck_assert_ptr_null(f.note);
    memset(&w, 0xff, sizeof w);
    th_ok(ip_withdrawal_fields_init(&w, IP_WITHDRAWAL_FIELDS_VERSION));
    ck_assert_uint_eq(w.version, IP_WITHDRAWAL_FIELDS_VERSION);
    ck_assert_ptr_null(w.recipient_id);
    ck_assert_int_eq(w.form, 0);
    ck_assert_ptr_null(w.withdrawn_on);
    th_expect(IP_EINVALID, ip_consent_fields_init(&f, 2));
    th_expect(IP_EINVALID, ip_withdrawal_fields_init(NULL, 1));
}
END_TEST

Suite *suite(void)
{
    Suite *s = suite_create("consent");
    TCase *tc = tcase_create("consent");

    tcase_add_checked_fixture(tc, th_setup, th_teardown);
    tcase_add_test(tc, standing_adult_self);
    tcase_add_test(tc, standing_unknown_birth_date_is_adult);
    tcase_add_test(tc, standing_child_alone);
    tcase_add_test(tc, standing_shared_parental_responsibility);
    tcase_add_test(tc, standing_guardian);
    tcase_add_test(tc, standing_ended_and_unrelated);
    tcase_add_test(tc, givers_rules);
    tcase_add_test(tc, fields_rules);
    tcase_add_test(tc, recipients_rules);
    tcase_add_test(tc, round_trip);
    tcase_add_test(tc, withdraw_whole);
    tcase_add_test(tc, withdraw_recipient);
    tcase_add_test(tc, withdraw_rules);
    tcase_add_test(tc, withdraw_by_person_and_guardian);
    tcase_add_test(tc, withdraw_plan_consent_ends_plan);
    tcase_add_test(tc, state_on);
    tcase_add_test(tc, facts);
    tcase_add_test(tc, facts_all_recipients_withdrawn);
    tcase_add_test(tc, access);
    tcase_add_test(tc, refusals_leave_store_unchanged);
    tcase_add_test(tc, names);
    tcase_add_test(tc, fields_init);
    suite_add_tcase(s, tc);
    return s;
}

TH_MAIN()
