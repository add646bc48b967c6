/*
 * Unit tests for api/token.c: every way a token must be refused, and the
 * ways it must be accepted. Keys in tests/unit/keys are test-only.
 */

#include <sys/types.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <openssl/hmac.h>

#include "lakmoes.h"

#define SECRET	"unit-test-secret-0123456789abcdef0123456789"
#define ISS	"https://issuer.test"
#define AUD	"lakmoes-api"
#define NOW	1800000000LL

static char	*read_file(const char *);
static char	*b64url(const unsigned char *, size_t);
static char	*raw_token(const char *, const char *, const unsigned char *,
		    size_t);
static char	*mint(jwt_alg_t, const char *, const char *);
static char	*claims(const char *);
static void	 expect_refused(const struct token_config *, const char *,
		    const char *);
static void	 expect_accepted(const struct token_config *, const char *);

static struct token_config	hs = {
	JWT_ALG_HS256, (const unsigned char *)SECRET, sizeof(SECRET) - 1,
	ISS, AUD, TOKEN_LEEWAY
};

static char *
read_file(const char *path)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	assert_non_null(fp = fopen(path, "r"));
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	assert_non_null(buf = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return (buf);
}

static char *
b64url(const unsigned char *in, size_t len)
{
	static const char	 tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char			*out, *p;
	size_t			 i;
	u_int32_t		 v;

	assert_non_null(out = calloc(1, len * 4 / 3 + 4));
	p = out;
	for (i = 0; i + 2 < len; i += 3) {
		v = (u_int32_t)in[i] << 16 | (u_int32_t)in[i + 1] << 8 | in[i + 2];
		*p++ = tab[v >> 18 & 63];
		*p++ = tab[v >> 12 & 63];
		*p++ = tab[v >> 6 & 63];
		*p++ = tab[v & 63];
	}
	if (len - i == 1) {
		v = (u_int32_t)in[i] << 16;
		*p++ = tab[v >> 18 & 63];
		*p++ = tab[v >> 12 & 63];
	} else if (len - i == 2) {
		v = (u_int32_t)in[i] << 16 | (u_int32_t)in[i + 1] << 8;
		*p++ = tab[v >> 18 & 63];
		*p++ = tab[v >> 12 & 63];
		*p++ = tab[v >> 6 & 63];
	}
	return (out);
}

/*
 * Builds header.payload.signature by hand; with a key the signature is
 * HMAC-SHA256 over the first two parts, without one it is empty.
 */
static char *
raw_token(const char *header, const char *payload, const unsigned char *key,
    size_t keylen)
{
	unsigned char	 mac[EVP_MAX_MD_SIZE];
	unsigned int	 maclen = 0;
	char		*h, *p, *s, *out;
	size_t		 len;

	h = b64url((const unsigned char *)header, strlen(header));
	p = b64url((const unsigned char *)payload, strlen(payload));
	len = strlen(h) + strlen(p) + 128;
	assert_non_null(out = calloc(1, len));
	snprintf(out, len, "%s.%s", h, p);
	if (key != NULL)
		assert_non_null(HMAC(EVP_sha256(), key, (int)keylen,
		    (unsigned char *)out, strlen(out), mac, &maclen));
	s = b64url(mac, maclen);
	strcat(out, ".");
	strcat(out, s);
	free(h);
	free(p);
	free(s);
	return (out);
}

/* Signs claims with libjwt, as an issuer would. */
static char *
mint(jwt_alg_t alg, const char *key, const char *json)
{
	jwt_t	*jwt;
	char	*tok;

	assert_int_equal(jwt_new(&jwt), 0);
	assert_int_equal(jwt_add_grants_json(jwt, json), 0);
	assert_int_equal(jwt_set_alg(jwt, alg, (const unsigned char *)key,
	    (int)strlen(key)), 0);
	assert_non_null(tok = jwt_encode_str(jwt));
	jwt_free(jwt);
	return (tok);
}

/* A valid claim set with one part replaced or added ("" for none). */
static char *
claims(const char *extra)
{
	static char	buf[1024];

	snprintf(buf, sizeof(buf),
	    "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"u1\","
	    "\"role\":\"programma\",\"iat\":%lld,\"exp\":%lld%s%s}",
	    NOW - 10, NOW + 600, *extra ? "," : "", extra);
	return (buf);
}

static void
expect_refused(const struct token_config *cfg, const char *tok, const char *why_part)
{
	struct token_claims	c;
	char			why[256] = "";

	assert_int_equal(token_verify(cfg, tok, (time_t)NOW, &c, why, sizeof(why)), 0);
	assert_null(c.json);
	if (strstr(why, why_part) == NULL)
		fail_msg("reason \"%s\" does not mention \"%s\"", why, why_part);
}

static void
expect_accepted(const struct token_config *cfg, const char *tok)
{
	struct token_claims	c;
	char			why[256] = "";

	if (!token_verify(cfg, tok, (time_t)NOW, &c, why, sizeof(why)))
		fail_msg("refused: %s", why);
	assert_string_equal(c.sub, "u1");
	assert_non_null(c.json);
	token_claims_clear(&c);
}

static void
test_valid_hs256(void **state)
{
	char	*t = mint(JWT_ALG_HS256, SECRET, claims(""));

	expect_accepted(&hs, t);
	free(t);
}

static void
test_aud_array_and_nbf(void **state)
{
	char	*t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\","
	    "\"aud\":[\"other\",\"" AUD "\"],\"sub\":\"u1\",\"role\":\"onderzoeker\","
	    "\"exp\":1800000600,\"nbf\":1800000010}");

	/* nbf 10 s ahead is within the leeway. */
	expect_accepted(&hs, t);
	free(t);
}

static void
test_expired(void **state)
{
	char	buf[512], *t;

	snprintf(buf, sizeof(buf), "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":%lld}",
	    NOW - TOKEN_LEEWAY - 1);
	t = mint(JWT_ALG_HS256, SECRET, buf);
	expect_refused(&hs, t, "verlopen");
	free(t);
}

static void
test_exp_missing_or_wrong_type(void **state)
{
	const char	*bad[] = {
		"{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"u1\",\"role\":\"programma\"}",
		"{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"u1\",\"role\":\"programma\",\"exp\":\"1800000600\"}",
		"{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"u1\",\"role\":\"programma\",\"exp\":1800000600.5}",
	};
	size_t		 i;
	char		*t;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		t = mint(JWT_ALG_HS256, SECRET, bad[i]);
		expect_refused(&hs, t, "exp");
		free(t);
	}
}

static void
test_nbf_future_and_wrong_type(void **state)
{
	char	*t;

	t = mint(JWT_ALG_HS256, SECRET, claims("\"nbf\":1800000100"));
	expect_refused(&hs, t, "nbf");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, claims("\"nbf\":\"1800000000\""));
	expect_refused(&hs, t, "nbf");
	free(t);
}

static void
test_wrong_issuer_audience(void **state)
{
	char	*t;

	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"https://evil.test\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":1800000600}");
	expect_refused(&hs, t, "iss");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":[\"other\"],"
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":1800000600}");
	expect_refused(&hs, t, "aud");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":123,"
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":1800000600}");
	expect_refused(&hs, t, "aud");
	free(t);
}

static void
test_roles_and_org(void **state)
{
	char	*t;

	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"postgres\",\"exp\":1800000600}");
	expect_refused(&hs, t, "role");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"publiek\",\"exp\":1800000600}");
	expect_refused(&hs, t, "role");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"aanleveraar\",\"exp\":1800000600}");
	expect_refused(&hs, t, "org");
	free(t);
	t = mint(JWT_ALG_HS256, SECRET, "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"role\":\"programma\",\"exp\":1800000600}");
	expect_refused(&hs, t, "sub");
	free(t);
}

static void
test_forged_and_tampered(void **state)
{
	char	*t, *dot;

	t = mint(JWT_ALG_HS256, "another-secret-0123456789abcdef0123", claims(""));
	expect_refused(&hs, t, "handtekening");
	free(t);

	/* Same signature, payload changed to another role. */
	t = mint(JWT_ALG_HS256, SECRET, claims(""));
	dot = strchr(t, '.') + 1;
	dot[0] = dot[0] == 'e' ? 'f' : 'e';
	expect_refused(&hs, t, "");
	free(t);
}

static void
test_alg_none(void **state)
{
	char	*t;

	t = raw_token("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims(""), NULL, 0);
	expect_refused(&hs, t, "HS256");
	free(t);
	t = raw_token("{\"alg\":\"hs256\",\"typ\":\"JWT\"}", claims(""),
	    (const unsigned char *)SECRET, strlen(SECRET));
	expect_refused(&hs, t, "HS256");
	free(t);
}

static void
test_other_algorithms(void **state)
{
	char	*key = read_file("tests/unit/keys/rsa.pem"), *t;

	t = mint(JWT_ALG_RS256, key, claims(""));
	expect_refused(&hs, t, "HS256");
	free(t);
	t = mint(JWT_ALG_HS512, SECRET, claims(""));
	expect_refused(&hs, t, "HS256");
	free(t);
	free(key);
}

/* HS256 with the RSA public key as HMAC secret: the classic forgery. */
static void
test_algorithm_confusion(void **state)
{
	char			*priv = read_file("tests/unit/keys/rsa.pem");
	char			*pub = read_file("tests/unit/keys/rsa.pub.pem");
	struct token_config	 rs = { JWT_ALG_RS256, (unsigned char *)pub,
	    strlen(pub), ISS, AUD, TOKEN_LEEWAY };
	char			*t;

	t = raw_token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claims(""),
	    (unsigned char *)pub, strlen(pub));
	expect_refused(&rs, t, "RS256");
	free(t);
	t = mint(JWT_ALG_RS256, priv, claims(""));
	expect_accepted(&rs, t);
	free(t);
	free(priv);
	free(pub);
}

static void
test_rs256_other_key_and_es256(void **state)
{
	char			*other = read_file("tests/unit/keys/rsa-other.pem");
	char			*pub = read_file("tests/unit/keys/rsa.pub.pem");
	char			*ecpriv = read_file("tests/unit/keys/ec.pem");
	char			*ecpub = read_file("tests/unit/keys/ec.pub.pem");
	struct token_config	 rs = { JWT_ALG_RS256, (unsigned char *)pub,
	    strlen(pub), ISS, AUD, TOKEN_LEEWAY };
	struct token_config	 es = { JWT_ALG_ES256, (unsigned char *)ecpub,
	    strlen(ecpub), ISS, AUD, TOKEN_LEEWAY };
	char			*t;

	t = mint(JWT_ALG_RS256, other, claims(""));
	expect_refused(&rs, t, "handtekening");
	free(t);
	t = mint(JWT_ALG_ES256, ecpriv, claims(""));
	expect_accepted(&es, t);
	expect_refused(&rs, t, "RS256");
	free(t);
	free(other);
	free(pub);
	free(ecpriv);
	free(ecpub);
}

static void
test_duplicate_claims(void **state)
{
	char	*t;

	t = raw_token("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
	    "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\",\"sub\":\"u1\","
	    "\"role\":\"aanleveraar\",\"org\":\"PT01\",\"exp\":1800000600,"
	    "\"role\":\"programma\"}",
	    (const unsigned char *)SECRET, strlen(SECRET));
	expect_refused(&hs, t, "dubbele");
	free(t);
}

static void
test_header_checks(void **state)
{
	char	*t;

	t = raw_token("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"crit\":[\"x\"]}",
	    claims(""), (const unsigned char *)SECRET, strlen(SECRET));
	expect_refused(&hs, t, "crit");
	free(t);
	t = raw_token("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
	    claims(""), (const unsigned char *)SECRET, strlen(SECRET));
	expect_refused(&hs, t, "typ");
	free(t);
}

static void
test_malformed(void **state)
{
	char	big[TOKEN_MAX_LEN + 2];

	expect_refused(&hs, "", "ontbreekt");
	expect_refused(&hs, "abc", "compacte");
	expect_refused(&hs, "a.b.c.d", "compacte");
	expect_refused(&hs, "!!!.e30.", "kop");
	expect_refused(&hs, "e30.e30.", "HS256");
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	expect_refused(&hs, big, "langer");
}

static void
test_no_key_refuses_everything(void **state)
{
	struct token_config	 nokey = { JWT_ALG_HS256, NULL, 0, ISS, AUD, 30 };
	char			*t = mint(JWT_ALG_HS256, SECRET, claims(""));

	expect_refused(&nokey, t, "sleutel");
	free(t);
}

static void
test_role_list(void **state)
{
	assert_true(token_role_known("aanleveraar"));
	assert_true(token_role_known("programma"));
	assert_true(token_role_known("opdrachtgever"));
	assert_true(token_role_known("onderzoeker"));
	assert_false(token_role_known("publiek"));
	assert_false(token_role_known("lakmoes_owner"));
	assert_false(token_role_known(""));
	assert_int_equal(token_alg_parse("RS256"), JWT_ALG_RS256);
	assert_int_equal(token_alg_parse("none"), JWT_ALG_INVAL);
}

/*
 * exp and nbf at the ends of a 64-bit integer: compared without overflow
 * (the sanitizer fails this test on signed overflow), far future accepted,
 * far past refused.
 */
static void
test_extreme_times(void **state)
{
	char	 buf[512], *t;

	snprintf(buf, sizeof(buf), "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":9223372036854775807,"
	    "\"nbf\":-9223372036854775807}");
	t = mint(JWT_ALG_HS256, SECRET, buf);
	expect_accepted(&hs, t);
	free(t);
	snprintf(buf, sizeof(buf), "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":-9223372036854775807}");
	t = mint(JWT_ALG_HS256, SECRET, buf);
	expect_refused(&hs, t, "verlopen");
	free(t);
	snprintf(buf, sizeof(buf), "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"u1\",\"role\":\"programma\",\"exp\":1800000600,\"nbf\":9223372036854775807}");
	t = mint(JWT_ALG_HS256, SECRET, buf);
	expect_refused(&hs, t, "nbf");
	free(t);
}

/* A refused token whose signature held names its subject; a forged one not. */
static void
test_subject_of_a_refused_token(void **state)
{
	struct token_claims	 c;
	char			 buf[512], why[256], *t;

	snprintf(buf, sizeof(buf), "{\"iss\":\"" ISS "\",\"aud\":\"" AUD "\","
	    "\"sub\":\"verlopen\",\"role\":\"programma\",\"exp\":%lld}", NOW - 3600);
	t = mint(JWT_ALG_HS256, SECRET, buf);
	assert_int_equal(token_verify(&hs, t, (time_t)NOW, &c, why, sizeof(why)), 0);
	assert_string_equal(c.sub, "verlopen");
	token_claims_clear(&c);
	free(t);
	t = mint(JWT_ALG_HS256, "another-secret-of-at-least-32-bytes!!", claims(""));
	assert_int_equal(token_verify(&hs, t, (time_t)NOW, &c, why, sizeof(why)), 0);
	assert_string_equal(c.sub, "");
	token_claims_clear(&c);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_valid_hs256),
		cmocka_unit_test(test_aud_array_and_nbf),
		cmocka_unit_test(test_expired),
		cmocka_unit_test(test_extreme_times),
		cmocka_unit_test(test_subject_of_a_refused_token),
		cmocka_unit_test(test_exp_missing_or_wrong_type),
		cmocka_unit_test(test_nbf_future_and_wrong_type),
		cmocka_unit_test(test_wrong_issuer_audience),
		cmocka_unit_test(test_roles_and_org),
		cmocka_unit_test(test_forged_and_tampered),
		cmocka_unit_test(test_alg_none),
		cmocka_unit_test(test_other_algorithms),
		cmocka_unit_test(test_algorithm_confusion),
		cmocka_unit_test(test_rs256_other_key_and_es256),
		cmocka_unit_test(test_duplicate_claims),
		cmocka_unit_test(test_header_checks),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_no_key_refuses_everything),
		cmocka_unit_test(test_role_list),
	};

	return (cmocka_run_group_tests_name("token", tests, NULL, NULL));
}
