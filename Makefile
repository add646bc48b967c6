# Lakmoes: build, run and test. See README.md.
#   make run     set up (packages, private PostgreSQL, migrations) and serve
#   make test    every test suite on a throw-away cluster
#   make token ROLE=programma [ORG=…] [SUB=…] [TTL=3600]
#   make psql    SQL shell on the private database

CC		?= cc
KORE_FEATURES	:= $(shell cat /usr/share/kore/features 2>/dev/null)
CFLAGS		+= -O2 -g -fPIC -std=c99 -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64 \
		   -Wall -Wextra -Werror -Wno-unused-parameter \
		   -Wmissing-prototypes -Wstrict-prototypes -Wshadow \
		   -Iinclude
LDLIBS		+= -ljansson -ljwt -lpq -lxlsxwriter -lxxhash -lz

MODULE		:= lakmoes.so
SRCS		:= $(wildcard api/*.c)
OBJS		:= $(SRCS:.c=.o)
OPENAPI		:= api/openapi.json

# Sources without Kore: linked into the unit tests as they are.
PURE_SRCS	:= api/token.c api/problem.c api/sqlstate.c api/body.c api/b64url.c api/negotiate.c \
		   api/query.c api/sqlbind.c api/csv.c api/buf.c
UNIT_SRCS	:= $(wildcard tests/unit/test_*.c)
UNIT_BINS	:= $(UNIT_SRCS:.c=)
# The unit tests run under AddressSanitizer (with its leak check) and
# UndefinedBehaviorSanitizer: an overflow, a use after free, a leak or
# undefined behaviour in the code under test fails the test. The runtimes
# come with gcc (libasan8 and libubsan1 are dependencies of libgcc-12-dev).
UNIT_SANITIZE	:= -fsanitize=address,undefined -fno-sanitize-recover=all \
		   -fno-omit-frame-pointer

all: $(MODULE)

$(MODULE): $(OBJS)
	@echo "LD $@"
	@$(CC) -shared -o $@ $(OBJS) $(LDLIBS)

api/%.o: api/%.c include/lakmoes.h
	@echo "CC $<"
	@$(CC) $(CFLAGS) $(KORE_FEATURES) -c $< -o $@

api/openapi.o: api/openapi.c $(OPENAPI) include/lakmoes.h
	@echo "CC $<"
	@$(CC) $(CFLAGS) $(KORE_FEATURES) -DLAKMOES_OPENAPI_FILE='"$(OPENAPI)"' -c $< -o $@

tests/unit/test_%: tests/unit/test_%.c $(PURE_SRCS) include/lakmoes.h Makefile
	@echo "CC $<"
	@$(CC) $(CFLAGS) $(UNIT_SANITIZE) -o $@ $< $(PURE_SRCS) -lcmocka -ljansson -ljwt -lcrypto

deps:
	@scripts/deps.sh run

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/serve.sh

test:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory all unit-bins
	@scripts/test.sh

unit-bins: $(UNIT_BINS)

token:
	@scripts/token.sh "$(ROLE)" "$(ORG)" "$(SUB)" "$(TTL)"

psql:
	@scripts/db.sh start .local >/dev/null 2>&1 || true
	@psql "$${LAKMOES_DATABASE_URL:-$$(cat .local/database.url)}"

bench:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@bench/run.sh

bench-load:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@bench/load.sh

bench-monitor:
	@scripts/deps.sh bench
	@$(MAKE) --no-print-directory all
	@bench/monitor.sh

fuzz:
	@scripts/deps.sh test
	@$(MAKE) --no-print-directory all
	@tests/fuzz/run.sh $(N)

clean:
	rm -f $(OBJS) $(MODULE) $(UNIT_BINS)

.PHONY: all deps run test unit-bins token psql bench bench-load bench-monitor fuzz clean
