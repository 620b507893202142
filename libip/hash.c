/* SHA-256 through libcrypto's EVP interface (see hash.h). */
#include "hash.h"

#include <openssl/evp.h>

#include "error.h"

int ip__sha256_hex(const void *data, size_t len, char out[IP__SHA256_HEX_LEN + 1])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0;

    out[0] = '\0';
    /* EVP_Digest keeps no state between calls, so this is safe from any
     * thread without a lock of ours. */
    if (EVP_Digest(data, len, digest, &digest_len, EVP_sha256(), NULL) != 1 ||
        digest_len * 2 != IP__SHA256_HEX_LEN)
        return ip__error_set(IP_ERROR, NULL, "SHA-256 failed in libcrypto");
    for (unsigned int i = 0; i < digest_len; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0x0f];
    }
    out[IP__SHA256_HEX_LEN] = '\0';
    return IP_OK;
}
