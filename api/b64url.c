/*
 * Copyright (c) 2026 Lakmoes contributors
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
 * WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
 * MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
 * ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
 * WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
 * ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF
 * OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
 */

/*
 * Unpadded base64url (RFC 4648 §5), for JWT segments and page cursors.
 * No Kore dependency.
 */

#include <stdlib.h>

#include "lakmoes.h"

static const char b64url_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Returns a malloc()ed, NUL-terminated encoding of in, or NULL. */
char *
b64url_encode(const void *in, size_t len)
{
	const unsigned char	*s = in;
	char			*out, *p;
	u_int32_t		 v;
	size_t			 i;

	if ((out = malloc(len / 3 * 4 + 5)) == NULL)
		return (NULL);
	p = out;
	for (i = 0; i + 2 < len; i += 3) {
		v = (u_int32_t)s[i] << 16 | (u_int32_t)s[i + 1] << 8 | s[i + 2];
		*p++ = b64url_alphabet[v >> 18 & 63];
		*p++ = b64url_alphabet[v >> 12 & 63];
		*p++ = b64url_alphabet[v >> 6 & 63];
		*p++ = b64url_alphabet[v & 63];
	}
	if (len - i == 1) {
		v = (u_int32_t)s[i] << 16;
		*p++ = b64url_alphabet[v >> 18 & 63];
		*p++ = b64url_alphabet[v >> 12 & 63];
	} else if (len - i == 2) {
		v = (u_int32_t)s[i] << 16 | (u_int32_t)s[i + 1] << 8;
		*p++ = b64url_alphabet[v >> 18 & 63];
		*p++ = b64url_alphabet[v >> 12 & 63];
		*p++ = b64url_alphabet[v >> 6 & 63];
	}
	*p = '\0';
	return (out);
}

/*
 * Decodes len characters of unpadded base64url. Returns 1 and a malloc()ed,
 * NUL-terminated buffer the caller frees, or 0 on a character outside the
 * alphabet or an impossible length.
 */
int
b64url_decode(const char *in, size_t len, char **out, size_t *outlen)
{
	unsigned char	*p;
	u_int32_t	 acc = 0;
	size_t		 i, n = 0;
	int		 bits = 0, v;
	char		 c;

	if (len % 4 == 1)
		return (0);
	if ((p = malloc(len * 3 / 4 + 1)) == NULL)
		return (0);
	for (i = 0; i < len; i++) {
		c = in[i];
		if (c >= 'A' && c <= 'Z')
			v = c - 'A';
		else if (c >= 'a' && c <= 'z')
			v = c - 'a' + 26;
		else if (c >= '0' && c <= '9')
			v = c - '0' + 52;
		else if (c == '-')
			v = 62;
		else if (c == '_')
			v = 63;
		else {
			free(p);
			return (0);
		}
		acc = (acc << 6) | (u_int32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			p[n++] = (unsigned char)(acc >> bits);
		}
	}
	p[n] = '\0';
	*out = (char *)p;
	*outlen = n;
	return (1);
}
