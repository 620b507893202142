/* iplan: argument parsing and dispatch. */
#include "iplan.h"

#include <stdarg.h>
#include <string.h>

struct command {
    const char *name;
    int (*run)(const struct iplan_opts *opts);
    int takes_json;
    int takes_plan;   /* a PLAN_ID after STORE */
    int takes_format; /* --format */
    const char *summary;
};

static const struct command commands[] = {
    {"init", iplan_cmd_init, 0, 0, 0, "create an empty store"},
    {"check", iplan_cmd_check, 0, 0, 0, "check that a store is consistent"},
    {"demo", iplan_cmd_demo, 0, 0, 0, "fill an empty store with demo scenarios"},
    {"plans", iplan_cmd_plans, 1, 0, 0,
     "list persons with applications or plans, with plan status"},
    {"overdue", iplan_cmd_overdue, 1, 0, 0,
     "list applications past one month without outcome or interim reply"},
    {"show", iplan_cmd_show, 0, 1, 0,
     "print a plan for a person to read (Norwegian), with what it lacks"},
    {"export", iplan_cmd_export, 0, 1, 1,
     "print a plan as its native JSON document (" IPLAN_FORMAT_NATIVE ")"},
    {"audit", iplan_cmd_audit, 1, 0, 0,
     "print a person's access log, or verify the audit log's hash chain"},
    {"due", iplan_cmd_due, 1, 0, 0,
     "list what needs attention, most urgent first (the due list)"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *out)
{
    fputs("Usage: iplan [OPTIONS] COMMAND STORE\n"
          "       iplan [OPTIONS] show|export STORE PLAN_ID\n"
          "       iplan [OPTIONS] audit STORE --person PERSON_ID [--json]\n"
          "       iplan audit STORE --verify\n"
          "       iplan --version | --help\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Options:\n"
          "  --json           print a JSON array instead of text (plans, overdue, audit,\n"
          "                   due)\n"
          "  --person ID      audit: the person whose access log to print (who read\n"
          "                   or changed what about them, and when)\n"
          "  --verify         audit: check the audit log's hash chain and name the\n"
          "                   first event changed, removed, inserted or reordered\n"
          "  --format FORMAT  the document export prints; only " IPLAN_FORMAT_NATIVE "\n"
          "                   (the default) for now\n"
          "  --actor ID       who is acting, written to the audit log\n"
          "                   (default: $IPLAN_ACTOR, else \"" IPLAN_DEFAULT_ACTOR "\");\n"
          "                   for the roles person, representative and next_of_kin\n"
          "                   the id of a person in the store\n"
          "  --role ROLE      admin, coordinating_unit, coordinator, provider, person,\n"
          "                   representative, next_of_kin or analyst\n"
          "                   (default: coordinating_unit)\n"
          "  --unit UNIT_ID   the unit acted for (default: the store's only\n"
          "                   coordinating unit)\n"
          "  --purpose NAME   care, administration, own_access, statistics, research,\n"
          "                   transfer or maintenance (default: administration)\n"
          "  --version        print the version and exit\n"
          "  -h, --help       print this help and exit\n"
          "\n"
          "Every read of personal data is audited under the actor, role, unit and\n"
          "purpose given. init and check read no personal data; demo registers\n"
          "units and practitioners as an administrator, persons, applications\n"
          "and plans as the demo's coordinating unit, and the plans' content\n"
          "as each plan's coordinator. plans lists each person's plan id.\n"
          "\n"
          "show ends with the completeness check: the items (a-i) of the regulation\n"
          "a plan lacks (the demo's three active plans are complete; Sara's draft\n"
          "is not).\n"
          "\n"
          "Exit status: 0 success, 1 the operation failed, 2 usage error.\n",
          out);
}

static int usage_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

static int usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("iplan: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nPrøv «iplan --help».\n", stderr);
    return IPLAN_EXIT_USAGE;
}

static void print_version(void)
{
    printf("iplan %s (libip %s, skjemaversjon %d)\n", IP_VERSION,
           ip_version(NULL, NULL, NULL), ip_schema_version());
}

/* Options taking a value: --name VALUE or --name=VALUE. */
static const char **value_option(struct iplan_opts *o, const char *name, size_t len)
{
    static const char *const names[] = {"actor", "role", "unit", "purpose", "format",
                                        "person"};
    const char **slots[] = {&o->actor, &o->role, &o->unit, &o->purpose, &o->format,
                            &o->person};

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i]) == len && strncmp(names[i], name, len) == 0)
            return slots[i];
    }
    return NULL;
}

enum parse_result { PARSE_RUN, PARSE_HELP, PARSE_VERSION, PARSE_USAGE };

static enum parse_result parse(struct iplan_opts *o, int argc, char **argv)
{
    const char *positional[3] = {NULL, NULL, NULL};
    int npositional = 0, only_positional = 0;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];

        if (!only_positional && strcmp(arg, "--") == 0) {
            only_positional = 1;
        } else if (!only_positional && (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)) {
            return PARSE_HELP;
        } else if (!only_positional && strcmp(arg, "--version") == 0) {
            return PARSE_VERSION;
        } else if (!only_positional && strcmp(arg, "--json") == 0) {
            o->json = 1;
        } else if (!only_positional && strcmp(arg, "--verify") == 0) {
            o->verify = 1;
        } else if (!only_positional && strncmp(arg, "--", 2) == 0) {
            const char *name = arg + 2, *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            const char **slot = value_option(o, name, len);

            if (!slot) {
                usage_error("ukjent valg: %s", arg);
                return PARSE_USAGE;
            }
            if (eq) {
                *slot = eq + 1;
            } else if (i + 1 < argc) {
                *slot = argv[++i];
            } else {
                usage_error("valget %s trenger en verdi", arg);
                return PARSE_USAGE;
            }
            if (!**slot) {
                usage_error("valget %s trenger en verdi", arg);
                return PARSE_USAGE;
            }
        } else if (!only_positional && arg[0] == '-' && arg[1] != '\0') {
            usage_error("ukjent valg: %s", arg);
            return PARSE_USAGE;
        } else if (npositional < 3) {
            positional[npositional++] = arg;
        } else {
            usage_error("for mange argumenter: %s", arg);
            return PARSE_USAGE;
        }
    }
    o->command = positional[0];
    o->store = positional[1];
    o->plan_id = positional[2];
    return PARSE_RUN;
}

int main(int argc, char **argv)
{
    struct iplan_opts opts = {0};
    const struct command *cmd = NULL;
    int rc;

    switch (parse(&opts, argc, argv)) {
    case PARSE_HELP:
        usage(stdout);
        return IPLAN_EXIT_OK;
    case PARSE_VERSION:
        print_version();
        return IPLAN_EXIT_OK;
    case PARSE_USAGE:
        return IPLAN_EXIT_USAGE;
    case PARSE_RUN:
        break;
    }
    if (!opts.command) {
        usage(stderr);
        return IPLAN_EXIT_USAGE;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(commands[i].name, opts.command) == 0)
            cmd = &commands[i];
    }
    if (!cmd)
        return usage_error("ukjent kommando: %s", opts.command);
    if (!opts.store)
        return usage_error("%s trenger et lager (STORE)", cmd->name);
    if (cmd->takes_plan && !opts.plan_id)
        return usage_error("%s trenger en plan-ID (PLAN_ID) etter lageret", cmd->name);
    if (!cmd->takes_plan && opts.plan_id)
        return usage_error("for mange argumenter: %s", opts.plan_id);
    if (opts.json && !cmd->takes_json)
        return usage_error("--json gjelder ikke %s", cmd->name);
    if ((opts.person || opts.verify) && strcmp(cmd->name, "audit") != 0)
        return usage_error("%s gjelder bare audit", opts.person ? "--person" : "--verify");
    if (opts.format && !cmd->takes_format)
        return usage_error("--format gjelder ikke %s", cmd->name);
    if (opts.format && strcmp(opts.format, IPLAN_FORMAT_NATIVE) != 0)
        return usage_error("ukjent format: %s (godtatt: %s)", opts.format,
                           IPLAN_FORMAT_NATIVE);
    rc = iplan_actor_options_check(&opts);
    if (rc)
        return rc;
    return cmd->run(&opts);
}
