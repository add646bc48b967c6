/*
 * A Kore 4.1 hello world with the same settings as the API (2 workers, no
 * access log, the same seccomp allowances): the baseline for bench/run.sh.
 */

#include <kore/kore.h>
#include <kore/http.h>
#include <kore/seccomp.h>

int	page_hello(struct http_request *);

KORE_SECCOMP_FILTER("hello",
	KORE_SYSCALL_ALLOW(newfstatat),
	KORE_SYSCALL_ALLOW(mremap),
);

int
page_hello(struct http_request *req)
{
	static const char	body[] = "{\"status\":\"ok\"}";

	http_response_header(req, "content-type", "application/json");
	http_response(req, 200, body, sizeof(body) - 1);
	return (KORE_RESULT_OK);
}
