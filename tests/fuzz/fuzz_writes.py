#!/usr/bin/env python3
"""Fuzzer for every write body of the Lakmoes API.

Sends mutated bodies to every write (observations as JSON and CSV, with and
without ?proefrun=true; the answers of a delivery; targets; the indicator
catalogue; every register, create and update; the trial run of a half-year
report) and checks, for every answer and for the server as a whole:

  5xx          no answer is a 5xx
  problem      every 4xx/5xx is application/problem+json with a matching
               status (and a 2xx of a write is application/json)
  invalid      a 400 names its problems (invalidParams is non-empty)
  crash        the Kore workers (children of the parent in kore.pid) keep
               their pids, and kore.log gets no "gone"/"died" line; a
               request that got no answer at all is counted here too
  exactness    what an accepted write stored in PostgreSQL is the number
               that was sent: equal as decimal.Decimal (never a float) and,
               unless the number was written with an exponent, the same
               digits after only the documented changes of form (CSV: "+",
               leading zeros, ".5", "5.", spaces, a decimal comma in a
               semicolon file; "-0" is 0; a numeric(14,2) column shows two
               decimals). Checked for observations (the latest revision of
               a fresh key), targets, amounts in the budget, doelgroep
               estimates, indicator bounds and the numbers of answers.
  proefrun     a trial load stores nothing
  accepted     an accepted write whose body is not what the API documents
               (a non-number accepted as a number, JSON that is no JSON):
               the stored value cannot be what was sent

Only the standard library and python3-jwt. Configuration from the
environment (scripts/env.sh exports the LAKMOES_JWT_* variables) or options:

  LAKMOES_FUZZ_URL     base URL of the server (http://127.0.0.1:PORT)
  LAKMOES_FUZZ_STATE   the server's state directory: database.url (owner
                       connection, for psql), kore.pid, kore.log

  fuzz_writes.py [--requests N] [--seed S] [--threads T] [--out DIR]

The seed is printed; the same seed and thread count send the same bodies
(server answers such as ids and ETags aside). Exit status 1 when any check
failed. See tests/fuzz/README.md.
"""
import argparse
import collections
import decimal
import faulthandler
import http.client
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import zlib

import jwt

D = decimal.Decimal

# --------------------------------------------------------------------------
# JSON with raw tokens, duplicate keys and any whitespace

class Raw:
    """Emitted as is: a number token, invalid JSON, bytes that are no UTF-8."""
    __slots__ = ("b",)

    def __init__(self, text):
        self.b = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text

    def __repr__(self):
        return "Raw(%r)" % self.b


class Obj:
    """A JSON object as a list of pairs: keys may repeat, order is kept."""
    __slots__ = ("pairs",)

    def __init__(self, pairs=()):
        self.pairs = [list(p) for p in pairs]

    def get(self, k, default=None):
        for kk, v in self.pairs:
            if kk == k:
                return v
        return default

    def has(self, k):
        return any(kk == k for kk, _ in self.pairs)

    def set(self, k, v):
        for p in self.pairs:
            if p[0] == k:
                p[1] = v
                return
        self.pairs.append([k, v])

    def remove(self, k):
        self.pairs = [p for p in self.pairs if p[0] != k]

    def keys(self):
        return [k for k, _ in self.pairs]


def jstr(s, ascii_only):
    try:
        return json.dumps(s, ensure_ascii=ascii_only).encode("utf-8")
    except UnicodeEncodeError:          # a lone surrogate: only as an escape
        return json.dumps(s, ensure_ascii=True).encode("utf-8")


class Style:
    """How one body is written: separators, indentation, escapes."""

    def __init__(self, rng):
        r = rng.random()
        if r < 0.5:
            self.item, self.key, self.nl = b",", b":", None
        elif r < 0.8:
            self.item, self.key, self.nl = b", ", b": ", None
        elif r < 0.95:
            self.item, self.key, self.nl = b",", b": ", b"\n  "
        else:
            ws = rng.choice([b" \t", b"\r\n", b"\n\n ", b"\t"])
            self.item, self.key, self.nl = ws + b"," + ws, ws + b":" + ws, None
        self.ascii = rng.random() < 0.3


def emit(v, st):
    if isinstance(v, Raw):
        return v.b
    if isinstance(v, Obj):
        parts = [jstr(k, st.ascii) if not isinstance(k, Raw) else k.b for k, _ in v.pairs]
        inner = (st.item + (st.nl or b"")).join(k + st.key + emit(x, st) for k, (_, x) in zip(parts, v.pairs))
        return b"{" + (st.nl or b"") + inner + b"}"
    if isinstance(v, list):
        return b"[" + (st.item + (st.nl or b"")).join(emit(x, st) for x in v) + b"]"
    if isinstance(v, str):
        return jstr(v, st.ascii)
    if v is None or isinstance(v, (bool, int)):
        return json.dumps(v).encode()
    raise TypeError(type(v))


# --------------------------------------------------------------------------
# Reading back what was sent: strict JSON and CSV, numbers as their text

class NumText(str):
    """A JSON number as the text of its token."""


class NotDocumented(ValueError):
    """The body is not what the API documents; why in args[0]."""


def strict_json(body):
    """The document as RFC 8259 reads it, numbers as NumText; duplicate
    keys, NaN/Infinity, bytes that are no UTF-8 raise NotDocumented."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise NotDocumented("geen UTF-8: %s" % e)

    def pairs(ps):
        ks = [k for k, _ in ps]
        if len(set(ks)) != len(ks):
            raise NotDocumented("dubbele sleutel")
        return dict(ps)

    def constant(c):
        raise NotDocumented("JSON kent %s niet" % c)
    try:
        return json.loads(text, object_pairs_hook=pairs, parse_float=NumText, parse_int=NumText,
                          parse_constant=constant)
    except NotDocumented:
        raise
    except json.JSONDecodeError as e:
        raise NotDocumented("geen JSON: %s, at %r" % (e, text[e.pos:e.pos + 12]))
    except (ValueError, RecursionError) as e:
        raise NotDocumented("geen JSON: %s" % e)


def ref_csv(body):
    """RFC 4180 as README and api/csv.c document it: ',' or ';' (told by the
    header line, the first that is not blank, up to its CR or LF: ';' and no
    ','), quotes doubled, CRLF/LF/CR, a UTF-8 BOM, blank lines are no rows.
    Returns (delimiter, [(line, [bytes fields])])."""
    skip = 3 if body.startswith(b"\xef\xbb\xbf") else 0
    head = next((x for x in re.split(b"[\r\n]", body[skip:]) if x), b"")
    delim = ord(";") if (b";" in head and b"," not in head) else ord(",")
    rows, row, field = [], [], bytearray()
    line, start = 1, 1
    state = "start"         # start, plain, quoted, quote
    after_cr = False

    def end_row():
        nonlocal row, line
        if not (len(row) == 1 and len(row[0]) == 0):
            rows.append((start, row))
        row = []
        line += 1

    for c in body[skip:]:
        if after_cr:
            after_cr = False
            if c == 10:
                continue
        if state == "start" and not row:
            start = line
        if state == "start":
            if c == 34:
                state = "quoted"
                continue
            state = "plain"
        if state == "plain":
            if c == delim:
                row.append(bytes(field)); field.clear(); state = "start"
            elif c in (13, 10):
                row.append(bytes(field)); field.clear(); state = "start"
                after_cr = c == 13
                end_row()
            elif c == 34:
                raise NotDocumented("aanhalingsteken midden in een veld (regel %d)" % line)
            else:
                field.append(c)
        elif state == "quoted":
            if c == 34:
                state = "quote"
            else:
                if c == 10:
                    line += 1
                field.append(c)
        elif state == "quote":
            if c == 34:
                field.append(c); state = "quoted"
            elif c == delim:
                row.append(bytes(field)); field.clear(); state = "start"
            elif c in (13, 10):
                row.append(bytes(field)); field.clear(); state = "start"
                after_cr = c == 13
                end_row()
            else:
                raise NotDocumented("tekst na een aanhalingsteken (regel %d)" % line)
    if state == "quoted":
        raise NotDocumented("aanhalingsteken niet gesloten")
    if state in ("plain", "quote") or (state == "start" and row):
        row.append(bytes(field))
        end_row()
    return chr(delim), rows


CSV_COLUMNS = ("indicator", "gebied", "periode", "waarde", "teller", "noemer", "status", "bron")
PLAIN = re.compile(r"([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?")
JSON_NUM = re.compile(r"(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?")


def read_number(text, form):
    """A number as the API documents it, for form 'json', 'csv,' or 'csv;':
    returns (Decimal, the digits PostgreSQL should show or None when written
    with an exponent); raises NotDocumented for text that is no number."""
    if form == "json":
        m = JSON_NUM.fullmatch(text)
    else:
        t = text.strip(" ")
        if form == "csv;" and t.count(",") == 1 and "." not in t:
            t = t.replace(",", ".")
        m = PLAIN.fullmatch(t)
        if m and not (m.group(2) or m.group(3)):
            m = None            # no digit before or after the point
    if not m:
        raise NotDocumented("geen getal: %r" % text[:80])
    sign, ip, fp, ex = m.groups()
    value = D((sign or "") + (ip or "0") + ("." + fp if fp else "") + ("e" + ex if ex else ""))
    if ex is not None:
        return value, None
    return value, (sign, ip or "", fp or "")


def expected_text(parts, scale=None):
    sign, ip, fp = parts
    ip = ip.lstrip("0") or "0"
    if scale is not None:
        fp = fp[:scale] if len(fp) > scale else fp.ljust(scale, "0")
    zero = set(ip + fp) <= {"0"}
    return ("-" if sign == "-" and not zero else "") + ip + ("." + fp if fp else "")


def compare(sent, stored, form, scale=None):
    """None when stored (PostgreSQL's text, None for NULL) is what was sent
    (NumText/str, or None for null/empty); else the reason."""
    if sent is None:
        return None if stored is None else "verstuurd: leeg; opgeslagen: %s" % stored
    if stored is None:
        return "verstuurd: %s; opgeslagen: NULL" % short(sent)
    try:
        value, parts = read_number(sent, form)
    except NotDocumented as e:
        return "aanvaard terwijl het %s is; opgeslagen: %s" % (e, short(stored))
    try:
        got = D(stored)
    except decimal.InvalidOperation:
        return "opgeslagen tekst is geen getal: %r" % stored
    if got != value or got.is_nan():
        return "numeriek anders: verstuurd %s, opgeslagen %s" % (short(sent), short(stored))
    if parts is not None and stored != expected_text(parts, scale):
        return "cijfers anders: verstuurd %s, verwacht %s, opgeslagen %s" % (
            short(sent), short(expected_text(parts, scale)), short(stored))
    return None


def short(s, n=120):
    s = str(s)
    return s if len(s) <= n else s[:n // 2] + "...(%d)..." % len(s) + s[-n // 2:]


# --------------------------------------------------------------------------
# Value pools

def _pool_json_numbers():
    return ["0", "-0", "0.0", "-0.0", "1", "-1", "12.3", "0.1", "1E+2", "1e2", "1E2", "1e-2", "1.5e1",
            "-1e-2", "1e308", "-1e308", "1e309", "1e400", "-1e400", "1e-400", "1e-99999", "1e99999",
            "1e+99999", "0e99999", "0e-99999", "1.7976931348623157e308", "1.7976931348623159e308",
            "4.9e-324", "5e-324", "2.2250738585072014e-308", "1e1000", "1e1001", "1e-1000", "1e-1001",
            "9" * 15, "9" * 16, "9" * 20, "9" * 400, "9" * 999, "9" * 1000, "9" * 1001, "1" + "0" * 1000,
            "0." + "0" * 998 + "1", "0." + "0" * 1000 + "1", "0." + "1" * 1500, "1" + "0" * 20000,
            "123456789012345678901234567890.123456789012345678901234567890",
            "18446744073709551615", "18446744073709551616", "9223372036854775807",
            "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "20000000",
            "20000000.0", "20000000.000000000001", "20000001", "19999999.999999999999999", "100",
            "100.0", "100.00000000000000000001", "99.999999999999999999999", "10", "10.000000000000001",
            "6575", "6575.5", "1000000000000", "999999999999999", "1000000000000000",
            "999999999999999.99", "999999999999.99", "999999999999.999", "0.5", "0.05", "1e0", "1E-0",
            "1e+0", "-0e0", "100e-2", "12.30", "0.000", "1e15", "-1e15", "123.456", "0.125",
            "1.1e-1", "-12.5", "2015", "2035", "2014", "2036", "2024.0", "2.024e3", "3", "7", "0.99",
            "1" * 17, "-" + "9" * 30]


JSON_NUMBERS = _pool_json_numbers()
BAD_NUMBER_TOKENS = ["NaN", "-NaN", "+NaN", "nan", "NAN", "Infinity", "-Infinity", "+Infinity", "infinity",
                     "inf", "-inf", "Inf", "+1", "+0", ".5", "-.5", "5.", "01", "-01", "00", "0x10", "0X1F",
                     "1_000", "1,5", "1e", "1e+", "1e-", "1E+-2", "--1", "-", "+", "1.2.3", "0b101", "1e1.5",
                     "\u0661\u0662", "\uff11\uff12", "\u00bd", "1 000", "0.", "-0.", ".e5", "e5", "1ee5",
                     "1e5e5", "\u221e", "1n", "1L", "1f", "0o17", "NaN1", "Infinity1", "nul", "nulll", "tru",
                     "fals", "undefined", "None", "True", "'1'", "0.1.", "1e99999999999999999999"]
NUMBERS_AS_STRINGS = ["NaN", "Infinity", "-Infinity", "nan", "inf", "12.3", "1e400", "-0", " 5", "5 ", "",
                      "0x10", "1,5", "12,5", "1E+2", "20000001", "+5", "\u0661\u0662", "5", "0", "100",
                      "1e-400", "9" * 40]
CSV_NUMBERS = ["NaN", "nan", "NAN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "INF",
               "infinity", "1e999", "1e400", "1e-400", "1e-99999", "1e99999", "0x10", "1_000", "1 000",
               "1.000,5", "1,000.5", "12,5", "12.5", "+.5", "-.5", ".5", "5.", "+5", "007", "-007", "00",
               "0", "-0", "+0", "0.0", "-0.0", "1E+2", "1e2", "1.5E1", ".", "+.", "-.", ".e5", "e5", "+-5",
               "-+5", "++5", "--5", "+-0.5", "5.e3", ",5", "5,", "1,2,3", "1.2.3", " 5 ", "  12.3",
               "12.3  ", "\t5", "5\t", "\u0661\u0662", "\uff11\uff12", "\u00bd", "  ", "1e1000", "1e1001",
               "9" * 1001, "0." + "0" * 998 + "1", "20000000", "20000001", "100", "100.0000000001",
               "99,99999999999999999", "0,000", "-,5", "+,5", "5,e3", "1e+", "0e0", ".0", "0.", "-0.",
               "00.50", "000", "+000.000", "1E-2", "1.e1", "\u00a05", "5\u00a0", "1\u20092"]
# text PostgreSQL cannot compress much: a long one does not fit in an index entry
NOISE = "".join(random.Random(0).choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(9000))
NASTY_STRINGS = [NOISE, NOISE[:2700], "", " ", "   ", "\t", "\x00", "a\x00b", "\x01\x02\x1f", "\x7f", "\u0085", "\u2028\u2029",
                 "\ufeff", "\ud800", "\udfff", "\ud83d", "\U0001F600" * 10, "\u00e9", "e\u0301", "\u202e",
                 "'; DROP TABLE x; --", "\" OR 1=1", "\\", "\\u0000", "%00", "${jndi:ldap://x}",
                 "<script>alert(1)</script>", "bel 06-12345678", "j.jansen@example.nl", "bsn 111222333",
                 "x" * 70000, "\u0436" * 40000, "y" * 300, "NaN", "null", "true", "0", "-0", "1e400",
                 "GM0014", "BM_KINDEREN", "2024-Q1", "2024-Q5", "2035", "2099", "1900", "voorlopig",
                 "VOORLOPIG", " voorlopig", "voorlopig ", "AL1", "al1", "V1", "PT01", "2025-02-30",
                 "infinity", "-infinity", "epoch", "today", "NL", "nl", "GM00140", "GM9999", "\u200b",
                 "a\r\nb", "\x1b[31m", "%s%s%n", "{}", "[]", "\"", "'", "$1", "?", "\u0000abc",
                 "\U0010ffff", "\ufffd", "\ufffe", "\uffff", "\U000e0041"]
RAW_STRINGS = [b'"\xff"', b'"\xc3"', b'"\xed\xa0\x80"', b'"\xf4\x90\x80\x80"', b'"\xc0\x80"', b'"\x00"',
               b'"a\x00b"', b'"\x01"', b'"\x1f"', b'"\\u0000"', b'"\\ud800"', b'"\\udc00\\ud800"',
               b'"\\x41"', b'"\\u12"', b'"\\uZZZZ"', b'"abc', b"'abc'", b'"\\"', b'"\x80abc"',
               b'"\xe2\x82"', b'"\xf0\x9f\x98"', b'"\xfe\xff"', b'"\\/"', b'"\\u00"', b'"\t"', b'"\n"',
               b'"\x7f"', b'"\\ud83d\\ude00"', b'"\\uDBFF\\uDFFF"', b'"\xef\xbb\xbf"', b'"\\U0001F600"']
DATES = ["2025-03-01", "2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31", "-infinity", "infinity",
         "epoch", "today", "2025-1-1", "20250101", "2025-03-01T00:00:00Z", "2025-03-01 ", " 2025-03-01",
         "2025/03/01", "1e400", "NaN", "2020-12-31", "2021-01-01", "2035-12-31", "2024-02-29",
         "2023-02-29", "01-03-2025", "J2451187", "January 8, 99 BC", "1999-01-08 04:05:06+02",
         "294277-01-01", "5874898-01-01", "-4713-11-24", "2025-03-01\x00", "allballs", "tomorrow"]
PERIODS_BAD = ["2024-Q5", "2024-Q0", "2024-q1", " 2024", "2024-Q1 ", "2024Q1", "24", "2036", "2014", "1e3",
               "202\uff14", "2024-H3", "2024-h1", "2024-H", "2024-", "-2024", "2024-Q1\x00", "2024.0",
               "2099-Q1", "2026-Q4", "2026-H2", "2027", "2015-Q1", "2015-H1", "2024-W01", "2024-01"]
UNKNOWN_KEYS = ["kleur", "_plek", "", " ", "waarde ", "Waarde", "WAARDE", "\u0000", "id", "versie", "sleutel",
                "geheimhouding", "revisie", "aanlevering", "gewijzigdOp", "__proto__", "constructor",
                "k" * 5000, "\ud800", "indicator\u0000", "$ref", "recorded_by", "teller ", "_"]


def deep(rng):
    d = rng.choice([2, 31, 32, 33, 64, 100, 1000, 10000, 100000])
    if rng.random() < 0.5:
        return Raw("[" * d + "]" * d)
    return Raw('{"a":' * d + "1" + "}" * d)


def nasty_value(rng):
    r = rng.random()
    if r < 0.30:
        return Raw(rng.choice(JSON_NUMBERS))
    if r < 0.45:
        return Raw(rng.choice(BAD_NUMBER_TOKENS))
    if r < 0.55:
        return rng.choice(NUMBERS_AS_STRINGS)
    if r < 0.72:
        return rng.choice(NASTY_STRINGS)
    if r < 0.80:
        return Raw(rng.choice(RAW_STRINGS))
    if r < 0.86:
        return rng.choice([None, True, False, [], Obj(), [1], Obj([("a", 1)]), [None], ["x"], [Raw("1e400")]])
    if r < 0.90:
        return deep(rng)
    if r < 0.95:
        return rng.choice(DATES)
    return rng.choice(PERIODS_BAD)


# --------------------------------------------------------------------------
# Valid numbers in every documented spelling

UNIT_BOUND = {"aantal": D(20000000), "percentage": D(100), "score": D(10), "dagen": D(6575),
              "euro": D(10) ** 12}


def rand_decimal(rng, lo, hi, whole=False, max_frac=25):
    """A Decimal in [lo, hi] with varied digits."""
    r = rng.random()
    if r < 0.08:
        v = lo
    elif r < 0.16:
        v = hi
    elif r < 0.30:
        v = D(rng.randint(0, 10))
    else:
        span = hi - lo
        scale = rng.choice([1, 1, 10, 1000, 10 ** 6])
        v = lo + span * D(rng.randint(0, scale)) / D(scale) if scale > 1 else lo + span * D(rng.random())
        v = v.to_integral_value(rounding=decimal.ROUND_FLOOR)
        if not whole:
            nf = rng.choice([0, 1, 1, 2, 3, 5, 10, 19, max_frac])
            if nf:
                frac = "".join(rng.choice("0123456789") for _ in range(nf))
                v = D("%s.%s" % (plain(v), frac))
    if v > hi:
        v = hi
    if v < lo:
        v = lo
    if whole:
        v = v.to_integral_value(rounding=decimal.ROUND_FLOOR)
        if rng.random() < 0.1:
            v = D("%s.%s" % (plain(v), "0" * rng.randint(1, 4)))   # 12.0 is whole too
    elif rng.random() < 0.1 and "." in plain(v):
        v = D(plain(v) + "0" * rng.randint(1, 3))         # trailing zeros stay
    return v


def plain(v):
    s = format(v, "f")
    return s


def spell_json(rng, v):
    """A JSON token for the Decimal v: plain, or with an exponent."""
    s = plain(v)
    r = rng.random()
    if r < 0.65:
        return s
    if r < 0.7 and v == 0:
        return rng.choice(["-0", "-0.0", "0e5", "0E-3", "0.000"])
    k = rng.randint(-6, 6)
    m = plain(v.scaleb(-k))
    if m.startswith("-"):
        m = m[1:]
        sign = "-"
    else:
        sign = ""
    if m.startswith("0") and len(m) > 1 and m[1] != ".":
        m = m.lstrip("0") or "0"
    return sign + m + rng.choice(["e", "E"]) + rng.choice(["", "+"] if k >= 0 else [""]) + str(k)


def spell_csv(rng, v, delim):
    """A CSV field for v, in every form README documents."""
    s = spell_json(rng, v)
    r = rng.random()
    if r < 0.15 and not s.startswith("-"):
        s = "+" + s
    elif r < 0.25 and not s.startswith("-"):
        s = "0" * rng.randint(1, 3) + s
    elif r < 0.32 and s.startswith("0.") and "e" not in s.lower():
        s = s[1:]
    elif r < 0.38 and re.fullmatch(r"[0-9]+", s):
        s = s + "."
    elif r < 0.45:
        s = " " * rng.randint(1, 3) + s + " " * rng.randint(0, 2)
    if delim == ";" and "." in s and not s.rstrip(" ").endswith(".") and rng.random() < 0.6:
        s = s.replace(".", ",")
    return s


# --------------------------------------------------------------------------
# Mutations of a document, of its bytes, and of its envelope

def setf(row, i, v):
    """Sets field i of a CSV row that may have lost fields to a mutation."""
    if 0 <= i < len(row):
        row[i] = v


def walk(v):
    """Every (container, index) slot under v."""
    out = []
    if isinstance(v, Obj):
        for i, p in enumerate(v.pairs):
            out.append((v, i))
            out.extend(walk(p[1]))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out.append((v, i))
            out.extend(walk(x))
    return out


def get_slot(c, i):
    return c.pairs[i][1] if isinstance(c, Obj) else c[i]


def set_slot(c, i, v):
    if isinstance(c, Obj):
        c.pairs[i][1] = v
    else:
        c[i] = v


def mutate_doc(rng, doc, number_fields=()):
    """One change to the document tree; returns the (maybe new) root."""
    slots = walk(doc)
    objs = [doc] if isinstance(doc, Obj) else []
    objs += [get_slot(c, i) for c, i in slots if isinstance(get_slot(c, i), Obj)]
    m = rng.random()
    if m < 0.28 and slots:                                  # a value replaced
        c, i = rng.choice(slots)
        set_slot(c, i, nasty_value(rng))
    elif m < 0.45 and objs:                                 # a number field made nasty
        o = rng.choice(objs)
        nf = [k for k in o.keys() if k in number_fields] or o.keys()
        if nf:
            k = rng.choice(nf)
            r = rng.random()
            o.set(k, Raw(rng.choice(JSON_NUMBERS)) if r < 0.5 else Raw(rng.choice(BAD_NUMBER_TOKENS))
                  if r < 0.8 else rng.choice(NUMBERS_AS_STRINGS))
    elif m < 0.55 and objs:                                 # a field dropped
        o = rng.choice(objs)
        if o.pairs:
            del o.pairs[rng.randrange(len(o.pairs))]
    elif m < 0.64 and objs:                                 # an unknown field
        o = rng.choice(objs)
        o.pairs.insert(rng.randint(0, len(o.pairs)), [rng.choice(UNKNOWN_KEYS), nasty_value(rng)])
    elif m < 0.72 and objs:                                 # a duplicate key
        o = rng.choice(objs)
        if o.pairs:
            k, v = rng.choice(o.pairs)
            o.pairs.insert(rng.randint(0, len(o.pairs)), [k, v if rng.random() < 0.5 else nasty_value(rng)])
    elif m < 0.76 and objs:                                 # long incompressible text in a text field
        texts = [(o, p) for o in objs for p in o.pairs if isinstance(p[1], str)]
        if texts:
            o, p = rng.choice(texts)
            p[1] = rng.choice([NOISE, NOISE[:3000], NOISE * 4])
    elif m < 0.80 and objs:                                 # types swapped
        o = rng.choice(objs)
        if o.pairs:
            p = rng.choice(o.pairs)
            v = p[1]
            if isinstance(v, Raw):
                p[1] = v.b.decode("utf-8", "replace")        # a number as a string
            elif isinstance(v, str):
                p[1] = Raw(rng.choice(["1", "0", "-1", "12.5", "1e400", "true", "null", "[]", "{}"]))
            else:
                p[1] = rng.choice(["", "x", [v], Obj([("v", v)])])
    elif m < 0.84 and slots:                                # deep nesting in a value
        c, i = rng.choice(slots)
        set_slot(c, i, deep(rng))
    elif m < 0.88:                                          # the whole document replaced or wrapped
        doc = rng.choice([[doc], Obj([("data", doc)]), None, Raw("1"), "x", Raw("[]"), Raw("{}"), [],
                          Obj(), [None], [[]], Raw("true"), deep(rng)])
    elif m < 0.93 and objs:                                 # every field null
        o = rng.choice(objs)
        for p in o.pairs:
            p[1] = None
    elif objs:                                              # a very long string
        o = rng.choice(objs)
        if o.pairs:
            p = rng.choice(o.pairs)
            p[1] = rng.choice(["x" * rng.choice([1000, 70000, 300000]), "\u00e9" * 50000,
                               "\U0001F600" * 20000, ("a\\" * 100), NOISE, NOISE * 8])
    return doc


def mutate_bytes(rng, b):
    """One change to the bytes of a body."""
    m = rng.random()
    n = len(b)
    if m < 0.18 and n > 1 and not b[-1:].isspace():         # truncated (never a valid prefix)
        return b[:rng.randrange(1, n)], True
    if m < 0.30:                                            # bytes inserted
        ins = rng.choice([b"\x00", b"\xff", b"\x80", b"\xc3", b"\xed\xa0\x80", b"\x01", b"\x1f", b"\x7f",
                          b"\r", b"\n", b"\t", b"\x0b", b"\x0c", b"\xc2\xa0", b"\xe2\x80\xa8", b"\"",
                          b"\\", b",", b"]", b"}", b"[", b"{", b":", b"'", b";", b"/*x*/", b"//\n",
                          bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))])
        i = rng.randint(0, n)
        return b[:i] + ins + b[i:], False
    if m < 0.40 and n:                                      # a byte changed
        i = rng.randrange(n)
        return b[:i] + bytes([b[i] ^ (1 << rng.randrange(8))]) + b[i + 1:], False
    if m < 0.48 and n > 2:                                  # a span removed
        i = rng.randrange(n)
        j = min(n, i + rng.randint(1, 20))
        return b[:i] + b[j:], False
    if m < 0.55 and n > 2:                                  # a span repeated
        i = rng.randrange(n)
        j = min(n, i + rng.randint(1, 40))
        return b[:j] + b[i:j] * rng.randint(1, 3) + b[j:], False
    if m < 0.68:                                            # a number token replaced in the text
        nums = list(re.finditer(rb"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", b))
        if nums:
            x = rng.choice(nums)
            tok = rng.choice(JSON_NUMBERS + BAD_NUMBER_TOKENS).encode("utf-8")
            return b[:x.start()] + tok + b[x.end():], False
        return b + b"1", False
    if m < 0.72:
        return b"\xef\xbb\xbf" + b, False                   # a byte order mark
    if m < 0.77:
        return b + rng.choice([b" x", b"]", b"}", b"[]", b"{}", b"\x00", b",", b"\n[1]", b" null",
                               b"\n\n\n", b" \t\r\n"]), False
    if m < 0.81:
        return b.decode("utf-8", "replace").encode(rng.choice(["utf-16", "utf-16-le", "utf-32",
                                                               "latin-1"]), "replace"), False
    if m < 0.86:
        return b.replace(b'"', b"'"), False
    if m < 0.91:
        return rng.choice([b"", b" ", b"\n", b"null", b"true", b"0", b'""', b"[", b"{", b"]",
                           b"\x00", b"\xef\xbb\xbf", b"[]", b"{}", b"[{}]", b"[null]", b"[[]]",
                           b"[1,2,3]", b'"[]"', b"\xff\xfe", b"\r\n"]), False
    if m < 0.95 and n > 2:                                  # a span swapped with another
        i, j = sorted(rng.sample(range(n), 2))
        return b[:i] + b[j:j + 5] + b[i + 5:j] + b[i:i + 5] + b[j + 5:], False
    return b + b, False                                     # twice


JSON_TYPES = ["application/json", "application/json", "application/json; charset=utf-8",
              "application/json;charset=UTF-8", "application/json; charset=latin1", "APPLICATION/JSON",
              "Application/Json", "application/json ", "text/plain", "text/csv", "application/x-www-form-urlencoded",
              "multipart/form-data; boundary=x", "application/merge-patch+json", "application/problem+json",
              "application/*", "*/*", "", "application/jsonx", "application/json; x=\"y\"", "application/json\t",
              "application/json, text/csv", "text/json", "application/vnd.api+json", None]
CSV_TYPES = ["text/csv", "text/csv", "text/csv; charset=utf-8", "text/csv;header=present", "TEXT/CSV",
             "text/csv; charset=latin1", "application/csv", "text/plain", "application/json", "",
             "text/csv ", "text/tab-separated-values", None]


# --------------------------------------------------------------------------
# HTTP

class NoAnswer(Exception):
    pass


class Client:
    """One keep-alive connection per thread; a failure on a reused
    connection before any answer is retried once on a fresh one."""

    def __init__(self, host, port, timeout=120):
        self.host, self.port, self.timeout = host, port, timeout
        self.conn = None
        self.used = 0

    def _fresh(self):
        if self.conn is not None:
            self.conn.close()
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        self.used = 0

    def request(self, method, path, headers, body):
        for attempt in (0, 1):
            if self.conn is None:
                self._fresh()
            reused = self.used > 0
            try:
                self.conn.putrequest(method, path, skip_accept_encoding=True)
                for k, v in headers.items():
                    self.conn.putheader(k, v)
                if body is not None:
                    self.conn.putheader("Content-Length", str(len(body)))
                try:
                    self.conn.endheaders(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass            # answered before all of it was sent: read the answer
                r = self.conn.getresponse()
                data = r.read()
                self.used += 1
                hdrs = {k.lower(): v for k, v in r.getheaders()}
                if r.will_close:
                    self.conn.close()
                    self.conn = None
                return r.status, hdrs, data
            except (http.client.HTTPException, OSError) as e:
                self.conn.close()
                self.conn = None
                if attempt == 0 and reused and isinstance(e, (http.client.RemoteDisconnected,
                                                              ConnectionResetError, BrokenPipeError)):
                    continue
                raise NoAnswer("%s: %s" % (type(e).__name__, e))


# --------------------------------------------------------------------------
# The request a generator makes

class Req:
    __slots__ = ("endpoint", "method", "path", "headers", "body", "who", "after", "expect_refusal")

    def __init__(self, endpoint, method, path, headers, body, who, after=None, expect_refusal=None):
        self.endpoint, self.method, self.path = endpoint, method, path
        self.headers, self.body, self.who = headers, body, who
        self.after = after                  # after(status, headers, body): checks to schedule
        self.expect_refusal = expect_refusal   # why a 2xx would be wrong, or None


def bytes_literal(b, limit=400):
    if len(b) <= limit:
        return repr(b)
    # a long body: a short expression that builds it, when it repeats
    for unit in range(1, 64):
        if len(b) % unit == 0 and b == b[:unit] * (len(b) // unit):
            return "%r * %d" % (b[:unit], len(b) // unit)
    return "%r + ... (%d bytes; the whole body is in the file named below)" % (b[:limit], len(b))


# --------------------------------------------------------------------------
# The fuzzer

REGISTERS = ("projecten", "producten", "acties", "mijlpalen", "besluiten", "kennisopdrachten", "begroting",
             "basisbouwstenen", "rvt-varianten", "doelgroepdefinities", "doelgroepschattingen")
ENUMS = {
    "status_w": ["voorlopig", "nader_voorlopig", "definitief"],
    "eenheid": ["aantal", "percentage", "dagen", "score", "euro"],
    "soort_i": ["maatschappelijk_doel", "proces", "output", "outcome"],
    "monitoringtype": ["landelijk", "diagnostisch"],
    "meetwijze": ["kwantitatief", "kwalitatief"],
    "richting": ["hoger_beter", "lager_beter", "neutraal"],
    "aggregatie": ["som", "ratio", "niet_aggregeerbaar"],
    "validatiestatus": ["in_ontwikkeling", "gevalideerd", "vervallen"],
    "thema": ["werking_stelsel", "betekenis_doelgroep", "veiligheid_doelgroep", "veiligheid_professionals",
              "effect_tijdigheid", "effect_gedwongen_kader", "effect_terugval", "effect_vertrouwen"],
    "actielijn": ["AL1", "AL2", "AL3", "AL4", "KLI"],
    "project_status": ["gepland", "lopend", "afgerond", "gestopt"],
    "product_soort": ["product", "activiteit"],
    "product_status": ["gepland", "lopend", "vervallen"],
    "niveau": ["governance", "organisaties", "professionals"],
    "principe": ["gezamenlijk_kijken", "breed_kijken_en_oppakken", "reflexief_handelen", "dialoog_opzoeken"],
    "actie_soort": ["transitiebevorderend", "transitiebelemmerend", "dialoogvraag"],
    "actie_status": ["voorgesteld", "lopend", "afgerond", "gestopt"],
    "mijlpaal_status": ["gepland", "vertraagd", "vervallen"],
    "orgaan": ["AHO", "AOG", "BOG", "Tweede Kamer"],
    "gelaagdheid": ["operationeel", "tactisch", "systemisch", "complex"],
    "cyclusfase": ["ontwikkelen", "delen", "wegen", "gebruiken"],
    "makelaarsrol": ["informeren", "vertalen", "co_creeren", "innoveren"],
    "ko_status": ["gepland", "lopend", "afgerond"],
    "regime": ["met_toestemming", "met_bevoegdheden", "met_maatregel"],
    "dg_eenheid": ["kinderen", "volwassenen", "huishoudens", "gezinnen"],
    "aanlevering_status": ["concept", "ingediend", "goedgekeurd", "teruggestuurd"],
}
TEXTS = ["Testwaarde", "Cijfers uit de basismonitoring", "CBS-reeks", "bron: jaarverslag 2024", "é ü ß ø",
         "Kwartaalcijfers (synthetisch)", "regel\nmet een regelovergang", "met \"aanhalingstekens\" en ;",
         "komma, en puntkomma; samen", "\u00bd jaar", "\U0001F4CA dashboard", "tab\tin de tekst", "x"]


def weighted(rng, table):
    total = sum(w for _, w in table)
    r = rng.random() * total
    for k, w in table:
        r -= w
        if r <= 0:
            return k
    return table[-1][0]


class ThreadCtx:
    def __init__(self, fz, t):
        self.fz, self.t = fz, t
        self.rng = random.Random("%d/%d" % (fz.seed, t))
        self.client = Client(fz.host, fz.port)
        self.n = 0
        self.used_keys = set()
        self.pending = []               # checks waiting for the next flush
        self.items = {}                 # (kind, key) -> {field: (sent text, form, scale)}
        self.touched = set()
        self.last_write = {}            # (kind, key) -> the request that last changed it
        self.targets = {}
        self.last_flush = time.time()
        self.prev = "(none)"
        self.digest = 0                 # of the bodies sent, in order: the same seed gives the same


class Fuzzer:
    def __init__(self, args):
        self.args = args
        self.seed = args.seed
        u = urllib.parse.urlsplit(args.url)
        self.host, self.port = u.hostname, u.port or 80
        self.state = args.state
        with open(os.path.join(self.state, "database.url")) as f:
            self.dburl = f.read().strip()
        self.secret = os.environ["LAKMOES_JWT_SECRET"]
        self.issuer = os.environ["LAKMOES_JWT_ISSUER"]
        self.audience = os.environ["LAKMOES_JWT_AUDIENCE"]
        self.lock = threading.Lock()
        self.sent = collections.Counter()
        self.by_status = collections.Counter()
        self.endpoint_status = collections.defaultdict(collections.Counter)
        self.helpers = collections.Counter()
        self.latency = collections.defaultdict(lambda: [0.0, 0.0])
        self.failures = collections.defaultdict(list)
        self.failure_count = collections.Counter()
        self.anomalies = collections.defaultdict(list)
        self.anomaly_count = collections.Counter()
        self.kore_bare = collections.Counter()
        self.kore_bare_examples = []
        self.checked = collections.Counter()
        self.recent = collections.deque(maxlen=40)
        self.inflight = {}
        self.stop = threading.Event()           # the watcher
        self.halt = threading.Event()           # the senders (Ctrl-C, SIGTERM)
        self.out = args.out
        os.makedirs(self.out, exist_ok=True)
        self.tag = "%X" % (zlib.crc32(str(self.seed).encode()) & 0xFFFFF)
        if os.path.exists(os.path.join(self.out, "failures.txt")):
            os.remove(os.path.join(self.out, "failures.txt"))

    # ---------------------------------------------------------------- basics

    def token(self, role="programma", org=None, sub=None):
        now = int(time.time())
        c = {"iss": self.issuer, "aud": self.audience, "sub": sub or "fuzz-%s" % role, "role": role,
             "iat": now, "exp": now + 6 * 3600}
        if org:
            c["org"] = org
        return jwt.encode(c, self.secret, algorithm="HS256")

    def psql(self, sql):
        p = subprocess.run(["psql", self.dburl, "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-F", "\x1f",
                            "-P", "null=\x1e", "-f", "-"], input=sql.encode("utf-8"), capture_output=True)
        if p.returncode != 0:
            raise RuntimeError("psql: %s\n%s" % (p.stderr.decode(errors="replace"), short(sql, 2000)))
        rows = []
        for line in p.stdout.decode("utf-8").split("\n"):
            if line:
                rows.append([None if x == "\x1e" else x for x in line.split("\x1f")])
        return rows

    def helper(self, tc, method, path, headers=None, body=None, who="programma"):
        h = dict(headers or {})
        h["Authorization"] = "Bearer " + tc.tokens[who]
        if body is not None:
            h.setdefault("Content-Type", "application/json")
            if not isinstance(body, bytes):
                body = json.dumps(body).encode()
        with self.lock:
            self.helpers["%s %s" % (method, re.sub(r"/[^/]+$", "/{id}", path) if method == "GET" else path)] += 1
        st, hd, data = tc.client.request(method, path, h, body)
        if st >= 500:
            self.fail("5xx", None, "helper %s %s" % (method, path), extra=(st, hd, data),
                      req=Req("helper", method, path, h, body, who))
        return st, hd, data

    def fail(self, kind, tc, why, req=None, extra=None):
        with self.lock:
            self.failure_count[kind] += 1
            n = self.failure_count[kind]
            with open(os.path.join(self.out, "failures.txt"), "a") as f:
                f.write("%s %d: %s%s\n" % (kind, n, why, "" if req is None else " [%s %s; body %s]" % (
                    req.method, req.path, short(repr(req.body), 300))))
            if n > 8:
                return
            rec = {"why": why}
            if req is not None:
                rec["request"] = req
            if extra is not None:
                rec["answer"] = extra
            fn = None
            if req is not None and req.body is not None and len(req.body) > 4000:
                fn = os.path.join(self.out, "%s-%d.body" % (kind, n))
                with open(fn, "wb") as f:
                    f.write(req.body)
            rec["file"] = fn
            self.failures[kind].append(rec)

    def anomaly_kore(self, req, st, hd, data):
        with self.lock:
            self.kore_bare[st] += 1
            if len(self.kore_bare_examples) < 5:
                self.kore_bare_examples.append({"why": "Kore's own bare %d (no api-version header, empty body)" % st,
                                                "request": req, "answer": (st, hd, data)})

    def anomaly(self, kind, why, req=None, extra=None):
        with self.lock:
            self.anomaly_count[kind] += 1
            if extra is not None and len(extra) == 2:
                extra = (extra[0], {}, extra[1])
            if self.anomaly_count[kind] <= 5:
                self.anomalies[kind].append({"why": why, "request": req, "answer": extra})

    # ---------------------------------------------------------------- set-up

    def setup(self):
        q = self.psql
        self.indicators = {}
        for code, eenheid, bound, agg in q("SELECT indicator_code, eenheid, bovengrens::text, aggregatie "
                                           "FROM monitoring.indicatoren ORDER BY 1"):
            self.indicators[code] = (eenheid, D(bound) if bound else UNIT_BOUND[eenheid], agg)
        self.ind_codes = sorted(self.indicators)
        self.gm = [r[0] for r in q("SELECT gebied_code FROM ref.gebieden WHERE soort = 'gemeente' ORDER BY 1")]
        self.all_gebieden = [r[0] for r in q("SELECT gebied_code FROM ref.gebieden ORDER BY 1")]
        self.periods = ["%d" % y for y in range(2015, 2025)] + \
            ["%d-Q%d" % (y, k) for y in range(2015, 2025) for k in range(1, 5)]
        self.existing_obs = set(tuple(r) for r in q(
            "SELECT DISTINCT indicator_code, gebied_code, periode_code FROM monitoring.waarnemingen"))
        self.existing_sw = set(tuple(r) for r in q(
            "SELECT indicator_code, gebied_code, jaar::text, soort FROM monitoring.streefwaarden"))
        self.projects = set(r[0] for r in q("SELECT project_code FROM register.projecten"))
        self.variants = set(r[0] for r in q("SELECT variant_code FROM register.rvt_varianten"))
        self.versies = set(r[0] for r in q("SELECT versie FROM doelgroep.definities"))
        self.definitie = int(q("SELECT coalesce(min(definitie_id), 1) FROM doelgroep.definities "
                               "WHERE status = 'vastgesteld'")[0][0])
        self.deliveries = set(tuple(r) for r in q("SELECT proeftuin_code, periode_code FROM monitoring.aanleveringen"))
        self.proeftuinen = [r[0] for r in q("SELECT proeftuin_code FROM ref.proeftuinen ORDER BY 1")]
        self.reports_before = int(q("SELECT count(*) FROM monitoring.voortgangsrapportages")[0][0])
        self.parent = int(open(os.path.join(self.state, "kore.pid")).read().strip())
        self.workers0 = self.workers()
        self.log_pos = os.path.getsize(os.path.join(self.state, "kore.log"))
        self.ctxs = [ThreadCtx(self, t) for t in range(self.args.threads)]
        vr = self.http_json("GET", "/v1/vragenlijsten/1")
        self.vragen = vr["vragen"]
        for tc in self.ctxs:
            self.setup_thread(tc)

    def http_json(self, method, path):
        st, _, data = Client(self.host, self.port).request(method, path, {}, None)
        if st != 200:
            raise RuntimeError("%s %s: %d %r" % (method, path, st, data[:300]))
        return json.loads(data)

    def setup_thread(self, tc):
        rng = random.Random("setup/%d/%d" % (self.seed, tc.t))
        org = self.proeftuinen[tc.t % len(self.proeftuinen)]
        tc.org = org
        tc.tokens = {"programma": self.token("programma", sub="fuzz-t%d" % tc.t),
                     "aanleveraar": self.token("aanleveraar", org=org, sub="fuzz-t%d-%s" % (tc.t, org)),
                     "opdrachtgever": self.token("opdrachtgever", sub="fuzz-t%d-og" % tc.t)}
        # an indicator of its own to change
        code = "FZ%s_T%d" % (self.tag, tc.t)
        body = {"code": code, "naam": "Fuzzdoel %d" % tc.t, "definitie": "Voor de fuzzer.",
                "eenheid": "dagen", "soort": "proces", "monitoringtype": "diagnostisch",
                "richting": "lager_beter", "validatiestatus": "in_ontwikkeling", "bovengrens": 500}
        st, _, data = self.helper(tc, "POST", "/v1/indicatoren", body=body)
        if st not in (201, 409):
            raise RuntimeError("indicator %s: %d %r" % (code, st, data[:300]))
        tc.targets["indicator"] = code
        tc.items[("x", code)] = {"bovengrens": (NumText("500"), "json", None)}
        tc.touched.add(("x", code))
        # an item of every register to change
        for reg in REGISTERS:
            for _ in range(20):
                doc = self.register_create(rng, tc, reg)
                st, _, data = self.helper(tc, "POST", "/v1/" + reg, body=emit(doc, Style(random.Random(0))))
                if st == 201:
                    break
            else:
                raise RuntimeError("register %s: %d %r" % (reg, st, data[:300]))
            item = json.loads(data)
            key = str(item.get("code", item.get("id")))
            tc.targets[reg] = key
            self.after_register(tc, reg, key, emit(doc, Style(random.Random(0))), True)
        # two deliveries of its own proeftuin: answers to replace, a status to change
        quarters = ["%d-Q%d" % (y, k) for y in range(2023, 2027) for k in range(1, 5) if (y, k) != (2026, 4)]
        rng.shuffle(quarters)
        made = []
        for per in quarters:
            if (org, per) in self.deliveries:
                continue
            st, _, data = self.helper(tc, "POST", "/v1/aanleveringen", body={"proeftuin": org, "periode": per},
                                      who="aanleveraar")
            if st == 201:
                self.deliveries.add((org, per))
                made.append(json.loads(data)["id"])
            if len(made) == 2:
                break
        if len(made) < 2:
            raise RuntimeError("no free quarter for %s" % org)
        tc.targets["antwoorden"], tc.targets["aanlevering"] = made
        st, _, data = self.helper(tc, "PUT", "/v1/aanleveringen/%d/antwoorden" % made[1],
                                  body=self.valid_answers(rng, simple=True), who="aanleveraar")
        if st != 200:
            raise RuntimeError("answers: %d %r" % (st, data[:400]))

    # ---------------------------------------------------------------- keys

    def fresh_obs_key(self, tc, inds=None, pers=None):
        """A key no row has: in one of the indicators and periods given, when
        there is one left (a load that touches few indicators and periods
        keeps the server's refresh of the monitors small)."""
        rng = tc.rng
        for attempt in range(10000):
            if attempt == 200:
                inds = pers = None
            g = rng.choice(self.gm) if rng.random() < 0.9 else rng.choice(self.all_gebieden)
            k = (rng.choice(inds or self.ind_codes), g, rng.choice(pers or self.periods))
            if zlib.crc32(("o|%s|%s|%s" % k).encode()) % len(self.ctxs) != tc.t:
                continue
            if k in tc.used_keys or k in self.existing_obs:
                continue
            tc.used_keys.add(k)
            return k
        raise RuntimeError("no fresh observation keys left")

    def fresh_sw_key(self, tc):
        rng = tc.rng
        for _ in range(10000):
            k = (rng.choice(self.ind_codes), rng.choice(self.gm if rng.random() < 0.8 else self.all_gebieden),
                 str(rng.randint(2015, 2035)), rng.choice(["nulmeting", "streefwaarde"]))
            if zlib.crc32(("s|%s|%s|%s|%s" % k).encode()) % len(self.ctxs) != tc.t:
                continue
            if k in tc.used_keys or k in self.existing_sw:
                continue
            tc.used_keys.add(k)
            return k
        raise RuntimeError("no fresh target keys left")

    def fresh_code(self, tc, taken, make):
        """A code no item had when the run began and this thread has not
        used, from this thread's share (so that a seed sends the same bodies
        whatever the other threads do); when none is left, a used one
        (409)."""
        for _ in range(2000):
            c = make()
            if zlib.crc32(("c|" + c).encode()) % len(self.ctxs) == tc.t and c not in taken \
                    and c not in tc.used_keys:
                tc.used_keys.add(c)
                return c
        return c

    def unique(self, tc, prefix):
        tc.n += 1
        return "%s-%s-%d-%d" % (prefix, self.tag, tc.t, tc.n)

    # ---------------------------------------------------------------- values

    def valid_value(self, rng, indicator):
        eenheid, bound, _ = self.indicators.get(indicator, ("aantal", D(20000000), "som"))
        hi = min(bound, UNIT_BOUND.get(eenheid, bound))
        return rand_decimal(rng, D(0), hi, whole=(eenheid == "aantal"))

    def valid_ratio(self, rng, indicator):
        eenheid, bound, _ = self.indicators[indicator]
        noemer = rand_decimal(rng, D(1), D(rng.choice([10, 1000, 100000, 20000000])), whole=rng.random() < 0.7)
        if noemer <= 0:
            noemer = D(1)
        teller = rand_decimal(rng, D(0), noemer, whole=rng.random() < 0.6)
        return teller, noemer

    # ---------------------------------------------------------------- observations

    def obs_rows(self, tc, n):
        rng = tc.rng
        rows = []
        inds = rng.sample(self.ind_codes, rng.choice([1, 1, 1, 2, 3]))
        pers = rng.sample(self.periods, rng.choice([1, 1, 1, 2]))
        for _ in range(n):
            ind, geb, per = self.fresh_obs_key(tc, inds, pers)
            r = {"indicator": ind, "gebied": geb, "periode": per, "waarde": self.valid_value(rng, ind),
                 "status": rng.choice(ENUMS["status_w"]), "bron": rng.choice(TEXTS[:9]) + " (fuzz)"}
            if self.indicators[ind][2] == "ratio" and rng.random() < 0.5:
                r["teller"], r["noemer"] = self.valid_ratio(rng, ind)
            elif rng.random() < 0.08:
                r["teller"] = r["noemer"] = None
            rows.append(r)
        return rows

    def gen_obs_json(self, tc, proefrun):
        rng = tc.rng
        n = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 8, 20]) if rng.random() > 0.005 else 300
        rows = self.obs_rows(tc, n)
        doc = []
        for r in rows:
            pairs = [(k, Raw(spell_json(rng, v)) if isinstance(v, D) else v) for k, v in r.items()]
            if rng.random() < 0.15:
                rng.shuffle(pairs)
            doc.append(Obj(pairs))
        return self.finish_json(tc, "POST /v1/waarnemingen json" + (" ?proefrun" if proefrun else ""),
                                "POST", "/v1/waarnemingen" + ("?proefrun=true" if proefrun else ""), doc,
                                ("waarde", "teller", "noemer"), "programma", kind="obs", proefrun=proefrun)

    def gen_obs_csv(self, tc, proefrun):
        rng = tc.rng
        n = rng.choice([1, 1, 1, 2, 2, 3, 4, 5, 8, 20]) if rng.random() > 0.005 else 300
        rows = self.obs_rows(tc, n)
        delim = ";" if rng.random() < 0.4 else ","
        cols = list(CSV_COLUMNS)
        if not any("teller" in r for r in rows) and rng.random() < 0.6:
            cols.remove("teller")
            cols.remove("noemer")
        if rng.random() < 0.2:
            rng.shuffle(cols)
        header = [c.upper() if rng.random() < 0.05 else c for c in cols]
        table = [header]
        for r in rows:
            line = []
            for c in cols:
                v = r.get(c)
                if v is None:
                    line.append("")
                elif isinstance(v, D):
                    line.append(spell_csv(rng, v, delim))
                else:
                    line.append(v)
            table.append(line)
        mutated = False
        m = rng.random()
        if m > 0.35:
            mutated = True
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                self.mutate_csv_table(rng, table, delim)
        expect = self.csv_must_refuse(table)
        eol = rng.choice(["\n", "\n", "\r\n", "\r\n", "\r"])
        quote_all = rng.random() < 0.1
        body = eol.join(delim.join(self.csv_field(rng, f, delim, quote_all) for f in line)
                        for line in table)
        if rng.random() < 0.8:
            body += eol
        if rng.random() < 0.05:
            body = eol + body                       # a blank first line
        try:
            b = body.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            b = body.encode("utf-8", "surrogatepass")
        if rng.random() < 0.08:
            b = b"\xef\xbb\xbf" + b
        if mutated and rng.random() < 0.2:
            b, _ = mutate_bytes(rng, b)
            expect = None                           # a change of bytes may undo the reason
        if mutated and rng.random() < 0.05:
            b = self.csv_raw_special(rng, b, delim)
            expect = None
        ctype = "text/csv"
        if rng.random() < 0.08:
            ctype = rng.choice(CSV_TYPES)
            if ctype is None or ctype.split(";")[0].strip().lower() not in ("text/csv",):
                expect = expect or "verkeerd Content-Type %r" % ctype
        path = "/v1/waarnemingen" + ("?proefrun=true" if proefrun else "")
        path, bad_query = self.mutate_query(rng, path)
        if bad_query:
            expect = bad_query
        sub = self.unique(tc, "fuzz-load")
        tok = self.token("programma", sub=sub)
        headers = {"Authorization": "Bearer " + tok}
        if ctype is not None:
            headers["Content-Type"] = ctype
        ep = "POST /v1/waarnemingen csv" + (" ?proefrun" if proefrun else "")
        req = Req(ep, "POST", path, headers, b, "programma", expect_refusal=expect)
        form = "csv" if (ctype or "").split(";")[0].strip().lower() == "text/csv" else "json"
        req.after = lambda st, hd, data: self.after_obs(tc, req, st, data, form, proefrun, sub)
        return req

    def csv_field(self, rng, f, delim, quote_all):
        if isinstance(f, bytes):
            return f.decode("utf-8", "surrogateescape")
        need = any(c in f for c in (delim, '"', "\r", "\n"))
        if need or quote_all or rng.random() < 0.05:
            return '"' + f.replace('"', '""') + '"'
        return f

    def csv_must_refuse(self, table):
        """Why the API must refuse the CSV table (header first), or None."""
        header = [h.lower() for h in table[0]]
        if any(h not in CSV_COLUMNS for h in header) or len(set(header)) != len(header):
            return "onbekende of dubbele kolom"
        if any(c not in header for c in CSV_COLUMNS if c not in ("teller", "noemer")):
            return "een verplichte kolom ontbreekt"
        if len(table) == 1:
            return "geen rijen"
        keys = set()
        for r in table[1:]:
            if len(r) != len(header):
                return "een regel met een ander aantal velden"
            if any("\x00" in f or "\udcff" in f or len(f.encode("utf-8", "surrogatepass")) > 65536 for f in r):
                return "een NUL-teken, geen UTF-8 of een veld langer dan 65536 bytes"
            k = tuple(r[header.index(c)] for c in ("indicator", "gebied", "periode"))
            if k in keys:
                return "dezelfde sleutel twee keer"
            keys.add(k)
        return None

    def mutate_csv_table(self, rng, table, delim):
        """One change to a CSV table (header first)."""
        m = rng.random()
        header, rows = table[0], table[1:]
        numcols = [i for i, c in enumerate(header) if c.lower() in ("waarde", "teller", "noemer")] or [0]
        if m < 0.30 and rows:                               # a nasty number
            r = rng.choice(rows)
            i = rng.choice(numcols)
            setf(r, i, rng.choice(CSV_NUMBERS))
        elif m < 0.37:                                      # an extra column
            header.append(rng.choice(["kleur", "extra", "", "waarde", "Waarde", "_plek", " bron"]))
            for r in rows:
                r.append(rng.choice(["rood", "", "1"]))
        elif m < 0.43 and rows:                             # a row with a field more or less
            r = rng.choice(rows)
            if rng.random() < 0.5:
                r.append("x")
            else:
                r.pop()
        elif m < 0.49:                                      # a required column missing
            req = [i for i, c in enumerate(header) if c.lower() not in ("teller", "noemer")]
            i = rng.choice(req)
            for line in table:
                if i < len(line):
                    del line[i]
        elif m < 0.55 and rows:                             # a NUL byte in a field
            r = rng.choice(rows)
            i = rng.randrange(len(r))
            s = r[i]
            j = rng.randint(0, len(s))
            r[i] = s[:j] + "\x00" + s[j:]
        elif m < 0.60 and rows:                             # bytes that are no UTF-8
            r = rng.choice(rows)
            i = rng.randrange(len(r))
            r[i] = r[i] + "\udcff"                          # surrogateescape: the byte 0xff
        elif m < 0.66 and rows:                             # a quoted field with a line break
            r = rng.choice(rows)
            i = [k for k, c in enumerate(header) if c.lower() == "bron"]
            if i:
                setf(r, i[0], rng.choice(["regel een\nregel twee", "a\r\nb", "x\ry", "\n", "met \"quote\"\n"]))
        elif m < 0.72 and rows:                             # a value nasty in a text column
            r = rng.choice(rows)
            i = rng.randrange(len(r))
            r[i] = rng.choice([s for s in NASTY_STRINGS if "\x00" not in s and len(s) < 1000])
        elif m < 0.76:                                      # header only / nothing
            del table[1:]
        elif m < 0.80 and rows:                             # a very long field
            r = rng.choice(rows)
            i = rng.randrange(len(r))
            r[i] = "9" * rng.choice([1001, 65536, 65537, 70000])
        elif m < 0.88 and rows:                             # a duplicate row (the same key twice)
            rows.append(list(rng.choice(rows)))
            table.append(rows[-1])
        elif m < 0.92:                                      # many columns
            extra = rng.choice([10, 100, 1000, 5000])
            header.extend("k%d" % i for i in range(extra))
            for r in rows:
                r.extend([""] * extra)
        elif m < 0.96 and rows:                             # a field of only spaces or quotes
            r = rng.choice(rows)
            setf(r, rng.choice(numcols), rng.choice(["", " ", '"', "''", '""']))
        else:                                               # an unknown indicator, area, period
            r = rng.choice(rows) if rows else None
            if r:
                i = rng.randrange(min(3, len(r)))
                r[i] = rng.choice(PERIODS_BAD + ["ONBEKEND", "GM9999", "bm_kinderen", ""])

    def csv_raw_special(self, rng, b, delim):
        d = delim.encode()
        return rng.choice([
            b,
            b.replace(b"\n", b"\x00\n", 1),                  # a NUL at the end of the header
            b + b'"open quote' + d + b"x",                    # a quote never closed
            b + b"BM_KINDEREN" + d + b'GM0014"x"' + d,        # a quote in the middle of a field
            b + b'"a"b' + d + b"\n",                          # text after a closing quote
            b.replace(d, d + d, 1),                           # an empty column in the header
            b[:3] if len(b) > 3 else b,
        ])

    def after_obs(self, tc, req, st, data, form, proefrun, sub):
        if proefrun:
            if st == 201:
                self.fail("proefrun", tc, "een proefrun antwoordde 201", req, (st, {}, data))
            if 200 <= st < 300:
                tc.pending.append(("p", sub, req))
            return
        if st != 201:
            if 200 <= st < 300:
                self.fail("accepted", tc, "een lading zonder proefrun antwoordde %d" % st, req, (st, {}, data))
            return
        try:
            counts = json.loads(data)
            total = counts["nieuw"] + counts["herzien"] + counts["ongewijzigd"]
        except (ValueError, KeyError, TypeError):
            self.fail("problem", tc, "201 zonder telling", req, (st, {}, data))
            return
        try:
            rows = self.read_obs(req.body, form)
        except NotDocumented as e:
            self.fail("accepted", tc, "aanvaard, maar de body is niet wat de API beschrijft: %s" % e, req,
                      (st, {}, data))
            return
        if total != len(rows[1]):
            self.fail("exactness", tc, "telling %d, verstuurd %d rijen" % (total, len(rows[1])), req, (st, {}, data))
        for row in rows[1]:
            tc.pending.append(("w", row, (req, sub, rows[0], counts)))

    def read_obs(self, body, form):
        """(number form, [(key, {field: text or None})]) of an accepted load."""
        out = []
        if form == "json":
            doc = strict_json(body)
            if not isinstance(doc, list):
                raise NotDocumented("geen lijst")
            for r in doc:
                if not isinstance(r, dict):
                    raise NotDocumented("een rij is geen object")
                extra = set(r) - set(CSV_COLUMNS)
                if extra:
                    raise NotDocumented("onbekende velden %r" % sorted(extra))
                key = (r.get("indicator"), r.get("gebied"), r.get("periode"))
                vals = {}
                for f in ("waarde", "teller", "noemer"):
                    v = r.get(f)
                    if v is not None and not isinstance(v, NumText):
                        raise NotDocumented("%s is geen getal: %r" % (f, short(v)))
                    vals[f] = v
                out.append((key, vals))
            return "json", out
        delim, rows = ref_csv(body)
        if not rows:
            raise NotDocumented("geen kop")
        header = [h.lower() for h in rows[0][1]]
        if any(b"\x00" in h for h in header):
            self.anomaly("csv-header-nul", "een kop met een NUL-teken aanvaard: %r" % rows[0][1])
            header = [h.split(b"\x00")[0] for h in header]
        for h in header:
            if h.decode("latin-1") not in CSV_COLUMNS or header.count(h) > 1:
                raise NotDocumented("kolom %r" % h)
        idx = {h.decode(): i for i, h in enumerate(header)}
        for line, fields in rows[1:]:
            if len(fields) != len(header):
                raise NotDocumented("regel %d: %d velden" % (line, len(fields)))
            try:
                text = {c: fields[i].decode("utf-8") for c, i in idx.items()}
            except UnicodeDecodeError:
                raise NotDocumented("regel %d: geen UTF-8" % line)
            if any("\x00" in v for v in text.values()):
                raise NotDocumented("regel %d: NUL" % line)
            key = (text["indicator"], text["gebied"], text["periode"])
            vals = {f: (text[f] if text.get(f) else None) for f in ("waarde", "teller", "noemer")}
            out.append((key, vals))
        return "csv" + delim, out

    # ---------------------------------------------------------------- JSON writes, in general

    def finish_json(self, tc, endpoint, method, path, doc, number_fields, who, kind=None, proefrun=False,
                    reg=None, key=None, extra_headers=None, if_match=None):
        rng = tc.rng
        expect = None
        m = rng.random()
        if m < 0.33:
            pass                                                   # as valid as it comes
        elif m < 0.75:
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                doc = mutate_doc(rng, doc, number_fields)
        body = emit(doc, Style(rng))
        if 0.75 <= m < 0.93:
            body, truncated = mutate_bytes(rng, body)
            if truncated and body.lstrip()[:1] in (b"[", b"{"):
                expect = "afgekapte JSON"
        elif m >= 0.93:
            r = rng.random()
            if r < 0.4:
                body = rng.choice([b"", b" ", b"\n", b"\r\n\t "])
                expect = "lege body"
            elif r < 0.55:
                size = rng.choice([1024 * 1024 + 1, 1100000]) if kind != "obs" else 1100000
                body = b"[" + b" " * size + b"]" if kind == "obs" else (
                    b'{"x": "' + b"a" * size + b'"}')
                if kind != "obs":
                    expect = "groter dan 1 MiB"
            elif r < 0.7 and b"{" in body:
                body = body.replace(b"{", b"{" * 2, 1)
                expect = "geen JSON"
            else:
                body = rng.choice([b"[" * 100000, b"{" * 50000, b'{"a":' * 30000,
                                   b"[" * 5000 + b"]" * 5000, b"[" + b"1," * 200000 + b"1]"])
                if not body.endswith(b"]"):
                    expect = "geen JSON"
        ctype = "application/json"
        if rng.random() < 0.07:
            ctype = rng.choice(JSON_TYPES)
            base = ctype.split(";")[0].strip().lower() if ctype is not None else None
            if base != "application/json":
                expect = expect or "verkeerd Content-Type %r" % ctype
        path, bad_query = self.mutate_query(rng, path)
        if bad_query:
            expect = bad_query
        sub = None
        if kind == "obs":
            sub = self.unique(tc, "fuzz-load")
            tok = self.token("programma", sub=sub)
        else:
            tok = tc.tokens[who]
        headers = {"Authorization": "Bearer " + tok}
        if ctype is not None:
            headers["Content-Type"] = ctype
        if if_match is not None:
            headers["If-Match"] = if_match
        headers.update(extra_headers or {})
        req = Req(endpoint, method, path, headers, body, who, expect_refusal=expect)
        if kind == "obs":
            form = "csv" if (ctype or "").split(";")[0].strip().lower() == "text/csv" else "json"
            req.after = lambda st, hd, data: self.after_obs(tc, req, st, data, form, proefrun, sub)
        elif kind == "sw":
            req.after = lambda st, hd, data: self.after_sw(tc, req, st, data)
        elif kind == "reg":
            req.after = lambda st, hd, data: self.after_register_answer(tc, reg, key, req, st, data)
        elif kind == "ind":
            req.after = lambda st, hd, data: self.after_indicator(tc, key, req, st, data)
        elif kind == "antw":
            req.after = lambda st, hd, data: self.after_answers(tc, key, req, st, data)
        return req

    def mutate_query(self, rng, path):
        """Mostly unchanged; sometimes a query parameter the write does not take."""
        r = rng.random()
        if r < 0.02:
            sep = "&" if "?" in path else "?"
            return path + sep + rng.choice(["x=1", "access_token=abc", "limit=1", "%FF=1", "a=%00"]), \
                "een query-parameter die de write niet neemt"
        if r < 0.03 and "proefrun=true" in path:
            return path.replace("proefrun=true", rng.choice(["proefrun=ja", "proefrun=1x", "proefrun=%00",
                                                             "proefrun=tru"])), "ongeldige proefrun"
        return path, None

    # ---------------------------------------------------------------- targets

    def gen_streefwaarde(self, tc):
        rng = tc.rng
        ind, geb, jaar, soort = self.fresh_sw_key(tc)
        v = self.valid_value(rng, ind)
        doc = Obj([("indicator", ind), ("gebied", geb), ("jaar", Raw(jaar) if rng.random() < 0.95 else jaar),
                   ("soort", soort), ("waarde", Raw(spell_json(rng, v))),
                   ("besluit", rng.choice(["BOG 2025-06 (fuzz)", "AOG-besluit", "Kamerbrief 2024"]))])
        if rng.random() < 0.15:
            rng.shuffle(doc.pairs)
        return self.finish_json(tc, "POST /v1/streefwaarden", "POST", "/v1/streefwaarden", doc,
                                ("waarde", "jaar"), "programma", kind="sw")

    def after_sw(self, tc, req, st, data):
        if not 200 <= st < 300:
            return
        try:
            doc = strict_json(req.body)
            if not isinstance(doc, dict):
                raise NotDocumented("geen object")
            key = (doc["indicator"], doc["gebied"], str(doc["jaar"]), doc["soort"])
            w = doc.get("waarde")
        except (NotDocumented, KeyError, TypeError) as e:
            self.fail("accepted", tc, "streefwaarde aanvaard, maar de body is niet wat de API beschrijft: %s" % e,
                      req, (st, {}, data))
            return
        if not isinstance(w, NumText):
            self.anomaly("accepted-non-number", "streefwaarde met waarde %r aanvaard" % short(w), req, (st, data))
            return
        if not isinstance(doc["jaar"], NumText) or not re.fullmatch(r"[0-9]+", doc["jaar"]):
            self.anomaly("accepted-non-integer", "streefwaarde met jaar %r aanvaard" % short(doc["jaar"]), req,
                         (st, data))
            key = (key[0], key[1], str(D(doc["jaar"])) if isinstance(doc["jaar"], NumText) else key[2], key[3])
        tc.pending.append(("s", key, (req, w)))

    # ---------------------------------------------------------------- catalogue

    def indicator_doc(self, rng, tc, code):
        eenheid = rng.choice(ENUMS["eenheid"])
        pairs = [("code", code), ("naam", "Fuzzindicator " + code), ("definitie", rng.choice(TEXTS)),
                 ("eenheid", eenheid), ("soort", rng.choice(ENUMS["soort_i"])),
                 ("monitoringtype", rng.choice(ENUMS["monitoringtype"])), ("richting", rng.choice(ENUMS["richting"])),
                 ("validatiestatus", rng.choice(["in_ontwikkeling", "gevalideerd"]))]
        if rng.random() < 0.85:
            # why the status is what it is (V029: required with another status)
            pairs.append(("validatieReden", rng.choice(["fuzz: kwaliteit vastgesteld", "werkgroep data en monitoring"])))
        if rng.random() < 0.5:
            pairs.append(("aggregatie", "som" if eenheid == "aantal" else rng.choice(["ratio", "niet_aggregeerbaar"])))
        if rng.random() < 0.3:
            pairs.append(("meetwijze", rng.choice(ENUMS["meetwijze"])))
        if rng.random() < 0.3:
            pairs.append(("resultaat", rng.choice([None, 1, 2, 3, 4, 5, 6])))
        if rng.random() < 0.3:
            pairs.append(("thema", rng.choice(ENUMS["thema"])))
        if rng.random() < 0.3:
            pairs.append(("effect", rng.choice([None, "Minder uithuisplaatsingen"])))
        if rng.random() < 0.3:
            pairs.append(("bron", rng.choice([None, "CBS"])))
        if rng.random() < 0.7:
            pairs.append(("bovengrens", self.bound_value(rng, eenheid)))
        return Obj(pairs)

    def bound_value(self, rng, eenheid):
        if rng.random() < 0.1:
            return None
        hi = {"percentage": D(100), "score": D(10)}.get(eenheid, D("999999999999999"))
        v = rand_decimal(rng, D(0), hi, whole=rng.random() < 0.5)
        if v == 0:
            v = D("0.5")
        return Raw(spell_json(rng, v))

    def gen_indicator_post(self, tc):
        rng = tc.rng
        code = "FZ%s_%d_%d" % (self.tag, tc.t, tc.n) if rng.random() < 0.9 else rng.choice(
            self.ind_codes + ["lowercase", "X" * 41, "", "FZ-MIN", "FZ " + self.tag, "T" + "X" * 39])
        tc.n += 1
        doc = self.indicator_doc(rng, tc, code)
        return self.finish_json(tc, "POST /v1/indicatoren", "POST", "/v1/indicatoren", doc, ("bovengrens", "resultaat"),
                                "programma", kind="ind", key=None)

    def gen_indicator_patch(self, tc):
        rng = tc.rng
        code = tc.targets["indicator"]
        path = "/v1/indicatoren/" + code
        etag = self.etag_for(tc, path, rng)
        full = self.indicator_doc(rng, tc, code)
        pairs = [p for p in full.pairs if p[0] != "code"]
        # the unit stays (a bound in another unit would mostly be refused)
        pairs = [p for p in pairs if p[0] != "eenheid"] + ([["eenheid", "dagen"]] if rng.random() < 0.1 else [])
        rng.shuffle(pairs)
        doc = Obj(pairs[:rng.randint(1, max(1, len(pairs)))])
        if doc.has("bovengrens") and rng.random() < 0.8:
            v = rand_decimal(rng, D(0), D(6575), whole=rng.random() < 0.5) or D(1)
            doc.set("bovengrens", Raw(spell_json(rng, v)))
        if rng.random() < 0.03:
            doc.set("code", rng.choice([code, "ANDERS"]))
        return self.finish_json(tc, "PATCH /v1/indicatoren/{code}", "PATCH", path, doc, ("bovengrens", "resultaat"),
                                "programma", kind="ind", key=code, if_match=etag)

    def etag_for(self, tc, path, rng):
        r = rng.random()
        if r < 0.03:
            return None
        if r < 0.05:
            return rng.choice(['"oud"', "*", 'W/"x"', '""', "x", '"' + "a" * 200 + '"', '"\x01"'])
        st, hd, _ = self.helper(tc, "GET", path)
        return hd.get("etag")

    def after_indicator(self, tc, key, req, st, data):
        if not 200 <= st < 300:
            return
        try:
            doc = strict_json(req.body)
            if not isinstance(doc, dict):
                raise NotDocumented("geen object")
        except NotDocumented as e:
            self.fail("accepted", tc, "indicator aanvaard, maar de body is niet wat de API beschrijft: %s" % e,
                      req, (st, {}, data))
            return
        code = key if key is not None else doc.get("code")
        if not isinstance(code, str):
            return
        item = tc.items.setdefault(("x", code), {})
        if key is None:                      # a create: absent is empty
            item["bovengrens"] = (None, "json", None)
        if "bovengrens" in doc:
            v = doc["bovengrens"]
            if v is not None and not isinstance(v, NumText):
                self.anomaly("accepted-non-number", "bovengrens %r aanvaard" % short(v), req, (st, data))
                tc.items.pop(("x", code), None)
                return
            item["bovengrens"] = (v, "json", None)
        tc.touched.add(("x", code))
        tc.last_write[("x", code)] = req

    # ---------------------------------------------------------------- deliveries

    def valid_answers(self, rng, simple=False):
        out = []
        for v in self.vragen:
            if v["type"] == "keuze":
                w = rng.choice(v["opties"]) if not simple else v["opties"][0]
            elif v["type"] == "tekst":
                w = "Het ging goed; zonder namen." if simple else rng.choice(TEXTS[:9])
            else:
                lo = D(v["min"]) if v["min"] is not None else D(0)
                hi = D(v["max"]) if v["max"] is not None else D(rng.choice([50, 1000, 20000000]))
                if simple:
                    w = int(lo + (hi - lo) // 2) if v["type"] in ("aantal", "schaal") else int(lo) + 1
                    if v["max"] is None:
                        w = int(lo) + 10
                else:
                    d = rand_decimal(rng, lo, hi, whole=v["type"] in ("aantal", "schaal"))
                    w = Raw(spell_json(rng, d))
            if not simple and not v["verplicht"] and rng.random() < 0.2:
                if rng.random() < 0.5:
                    continue
                w = None
            out.append(Obj([("vraag", v["code"]), ("waarde", w)]) if not simple else {"vraag": v["code"], "waarde": w})
        if not simple:
            rng.shuffle(out)
        return out

    def gen_answers(self, tc):
        rng = tc.rng
        ident = tc.targets["antwoorden"]
        doc = self.valid_answers(rng)
        path = "/v1/aanleveringen/%d/antwoorden" % ident
        return self.finish_json(tc, "PUT /v1/aanleveringen/{id}/antwoorden", "PUT", path, doc, ("waarde",),
                                "aanleveraar", kind="antw", key=ident)

    def after_answers(self, tc, ident, req, st, data):
        if not 200 <= st < 300:
            return
        try:
            doc = strict_json(req.body)
            if not isinstance(doc, list) or not all(isinstance(a, dict) for a in doc):
                raise NotDocumented("geen lijst van objecten")
        except NotDocumented as e:
            self.fail("accepted", tc, "antwoorden aanvaard, maar de body is niet wat de API beschrijft: %s" % e,
                      req, (st, {}, data))
            return
        types = {v["code"]: v["type"] for v in self.vragen}
        item = {}
        for a in doc:
            code, w = a.get("vraag"), a.get("waarde")
            if types.get(code) in ("aantal", "getal", "percentage", "schaal"):
                if w is None or isinstance(w, NumText):
                    item[code] = (w, "json", None)
                else:
                    self.anomaly("accepted-non-number", "antwoord %s = %r aanvaard" % (code, short(w)), req, (st, data))
        # the whole set is replaced: what is not sent is gone
        for code, t in types.items():
            if t in ("aantal", "getal", "percentage", "schaal") and code not in item:
                item[code] = (None, "json", None)
        tc.items[("a", ident)] = item
        tc.touched.add(("a", ident))
        tc.last_write[("a", ident)] = req

    def gen_delivery_post(self, tc):
        rng = tc.rng
        per = rng.choice(["%d-Q%d" % (y, k) for y in range(2021, 2027) for k in range(1, 5)])
        doc = Obj([("proeftuin", tc.org if rng.random() < 0.9 else rng.choice(self.proeftuinen)), ("periode", per)])
        return self.finish_json(tc, "POST /v1/aanleveringen", "POST", "/v1/aanleveringen", doc, (), "aanleveraar")

    def gen_delivery_patch(self, tc):
        rng = tc.rng
        ident = tc.targets["aanlevering"]
        who = "aanleveraar" if rng.random() < 0.6 else "programma"
        status = rng.choice(ENUMS["aanlevering_status"])
        pairs = [("status", status)]
        if rng.random() < 0.4:
            pairs.append(("toelichting", rng.choice(["Graag de aantallen nakijken.", None, ""])))
        doc = Obj(pairs)
        req = self.finish_json(tc, "PATCH /v1/aanleveringen/{id}", "PATCH", "/v1/aanleveringen/%d" % ident, doc, (),
                               who)
        if who == "programma" and b"goedgekeurd" in req.body:
            # approval would lock the delivery for good: the proeftuin asks instead (403)
            req.headers["Authorization"] = "Bearer " + tc.tokens["aanleveraar"]
            req.who = "aanleveraar"
        return req

    def gen_report(self, tc):
        rng = tc.rng
        per = rng.choice(["%d-H%d" % (y, h) for y in range(2015, 2027) for h in (1, 2)] + ["2024-H2"] * 5)
        doc = Obj([("periode", per)])
        req = self.finish_json(tc, "POST /v1/voortgangsrapportages ?proefrun", "POST",
                               "/v1/voortgangsrapportages?proefrun=true", doc, (), "programma")
        if "proefrun=true" not in req.path:
            # never a real report: a bad proefrun must be refused, checked below
            req.expect_refusal = req.expect_refusal or "ongeldige proefrun"
        return req

    # ---------------------------------------------------------------- registers

    def money(self, rng):
        r = rng.random()
        if r < 0.1:
            v = D(rng.choice(["0", "999999999999.99", "0.01", "1000000", "0.10"]))
        else:
            v = rand_decimal(rng, D(0), D("999999999999.99"), whole=rng.random() < 0.4, max_frac=2)
            v = v.quantize(D(1) if v == v.to_integral_value() and rng.random() < 0.5 else D("0.01"),
                           rounding=decimal.ROUND_FLOOR) if "." in str(v) and len(str(v).split(".")[1]) > 2 else v
        return Raw(spell_json(rng, v))

    def date(self, rng, lo=2021, hi=2030):
        return "%04d-%02d-%02d" % (rng.randint(lo, hi), rng.randint(1, 12), rng.randint(1, 28))

    def register_create(self, rng, tc, reg):
        text = lambda: rng.choice(TEXTS[:9])
        if reg == "projecten":
            code = self.fresh_code(tc, self.projects, lambda: "%s-P%d" % (rng.choice(ENUMS["actielijn"]),
                                                                           rng.randint(0, 99)))
            al = code.split("-")[0]
            pairs = [("code", code), ("actielijn", al), ("naam", "Fuzzproject " + code)]
            if rng.random() < 0.5:
                pairs.append(("omschrijving", rng.choice([None, text()])))
            if rng.random() < 0.5:
                pairs.append(("status", rng.choice(ENUMS["project_status"])))
        elif reg == "producten":
            pairs = [("actielijn", rng.choice(ENUMS["actielijn"])), ("naam", text()),
                     ("soort", rng.choice(ENUMS["product_soort"]))]
            if rng.random() < 0.4:
                pairs.append(("status", rng.choice(ENUMS["product_status"])))
            if rng.random() < 0.4:
                pairs.append(("geplandDatum", rng.choice([None, self.date(rng)])))
        elif reg == "acties":
            pairs = [("titel", text()), ("niveau", rng.choice(ENUMS["niveau"])),
                     ("soort", rng.choice(ENUMS["actie_soort"]))]
            if rng.random() < 0.5:
                pairs.append(("resultaten", sorted(rng.sample(range(1, 7), rng.randint(0, 3)))))
            if rng.random() < 0.3:
                pairs.append(("principe", rng.choice(ENUMS["principe"] + [None])))
            if rng.random() < 0.3:
                pairs.append(("status", rng.choice(ENUMS["actie_status"])))
            if rng.random() < 0.3:
                pairs += [("startDatum", "2024-01-01"), ("eindDatum", self.date(rng, 2024, 2030))]
            if rng.random() < 0.2:
                pairs.append(("eigenaar", rng.choice([None, "Programmateam"])))
        elif reg == "mijlpalen":
            pairs = [("naam", text()), ("geplandDatum", self.date(rng))]
            if rng.random() < 0.5:
                pairs.append(("beslisorgaan", rng.choice(ENUMS["orgaan"] + [None])))
            if rng.random() < 0.3:
                pairs.append(("status", rng.choice(ENUMS["mijlpaal_status"])))
            if rng.random() < 0.3:
                pairs.append(("actielijn", rng.choice(ENUMS["actielijn"])))
        elif reg == "besluiten":
            pairs = [("orgaan", rng.choice(ENUMS["orgaan"])), ("besluitDatum", self.date(rng, 2021, 2026)),
                     ("onderwerp", text()), ("besluit", rng.choice(["Akkoord", "Aangehouden"]))]
        elif reg == "kennisopdrachten":
            pairs = [("titel", text()), ("horizon", rng.choice([1, 2, 3])),
                     ("gelaagdheid", rng.choice(ENUMS["gelaagdheid"])), ("cyclusfase", rng.choice(ENUMS["cyclusfase"])),
                     ("makelaarsrol", rng.choice(ENUMS["makelaarsrol"]))]
            if rng.random() < 0.4:
                pairs.append(("resultaten", sorted(rng.sample(range(1, 7), rng.randint(0, 3)))))
            if rng.random() < 0.3:
                pairs.append(("status", rng.choice(ENUMS["ko_status"])))
        elif reg == "begroting":
            pairs = [("jaar", rng.randint(2021, 2035)), ("post", self.unique(tc, "fuzzpost")),
                     ("begrootEuro", self.money(rng))]
            if rng.random() < 0.5:
                pairs.append(("gerealiseerdEuro", self.money(rng) if rng.random() < 0.8 else None))
            if rng.random() < 0.3:
                pairs.append(("actielijn", rng.choice(ENUMS["actielijn"] + [None])))
            if rng.random() < 0.3:
                pairs.append(("bron", rng.choice([None, "Jaarverslag"])))
        elif reg == "basisbouwstenen":
            van = self.date(rng, 2021, 2026)
            pairs = [("gemeente", rng.choice(self.gm)), ("geldigVan", van), ("bron", "Convenant (fuzz)")]
            if rng.random() < 0.3:
                pairs.append(("geldigTot", rng.choice([None, "2027-01-01"])))
        elif reg == "rvt-varianten":
            code = self.fresh_code(tc, self.variants, lambda: "V%d%s" % (
                rng.randint(0, 99), rng.choice([""] + list("abcdefghijklmnopqrstuvwxyz"))))
            pairs = [("code", code), ("naam", "Fuzzvariant " + code)]
            if rng.random() < 0.4:
                pairs.append(("isVoorkeur", rng.choice([True, False])))
            if rng.random() < 0.4:
                pairs.append(("omschrijving", rng.choice([None, text()])))
        elif reg == "doelgroepdefinities":
            v = int(self.fresh_code(tc, self.versies, lambda: str(
                rng.randint(2, 2 ** 31 - 1) if rng.random() < 0.5 else rng.randint(2, 100000))))
            pairs = [("definitieVersie", v), ("naam", text()), ("criteria", "kinderen 0-17 (fuzz)"),
                     ("geldigVanaf", self.date(rng))]
        elif reg == "doelgroepschattingen":
            waarde = rand_decimal(rng, D(0), D(20000000), whole=rng.random() < 0.7)
            pairs = [("definitie", self.definitie), ("gebied", rng.choice(self.gm + ["NL"])),
                     ("periode", rng.choice(self.periods)), ("eenheid", rng.choice(ENUMS["dg_eenheid"])),
                     ("probleemgebied", self.unique(tc, "fuzz")), ("waarde", Raw(spell_json(rng, waarde))),
                     ("methode", "schatting (fuzz)"), ("bron", "fuzz")]
            if rng.random() < 0.6:
                pairs.append(("ondergrens", Raw(spell_json(rng, rand_decimal(rng, D(0), waarde)))))
            if rng.random() < 0.6:
                pairs.append(("bovengrens", Raw(spell_json(rng, rand_decimal(rng, waarde, D(20000000))))))
            if rng.random() < 0.3:
                pairs.append(("regime", rng.choice(ENUMS["regime"] + [None])))
            if rng.random() < 0.3:
                pairs.append(("leeftijdsklasse", rng.choice(["0-17", "18-", "0-4", None])))
        else:
            raise ValueError(reg)
        if rng.random() < 0.1:
            rng.shuffle(pairs)
        return Obj(pairs)

    NUMBER_FIELDS = {"begroting": ("begrootEuro", "gerealiseerdEuro", "jaar"),
                     "doelgroepschattingen": ("waarde", "ondergrens", "bovengrens", "definitie"),
                     "doelgroepdefinities": ("definitieVersie",), "kennisopdrachten": ("horizon",),
                     "besluiten": ("mijlpaal",)}
    CHECKED = {"begroting": ("b", ("begrootEuro", "gerealiseerdEuro"), 2),
               "doelgroepschattingen": ("d", ("waarde", "ondergrens", "bovengrens"), None)}

    def gen_register_post(self, tc, reg):
        rng = tc.rng
        doc = self.register_create(rng, tc, reg)
        extra = {}
        if rng.random() < 0.15:
            extra["Idempotency-Key"] = rng.choice([self.unique(tc, "idem-sleutel"), "kort", "x" * 300,
                                                   "sleutel met spatie", "\u00e9\u00e9n-sleutel-12345678",
                                                   "fuzz-vaste-sleutel-%s" % self.tag])
        return self.finish_json(tc, "POST /v1/" + reg, "POST", "/v1/" + reg, doc, self.NUMBER_FIELDS.get(reg, ()),
                                "programma", kind="reg", reg=reg, key=None, extra_headers=extra)

    def gen_register_patch(self, tc, reg):
        rng = tc.rng
        key = tc.targets[reg]
        path = "/v1/%s/%s" % (reg, key)
        if rng.random() < 0.02:
            path = "/v1/%s/%s" % (reg, rng.choice(["0", "999999999", "9" * 40, "A" * 40, "x-y_z"]))
        etag = self.etag_for(tc, path, rng)
        full = self.register_create(rng, tc, reg)
        pairs = [p for p in full.pairs if p[0] not in ("code", "post", "definitieVersie", "probleemgebied")]
        if reg == "doelgroepschattingen":
            # a value with its bounds: each within the others
            pairs = [p for p in pairs if p[0] in ("waarde", "ondergrens", "bovengrens", "methode", "bron")]
        rng.shuffle(pairs)
        doc = Obj(pairs[:rng.randint(1, max(1, len(pairs)))])
        if reg == "doelgroepschattingen" and doc.has("waarde"):
            w = rand_decimal(rng, D(0), D(20000000), whole=rng.random() < 0.7)
            doc.set("waarde", Raw(spell_json(rng, w)))
            doc.set("ondergrens", Raw(spell_json(rng, rand_decimal(rng, D(0), w))) if rng.random() < 0.7 else None)
            doc.set("bovengrens", Raw(spell_json(rng, rand_decimal(rng, w, D(20000000))))
                    if rng.random() < 0.7 else None)
        if rng.random() < 0.03:
            doc.set(rng.choice(["code", "id", "versie"]), rng.choice([key, "ANDERS", 1]))
        return self.finish_json(tc, "PATCH /v1/%s/{id}" % reg, "PATCH", path, doc, self.NUMBER_FIELDS.get(reg, ()),
                                "programma", kind="reg", reg=reg, key=key if path.endswith("/" + key) else "?",
                                if_match=etag)

    def after_register_answer(self, tc, reg, key, req, st, data):
        if not 200 <= st < 300 or reg not in self.CHECKED:
            return
        try:
            item = json.loads(data)
            k = str(item["id"])
        except (ValueError, KeyError, TypeError):
            self.fail("problem", tc, "%d zonder id" % st, req, (st, {}, data))
            return
        self.after_register(tc, reg, k, req.body, key is None, req, st, data)

    def after_register(self, tc, reg, key, body, create, req=None, st=None, data=None):
        if reg not in self.CHECKED:
            return
        kind, fields, scale = self.CHECKED[reg]
        try:
            doc = strict_json(body)
            if not isinstance(doc, dict):
                raise NotDocumented("geen object")
        except NotDocumented as e:
            self.fail("accepted", tc, "%s aanvaard, maar de body is niet wat de API beschrijft: %s" % (reg, e), req,
                      (st, {}, data))
            return
        item = tc.items.setdefault((kind, key), {})
        if create:
            for f in fields:
                item[f] = (None, "json", scale)
        for f in fields:
            if f in doc:
                v = doc[f]
                if v is not None and not isinstance(v, NumText):
                    self.anomaly("accepted-non-number", "%s.%s %r aanvaard" % (reg, f, short(v)), req, (st, data))
                    tc.items.pop((kind, key), None)
                    tc.touched.discard((kind, key))
                    return
                item[f] = (v, "json", scale)
        tc.touched.add((kind, key))
        tc.last_write[(kind, key)] = req

    # ---------------------------------------------------------------- checks in the database

    def flush(self, tc, force=False):
        if not force and len(tc.pending) + len(tc.touched) < 60 and time.time() - tc.last_flush < 8:
            return
        tc.last_flush = time.time()
        pending, tc.pending = tc.pending, []
        touched, tc.touched = tc.touched, set()
        if not pending and not touched:
            return
        q = lambda s: "'" + str(s).replace("'", "''") + "'"
        parts = []
        w = [(i, p) for i, p in enumerate(pending) if p[0] == "w"]
        if w:
            parts.append("SELECT 'w', k.i::text, x.waarde::text, x.teller::text, x.noemer::text, x.recorded_by "
                         "FROM (VALUES %s) AS k(i, ind, geb, per) LEFT JOIN LATERAL (SELECT y.* FROM "
                         "monitoring.waarnemingen y WHERE y.indicator_code = k.ind AND y.gebied_code = k.geb "
                         "AND y.periode_code = k.per ORDER BY y.revisie DESC LIMIT 1) x ON true" % ", ".join(
                             "(%d, %s, %s, %s)" % (i, q(p[1][0][0]), q(p[1][0][1]), q(p[1][0][2])) for i, p in w))
        s = [(i, p) for i, p in enumerate(pending) if p[0] == "s"]
        if s:
            parts.append("SELECT 's', k.i::text, x.waarde::text, NULL, NULL, NULL FROM (VALUES %s) AS "
                         "k(i, ind, geb, jaar, soort) LEFT JOIN monitoring.streefwaarden x ON x.indicator_code = k.ind "
                         "AND x.gebied_code = k.geb AND x.jaar = k.jaar AND x.soort = k.soort" % ", ".join(
                             "(%d, %s, %s, %s, %s)" % (i, q(p[1][0]), q(p[1][1]), int(p[1][2]), q(p[1][3]))
                             for i, p in s))
        pr = [(i, p) for i, p in enumerate(pending) if p[0] == "p"]
        if pr:
            parts.append("SELECT 'p', k.i::text, count(x.waarneming_id)::text, NULL, NULL, NULL FROM (VALUES %s) "
                         "AS k(i, sub) LEFT JOIN monitoring.waarnemingen x ON x.recorded_by = k.sub GROUP BY k.i"
                         % ", ".join("(%d, %s)" % (i, q(p[1])) for i, p in pr))
        items = sorted(touched, key=str)
        for kind, sql in (("b", "SELECT 'b', k.i::text, x.begroot_euro::text, x.gerealiseerd_euro::text, NULL, "
                                "(x.begrotingsregel_id IS NOT NULL)::text FROM (VALUES %s) AS k(i, id) LEFT JOIN "
                                "register.begrotingsregels x ON x.begrotingsregel_id = k.id"),
                          ("d", "SELECT 'd', k.i::text, x.waarde::text, x.ondergrens::text, x.bovengrens::text, "
                                "(x.schatting_id IS NOT NULL)::text FROM (VALUES %s) AS k(i, id) LEFT JOIN "
                                "doelgroep.schattingen x ON x.schatting_id = k.id")):
            sel = [(i, it) for i, it in enumerate(items) if it[0] == kind]
            if sel:
                parts.append(sql % ", ".join("(%d, %d)" % (i, int(it[1])) for i, it in sel))
        sel = [(i, it) for i, it in enumerate(items) if it[0] == "x"]
        if sel:
            parts.append("SELECT 'x', k.i::text, x.bovengrens::text, NULL, NULL, (x.indicator_code IS NOT NULL)::text "
                         "FROM (VALUES %s) AS k(i, code) LEFT JOIN monitoring.indicatoren x ON x.indicator_code = k.code"
                         % ", ".join("(%d, %s)" % (i, q(it[1])) for i, it in sel))
        sel = [(i, it) for i, it in enumerate(items) if it[0] == "a"]
        for i, it in sel:
            parts.append("SELECT 'a', '%d', v.vraag_code, x.waarde_getal::text, NULL, "
                         "(x.vraag_code IS NOT NULL)::text FROM monitoring.vragen v LEFT JOIN monitoring.antwoorden x "
                         "ON x.aanlevering_id = %d AND x.vraag_code = v.vraag_code WHERE v.vragenlijst_id = 1" %
                         (i, int(it[1])))
        if not parts:
            return
        rows = self.psql(" UNION ALL ".join(parts) + ";")
        answers = collections.defaultdict(list)
        for r in rows:
            answers[(r[0], int(r[1]))].append(r[2:])
        for i, p in w:
            (key, vals) = p[1]
            req, sub, form, counts = p[2]
            got = answers.get(("w", i))
            self.count_check("waarnemingen")
            if not got or got[0][0] is None:
                self.fail("exactness", tc, "%s: niets opgeslagen na 201 (%s)" % (key, counts), req)
                continue
            waarde, teller, noemer, by = got[0]
            if by != sub and key not in tc.used_keys:
                # a mutation made this key (a changed byte, a period from the
                # pool): another load may have written it since
                self.anomaly("unverifiable-key", "%s: sleutel niet door de fuzzer gekozen; laatste revisie van %s" %
                             ("/".join(map(str, key)), by), req)
                continue
            if by != sub:
                if counts.get("ongewijzigd"):
                    why = compare(vals["waarde"], waarde, form) and "ongewijzigd, maar de laatste revisie verschilt"
                    if why:
                        self.fail("exactness", tc, "%s: %s" % (key, why), req)
                    continue
                self.fail("exactness", tc, "%s: laatste revisie is van %s, niet van deze lading" % (key, by), req)
                continue
            for f, stored in (("waarde", waarde), ("teller", teller), ("noemer", noemer)):
                why = compare(vals.get(f), stored, form)
                if why:
                    self.fail("exactness", tc, "waarnemingen %s %s: %s" % ("/".join(key), f, why), req)
        for i, p in s:
            got = answers.get(("s", i))
            req, sent = p[2]
            self.count_check("streefwaarden")
            why = "niets opgeslagen" if not got or got[0][0] is None else compare(sent, got[0][0], "json")
            if why:
                self.fail("exactness", tc, "streefwaarden %s: %s" % ("/".join(p[1]), why), req)
        for i, p in pr:
            got = answers.get(("p", i))
            self.count_check("proefrun")
            if got and got[0][0] != "0":
                self.fail("proefrun", tc, "een proefrun sloeg %s rijen op" % got[0][0], p[2])
        names = {"b": "begroting", "d": "doelgroepschattingen", "x": "indicatoren", "a": "antwoorden"}
        for i, it in enumerate(items):
            kind, key = it
            item = tc.items.get(it)
            if item is None:
                continue
            got = answers.get((kind, i))
            self.count_check(names[kind])
            if kind == "a":
                stored = {r[0]: r[1] for r in (got or [])}
                for code, (sent, form, scale) in item.items():
                    why = compare(sent, stored.get(code), form, scale)
                    if why:
                        self.fail("exactness", tc, "antwoorden %s/%s: %s" % (key, code, why),
                                  tc.last_write.get(it))
                continue
            if not got or got[0][3] != "true":
                self.fail("exactness", tc, "%s %s: niet gevonden na een geslaagde write" % (names[kind], key), None)
                continue
            fields = {"b": ("begrootEuro", "gerealiseerdEuro"), "d": ("waarde", "ondergrens", "bovengrens"),
                      "x": ("bovengrens",)}[kind]
            for f, stored in zip(fields, got[0][:3]):
                if f in item:
                    sent, form, scale = item[f]
                    why = compare(sent, stored, form, scale)
                    if why:
                        self.fail("exactness", tc, "%s %s %s: %s" % (names[kind], key, f, why),
                                  tc.last_write.get(it))

    def count_check(self, what):
        with self.lock:
            self.checked[what] += 1

    # ---------------------------------------------------------------- the server's health

    def workers(self):
        found = set()
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open("/proc/%s/stat" % d) as f:
                        stat = f.read()
                except OSError:
                    continue
                if int(stat[stat.rindex(")") + 2:].split()[1]) == self.parent:
                    found.add(int(d))
        return found

    def watch(self):
        while True:
            stopping = self.stop.wait(0.5)
            self.check_server()
            if stopping:
                return

    def check_server(self):
        now = self.workers()
        if now != self.workers0:
            with self.lock:
                inflight = list(self.inflight.values())
                recent = list(self.recent)
            self.fail("crash", None, "Kore-workers veranderd: %s -> %s; parent %s" % (
                sorted(self.workers0), sorted(now), "leeft" if os.path.exists("/proc/%d" % self.parent) else "weg"),
                extra=(0, {}, ("onderweg: %r\nrecent: %r" % (inflight, recent[-10:])).encode()))
            self.workers0 = now
        path = os.path.join(self.state, "kore.log")
        with open(path, "rb") as f:
            f.seek(self.log_pos)
            new = f.read()
        cut = new.rfind(b"\n") + 1
        self.log_pos += cut
        for line in new[:cut].decode("utf-8", "replace").splitlines():
            if re.search(r"\bgone\b|\bdied\b|exited with status", line, re.I):
                with self.lock:
                    inflight = list(self.inflight.values())
                self.fail("crash", None, "kore.log: %s" % line.strip(),
                          extra=(0, {}, ("onderweg: %r" % inflight).encode()))

    # ---------------------------------------------------------------- running

    TABLE = [("obs-json", 19), ("obs-csv", 15), ("obs-json-proefrun", 4), ("obs-csv-proefrun", 4),
             ("antwoorden", 7), ("streefwaarden", 5), ("indicator-post", 4), ("indicator-patch", 4),
             ("aanlevering-post", 1.5), ("aanlevering-patch", 1.5), ("rapportage", 2)] + \
        [("post:" + r, 1.3) for r in REGISTERS] + [("patch:" + r, 1.3) for r in REGISTERS]

    def generate(self, tc):
        what = weighted(tc.rng, self.TABLE)
        if what == "obs-json":
            return self.gen_obs_json(tc, False)
        if what == "obs-csv":
            return self.gen_obs_csv(tc, False)
        if what == "obs-json-proefrun":
            return self.gen_obs_json(tc, True)
        if what == "obs-csv-proefrun":
            return self.gen_obs_csv(tc, True)
        if what == "antwoorden":
            return self.gen_answers(tc)
        if what == "streefwaarden":
            return self.gen_streefwaarde(tc)
        if what == "indicator-post":
            return self.gen_indicator_post(tc)
        if what == "indicator-patch":
            return self.gen_indicator_patch(tc)
        if what == "aanlevering-post":
            return self.gen_delivery_post(tc)
        if what == "aanlevering-patch":
            return self.gen_delivery_patch(tc)
        if what == "rapportage":
            return self.gen_report(tc)
        verb, reg = what.split(":")
        return self.gen_register_post(tc, reg) if verb == "post" else self.gen_register_patch(tc, reg)

    def run_thread(self, tc, count):
        try:
            for _ in range(count):
                if self.halt.is_set():
                    break
                req = self.generate(tc)
                self.send(tc, req)
                self.flush(tc)
            self.flush(tc, force=True)
        except Exception as e:          # a bug of the fuzzer: say so, loudly
            import traceback
            traceback.print_exc()
            self.fail("fuzzer", tc, "%s: %s" % (type(e).__name__, e))

    def send(self, tc, req):
        tc.digest = zlib.crc32(req.endpoint.encode() + b"\0" + (req.body or b""), tc.digest)
        with self.lock:
            self.inflight[tc.t] = (time.strftime("%H:%M:%S"), req.method, req.path, short(req.body, 200))
        t0 = time.time()
        reused = tc.client.conn is not None
        try:
            st, hd, data = tc.client.request(req.method, req.path, req.headers, req.body)
        except NoAnswer as e:
            with self.lock:
                self.sent[req.endpoint] += 1
                self.by_status["geen antwoord"] += 1
                self.endpoint_status[req.endpoint]["geen antwoord"] += 1
                self.inflight.pop(tc.t, None)
            self.fail("crash", tc, "geen antwoord: %s" % e, req)
            return
        took = time.time() - t0
        with self.lock:
            self.latency[req.endpoint][0] += took
            self.latency[req.endpoint][1] = max(self.latency[req.endpoint][1], took)
            self.sent[req.endpoint] += 1
            self.by_status[st] += 1
            self.endpoint_status[req.endpoint][st] += 1
            self.inflight.pop(tc.t, None)
            self.recent.append((time.strftime("%H:%M:%S"), req.method, req.path, st))
        self.check_answer(tc, req, st, hd, data, reused)
        tc.prev = "%s %s -> %d, body %s" % (req.method, req.path, st, short(repr(req.body), 160))
        if req.after is not None:
            req.after(st, hd, data)

    def check_answer(self, tc, req, st, hd, data, reused=False):
        ctype = hd.get("content-type", "")
        base = ctype.split(";")[0].strip().lower()
        if st >= 500:
            self.fail("5xx", tc, "status %d; the thread's request before it (%s): %s" % (
                st, "same connection" if reused else "another connection", tc.prev), req, (st, hd, data))
        if st >= 400 and "api-version" not in hd and not data:
            # Kore's own bare answer: the request never reached the API
            # (README, "Known limits of Kore 4.1": request lines Kore cannot parse)
            self.anomaly_kore(req, st, hd, data)
            return
        if st >= 400:
            if base != "application/problem+json":
                self.fail("problem", tc, "%d met Content-Type %r" % (st, ctype), req, (st, hd, data))
                return
            try:
                p = json.loads(data)
                ok = isinstance(p, dict) and p.get("status") == st and isinstance(p.get("title"), str) \
                    and isinstance(p.get("detail"), str)
            except ValueError:
                ok = False
            if not ok:
                self.fail("problem", tc, "%d: problem+json zonder status/title/detail" % st, req, (st, hd, data))
                return
            if st == 400:
                ip = p.get("invalidParams")
                if not isinstance(ip, list) or not ip or not all(
                        isinstance(x, dict) and isinstance(x.get("name"), str) and isinstance(x.get("reason"), str)
                        for x in ip):
                    self.fail("invalid", tc, "400 zonder invalidParams", req, (st, hd, data))
        elif 200 <= st < 300:
            if base != "application/json":
                self.fail("problem", tc, "%d met Content-Type %r" % (st, ctype), req, (st, hd, data))
            else:
                try:
                    json.loads(data)
                except ValueError:
                    self.fail("problem", tc, "%d: geen JSON" % st, req, (st, hd, data))
            if req.expect_refusal and req.expect_refusal.startswith("verkeerd Content-Type"):
                self.anomaly("accepted-content-type", "%d voor %s" % (st, req.expect_refusal), req, (st, data))
            elif req.expect_refusal:
                self.fail("accepted", tc, "%d terwijl het verzoek geweigerd moest worden (%s)" % (
                    st, req.expect_refusal), req, (st, hd, data))
        else:
            self.fail("problem", tc, "onverwachte status %d" % st, req, (st, hd, data))

    def run(self):
        print("lakmoes write fuzzer: seed %d, %d requests, %d threads, %s" % (
            self.seed, self.args.requests, self.args.threads, self.args.url), flush=True)
        t0 = time.time()
        self.setup()
        print("set-up: %d indicators, %d gemeenten, %d workers %s (%.1f s)" % (
            len(self.ind_codes), len(self.gm), len(self.workers0), sorted(self.workers0), time.time() - t0),
            flush=True)
        watcher = threading.Thread(target=self.watch, daemon=True)
        watcher.start()
        per = [self.args.requests // len(self.ctxs) + (1 if i < self.args.requests % len(self.ctxs) else 0)
               for i in range(len(self.ctxs))]
        threads = [threading.Thread(target=self.run_thread, args=(tc, n)) for tc, n in zip(self.ctxs, per)]

        def halt(signum, frame):
            print("  signal %d: stopping after the requests under way; summary follows" % signum, flush=True)
            self.halt.set()
        signal.signal(signal.SIGINT, halt)
        signal.signal(signal.SIGTERM, halt)
        t1 = time.time()
        for th in threads:
            th.start()
        last = 0
        while any(th.is_alive() for th in threads):
            time.sleep(1)
            done = sum(self.sent.values())
            if time.time() - last > 15:
                last = time.time()
                print("  %6d/%d requests, %.0f/s, failures %d" % (
                    done, self.args.requests, done / max(1e-9, time.time() - t1), sum(self.failure_count.values())),
                    flush=True)
        for th in threads:
            th.join()
        self.duration = time.time() - t1
        time.sleep(1)
        self.stop.set()
        watcher.join()
        self.check_server()
        n = int(self.psql("SELECT count(*) FROM monitoring.voortgangsrapportages")[0][0])
        if n != self.reports_before:
            self.fail("proefrun", None, "%d voortgangsrapportages vastgesteld (alleen proefruns verstuurd)" %
                      (n - self.reports_before))
        return self.summary()

    # ---------------------------------------------------------------- the summary

    def describe(self, rec):
        out = ["    why: %s" % rec["why"]]
        req = rec.get("request")
        if req is not None:
            hdrs = {}
            for k, v in req.headers.items():
                if k == "Authorization":
                    v = "Bearer <HS256 token: role=%s%s>" % (req.who, " org=%s" % self.org_of(req)
                                                             if req.who == "aanleveraar" else "")
                hdrs[k] = v
            out.append("    request: %s %s" % (req.method, req.path))
            out.append("    headers: %r" % hdrs)
            out.append("    body: %s" % (bytes_literal(req.body) if req.body is not None else "None"))
            if rec.get("file"):
                out.append("    body file: %s" % rec["file"])
        ans = rec.get("answer")
        if ans is not None:
            st, hd, data = ans
            out.append("    answer: %s %s %s" % (st, hd.get("content-type", "") if hd else "",
                                                  short(data.decode("utf-8", "replace"), 600)
                                                  if isinstance(data, bytes) else data))
        return "\n".join(out)

    def org_of(self, req):
        for tc in self.ctxs:
            if req.headers.get("Authorization") == "Bearer " + tc.tokens["aanleveraar"]:
                return tc.org
        return "?"

    def summary(self):
        total = sum(self.sent.values())
        lines = ["", "=" * 78, "SUMMARY  seed %d  threads %d  %d write requests in %.1f s (%.0f/s)" % (
            self.seed, len(self.ctxs), total, self.duration, total / max(self.duration, 1e-9)), "=" * 78,
            "", "requests per endpoint (count, mean/max ms, status: count):"]
        for ep in sorted(self.sent):
            sts = ", ".join("%s: %d" % (k, v) for k, v in sorted(self.endpoint_status[ep].items(), key=str))
            lat = self.latency[ep]
            lines.append("  %-46s %6d %5.0f/%-5.0f %s" % (ep, self.sent[ep], 1000 * lat[0] / max(1, self.sent[ep]),
                                                       1000 * lat[1], sts))
        lines += ["", "status counts: " + ", ".join("%s: %d" % kv for kv in sorted(self.by_status.items(), key=str)),
                  "helper requests (ETags, set-up): %d" % sum(self.helpers.values()),
                  "bodies digest (the same for the same seed, thread count and N): %08x" % zlib.crc32(
                      b"".join(b"%08x" % tc.digest for tc in self.ctxs)),
                  "stored values checked: " + ", ".join("%s %d" % kv for kv in sorted(self.checked.items())),
                  "Kore workers at the end: %s" % sorted(self.workers()), ""]
        kinds = ["5xx", "problem", "invalid", "crash", "exactness", "proefrun", "accepted", "fuzzer"]
        lines.append("failures by kind:")
        for k in kinds:
            lines.append("  %-10s %d" % (k, self.failure_count.get(k, 0)))
        for k in kinds:
            if self.failures.get(k):
                lines += ["", "--- %s: first %d of %d ---" % (k, len(self.failures[k]), self.failure_count[k])]
                for rec in self.failures[k]:
                    lines.append(self.describe(rec))
                    lines.append("")
        if self.kore_bare:
            lines += ["", "Kore's own bare answers (README 'Known limits of Kore 4.1': request lines Kore cannot "
                      "parse; not counted as failures): " + ", ".join("%s: %d" % kv for kv in sorted(self.kore_bare.items()))]
            for rec in self.kore_bare_examples[:3]:
                lines.append(self.describe(rec))
        if self.anomaly_count:
            lines += ["", "notes (not failures): " + ", ".join("%s %d" % kv for kv in sorted(self.anomaly_count.items()))]
            for k, recs in sorted(self.anomalies.items()):
                for rec in recs[:2]:
                    lines.append("  [%s]" % k)
                    lines.append(self.describe(rec))
        bad = sum(self.failure_count.values())
        lines += ["", "RESULT: %s (seed %d)" % ("PASS: no failures" if not bad else "FAIL: %d failures" % bad,
                                                  self.seed)]
        text = "\n".join(lines)
        print(text, flush=True)
        with open(os.path.join(self.out, "summary.txt"), "w") as f:
            f.write(text + "\n")
        return 1 if bad else 0


def main():
    ap = argparse.ArgumentParser(description="Fuzzes every write body of the Lakmoes API.")
    ap.add_argument("--url", default=os.environ.get("LAKMOES_FUZZ_URL", ""), help="base URL (LAKMOES_FUZZ_URL)")
    ap.add_argument("--state", default=os.environ.get("LAKMOES_FUZZ_STATE", ""),
                    help="state directory with database.url, kore.pid, kore.log (LAKMOES_FUZZ_STATE)")
    ap.add_argument("--requests", "-n", type=int, default=50000, help="write requests to send (default 50000)")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: chosen and printed)")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--out", default=None, help="where failing bodies and summary.txt go (default STATE/fuzz)")
    args = ap.parse_args()
    if not args.url or not args.state:
        ap.error("--url and --state (or LAKMOES_FUZZ_URL and LAKMOES_FUZZ_STATE) are required")
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 2 ** 31)
    if args.out is None:
        args.out = os.path.join(args.state, "fuzz")
    sys.setrecursionlimit(10000)
    faulthandler.register(signal.SIGUSR1, all_threads=True)     # kill -USR1: where every thread is
    sys.exit(Fuzzer(args).run())


if __name__ == "__main__":
    main()
