#include "store/record.h"

#include <stdlib.h>

static const ip__column meta_text[] = {
    {"id", offsetof(ip__meta, id), IP__COL_TEXT},
    {"created_at", offsetof(ip__meta, created_at), IP__COL_TEXT},
    {"updated_at", offsetof(ip__meta, updated_at), IP__COL_TEXT},
    {NULL, 0, 0},
};

void ip__record_clear(const ip__table *table, void *record)
{
    const ip__column *col;

    if (!record)
        return;
    for (col = meta_text; col->name; col++) {
        free(IP__TEXT_AT(record, col));
        IP__TEXT_AT(record, col) = NULL;
    }
    for (col = table->columns; col->name; col++) {
        if (col->type == IP__COL_TEXT) {
            free(IP__TEXT_AT(record, col));
            IP__TEXT_AT(record, col) = NULL;
        }
    }
}

void ip__record_free(const ip__table *table, void *record)
{
    if (!record)
        return;
    ip__record_clear(table, record);
    free(record);
}

void ip__rows_free(ip__rows *rows)
{
    if (!rows)
        return;
    for (size_t i = 0; i < rows->count; i++)
        ip__record_free(rows->table, rows->items[i]);
    free(rows->items);
    rows->items = NULL;
    rows->count = 0;
}

void *ip__rows_take(ip__rows *rows, size_t i)
{
    void *item = rows->items[i];

    rows->items[i] = NULL;
    return item;
}
