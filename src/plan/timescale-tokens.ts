/**
 * The timescale tokenizer: one pass over the lower-cased text, producing numbers
 * (with the digits they were written with), words and punctuation. Numbers joined
 * by `/`, `.` or `-` with no space ("31/03/2025", "2006/07") become one group, since
 * the separators decide what they mean.
 */

export interface NumTok {
  t: "num";
  v: number;
  /** Digits as written: "06" has len 2, which tells a year from a day. */
  len: number;
  /** Written with an ordinal suffix ("31st"). */
  ord: boolean;
  /** Preceded by white space (or the start). */
  sp: boolean;
}

export interface GroupTok {
  t: "grp";
  parts: number[];
  lens: number[];
  seps: string[];
  sp: boolean;
}

export interface WordTok {
  t: "word";
  w: string;
  sp: boolean;
}

export interface PunctTok {
  t: "punct";
  c: string;
  sp: boolean;
}

export type Tok = NumTok | GroupTok | WordTok | PunctTok;

/** Lower case; dashes, curly quotes and no-break spaces are folded by the scanner itself. */
export function normalise(text: string): string {
  return text.toLowerCase();
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isSpace = (c: number): boolean => c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029;
/** En and em dashes, minus signs and the like, as pasted from Word: read as "-". */
const isDash = (c: number): boolean => (c >= 0x2010 && c <= 0x2015) || c === 0x2212;
/** Curly quotes and acute accents used as apostrophes ("March ’07"). */
const isQuote = (c: number): boolean => c === 0x2018 || c === 0x2019 || c === 0xb4;
/** "/", "." and "-" join numbers written without spaces into one group. */
const isJoiner = (c: number): boolean => c === 47 || c === 46 || c === 45;

/**
 * Scan a normalised timescale into tokens. A hand-written scanner rather than a
 * regular expression: it runs once per cell of every plan, so it must not allocate
 * match arrays (the benchmark holds it to a microsecond or so a string).
 */
export function tokenize(norm: string): Tok[] {
  const out: Tok[] = [];
  const n = norm.length;
  let i = 0;
  let sp = true;
  while (i < n) {
    const c = norm.charCodeAt(i);
    if (isSpace(c)) {
      sp = true;
      i++;
      continue;
    }
    if (isDigit(c)) {
      let v = 0;
      const start = i;
      while (i < n && isDigit(norm.charCodeAt(i))) v = v * 10 + (norm.charCodeAt(i++) - 48);
      const len = i - start;
      let ord = false;
      if (i + 1 < n && !(i + 2 < n && isLetter(norm.charCodeAt(i + 2)))) {
        const a = norm.charCodeAt(i);
        const b = norm.charCodeAt(i + 1);
        // st, nd, rd, th
        if (
          (a === 115 && b === 116) ||
          (a === 110 && b === 100) ||
          (a === 114 && b === 100) ||
          (a === 116 && b === 104)
        ) {
          ord = true;
          i += 2;
        }
      }
      const prev = out.length >= 2 ? out[out.length - 1] : undefined;
      // Join "31" "/" "03" into one group when nothing separates them.
      if (
        !sp &&
        !ord &&
        prev !== undefined &&
        prev.t === "punct" &&
        !prev.sp &&
        isJoiner(prev.c.charCodeAt(0))
      ) {
        const before = out[out.length - 2];
        if (before.t === "num" && !before.ord) {
          out.length -= 2;
          out.push({
            t: "grp",
            parts: [before.v, v],
            lens: [before.len, len],
            seps: [prev.c],
            sp: before.sp,
          });
          sp = false;
          continue;
        }
        if (before.t === "grp") {
          out.length -= 1;
          before.parts.push(v);
          before.lens.push(len);
          before.seps.push(prev.c);
          sp = false;
          continue;
        }
      }
      out.push({ t: "num", v, len, ord, sp });
      sp = false;
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      while (i < n && isLetter(norm.charCodeAt(i))) i++;
      out.push({ t: "word", w: norm.slice(start, i), sp });
      sp = false;
      continue;
    }
    out.push({ t: "punct", c: isDash(c) ? "-" : isQuote(c) ? "'" : norm[i], sp });
    sp = false;
    i++;
  }
  return out;
}
