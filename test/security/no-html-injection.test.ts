/**
 * Static checks that workbook text can never become code or markup:
 * - src/ has no eval, Function constructor, innerHTML/outerHTML/insertAdjacentHTML,
 *   document.write or dangerouslySetInnerHTML at all;
 * - the production bundles have none either, except inside library code named below, each
 *   occurrence traced through the build's own source map to the file it came from;
 * - the built taskpane.html's Content-Security-Policy has no 'unsafe-eval' and lets scripts and
 *   connections reach only the add-in's own origin and Microsoft's Office.js CDN.
 * The production build is the project's webpack.config.js, as `npm run build` runs it, into
 * .tmp/security/dist.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { ADDIN_OUT, ensureProductionBuild } from "../support/production-build";
import { join, relative, resolve } from "path";

jest.setTimeout(600_000);

const ROOT = resolve(__dirname, "../..");
const OUT = ADDIN_OUT;
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/** What turns text into code or markup. */
const DANGEROUS: { name: string; pattern: RegExp }[] = [
  { name: "eval(", pattern: /(?<![\w$])eval\s*\(/g },
  { name: "Function constructor", pattern: /(?<![\w$.])Function\s*\(/g },
  { name: "innerHTML", pattern: /innerHTML/g },
  { name: "outerHTML", pattern: /outerHTML/g },
  { name: "insertAdjacentHTML", pattern: /insertAdjacentHTML/g },
  { name: "document.write", pattern: /document\s*\.\s*write(?:ln)?\s*\(/g },
  { name: "dangerouslySetInnerHTML", pattern: /dangerouslySetInnerHTML/g },
];

interface Hit {
  name: string;
  index: number;
}

function scan(text: string): Hit[] {
  return DANGEROUS.flatMap(({ name, pattern }) =>
    [...text.matchAll(pattern)].map((m) => ({ name, index: m.index ?? 0 }))
  ).sort((a, b) => a.index - b.index);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// ---- Source maps: which file of the build each occurrence came from -----------------------

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** One generated line's segments: [generated column, source index], in column order. */
type Line = [number, number][];

/** Decodes a v3 source map's mappings (Base64 VLQ) into each generated line's columns and sources. */
function decodeMappings(mappings: string): Line[] {
  const lines: Line[] = [];
  let source = 0;
  for (const lineText of mappings.split(";")) {
    const line: Line = [];
    let column = 0;
    for (const segment of lineText.split(",")) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line.push([column, source]);
        // Source line and column deltas (fields 2, 3) are not needed: only the file is.
      }
    }
    lines.push(line);
  }
  return lines;
}

interface SourceMap {
  sources: string[];
  mappings: string;
}

/** The source file a position in the generated code came from (webpack://... path). */
function sourceOf(code: string, map: SourceMap, lines: Line[], index: number): string {
  const before = code.slice(0, index);
  const lineNo = before.split("\n").length - 1;
  const column = index - (before.lastIndexOf("\n") + 1);
  let found: number | undefined;
  for (const [col, src] of lines[lineNo] ?? []) {
    if (col > column) break;
    found = src;
  }
  return found === undefined ? "(unmapped)" : map.sources[found];
}

/**
 * Library code known to hold these words, and why each is safe here. Matched against the
 * source-map path of each occurrence; an occurrence in any other file fails the test.
 */
const ALLOWED: { source: RegExp; names: string[]; why: string }[] = [
  {
    source: /node_modules\/react-dom\/cjs\/react-dom\.production\.min\.js$/,
    names: ["innerHTML", "dangerouslySetInnerHTML"],
    why:
      "React DOM's own handling of the dangerouslySetInnerHTML prop (validation, and setting " +
      "innerHTML when a component passes that prop, which no Plan Tracker component does), its " +
      "list of reserved prop names, and its constant '<script></script>' trick for creating " +
      "script elements. Text children are always set as text nodes.",
  },
  {
    source: /node_modules\/@fluentui\/react-provider\//,
    names: ["dangerouslySetInnerHTML"],
    why:
      "FluentProvider renders its theme's CSS variables into a <style> element only when " +
      "rendering on a server (no DOM); the CSS comes from Fluent's theme tokens, not the workbook.",
  },
  {
    source: /node_modules\/@fluentui\/react-icons\//,
    names: ["dangerouslySetInnerHTML"],
    why:
      "Fluent's icon factory can draw an icon given as a constant SVG string shipped in the " +
      "icon package; the pane's icons are these constants, never workbook text.",
  },
  {
    source: /^webpack:\/\/[^/]*\/webpack\/runtime\/global$/,
    names: ["Function constructor"],
    why:
      "webpack's runtime finds the global object with `new Function('return this')` only where " +
      "globalThis is missing (never in Excel's browsers, which all have it); under the page's " +
      "CSP (no 'unsafe-eval') it would throw and be caught, not run.",
  },
];

/** Occurrences in a built bundle that are not in known library code, as "name in source". */
function unexplained(bundle: string): { all: string[]; unexplained: string[] } {
  const code = readFileSync(join(OUT, bundle), "utf8");
  const map = JSON.parse(readFileSync(join(OUT, `${bundle}.map`), "utf8")) as SourceMap;
  const lines = decodeMappings(map.mappings);
  const all: string[] = [];
  const bad: string[] = [];
  for (const hit of scan(code)) {
    const source = sourceOf(code, map, lines, hit.index);
    const entry = `${hit.name} in ${source}`;
    all.push(entry);
    const ok = ALLOWED.some((a) => a.source.test(source) && a.names.includes(hit.name));
    if (!ok) bad.push(`${entry}: …${code.slice(Math.max(0, hit.index - 60), hit.index + 60)}…`);
  }
  return { all, unexplained: bad };
}

// ---- Content-Security-Policy ----------------------------------------------------------------

function parseCsp(csp: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** What is wrong with a CSP for Plan Tracker; empty when nothing is. */
function cspProblems(csp: string): string[] {
  const d = parseCsp(csp);
  const problems: string[] = [];
  const allowed = new Set(["'self'", OFFICE_CDN]);
  if (/'unsafe-eval'|'wasm-unsafe-eval'/.test(csp)) problems.push("allows eval");
  for (const name of ["default-src", "connect-src", "script-src"]) {
    const values = d.get(name);
    if (!values) problems.push(`no ${name}`);
    else
      for (const v of values)
        if (!allowed.has(v)) problems.push(`${name} allows ${v} (only 'self' and ${OFFICE_CDN})`);
  }
  for (const [name, values] of d) {
    for (const v of values) {
      if (v === "*" || /^(https?|wss?|ftp):?$/.test(v) || v.includes("*"))
        problems.push(`${name} allows any host (${v})`);
      else if (/^[a-z-]+:\/\//i.test(v) && v !== OFFICE_CDN)
        problems.push(`${name} allows another origin (${v})`);
      // Only styles may be inline (Fluent's Griffel runtime styles; see docs/security.md).
      if (v === "'unsafe-inline'" && name !== "style-src")
        problems.push(`${name} allows inline code`);
    }
  }
  if (d.get("object-src")?.join(" ") !== "'none'") problems.push("object-src is not 'none'");
  if (d.get("base-uri")?.join(" ") !== "'self'") problems.push("base-uri is not 'self'");
  return problems;
}

function builtCsp(): string {
  const html = readFileSync(join(OUT, "taskpane.html"), "utf8");
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((m) => /http-equiv=["']?Content-Security-Policy/i.test(m));
  expect(metas).toHaveLength(1);
  const content = /\bcontent=(?:"([^"]*)"|'([^']*)')/i.exec(metas[0]);
  expect(content).not.toBeNull();
  return content![1] ?? content![2];
}

// ---- The tests -----------------------------------------------------------------------------

describe("the scanner", () => {
  test("finds each dangerous pattern, and not words that merely contain them", () => {
    const planted = [
      "eval('1')",
      "new Function('return 1')",
      "el.innerHTML = s",
      "el.outerHTML = s",
      "el.insertAdjacentHTML('beforeend', s)",
      "document.write(s)",
      "<div dangerouslySetInnerHTML={{ __html: s }} />",
    ].join("\n");
    expect(scan(planted).map((h) => h.name)).toEqual(DANGEROUS.map((d) => d.name));
    expect(scan("strings are never evaluated (see below); retrieval(x); myFunction(1)")).toEqual(
      []
    );
  });

  test("traces a position in generated code to its source through a source map", () => {
    // Two sources on one line: "AAAA" = column 0 of source 0, "UCAA" = column 10 of source 1.
    const map: SourceMap = { sources: ["a.ts", "b.ts"], mappings: "AAAA,UCAA" };
    const code = "0123456789abcdefghij";
    const lines = decodeMappings(map.mappings);
    expect(sourceOf(code, map, lines, 3)).toBe("a.ts");
    expect(sourceOf(code, map, lines, 12)).toBe("b.ts");
  });

  test("the CSP check rejects eval, wildcards, other origins and inline scripts", () => {
    const good =
      "default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; " +
      "connect-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'";
    expect(cspProblems(good)).toEqual([]);
    expect(
      cspProblems(good.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))
    ).toContain("allows eval");
    expect(cspProblems(good.replace("connect-src 'self'", "connect-src *"))).toEqual(
      expect.arrayContaining(["connect-src allows any host (*)"])
    );
    expect(
      cspProblems(good.replace("connect-src 'self'", "connect-src 'self' https://evil.example"))
    ).toEqual(expect.arrayContaining(["connect-src allows another origin (https://evil.example)"]));
    expect(cspProblems(good.replace("img-src", "").concat("; img-src https:"))).toEqual([
      "img-src allows any host (https:)",
    ]);
    expect(
      cspProblems(good.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"))
    ).toEqual(expect.arrayContaining(["script-src allows inline code"]));
    expect(cspProblems("script-src 'self'; object-src 'none'; base-uri 'self'")).toEqual(
      expect.arrayContaining(["no default-src", "no connect-src"])
    );
  });
});

describe("src/", () => {
  test("no eval, Function constructor, innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML", () => {
    const files = filesUnder(join(ROOT, "src")).filter((f) => /\.(tsx?|jsx?|html)$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return scan(text).map((h) => {
        const line = text.slice(0, h.index).split("\n").length;
        return `${relative(ROOT, file)}:${line}: ${h.name}`;
      });
    });
    expect(hits).toEqual([]);
  });
});

describe("the production build", () => {
  beforeAll(() => ensureProductionBuild(), 600_000);

  test("the functions' bundle holds none of them at all", () => {
    const { all } = unexplained("functions.js");
    expect(all).toEqual([]);
  });

  test("the task pane's bundle holds them only inside React DOM, Fluent and webpack's runtime, as explained", () => {
    const { all, unexplained: bad } = unexplained("taskpane.js");
    expect(bad).toEqual([]);
    // The scan saw React DOM's own code (it is looking at the real bundle) ...
    expect(all.some((a) => /react-dom/.test(a))).toBe(true);
    // ... and nothing of the add-in's own: every occurrence comes from node_modules or webpack.
    expect(all.filter((a) => /\/src\//.test(a))).toEqual([]);
  });

  test("taskpane.html's CSP: no 'unsafe-eval'; scripts and connections only to 'self' and the Office.js CDN", () => {
    const csp = builtCsp();
    expect(cspProblems(csp)).toEqual([]);
    const d = parseCsp(csp);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("connect-src")).toEqual(["'self'", OFFICE_CDN]);
    expect(d.get("script-src")).toEqual(["'self'", OFFICE_CDN]);
  });

  test("the page loads scripts only from its own files and Office.js", () => {
    const html = readFileSync(join(OUT, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const [, attrs, body] of scripts) {
      expect(body.trim()).toBe(""); // no inline script
      const src = /\bsrc=["']?([^"'\s>]+)/.exec(attrs)?.[1] ?? "";
      expect(src === `${OFFICE_CDN}/lib/1/hosted/office.js` || /^[\w-]+\.js$/.test(src)).toBe(true);
    }
  });
});
