#!/usr/bin/env python3
"""Prints a development JWT (HS256) for Lakmoes.

The secret, issuer and audience come from the environment
(LAKMOES_JWT_SECRET, LAKMOES_JWT_ISSUER, LAKMOES_JWT_AUDIENCE), which
scripts/token.sh fills from conf/dev.env. Development only.
"""
import argparse
import os
import sys
import time

import jwt

ROLES = ("aanleveraar", "programma", "opdrachtgever", "onderzoeker")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--role", required=True, choices=ROLES)
    ap.add_argument("--org", default="")
    ap.add_argument("--sub", default="")
    ap.add_argument("--ttl", type=int, default=3600)
    a = ap.parse_args()
    if a.role == "aanleveraar" and not a.org:
        sys.exit("ORG is required for aanleveraar (the proeftuin or region code)")
    now = int(time.time())
    claims = {
        "iss": os.environ["LAKMOES_JWT_ISSUER"],
        "aud": os.environ["LAKMOES_JWT_AUDIENCE"],
        "sub": a.sub or f"dev-{a.role}",
        "role": a.role,
        "iat": now,
        "exp": now + a.ttl,
    }
    if a.org:
        claims["org"] = a.org
    print(jwt.encode(claims, os.environ["LAKMOES_JWT_SECRET"], algorithm="HS256"))


if __name__ == "__main__":
    main()
