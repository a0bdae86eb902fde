/**
 * Puts the add-in's document settings into an .xlsx file the way Excel saves
 * Office.context.document.settings ([MS-OWEXML]): a task pane part referenced from the package
 * root, a web extension part holding one <we:property> per setting with its value as JSON.
 * For tests of surfaces that read what the pane saved, where no Excel runs to save it.
 */
import JSZip from "jszip";

const WE_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const REL_TASKPANES =
  "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";

const attr = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The workbook file with `settings` saved as the add-in's document settings. */
export async function withAddinSettings(
  file: Buffer,
  settings: Record<string, unknown>,
  addinId = "5e0c1a2b-7d44-4c1e-9a31-0f7c3c9d2b11"
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const props = Object.entries(settings)
    .map(([k, v]) => `<we:property name="${attr(k)}" value="${attr(JSON.stringify(v))}"/>`)
    .join("");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="${WE_NS}" id="{3F6A2C1E-0B7D-4E2A-9C55-1D2E3F405162}"><we:reference id="${addinId}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="${WETP_NS}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_WEBEXTENSION}" Target="webextension1.xml"/></Relationships>`
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdPlanTrackerTaskpanes" Type="${REL_TASKPANES}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`
    )
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
