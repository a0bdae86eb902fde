/**
 * The add-in's settings as the workbook file keeps them. `Office.context.document.settings`
 * is saved into the file's web extension part ([MS-OWEXML]: `xl/webextensions/webextensionN.xml`,
 * one `<we:property name="..." value="..."/>` per setting, the value JSON-serialised), so the
 * command line reads the same choices the officer made in the pane: which column is which.
 */
import type JSZip from "jszip";

const PART_RE = /^xl\/webextensions\/webextension\d*\.xml$/i;
const PROPERTY_RE = /<(?:\w+:)?property\b([^>]*?)\/?>/g;
const ATTR_RE = /\b(name|value)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** XML attribute text to its characters. */
export function xmlUnescape(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, ent: string) => {
    const e = ent.toLowerCase();
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : all;
  });
}

/** Every property of one web extension part, values parsed from JSON (left as text if not JSON). */
export function propertiesOf(xml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of xml.matchAll(PROPERTY_RE)) {
    let name: string | undefined;
    let value: string | undefined;
    for (const a of m[1]!.matchAll(ATTR_RE)) {
      const text = xmlUnescape(a[3] ?? a[4] ?? "");
      if (a[1] === "name") name = text;
      else value = text;
    }
    if (name === undefined || value === undefined) continue;
    try {
      out[name] = JSON.parse(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/**
 * The setting called `key` from whichever web extension part holds it (a workbook may carry
 * several add-ins), or undefined. Never throws: a damaged part is no settings.
 */
export async function readAddinSetting(zip: JSZip, key: string): Promise<unknown> {
  const parts = Object.keys(zip.files).filter((p) => PART_RE.test(p));
  for (const part of parts.sort()) {
    try {
      const xml = await zip.file(part)!.async("string");
      const props = propertiesOf(xml);
      if (Object.prototype.hasOwnProperty.call(props, key)) return props[key];
    } catch {
      // A part we cannot read holds no settings of ours.
    }
  }
  return undefined;
}
