/*
 * Records are plain structs whose columns are described once, here, by
 * offset and type; the generic code in record.c and db.c binds, reads,
 * inserts, updates and frees any of them. SQL text for inserts, gets and
 * updates is derived from these compile-time descriptors only, never from
 * caller data.
 *
 * Every record struct begins with ip__meta.
 */
#ifndef IP_STORE_RECORD_H
#define IP_STORE_RECORD_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *id;
    int64_t revision;
    char *created_at;
    char *updated_at;
} ip__meta;

typedef enum { IP__COL_TEXT = 1, IP__COL_INT = 2 } ip__col_type;

typedef struct {
    const char *name;
    size_t offset;
    ip__col_type type;
} ip__column;

typedef struct {
    const char *name;        /* SQL table name */
    const ip__column *columns; /* after the meta columns, ends with {NULL} */
    size_t size;             /* sizeof the record struct */
} ip__table;

/* A fixed select: "SELECT <table columns> FROM <table> <clause>", or with
 * table NULL the clause is the whole statement (scalar / exec queries). */
typedef struct {
    const ip__table *table;
    const char *clause;
} ip__query;

typedef struct {
    ip__col_type type;
    const char *text;
    int64_t integer;
} ip__arg;

#define IP__TEXT(s) ((ip__arg){IP__COL_TEXT, (s), 0})
#define IP__INT(i) ((ip__arg){IP__COL_INT, NULL, (int64_t)(i)})

typedef struct {
    void **items;
    size_t count;
    const ip__table *table;
} ip__rows;

/* Frees the text fields of a record (not the record itself). */
void ip__record_clear(const ip__table *table, void *record);
/* ip__record_clear, then frees the record. NULL is allowed. */
void ip__record_free(const ip__table *table, void *record);
/* Frees every record and the array. */
void ip__rows_free(ip__rows *rows);
/* Takes item i out of rows (the caller owns it; rows keeps a NULL). */
void *ip__rows_take(ip__rows *rows, size_t i);

#define IP__TEXT_AT(record, col) (*(char **)((char *)(record) + (col)->offset))
#define IP__INT_AT(record, col) (*(int64_t *)((char *)(record) + (col)->offset))

#endif
