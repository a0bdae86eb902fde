/**
 * What the browser tests share: one webpack build of the real add-in page (the project's
 * webpack.config.js, development mode, output under .tmp/e2e), a tiny static server on
 * 127.0.0.1 that puts the Excel test double where taskpane.html loads Office.js, and
 * headless Debian Chromium driven by playwright-core.
 */
import { createServer, type Server } from "http";
import { existsSync, readFileSync, statSync } from "fs";
import { extname, join, normalize, resolve } from "path";
import type { AddressInfo } from "net";
import { execFile } from "child_process";
import { chromium, type Browser } from "playwright-core";

export const ROOT = resolve(__dirname, "../..");
export const OUT = join(ROOT, ".tmp/e2e/dist");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Microsoft's office.js as published on npm (outside Office its onReady gives no host). */
export const OFFICE_JS_DIST = join(ROOT, "node_modules/@microsoft/office-js/dist");
/** Where the double is served instead; same origin, so the page's CSP allows it unchanged. */
export const DOUBLE_PATH = "/office-double.js";

/**
 * Builds the add-in (task pane + functions) plus the double's bundle, into OUT (see build-pane.js).
 * Another test file running at the same time passes its own folder, so neither cleans the other's.
 */
export async function buildPane(out: string = OUT): Promise<void> {
  await new Promise<void>((done, fail) => {
    execFile(
      process.execPath,
      [join(__dirname, "build-pane.js"), out],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? fail(new Error(`webpack build failed:\n${stderr || stdout}`)) : done()
    );
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves OUT (or `out`) on 127.0.0.1 (a free port); taskpane.html gets the double in place of Office.js. */
export async function serve(out: string = OUT): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
    // /office-js/...: Microsoft's real office.js from the npm package (for the "outside Excel" test).
    const base = path.startsWith("/office-js/") ? OFFICE_JS_DIST : out;
    const file = join(base, path.replace(/^\/office-js\//, "/"));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    let body: Buffer | string = readFileSync(file);
    if (path.endsWith("taskpane.html")) {
      const html = body.toString("utf8");
      if (!html.includes(OFFICE_JS_URL)) {
        res.writeHead(500).end("taskpane.html no longer loads Office.js from the CDN");
        return;
      }
      body = html.replace(
        OFFICE_JS_URL,
        url.searchParams.get("office") === "real" ? "/office-js/office.js" : DOUBLE_PATH
      );
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
