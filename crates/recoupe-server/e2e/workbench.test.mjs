// End-to-end test of the workbench (issue 11): `recoupe demo --serve` on a fresh store,
// driven in headless Debian Chromium through playwright-core. Opens each page, clicks
// search → article → entity → map → place's articles → timeline, and stories → article →
// story → another article of the story, asserts on what is
// shown, fails on any console error or failed request, and writes a screenshot of each
// page to $E2E_OUT (default target/e2e).
//
// Run: cargo build --release -p recoupe && npm ci --prefix crates/recoupe-server/e2e &&
//      npm test --prefix crates/recoupe-server/e2e

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const bin = process.env.RECOUPE_BIN || path.join(root, "target/release/recoupe");
const out = process.env.E2E_OUT || path.join(root, "target/e2e");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

let server, base, browser, page, work;
const problems = [];

function startServer() {
  work = mkdtempSync(path.join(tmpdir(), "recoupe-e2e-"));
  const db = path.join(work, "demo.db");
  server = spawn(bin, ["--db", db, "--no-progress", "demo", "--serve", "--addr", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stderr.on("data", (d) => { log += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start:\n" + log)), 60000);
    let stdout = "";
    server.stdout.on("data", (chunk) => {
      stdout += chunk;
      const m = stdout.match(/on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    server.on("exit", (code) => reject(new Error(`the server exited (${code}):\n${stdout}\n${log}`)));
  });
}

before(async () => {
  mkdirSync(out, { recursive: true });
  base = await startServer();
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  // A fresh profile per run (playwright gives each context its own), 1400 px wide.
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // A request the browser itself cancels because the test navigated on (a favicon or an icon still loading
  // when the next page opens) ends in net::ERR_ABORTED: that is the navigation, not a fault of the page.
  // Every other failure (refused, reset, a resource that never answers) is a problem.
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText ?? "";
    if (error !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${error}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
});

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const stopped = new Promise((resolve) => server.on("exit", (code, signal) => resolve({ code, signal })));
    server.kill("SIGTERM");
    const { code } = await stopped;
    assert.equal(code, 0, "SIGTERM stops the server cleanly");
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

async function shot(name) {
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
}

function noProblems(where) {
  assert.deepEqual(problems.splice(0), [], `problems on ${where}`);
}

test("search → article → entity → map → place → timeline", async () => {
  await page.goto(base + "/");
  assert.match(await page.textContent("#summary"), /^\d+ documents .* newest first/);
  noProblems("the home page");

  await page.fill(".searchbar input[name=q]", "Daech");
  await Promise.all([page.waitForURL(/\/search\?q=Daech/), page.press(".searchbar input[name=q]", "Enter")]);
  const hits = await page.locator(".hit").count();
  assert.ok(hits >= 2, `hits for Daech: ${hits}`);
  assert.ok(await page.locator(".hit mark").first().isVisible());
  assert.match((await page.locator(".hit mark").first().textContent()).toLowerCase(), /daech/);
  assert.ok(await page.locator("[data-facet=outlet] li").count() >= 2);
  await shot("search");
  noProblems("the search page");

  // A facet narrows the results, and its chip removes it.
  await Promise.all([page.waitForURL(/outlet=/), page.locator("[data-facet=outlet] li a").first().click()]);
  assert.ok(await page.locator(".chip").count() === 1);
  await Promise.all([page.waitForURL((u) => !u.search.includes("outlet=")), page.locator(".chip").click()]);

  await Promise.all([page.waitForURL(/\/doc\//), page.locator(".hit .title").first().click()]);
  const marks = await page.locator("#text .m.k-ent").count();
  assert.ok(marks >= 5, `entity marks: ${marks}`);
  assert.ok(await page.locator("#attributions li").count() >= 1);
  assert.ok(await page.locator("#text .k-quote").count() >= 1);
  // Clicking a mark shows its details and evidence.
  const entity = page.locator("#text .m.k-ent.t-ORG").first();
  await entity.click();
  await page.waitForSelector("#detail-body .detail");
  const detail = await page.textContent("#detail-body");
  assert.match(detail, /entity/);
  assert.match(detail, /rule/);
  assert.ok(await page.locator("#text .m.sel").count() >= 1, "the clicked mark is selected");
  // An attribution of the side panel selects its quotation in the text.
  await page.locator("#attributions a.jump").first().click();
  assert.ok(await page.locator("#text .k-quote.sel").count() >= 1);
  assert.match(await page.textContent("#detail-body"), /speaker/);
  // A layer switch hides its marks' colours.
  await page.uncheck(".switches input[data-kind=entity]");
  assert.ok(await page.locator("#text.hide-entity").count() === 1);
  await page.check(".switches input[data-kind=entity]");
  await entity.click();
  await shot("article");
  noProblems("the article page");

  await Promise.all([
    page.waitForURL(/\/entity\//),
    page.locator("#detail-body a[href^='/entity/']").first().click(),
  ]);
  const name = await page.textContent("#entity-name");
  assert.ok(name.trim().length > 0);
  assert.ok(await page.locator("svg.chart .bar").count() >= 1, "mentions over time");
  assert.ok(await page.locator("#co-mentioned li").count() >= 1);
  await shot("entity");
  noProblems("the entity page");

  await Promise.all([page.waitForURL(/\/timeline\?entity=/), page.locator("#entity-timeline").click()]);
  assert.ok(await page.locator(".tl-item").count() >= 1, "timeline items");
  await shot("timeline");
  noProblems("the timeline page");

  await Promise.all([page.waitForURL(/\/map$/), page.locator("header nav a", { hasText: "Map" }).click()]);
  const places = await page.locator("svg.map a.place").count();
  assert.ok(places >= 10, `places on the map: ${places}`);
  assert.ok(await page.locator("svg.map .land path").count() > 20, "country shapes drawn");
  await shot("map");
  noProblems("the map page");
  // The biggest circle leads to its place's articles.
  const first = page.locator("svg.map a.place").first();
  const key = await first.getAttribute("data-key");
  await Promise.all([page.waitForURL(/\/search\?place=/), first.locator("circle").click({ force: true })]);
  assert.ok(await page.locator(".hit").count() >= 1, `articles at ${key}`);
  assert.match(await page.textContent(".chips"), /place/);
  await shot("place-articles");
  noProblems("the place's articles");

  await page.goto(base + "/entities");
  assert.ok(await page.locator("#entities tbody tr").count() >= 10);
  await shot("entities");
  noProblems("the entities page");
});

test("stories → article with copied passages → its story → another article of the story", async () => {
  await page.goto(base + "/");
  await Promise.all([page.waitForURL(/\/stories$/), page.locator("header nav a", { hasText: "Stories" }).click()]);
  const rows = await page.locator("#stories tbody tr").count();
  assert.ok(rows >= 10, `stories listed: ${rows}`);
  assert.ok(await page.locator("#stories .flag.single").count() >= 1, "single-source stories flagged");
  const independent = await page.locator("#stories tbody tr td:nth-child(3)").allTextContents();
  const counts = independent.map((t) => Number(t.trim()));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a), "most independent sources first");
  await shot("stories");
  noProblems("the stories page");

  // The story of two articles that copy one another: open its first article.
  const stories = await page.request.get(base + "/api/v1/stories?min_articles=2");
  const story = (await stories.json())[0];
  await page.goto(base + "/story/" + story.id);
  const first = await page.locator("#story-articles a.story-article").first().getAttribute("href");
  await page.goto(base + first);
  const copied = await page.locator("#text .m.k-copy").count();
  assert.ok(copied >= 1, `copied passages marked: ${copied}`);
  assert.ok(await page.locator("#copies li").count() >= 1, "the articles it shares passages with");
  // The side panel's link selects the passage and shows the article it is shared with.
  await page.locator("#copies a.jump").first().click();
  assert.ok(await page.locator("#text .k-copy.sel").count() >= 1, "the passage is selected");
  assert.match(await page.textContent("#detail-body"), /shared with/);
  await shot("article-copies");
  noProblems("the article with copied passages");

  // Article → its story.
  await Promise.all([page.waitForURL(/\/story\//), page.locator("#story-link").click()]);
  assert.equal((await page.textContent("#story-title")).trim().startsWith(story.title), true);
  assert.equal(await page.locator("#story-articles tbody tr").count(), story.articles);
  assert.equal((await page.textContent("#independent")).trim(), String(story.independent_sources));
  assert.ok(await page.locator("#copy-groups .copy-group").count() >= 1, "copy groups");
  assert.match(await page.textContent("#event"), /Event record/);
  assert.ok(await page.locator("#facts").isVisible());
  assert.ok(await page.locator("#speakers").isVisible());
  const outlets = await page.locator("#story-articles tbody tr td:nth-child(2)").allTextContents();
  assert.ok(outlets.every((o) => o.trim().length > 0), "every article has its outlet");
  await shot("story");
  noProblems("the story page");

  // The story's timeline, and back.
  await Promise.all([page.waitForURL(/\/timeline\?story=/), page.locator("#story-timeline").click()]);
  assert.ok(await page.locator(".tl-item").count() >= 1, "the story's dated statements and figures");
  noProblems("the story's timeline");
  await Promise.all([page.waitForURL(/\/story\//), page.locator("h1 a").click()]);

  // Back to the other article of the story.
  const other = page.locator(`#story-articles a.story-article:not([href="${first}"])`).first();
  const title = (await other.textContent()).trim();
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith("/doc/") && u.pathname !== first), other.click()]);
  assert.equal((await page.textContent("#doc-title")).trim(), title);
  assert.ok(await page.locator("#text .m.k-copy").count() >= 1, "its copied passages are marked too");
  assert.ok(await page.locator("#story-link").count() === 1);
  await shot("story-article");
  noProblems("the other article of the story");
});

test("errors are pages, not crashes", async () => {
  const response = await page.goto(base + "/search?limit=nope");
  assert.equal(response.status(), 400);
  assert.match(await page.textContent("main"), /limit/);
  problems.splice(0); // the 400 itself was expected
  const api = await page.goto(base + "/api/v1/search?from=2024-02-31");
  assert.equal(api.status(), 400);
  assert.equal(JSON.parse(await page.textContent("body")).error.parameter, "from");
  problems.splice(0);
});
