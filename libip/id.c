/*
 * Ids are UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a
 * 12-bit counter within the millisecond, then 62 random bits. Time-ordered
 * ids keep the B-tree inserts of a busy store at the right edge.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <sys/random.h>

int ip__id_new(ip_store *store, char out[IP__ID_LEN + 1])
{
    unsigned char b[16];
    int64_t ms = ip__now_ms(store);

    /* A clock that stands still or steps back must not reorder ids. */
    if (ms <= store->id_ms) {
        if (++store->id_seq > 0xfff) {
            store->id_ms++;
            store->id_seq = 0;
        }
        ms = store->id_ms;
    } else {
        store->id_ms = ms;
        store->id_seq = 0;
    }
    if (getrandom(b + 8, 8, 0) != 8)
        return ip__error_set(IP_ERROR, NULL, "no randomness for a new id");
    for (int i = 0; i < 6; i++)
        b[i] = (unsigned char)((uint64_t)ms >> (40 - 8 * i));
    b[6] = (unsigned char)(0x70 | ((store->id_seq >> 8) & 0x0f));
    b[7] = (unsigned char)(store->id_seq & 0xff);
    b[8] = (unsigned char)(0x80 | (b[8] & 0x3f));
    snprintf(out, IP__ID_LEN + 1,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
             b[11], b[12], b[13], b[14], b[15]);
    return IP_OK;
}

int ip__id_check(const char *field, const char *s)
{
    if (!s || !*s)
        return ip__error_set(IP_EINVALID, field, "is required");
    if (strnlen(s, IP__ID_LEN + 1) != IP__ID_LEN)
        return ip__error_set(IP_EINVALID, field, "not an id");
    for (int i = 0; i < IP__ID_LEN; i++) {
        char c = s[i];
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return ip__error_set(IP_EINVALID, field, "not an id");
    }
    return IP_OK;
}
