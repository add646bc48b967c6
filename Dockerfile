# The Lakmoes API on Debian 12 (Kore 4.1 from Debian), for docker-compose.yml.
# The same module and configuration as `make run`; the database is the
# compose service "db" (or any LAKMOES_DATABASE_URL).
FROM debian:12-slim

RUN apt-get update && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        gcc make libc6-dev kore libjansson-dev libjwt-dev libpq-dev libxlsxwriter-dev libxxhash-dev zlib1g-dev \
        nodejs npm \
        postgresql-client-15 coreutils util-linux && \
    rm -rf /var/lib/apt/lists/*

WORKDIR /srv/lakmoes
COPY Makefile ./
COPY api ./api
COPY include ./include
COPY conf ./conf
COPY sql ./sql
COPY scripts ./scripts
COPY web ./web
# the dashboard's npm packages, from web/package-lock.json
RUN make all && scripts/web.sh && useradd --system --home-dir /srv/lakmoes lakmoes
ENV LAKMOES_WEB_DIR=/srv/lakmoes/web

EXPOSE 8080
ENTRYPOINT ["scripts/docker-entrypoint.sh"]
