// The public dashboard: reads only the public API (/v1, no token), the same
// JSON every external dashboard gets. Charts with Observable Plot (d3-geo
// for the map); every chart has a table and a text summary made from the
// same JSON. A withheld figure reads as withheld, never as zero or a gap.
"use strict";

const API = "/v1";
const GEHEIM = "geheim";
const GEHEIM_UITLEG = "geheim: te klein om te tonen, of uit andere gepubliceerde cijfers af te leiden";
const GEBIEDEN_REEKS = ["NL", "PTS0", "NLR0"];
const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

const $ = (id) => document.getElementById(id);
const state = { indicatoren: new Map(), namen: new Map(), resultaten: new Map() };

// One page of a collection or one item, as JSON (or another format).
async function haal(pad, accept = "application/json") {
  const r = await fetch(API + pad, { headers: { Accept: accept } });
  if (!r.ok) {
    let detail = String(r.status);
    try { detail = (await r.json()).detail || detail; } catch (e) { /* not a problem+json */ }
    throw new Error(detail);
  }
  return accept === "application/json" || accept === "application/geo+json" ? r.json() : r.blob();
}

// Every item of a collection, following the next links.
async function alles(pad) {
  let items = [];
  let volgende = pad + (pad.includes("?") ? "&" : "?") + "limit=1000";
  while (volgende) {
    const pagina = await haal(volgende);
    items = items.concat(pagina.items);
    volgende = pagina.next ? pagina.next.replace(/^\/v1/, "") : null;
  }
  return items;
}

function meld(tekst) {
  const m = $("melding");
  m.textContent = tekst;
  m.hidden = !tekst;
}

function el(tag, attrs = {}, ...kinderen) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v; else e.setAttribute(k, v);
  }
  for (const k of kinderen) e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  return e;
}

// A table from a header and rows of cell texts; the first cell of a row is its header.
function tabel(id, kop, rijen, bijschrift) {
  const t = $(id);
  const caption = t.querySelector("caption");
  t.replaceChildren();
  if (bijschrift || caption) t.append(el("caption", { class: "utrecht-table__caption" }, bijschrift || caption.textContent));
  const thead = el("thead", { class: "utrecht-table__header" },
    el("tr", { class: "utrecht-table__row" }, ...kop.map((k) => el("th", { class: "utrecht-table__header-cell", scope: "col" }, k))));
  const tbody = el("tbody", { class: "utrecht-table__body" });
  for (const rij of rijen) {
    tbody.append(el("tr", { class: "utrecht-table__row" },
      ...rij.map((c, i) => i === 0
        ? el("th", { class: "utrecht-table__header-cell", scope: "row" }, c)
        : el("td", { class: "utrecht-table__cell" + (typeof c === "string" && c.startsWith(GEHEIM) ? " lakmoes-geheim" : "") }, c))));
  }
  t.append(thead, tbody);
}

// What a monitor row says about its value, in words.
function waardeTekst(rij, veld = "waarde") {
  if (rij.geheimhouding === GEHEIM) return GEHEIM_UITLEG;
  if (rij[veld] === null || rij[veld] === undefined) return "geen cijfer";
  return getal.format(rij[veld]) + (rij.geheimhouding === "afgerond" && veld === "waarde" ? " (afgerond op 5)" : "");
}

function toelichting(rij) {
  const delen = [rij.status];
  if (rij.kwartalenTotaal) {
    delen.push(rij.kwartalenGeleverd < rij.kwartalenTotaal
      ? `onvolledig: ${rij.kwartalenGeleverd} van ${rij.kwartalenTotaal} kwartalen`
      : `afgeleid uit ${rij.kwartalenTotaal} kwartalen`);
  }
  if (rij.geaggregeerd && rij.ledenTotaal) delen.push(`opgeteld uit ${rij.ledenGeleverd} van ${rij.ledenTotaal} gemeenten`);
  return delen.filter(Boolean).join("; ");
}

function naam(code) { return state.namen.get(code) || code; }

// A chart as one image for assistive technology: its name (Plot's
// ariaLabel) on the chart's svg, with role img, and none of the per-mark
// labels Plot puts on the groups inside (an aria-label on a g without a
// role is not allowed); the legend repeats what the summary says.
function alsAfbeelding(node) {
  const svgs = node.tagName.toLowerCase() === "svg" ? [node] : [...node.querySelectorAll("svg")];
  const grafiek = svgs[svgs.length - 1];	// a figure puts its legend first
  for (const e of node.querySelectorAll("[aria-label], [aria-description]")) {
    if (e === grafiek) continue;
    e.removeAttribute("aria-label");
    e.removeAttribute("aria-description");
  }
  grafiek.setAttribute("role", "img");
  for (const e of svgs) if (e !== grafiek) e.setAttribute("aria-hidden", "true");
  return node;
}

async function laadKeuzes() {
  const [indicatoren, perioden, regios, resultaten] = await Promise.all([
    alles("/indicatoren"), alles("/perioden"), alles("/regios"), alles("/resultaten")]);
  for (const r of regios) state.namen.set(r.code, r.naam);
  state.namen.set("NL", "Nederland");
  for (const r of resultaten) state.resultaten.set(Number(r.code), r.naam);

  const sel = $("indicator");
  const themas = new Map();
  for (const i of indicatoren.filter((i) => i.thema !== "bevolking")) {
    const thema = i.thema || "overig";
    state.indicatoren.set(i.code, i);
    if (!themas.has(thema)) themas.set(thema, []);
    themas.get(thema).push(i);
  }
  for (const [thema, lijst] of [...themas].sort()) {
    const groep = el("optgroup", { label: thema.replaceAll("_", " ") });
    for (const i of lijst.sort((a, b) => a.naam.localeCompare(b.naam, "nl"))) groep.append(el("option", { value: i.code }, i.naam));
    sel.append(groep);
  }
  const vandaag = new Date().toISOString().slice(0, 10);
  const afgelopen = perioden.filter((p) => p.eindDatum < vandaag).sort((a, b) => b.eindDatum.localeCompare(a.eindDatum) || a.code.localeCompare(b.code));
  const ps = $("periode");
  for (const [soort, label] of [["halfjaar", "Halfjaren"], ["jaar", "Jaren"], ["kwartaal", "Kwartalen"]]) {
    const groep = el("optgroup", { label });
    for (const p of afgelopen.filter((p) => p.soort === soort)) groep.append(el("option", { value: p.code }, p.naam));
    ps.append(groep);
  }
  // Start with a figure that has data: the indicator with the most
  // jeugdregio values in the latest half year that has any.
  const start = await startKeuze(afgelopen.filter((p) => p.soort === "halfjaar").map((p) => p.code));
  if (start) { sel.value = start.indicator; ps.value = start.periode; }
}

async function startKeuze(halfjaren) {
  for (const periode of halfjaren.slice(0, 6)) {
    const rijen = await alles(`/sectormonitor?periode=${periode}&gebiedSoort=jeugdregio&monitoringtype=landelijk`);
    const tel = new Map();
    for (const r of rijen) if (r.geheimhouding !== GEHEIM && r.waarde !== null) tel.set(r.indicator, (tel.get(r.indicator) || 0) + 1);
    const beste = [...tel].filter(([code]) => state.indicatoren.has(code)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (beste) return { indicator: beste[0], periode };
  }
  return null;
}

function toonIndicator(i) {
  const dl = $("indicator-info");
  dl.replaceChildren();
  const items = [["Definitie", i.definitie], ["Eenheid", i.eenheid], ["Validatiestatus", i.validatiestatus === "gevalideerd"
    ? "gevalideerd: bruikbaar voor verantwoording" : i.validatiestatus.replaceAll("_", " ") + ": nog niet voor verantwoording"],
  ["Monitoring", i.monitoringtype], ["Bron", i.bron || "onbekend"]];
  for (const [k, v] of items) {
    dl.append(el("div", { class: "utrecht-data-list__item" },
      el("dt", { class: "utrecht-data-list__item-key" }, k), el("dd", { class: "utrecht-data-list__item-value" }, v || "")));
  }
}

// GeoJSON (RFC 7946) winds an outer ring counter-clockwise; d3-geo, which
// draws on the sphere, takes that for everything outside it. A polygon
// covering more than half the globe is turned round.
function rechtsom(fc) {
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polygonen = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    for (const poly of polygonen) {
      if (d3.geoArea({ type: "Polygon", coordinates: poly }) > 2 * Math.PI) for (const ring of poly) ring.reverse();
    }
  }
}

async function toonKaart(i, periode, soort) {
  const [fc, rijen] = await Promise.all([
    haal(`/regios?soort=${soort}`, "application/geo+json"),
    alles(`/sectormonitor?indicator=${i.code}&periode=${periode}&gebiedSoort=${soort}`)]);
  rechtsom(fc);
  const perGebied = new Map(rijen.map((r) => [r.gebied, r]));
  const waarde = (f) => { const r = perGebied.get(f.id); return r && r.geheimhouding !== GEHEIM ? r.waarde : null; };
  const geheim = fc.features.filter((f) => (perGebied.get(f.id) || {}).geheimhouding === GEHEIM);
  const zonder = fc.features.filter((f) => !perGebied.has(f.id) || (perGebied.get(f.id).waarde === null && perGebied.get(f.id).geheimhouding !== GEHEIM));
  const label = `${i.naam} (${i.eenheid}), ${periode}`;
  const kaart = Plot.plot({
    width: 560, height: 640,
    projection: { type: "mercator", domain: fc },
    // five blues from light to dark, the lightest still apart from the grey of "no figure"
    color: { type: "quantize", range: d3.schemeBlues[6].slice(1), legend: rijen.some((r) => r.geheimhouding !== GEHEIM && r.waarde !== null),
      label, unknown: "#d9d9d9" },
    ariaLabel: `Kaart van de ${soort === "jeugdregio" ? "jeugdregio's" : "Veilig Thuis-regio's"}: ${label}`,
    ariaDescription: "Dezelfde cijfers staan in de tabel onder de kaart.",
    marks: [
      Plot.geo(fc, { fill: waarde, stroke: "#333", strokeWidth: 0.6,
        title: (f) => `${f.properties.naam}: ${perGebied.has(f.id) ? waardeTekst(perGebied.get(f.id)) : "geen cijfer"}` }),
      Plot.text(geheim, Plot.centroid({ text: () => "geheim", fontSize: 10, fill: "#1a1a1a" })),
      Plot.text(zonder, Plot.centroid({ text: () => "–", fontSize: 12, fill: "#1a1a1a" })),
    ],
  });
  $("kaart").replaceChildren(alsAfbeelding(kaart));
  const getoond = rijen.filter((r) => r.geheimhouding !== GEHEIM && r.waarde !== null).sort((a, b) => b.waarde - a.waarde);
  const delen = [`${label}.`];
  if (getoond.length) {
    delen.push(`Hoogste: ${naam(getoond[0].gebied)} (${getal.format(getoond[0].waarde)}); laagste: ${naam(getoond[getoond.length - 1].gebied)} (${getal.format(getoond[getoond.length - 1].waarde)}).`);
  }
  delen.push(`${getoond.length} van ${fc.features.length} regio's met een cijfer, ${geheim.length} geheim, ${zonder.length} zonder cijfer.`);
  delen.push("Grijs met ‘geheim’ op de kaart: geheimgehouden; grijs met een streepje: geen cijfer.");
  $("kaart-samenvatting").textContent = delen.join(" ");
  tabel("kaart-tabel", ["Regio", "Waarde", "Per 1.000", "Toelichting"],
    fc.features.map((f) => f.properties).sort((a, b) => a.naam.localeCompare(b.naam, "nl")).map((p) => {
      const r = perGebied.get(p.code);
      return r ? [p.naam, waardeTekst(r), r.per1000 === null ? "" : waardeTekst(r, "per1000"), toelichting(r)] : [p.naam, "geen cijfer", "", ""];
    }), `${label}, per regio`);
}

async function toonReeks(i, periode) {
  const soort = /-H/.test(periode) ? /-H[12]$/ : /-Q/.test(periode) ? /-Q[1-4]$/ : /^[0-9]{4}$/;
  const rijen = (await alles(`/sectormonitor?indicator=${i.code}&gebied=${GEBIEDEN_REEKS.join(",")}`))
    .filter((r) => soort.test(r.periode)).sort((a, b) => a.periode.localeCompare(b.periode));
  // counts compare per 1,000 of the population where there is a basis
  const per1000 = i.eenheid === "aantal" && rijen.some((r) => r.per1000 !== null);
  const veld = per1000 ? "per1000" : "waarde";
  const eenheid = per1000 ? `per 1.000 ${i.basisIndicator === "CBS_MINDERJARIGEN" ? "minderjarigen" : "inwoners"}` : i.eenheid;
  const punten = rijen.map((r) => ({ ...r, reeks: naam(r.gebied), y: r.geheimhouding === GEHEIM ? null : r[veld] }));
  const getoond = punten.filter((p) => p.y !== null);
  const geheim = punten.filter((p) => p.geheimhouding === GEHEIM);
  // one label per period: which series are withheld there
  const geheimPerPeriode = [...d3.group(geheim, (p) => p.periode)].map(([periode, ps]) =>
    ({ periode, tekst: "geheim: " + ps.map((p) => p.reeks).join(", ") }));
  const grafiek = Plot.plot({
    width: 760, height: 360, marginLeft: 60, marginBottom: 50,
    x: { type: "point", label: "Periode", tickRotate: -30 },
    y: { grid: true, label: eenheid, zero: true },
    color: { legend: true, domain: GEBIEDEN_REEKS.map(naam), range: ["#154273", "#d4462a", "#5b8c3a"] },
    symbol: { legend: false, domain: GEBIEDEN_REEKS.map(naam), range: ["circle", "square", "triangle"] },
    ariaLabel: `Verloop van ${i.naam} (${eenheid}) voor ${GEBIEDEN_REEKS.map(naam).join(", ")}`,
    ariaDescription: "Dezelfde cijfers staan in de tabel onder de grafiek.",
    marks: [
      Plot.line(punten.filter((d) => d.gebied !== "NLR0"), { x: "periode", y: "y", stroke: "reeks", z: "reeks" }),
      Plot.line(punten.filter((d) => d.gebied === "NLR0"), { x: "periode", y: "y", stroke: "reeks", strokeDasharray: "6,3" }),
      Plot.dot(getoond, { x: "periode", y: "y", stroke: "reeks", fill: "reeks", symbol: "reeks", r: 3.5,
        title: (d) => `${d.reeks}, ${d.periode}: ${getal.format(d.y)}` }),
      Plot.ruleX(geheimPerPeriode, { x: "periode", stroke: "#767676", strokeDasharray: "2,3" }),
      Plot.text(geheimPerPeriode, { x: "periode", frameAnchor: "top", text: "tekst", rotate: -90, textAnchor: "end", dx: -4, fontSize: 9, fill: "#1a1a1a" }),
    ],
  });
  $("reeks").replaceChildren(alsAfbeelding(grafiek));
  const laatste = new Map();
  for (const p of getoond) laatste.set(p.reeks, p);
  const zin = [...laatste.values()].map((p) => `${p.reeks} ${getal.format(p.y)} (${p.periode})`).join(", ");
  $("reeks-samenvatting").textContent = `${i.naam}, ${eenheid}. ` + (zin ? `Laatste cijfers: ${zin}.` : "Nog geen cijfers.") +
    (geheim.length ? ` ${geheim.length} cijfers zijn geheim (gestippelde lijn in de grafiek).` : "") +
    " De proeftuinen samen: een ononderbroken rode lijn met vierkantjes; de rest van Nederland: een gestreepte groene lijn met driehoekjes.";
  const perioden = [...new Set(rijen.map((r) => r.periode))];
  tabel("reeks-tabel", ["Periode", ...GEBIEDEN_REEKS.map(naam)], perioden.map((per) => [per, ...GEBIEDEN_REEKS.map((g) => {
    const r = rijen.find((x) => x.periode === per && x.gebied === g);
    return r ? waardeTekst(r, veld) + (r.kwartalenTotaal && r.kwartalenGeleverd < r.kwartalenTotaal ? " (onvolledig)" : "") : "geen cijfer";
  })]), `${i.naam}, ${eenheid}, per periode`);
}

function halfjaarVan(periode) {
  if (/-H[12]$/.test(periode)) return periode;
  if (/-Q[12]$/.test(periode)) return periode.slice(0, 4) + "-H1";
  if (/-Q[34]$/.test(periode)) return periode.slice(0, 4) + "-H2";
  return periode + "-H2";
}

async function toonTransitie(periode) {
  const hj = halfjaarVan(periode);
  const rijen = await alles(`/transitiemonitor?periode=${hj}`);
  $("transitie-periode").textContent = `Halfjaar ${hj}.`;
  // the helikopterblik: everything the programme does against the six
  // results, directly and indirectly, and what is not linked yet
  const heli = rijen.filter((r) => r.onderdeel === "helikopterblik");
  const resultaten = [...state.resultaten.keys()].sort((a, b) => a - b);
  const SOORTEN = [["projecten", "Projecten"], ["producten", "Producten"], ["acties", "Acties"], ["kennisopdrachten", "Kennisopdrachten"]];
  const som = (f) => heli.filter(f).reduce((s, r) => s + (r.waarde || 0), 0);
  const cel = (res, groep) => {
    if (res === null) return getal.format(som((r) => r.resultaat === null && r.groep === groep && r.maat === "niet_gekoppeld"));
    const d = som((r) => r.resultaat === res && r.groep === groep && r.maat === "direct");
    const i = som((r) => r.resultaat === res && r.groep === groep && r.maat === "indirect");
    return `${getal.format(d)} direct, ${getal.format(i)} indirect`;
  };
  const totaal = (res) => getal.format(res === null
    ? som((r) => r.resultaat === null && r.maat === "niet_gekoppeld")
    : som((r) => r.resultaat === res && (r.maat === "direct" || r.maat === "indirect")));
  tabel("helikopter-tabel", ["Gewenst resultaat", ...SOORTEN.map((s) => s[1]), "Totaal"],
    [...resultaten, null].map((res) => [res === null ? "Nog niet gekoppeld" : `${res}. ${state.resultaten.get(res)}`,
      ...SOORTEN.map(([g]) => cel(res, g)), totaal(res)]),
    `Wat het programma doet per gewenst resultaat, ${hj}`);
  const minste = heli.filter((r) => r.maat === "minste_volume").sort((a, b) => a.resultaat - b.resultaat);
  $("helikopter-samenvatting").textContent = minste.length
    ? `Minste volume (${getal.format(minste[0].waarde)}): ` +
      minste.map((r) => `resultaat ${r.resultaat} (${state.resultaten.get(r.resultaat)})`).join(", ") + ". " +
      `Nog niet aan een resultaat gekoppeld: ${totaal(null)}.`
    : "";
  const mijlpalen = rijen.filter((r) => r.onderdeel === "mijlpalen");
  tabel("mijlpalen-tabel", ["Stand", "Aantal"], mijlpalen.map((r) => [r.maat.replaceAll("_", " "), waardeTekst(r)]),
    `Mijlpalen met een geplande datum in ${hj}`);
  const spreiding = rijen.filter((r) => r.onderdeel === "spreiding");
  const groepen = [...new Set(spreiding.map((r) => r.groep))];
  tabel("spreiding-tabel", ["Groep", "Gemeenten", "Aandeel van alle gemeenten"], groepen.map((g) => {
    const r = (m) => spreiding.find((x) => x.groep === g && x.maat === m);
    return [g.replaceAll("_", " "), r("gemeenten") ? waardeTekst(r("gemeenten")) : "", r("aandeel") ? waardeTekst(r("aandeel")) + " %" : ""];
  }), `Waar de verandering plaatsvindt, ${hj}`);
}

async function toonRapportage() {
  const lijst = await alles("/voortgangsrapportages");
  const plek = $("rapportage");
  plek.replaceChildren();
  if (!lijst.length) {
    plek.append(el("p", { class: "utrecht-paragraph" }, "Er is nog geen voortgangsrapportage vastgesteld."));
    return;
  }
  const r = lijst.sort((a, b) => b.periode.localeCompare(a.periode))[0];
  const dl = el("dl", { class: "utrecht-data-list" });
  for (const [k, v] of [["Halfjaar", r.periode], ["Vastgesteld op", new Date(r.vastgesteldOp).toLocaleString("nl-NL")],
    ["Controlegetal (SHA-256 van de inhoud)", r.inhoudHash]]) {
    dl.append(el("div", { class: "utrecht-data-list__item" }, el("dt", { class: "utrecht-data-list__item-key" }, k),
      el("dd", { class: "utrecht-data-list__item-value lakmoes-hash" }, v)));
  }
  const knoppen = el("p", { class: "utrecht-button-group" });
  for (const [label, type, ext] of [["Download als CSV", "text/csv", "csv"],
    ["Download als Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"]]) {
    const knop = el("button", { type: "button", class: "utrecht-button utrecht-button--secondary-action" }, label);
    knop.addEventListener("click", async () => {
      try {
        const blob = await haal(`/voortgangsrapportages/${r.periode}`, type);
        const a = el("a", { href: URL.createObjectURL(blob), download: `voortgangsrapportage-${r.periode}.${ext}` });
        document.body.append(a);
        a.click();
        a.remove();
      } catch (e) { meld(`De download lukte niet: ${e.message}`); }
    });
    knoppen.append(knop);
  }
  plek.append(el("h3", { class: "utrecht-heading-3" }, `Laatst vastgesteld: ${r.periode}`), dl, knoppen);
}

async function toon() {
  const i = state.indicatoren.get($("indicator").value);
  const periode = $("periode").value;
  if (!i || !periode) return;
  meld("");
  toonIndicator(i);
  try {
    await Promise.all([toonKaart(i, periode, $("gebiedsoort").value), toonReeks(i, periode), toonTransitie(periode)]);
    document.body.dataset.klaar = "ja";
  } catch (e) {
    meld(`De cijfers konden niet worden geladen: ${e.message}`);
  }
}

async function start() {
  try {
    await laadKeuzes();
    for (const id of ["indicator", "periode", "gebiedsoort"]) $(id).addEventListener("change", () => { document.body.dataset.klaar = ""; toon(); });
    await Promise.all([toon(), toonRapportage()]);
  } catch (e) {
    meld(`Het dashboard kon niet starten: ${e.message}`);
  }
}

document.addEventListener("DOMContentLoaded", start);
