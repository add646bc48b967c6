"""No withheld figure can be recovered by differencing (secondary
suppression, R__10). Tried the way an attacker would: a generated count
with many small cells for every gemeente and quarter of a year is loaded;
the attacker reads what is published (without a token, and as a proeftuin
that sees its own figures raw), sets up every relation of a total and its
parts that the published membership and periods give (an area and its
gemeenten, the country and each partition of it, the proeftuinen together,
per tranche and the rest, a half year or year and its quarters, a year and
its half years), counts a rounded value as the interval it stands for and a
withheld one as unknown, and narrows every cell by interval propagation to
a fixed point. No withheld cell may come out with fewer candidate values
than the threshold allows. The same attack on the figures with each cell
controlled on its own (what was published before) must succeed, or the
attack proves nothing."""
import hashlib
import json

from conftest import bearer, post_json, request, sql, token

PROGRAMMA = bearer(token(role="programma", sub="programmateam-geheimhouding"))
INDICATOR = "TEST_VERSCHIL"
JAAR = "2024"
KWARTALEN = [JAAR + "-Q%d" % k for k in range(1, 5)]
PERIODEN = KWARTALEN + [JAAR + "-H1", JAAR + "-H2", JAAR]
ONEINDIG = 10 ** 12


def waarde(gemeente, kwartaal):
    """Many small cells: some 40 % below 10."""
    h = int(hashlib.sha256((gemeente + kwartaal).encode()).hexdigest()[:8], 16)
    return h % 25


def pages(path, headers=None):
    out, nxt = [], path
    while nxt:
        r = request("GET", nxt, headers or {})
        assert r.status == 200, r.body[:300]
        page = r.json()
        out += page["items"]
        nxt = page["next"]
        if nxt:
            nxt = nxt[nxt.index("/v1/"):]
    return out


def setup_module():
    r = post_json("/v1/indicatoren", {
        "code": INDICATOR, "naam": "Test voor verschilaanvallen", "definitie": "test", "eenheid": "aantal",
        "soort": "output", "monitoringtype": "landelijk", "richting": "neutraal",
        "validatiestatus": "in_ontwikkeling"}, PROGRAMMA)
    assert r.status == 201, r.body
    gemeenten = [g["code"] for g in pages("/v1/gemeenten?limit=1000")]
    rows = [{"indicator": INDICATOR, "gebied": g, "periode": k, "waarde": waarde(g, k), "status": "definitief",
             "bron": "test"} for g in gemeenten for k in KWARTALEN]
    r = request("POST", "/v1/waarnemingen", dict(PROGRAMMA, **{"Content-Type": "application/json"}),
                json.dumps(rows).encode(), timeout=600)
    assert r.status == 201, r.body[:500]


def relations():
    """Every total with its parts, from the published membership and periods."""
    gemeenten = pages("/v1/gemeenten?limit=1000")
    proeftuinen = pages("/v1/proeftuinen?limit=100")
    leden = {"NL": [g["code"] for g in gemeenten]}
    for soort in ("provincie", "jeugdregio", "veiligThuisRegio", "veiligheidsregio"):
        for g in gemeenten:
            leden.setdefault(g[soort], []).append(g["code"])
    partities = {soort: sorted({g[soort] for g in gemeenten})
                 for soort in ("provincie", "jeugdregio", "veiligThuisRegio", "veiligheidsregio")}
    for p in proeftuinen:
        leden[p["code"]] = p["gemeenten"]
        leden.setdefault("PTS0", []).extend(p["gemeenten"])
        leden.setdefault("PTS%d" % p["tranche"], []).extend(p["gemeenten"])
    leden["NLR0"] = sorted(set(leden["NL"]) - set(leden["PTS0"]))
    # the published membership of the comparison areas agrees with the proeftuinen'
    for code in ("PTS0", "PTS1", "PTS2", "NLR0"):
        assert sorted(g["code"] for g in pages("/v1/gemeenten?limit=1000&regio=" + code)) == sorted(leden[code])
    tranche = {}
    for p in proeftuinen:
        tranche.setdefault("PTS0", []).append(p["code"])
        tranche.setdefault("PTS%d" % p["tranche"], []).append(p["code"])
    out = []
    for per in PERIODEN:
        for area, parts in leden.items():
            out.append(((area, per), [(g, per) for g in parts]))
        for parts in partities.values():
            out.append((("NL", per), [(a, per) for a in parts]))
        out.append((("NL", per), [("PTS0", per), ("NLR0", per)]))
        out.append((("PTS0", per), [("PTS1", per), ("PTS2", per)]))
        for area, parts in tranche.items():
            out.append(((area, per), [(p, per) for p in parts]))
    areas = {c for total, parts in out for c in [total] + parts}
    for area in {a for a, _ in areas}:
        out.append(((area, JAAR + "-H1"), [(area, k) for k in KWARTALEN[:2]]))
        out.append(((area, JAAR + "-H2"), [(area, k) for k in KWARTALEN[2:]]))
        out.append(((area, JAAR), [(area, k) for k in KWARTALEN]))
        out.append(((area, JAAR), [(area, JAAR + "-H1"), (area, JAAR + "-H2")]))
    return out


def attack(published, relations, d, exact=()):
    """Interval propagation to a fixed point; published: cell -> value or
    None (withheld); exact: cells the audience knows raw (cell -> value).
    Returns cell -> (lo, hi)."""
    bounds = {}
    for cell, v in published.items():
        if cell in exact:
            bounds[cell] = (exact[cell], exact[cell])
        elif v is None:
            bounds[cell] = (0, ONEINDIG)
        else:
            bounds[cell] = (max(v - 2, d), v + 2)
    rels = [(t, ps) for t, ps in relations if t in bounds and all(p in bounds for p in ps)]
    changed = True
    while changed:
        changed = False
        for t, ps in rels:
            slo = sum(bounds[p][0] for p in ps)
            shi = sum(bounds[p][1] for p in ps)
            tlo, thi = bounds[t]
            new = {t: (max(tlo, slo), min(thi, shi))}
            for p in ps:
                lo, hi = new.get(p, bounds[p])
                new[p] = (max(lo, tlo - (shi - bounds[p][1])), min(hi, thi - (slo - bounds[p][0])))
            for c, b in new.items():
                if b != bounds[c]:
                    bounds[c] = b
                    changed = True
    return bounds


def disclosed(published, bounds, d, own=()):
    return sorted(c for c, v in published.items()
                  if v is None and c not in own and bounds[c][1] - bounds[c][0] + 1 < d)


def monitor(headers=None):
    return {(x["gebied"], x["periode"]): x for x in
            pages("/v1/sectormonitor?indicator=%s&limit=1000" % INDICATOR, headers)}


def test_no_withheld_cell_can_be_narrowed_by_differencing():
    d = int(float(sql("SELECT monitoring.onthulling_drempel()")))
    rels = relations()
    public = monitor()
    raw = monitor(PROGRAMMA)
    assert len(public) == len(raw) > 3000
    published = {c: x["waarde"] for c, x in public.items()}
    withheld = [c for c, v in published.items() if v is None]
    small = [c for c, x in raw.items() if x["waarde"] < d]
    assert len(small) > 500, "a data set with many small cells"
    assert set(small) <= set(withheld)

    # each cell controlled on its own: the attack recovers small cells
    naive = {c: (None if x["waarde"] < d else round(x["waarde"] / 5) * 5) for c, x in raw.items()}
    found = disclosed(naive, attack(naive, rels, d), d)
    print("controlled one by one: %d withheld cells narrowed below %d candidates" % (len(found), d))
    assert len(found) > 50, "the attack works on cells controlled one by one"

    # what is published: nothing
    assert disclosed(published, attack(published, rels, d), d) == []
    extra = len(withheld) - len(small)
    print("cells %d, small %d, withheld besides them %d" % (len(published), len(small), extra))
    assert 0 < extra < len(published) / 4, "some cells withheld to protect others, not all of them"
    # rounded values are what they say
    for c, v in published.items():
        if v is not None:
            assert v % 5 == 0 and abs(v - raw[c]["waarde"]) <= 2

    # a proeftuin reading its own figures raw next to the published ones
    for pt in ("PT01", "PT10"):
        seen = monitor(bearer(token(role="aanleveraar", org=pt)))
        own = {c: x["waarde"] for c, x in seen.items() if c[0] == pt}
        assert own and all(v == raw[c]["waarde"] for c, v in own.items())
        mine = {c: x["waarde"] for c, x in seen.items()}
        # what it knows from its own figures alone (its total bounds its gemeenten) no suppression takes away
        alone = attack({c: None for c in mine}, rels, d, exact=own)
        own_only = {c for c in mine if c[0] != pt and alone[c][1] - alone[c][0] + 1 < d}
        bounds = attack(mine, rels, d, exact=own)
        assert [c for c in disclosed(mine, bounds, d, own) if c not in own_only] == [], pt
