// The public dashboard in Debian's Chromium: it loads with no console error
// and no failed request, draws the map and the series from the API's own
// numbers, shows a withheld cell as withheld, downloads the report, works
// by keyboard, and axe-core finds no WCAG 2.1 A/AA violation on any view.
// A screenshot of each view is kept in $ARTEFACTS.
const crypto = require("crypto");
const path = require("path");
const { test, expect } = require("@playwright/test");
const { default: AxeBuilder } = require("@axe-core/playwright");

const ARTEFACTS = process.env.ARTEFACTS || "/tmp";
const getal = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 2 });

// A programme token signed like the server's tokens (HS256, the test secret).
function token(role = "programma") {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: "HS256", typ: "JWT" });
  const body = b64({ sub: "browsertest", role, iss: process.env.LAKMOES_JWT_ISSUER,
    aud: process.env.LAKMOES_JWT_AUDIENCE, iat: now, exp: now + 600 });
  const sig = crypto.createHmac("sha256", process.env.LAKMOES_JWT_SECRET).update(head + "." + body).digest("base64url");
  return `${head}.${body}.${sig}`;
}

// Fails the test on any console error, failed request or error answer.
function watch(page) {
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push("console: " + m.text()); });
  page.on("pageerror", (e) => problems.push("page error: " + e.message));
  page.on("requestfailed", (r) => problems.push("failed: " + r.url()));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  return problems;
}

async function ready(page) {
  await expect(page.locator("body")).toHaveAttribute("data-klaar", "ja", { timeout: 45000 });
}

async function axe(page, name) {
  await page.screenshot({ path: path.join(ARTEFACTS, name + ".png"), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`)).toEqual([]);
}

async function json(request, url) {
  const r = await request.get(url, { headers: { Accept: "application/json" } });
  expect(r.status()).toBe(200);
  return r.json();
}

// the cell of the row headed `rowHeader` in column `col` of a table
async function cell(page, table, rowHeader, col) {
  const row = page.locator(`#${table} tbody tr`).filter({ has: page.locator("th", { hasText: new RegExp(`^${rowHeader.replace(/[()]/g, "\\$&")}$`) }) });
  return (await row.locator("td").nth(col - 1).textContent()).trim();
}

test("the dashboard loads and draws the map and the series from the API's numbers", async ({ page, request }) => {
  const problems = watch(page);
  await page.goto("/");
  await ready(page);
  const indicator = await page.locator("#indicator").inputValue();
  const periode = await page.locator("#periode").inputValue();
  expect(indicator).not.toBe("");

  // the map: one shape per jeugdregio, each region's value as the API gives it
  await expect(page.locator("#kaart svg[role=img]")).toHaveCount(1);
  expect(await page.locator("#kaart svg[role=img] path").count()).toBeGreaterThanOrEqual(42);
  const rows = (await json(request, `/v1/sectormonitor?indicator=${indicator}&periode=${periode}&gebiedSoort=jeugdregio&limit=100`)).items;
  const regios = new Map((await json(request, "/v1/regios?soort=jeugdregio")).items.map((r) => [r.code, r.naam]));
  const shown = rows.find((r) => r.waarde !== null && r.geheimhouding !== "geheim");
  expect(shown).toBeTruthy();
  expect(await cell(page, "kaart-tabel", regios.get(shown.gebied), 1)).toContain(getal.format(shown.waarde));

  // the series: the Netherlands in that period, as the API gives it
  const nl = (await json(request, `/v1/sectormonitor?indicator=${indicator}&periode=${periode}&gebied=NL`)).items[0];
  const veld = nl.per1000 !== null && nl.eenheid === "aantal" ? "per1000" : "waarde";
  expect(await cell(page, "reeks-tabel", periode, 1)).toContain(getal.format(nl[veld]));
  await expect(page.locator("#reeks svg[role=img]")).toHaveCount(1);
  await expect(page.locator("#kaart-samenvatting")).toContainText("Hoogste:");
  // the helikopterblik: six results and what is not linked yet, the thinnest named
  await expect(page.locator("#helikopter-tabel tbody tr")).toHaveCount(7);
  await expect(page.locator("#helikopter-tabel tbody tr").last()).toContainText("Nog niet gekoppeld");
  await expect(page.locator("#helikopter-samenvatting")).toContainText("Minste volume");
  expect(problems).toEqual([]);
  await axe(page, "dashboard-jeugdregios");
});

test("choosing by keyboard redraws: Veilig Thuis-regio's, another indicator and period", async ({ page, request }) => {
  const problems = watch(page);
  await page.goto("/");
  await ready(page);
  // by keyboard: the skip link, then through the form
  await page.keyboard.press("Tab");
  await expect(page.locator(".lakmoes-skip-link")).toBeFocused();
  await page.locator("#gebiedsoort").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#gebiedsoort")).toHaveValue("veiligthuisregio");
  await ready(page);
  await expect(page.locator("#kaart-tabel tbody tr")).toHaveCount(25);

  const periode = "2025";
  await page.locator("#periode").selectOption(periode);
  const codes = await page.locator("#indicator option").evaluateAll((os) => os.map((o) => o.value));
  const other = codes.find((c) => c !== "" && c !== codes[0]);
  await page.locator("#indicator").selectOption(other);
  await ready(page);
  const rows = (await json(request, `/v1/sectormonitor?indicator=${other}&periode=${periode}&gebiedSoort=veiligthuisregio&limit=100`)).items;
  const regios = new Map((await json(request, "/v1/regios?soort=veiligthuisregio")).items.map((r) => [r.code, r.naam]));
  for (const r of rows.slice(0, 5)) {
    const text = await cell(page, "kaart-tabel", regios.get(r.gebied), 1);
    if (r.geheimhouding === "geheim") expect(text).toContain("geheim");
    else if (r.waarde !== null) expect(text).toContain(getal.format(r.waarde));
  }
  expect(problems).toEqual([]);
  await axe(page, "dashboard-veiligthuisregios");
});

test("a withheld cell reads as withheld, on the map, in its table and in the series", async ({ page, request }) => {
  const auth = { Authorization: "Bearer " + token(), "Content-Type": "application/json" };
  // an indicator with figures only for the six gemeenten of Amsterdam-Amstelland, one each:
  // the region's six is too small to show, and so is the country's
  const code = "TEST_BROWSER_GEHEIM";
  let r = await request.post("/v1/indicatoren", { headers: auth, data: {
    code, naam: "Browsertoets geheim", definitie: "Alleen voor de browsertoets.", eenheid: "aantal",
    soort: "output", monitoringtype: "landelijk", meetwijze: "kwantitatief", richting: "lager_beter", aggregatie: "som",
    validatiestatus: "in_ontwikkeling",
    tijdregel: "stroom", thema: "werking_stelsel", bron: "toets" } });
  expect([201, 409]).toContain(r.status());
  const leden = (await json(request, "/v1/gemeenten?regio=JZ13")).items.map((g) => g.code);
  r = await request.post("/v1/waarnemingen", { headers: auth, data: leden.map((g) => ({
    indicator: code, gebied: g, periode: "2025-H1", waarde: 1, status: "definitief", bron: "toets" })) });
  expect(r.status()).toBe(201);

  const problems = watch(page);
  await page.goto("/");
  await ready(page);
  await page.locator("#periode").selectOption("2025-H1");
  await page.locator("#indicator").selectOption(code);
  await ready(page);
  expect(await cell(page, "kaart-tabel", "Amsterdam-Amstelland", 1)).toMatch(/^geheim/);
  await expect(page.locator("#kaart svg text").filter({ hasText: /^geheim$/ })).toHaveCount(1);
  await expect(page.locator("#kaart-samenvatting")).toContainText("1 geheim");
  expect(await cell(page, "reeks-tabel", "2025-H1", 1)).toMatch(/^geheim/);
  await expect(page.locator("#reeks svg text", { hasText: "geheim" }).first()).toBeVisible();
  expect(problems).toEqual([]);
  await axe(page, "dashboard-geheim");
});

test("the latest established report is shown with its hash and downloads as CSV and Excel", async ({ page, request }) => {
  const r = await request.post("/v1/voortgangsrapportages", {
    headers: { Authorization: "Bearer " + token(), "Content-Type": "application/json" }, data: { periode: "2025-H2" } });
  expect([201, 409]).toContain(r.status());
  const latest = (await json(request, "/v1/voortgangsrapportages")).items.sort((a, b) => b.periode.localeCompare(a.periode))[0];

  const problems = watch(page);
  await page.goto("/");
  await ready(page);
  await expect(page.locator("#rapportage")).toContainText(latest.inhoudHash);
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download als CSV" }).click()]);
  expect(csv.suggestedFilename()).toBe(`voortgangsrapportage-${latest.periode}.csv`);
  const text = require("fs").readFileSync(await csv.path(), "utf8");
  expect(text.length).toBeGreaterThan(10);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download als Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`voortgangsrapportage-${latest.periode}.xlsx`);
  expect(require("fs").readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe("PK");
  expect(problems).toEqual([]);
  await axe(page, "dashboard-rapportage");
});

test("the API documentation page shows the OpenAPI document", async ({ page }) => {
  const problems = watch(page);
  await page.goto("/docs");
  await expect(page.locator(".swagger-ui .info .title")).toContainText("Lakmoes", { timeout: 30000 });
  await expect(page.locator(".opblock-tag-section").first()).toBeVisible();
  expect(problems).toEqual([]);
  await page.screenshot({ path: path.join(ARTEFACTS, "docs.png") });
});

test("a dashboard on another origin reads the public API, its headers and its errors", async ({ page, baseURL }) => {
  // a page of another origin: the same server by the name localhost is
  // another origin than 127.0.0.1 (both on loopback, so the browser's
  // local network rules do not come into it); a JSON page has no CSP
  const api = new URL(baseURL);
  api.hostname = "127.0.0.1";
  const elders = new URL(baseURL);
  elders.hostname = "localhost";
  await page.goto(elders.origin + "/v1/health");
  const out = await page.evaluate(async (api) => {
    const r = await fetch(api + "/v1/sectormonitor?limit=2", { headers: { Accept: "application/json" } });
    const body = await r.json();
    const again = await fetch(api + "/v1/sectormonitor?limit=2", { headers: { "If-None-Match": r.headers.get("ETag") } });
    const csv = await fetch(api + "/v1/sectormonitor?limit=2", { headers: { Accept: "text/csv;q=0.9, application/json;q=0.1" } });
    const err = await fetch(api + "/v1/sectormonitor?gebiedSoort=wijk");
    const map = await fetch(api + "/v1/regios?soort=jeugdregio", { headers: { Accept: "application/geo+json" } });
    return { status: r.status, items: body.items.length, etag: r.headers.get("ETag"), link: r.headers.get("Link"),
      version: r.headers.get("API-Version"), again: again.status, csv: (await csv.text()).slice(0, 20),
      errStatus: err.status, errName: (await err.json()).invalidParams[0].name,
      crs: map.headers.get("Content-Crs"), features: (await map.json()).features.length };
  }, api.origin);
  expect(out).toMatchObject({ status: 200, items: 2, version: "0.1.0", again: 304, errStatus: 400, errName: "gebiedSoort",
    crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84", features: 42 });
  expect(out.etag).toMatch(/^"[0-9a-f]+(-gz)?"$/);
  expect(out.csv).toContain("id,indicator");
});
