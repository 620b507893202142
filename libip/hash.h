/*
 * SHA-256 for the audit hash chain, from OpenSSL's libcrypto (the EVP
 * interface). Nothing here is hand-rolled: the digest is libcrypto's.
 */
#ifndef IP_INTERNAL_HASH_H
#define IP_INTERNAL_HASH_H

#include <stddef.h>

/* Hex digits of a SHA-256 digest (32 bytes). */
#define IP__SHA256_HEX_LEN 64

/* Writes the lowercase hex SHA-256 of data[0..len) and a NUL into out.
 * IP_OK, or IP_ERROR (recorded) when libcrypto fails. */
int ip__sha256_hex(const void *data, size_t len, char out[IP__SHA256_HEX_LEN + 1]);

#endif
