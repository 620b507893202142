/* The migrations compiled into the library (generated migrations.c). */
#ifndef IP_STORE_MIGRATE_H
#define IP_STORE_MIGRATE_H

typedef struct {
    int version;
    const char *name;
    const char *sql;
} ip__migration;

/* Ends with {0, NULL, NULL}; entry i has version i + 1. */
extern const ip__migration ip__migrations[];

#endif
