/*
 * docs/example.c: the first program a record system writes against libip.
 *
 * It creates a store, registers the municipality's coordinating unit, a
 * child and the child's mother, and an application for an individual plan
 * that the mother signs; then it reads the application back and prints it.
 *
 *   cc -o example example.c $(pkg-config --cflags --libs libip)
 *   ./example /tmp/example.db
 *
 * The test suite builds and runs this file (meson test --suite example).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <ip/ip.h>

/* Says what failed, from the thread's last error, when rc is not IP_OK. */
static int failed(int rc, const char *call)
{
    if (rc == IP_OK)
        return 0;
    fprintf(stderr, "%s: %s (%s)\n", call, ip_error_last()->message,
            ip_strerror(rc));
    return 1;
}

int main(int argc, char **argv)
{
    ip_store_options options = IP_STORE_OPTIONS_INIT;
    ip_actor it = IP_ACTOR_INIT, clerk = IP_ACTOR_INIT;
    ip_unit_fields unit_fields = IP_UNIT_FIELDS_INIT;
    ip_person_fields child_fields = IP_PERSON_FIELDS_INIT;
    ip_person_fields mother_fields = IP_PERSON_FIELDS_INIT;
    ip_relation_fields relation_fields = IP_RELATION_FIELDS_INIT;
    ip_application_fields application_fields = IP_APPLICATION_FIELDS_INIT;
    ip_store *store = NULL;
    ip_session *admin = NULL, *cu = NULL;
    ip_unit *unit = NULL;
    ip_person *child = NULL, *mother = NULL;
    ip_application *application = NULL, *read = NULL;
    int status = EXIT_FAILURE;
    time_t now = time(NULL);
    char today[11];

    if (argc != 2) {
        fprintf(stderr, "usage: %s STORE\n", argv[0]);
        return 2;
    }
    strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));

    /* Open the store, creating the file when it does not exist. */
    options.flags = IP_STORE_CREATE;
    if (failed(ip_store_open(&store, argv[1], &options), "ip_store_open"))
        goto done;

    /* Municipal IT registers the coordinating unit (koordinerende enhet).
     * An actor id is the host's own id for its user, never a national id. */
    it.id = "it-drift-1";
    it.role = IP_ROLE_ADMIN;
    it.purpose = IP_PURPOSE_MAINTENANCE;
    if (failed(ip_session_open(&admin, store, &it), "ip_session_open"))
        goto done;
    unit_fields.name = "Koordinerende enhet";
    unit_fields.sector = IP_SECTOR_MUNICIPAL_HEALTH_CARE;
    unit_fields.municipality_number = "4601";
    unit_fields.coordinating = 1;
    if (failed(ip_unit_create(&unit, admin, &unit_fields), "ip_unit_create"))
        goto done;

    /* A case handler works for that unit from here on. */
    clerk.id = "saksbehandler-7";
    clerk.role = IP_ROLE_COORDINATING_UNIT;
    clerk.unit_id = ip_unit_id(unit);
    clerk.purpose = IP_PURPOSE_ADMINISTRATION;
    if (failed(ip_session_open(&cu, store, &clerk), "ip_session_open"))
        goto done;

    /* The child (born 2013: the birth date comes from the fødselsnummer)
     * and the mother, who has parental responsibility and signs. */
    child_fields.national_id = "13031353453";
    child_fields.given_name = "Emil";
    child_fields.family_name = "Nordmann";
    child_fields.municipality_number = "4601";
    if (failed(ip_person_create(&child, cu, &child_fields), "ip_person_create"))
        goto done;
    mother_fields.given_name = "Kari";
    mother_fields.family_name = "Nordmann";
    if (failed(ip_person_create(&mother, cu, &mother_fields), "ip_person_create"))
        goto done;
    relation_fields.person_id = ip_person_id(child);
    relation_fields.related_id = ip_person_id(mother);
    relation_fields.kind = IP_RELATION_PARENT;
    relation_fields.valid_from = ip_person_birth_date(child);
    if (failed(ip_relation_create(NULL, cu, &relation_fields), "ip_relation_create"))
        goto done;

    /* The application for an individual plan, received today. */
    application_fields.person_id = ip_person_id(child);
    application_fields.requests = IP_REQUEST_PLAN;
    application_fields.received_on = today;
    application_fields.signed_by_id = ip_person_id(mother);
    if (failed(ip_application_create(&application, cu, &application_fields),
               "ip_application_create"))
        goto done;

    /* Read it back (an audited read) and show it. */
    if (failed(ip_application_get(&read, cu, ip_application_id(application)),
               "ip_application_get"))
        goto done;
    printf("application %s: plan %s\n", ip_application_id(read),
           ip_outcome_name(ip_application_outcome(read, IP_REQUEST_PLAN)));
    status = EXIT_SUCCESS;

done:
    /* Everything libip handed out is freed with its own _free (NULL is
     * fine); sessions before the store. */
    ip_application_free(read);
    ip_application_free(application);
    ip_person_free(mother);
    ip_person_free(child);
    ip_unit_free(unit);
    ip_session_free(cu);
    ip_session_free(admin);
    ip_store_close(store);
    return status;
}
