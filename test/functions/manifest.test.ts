/**
 * @jest-environment jsdom
 *
 * manifest.xml against what Microsoft's manifest documentation requires (no offline
 * XSD exists here; `npm run validate` runs Microsoft's online validator where a
 * network allows): well-formed XML, elements in the documented order
 * (docs/develop/manifest-element-ordering.md), every resid defined with the right
 * kind of resource, every URL on one HTTPS origin, and the shared-runtime wiring
 * (docs/develop/configure-your-add-in-to-use-a-shared-runtime.md).
 */
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const text = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, "application/xml");
}
const parseErrors = (doc: Document) => doc.getElementsByTagName("parsererror").length;

const doc = parse(text);
const el = (parent: Element | Document, name: string): Element[] =>
  Array.from(parent.getElementsByTagNameNS("*", name));
const one = (parent: Element | Document, name: string): Element => {
  const found = el(parent, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};
const children = (parent: Element): string[] => Array.from(parent.children).map((c) => c.localName);

/** True when `names` appear in the order `order` gives (names not in `order` fail). */
function inDocumentedOrder(names: string[], order: string[]): boolean {
  const positions = names.map((n) => order.indexOf(n));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]));
}

describe("manifest.xml", () => {
  it("is well-formed XML (and the check catches a broken manifest)", () => {
    expect(parseErrors(doc)).toBe(0);
    expect(parseErrors(parse(text.replace("</Hosts>", "</Host>")))).toBeGreaterThan(0);
  });

  it("is a task pane add-in with its top-level elements in the documented order", () => {
    const app = doc.documentElement;
    expect(app.localName).toBe("OfficeApp");
    expect(app.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    const order = [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ];
    expect(inDocumentedOrder(children(app), order)).toBe(true);
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "DefaultSettings",
      "Permissions",
    ]) {
      expect(children(app)).toContain(required);
    }
    expect(one(doc, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    // Not a template's id, which would clash with other add-ins sideloaded from it.
    expect([
      "ca968be6-628b-4f14-ba3c-3e614effa9bd",
      "00d559b8-5760-4756-ab89-dee3a8ef4cf2",
    ]).not.toContain(one(doc, "Id").textContent);
    expect(one(doc, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(el(doc, "Host")[0].getAttribute("Name")).toBe("Workbook");
    // AppDomains may not be empty; Plan Tracker loads nothing from another domain.
    expect(el(doc, "AppDomain")).toHaveLength(0);
  });

  it("orders VersionOverrides as documented", () => {
    const overrides = one(doc, "VersionOverrides");
    expect(overrides.getAttributeNS(XSI, "type")).toBe("VersionOverridesV1_0");
    expect(children(overrides)).toEqual(["Hosts", "Resources"]);
    const host = one(overrides, "Hosts").children[0];
    expect(host.getAttributeNS(XSI, "type")).toBe("Workbook");
    expect(children(host)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const cf = el(host, "ExtensionPoint").find(
      (e) => e.getAttributeNS(XSI, "type") === "CustomFunctions"
    )!;
    expect(children(cf)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(children(one(host, "DesktopFormFactor"))).toEqual([
      "GetStarted",
      "FunctionFile",
      "ExtensionPoint",
    ]);
    expect(children(one(overrides, "Resources"))).toEqual([
      "Images",
      "Urls",
      "ShortStrings",
      "LongStrings",
    ]);
    const control = one(host, "Control");
    expect(children(control)).toEqual(["Label", "Supertip", "Icon", "Action"]);
  });

  it("defines every resid, as the kind of resource its element needs", () => {
    const defined = (kind: string) =>
      new Map(
        el(one(doc, kind), kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String").map(
          (e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")]
        )
      );
    const images = defined("Images");
    const urls = defined("Urls");
    const shorts = defined("ShortStrings");
    const longs = defined("LongStrings");
    const uses = Array.from(doc.querySelectorAll("[resid]"));
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses) {
      const id = use.getAttribute("resid");
      const kind =
        use.localName === "Image"
          ? images
          : ["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(use.localName)
            ? urls
            : use.localName === "Description"
              ? longs
              : shorts; // Label, Title, Namespace
      expect({ element: use.localName, resid: id, defined: kind.has(id) }).toEqual({
        element: use.localName,
        resid: id,
        defined: true,
      });
    }
    for (const [id, value] of [...shorts, ...longs]) {
      expect(value?.length ?? 0).toBeGreaterThan(0);
      expect({ id, fits: (value ?? "").length <= (shorts.has(id) ? 125 : 250) }).toEqual({
        id,
        fits: true,
      });
    }
  });

  it("puts every URL on one HTTPS origin, and its icons exist at the sizes named", () => {
    const values = Array.from(doc.querySelectorAll("[DefaultValue]"))
      .map((e) => e.getAttribute("DefaultValue")!)
      .filter((v) => /^https?:/i.test(v));
    expect(values.length).toBeGreaterThan(8);
    expect(new Set(values.map((v) => new URL(v).origin))).toEqual(
      new Set(["https://localhost:3000"])
    );
    for (const image of el(one(doc, "Images"), "Image")) {
      const url = new URL(image.getAttribute("DefaultValue")!);
      const size = Number(/icon-(\d+)\.png$/.exec(url.pathname)![1]);
      const png = fs.readFileSync(path.join(root, url.pathname));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      const declared = doc.querySelectorAll(`[resid="${image.getAttribute("id")}"]`);
      for (const use of Array.from(declared)) expect(Number(use.getAttribute("size"))).toBe(size);
    }
  });

  it("wires one shared runtime: the same page for the task pane, the function file and the functions", () => {
    const runtime = one(doc, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const resid = runtime.getAttribute("resid");
    const cf = el(doc, "ExtensionPoint").find(
      (e) => e.getAttributeNS(XSI, "type") === "CustomFunctions"
    )!;
    const pageResid = one(one(cf, "Page"), "SourceLocation").getAttribute("resid");
    const functionFile = one(doc, "FunctionFile").getAttribute("resid");
    const action = one(doc, "Action");
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    const paneResid = one(action, "SourceLocation").getAttribute("resid");
    expect([pageResid, functionFile, paneResid]).toEqual([resid, resid, resid]);
    const url = Array.from(doc.getElementsByTagNameNS(BT, "Url")).find(
      (u) => u.getAttribute("id") === resid
    )!;
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    const defaultPage = one(one(doc, "DefaultSettings"), "SourceLocation").getAttribute(
      "DefaultValue"
    );
    expect(defaultPage).toBe("https://localhost:3000/taskpane.html");
    const urlOf = (id: string | null) =>
      Array.from(doc.getElementsByTagNameNS(BT, "Url"))
        .find((u) => u.getAttribute("id") === id)
        ?.getAttribute("DefaultValue");
    expect(urlOf(one(one(cf, "Script"), "SourceLocation").getAttribute("resid"))).toBe(
      "https://localhost:3000/functions.js"
    );
    expect(urlOf(one(one(cf, "Metadata"), "SourceLocation").getAttribute("resid"))).toBe(
      "https://localhost:3000/functions.json"
    );
  });

  it("names the PLAN namespace and declares the requirement sets the add-in uses", () => {
    const ns = one(doc, "Namespace").getAttribute("resid");
    const value = Array.from(doc.getElementsByTagNameNS(BT, "String")).find(
      (s) => s.getAttribute("id") === ns
    );
    expect(value?.getAttribute("DefaultValue")).toBe("PLAN");
    const sets = new Map(
      el(one(doc, "Requirements"), "Set").map((s) => [
        s.getAttribute("Name"),
        s.getAttribute("MinVersion"),
      ])
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    expect(Number(sets.get("CustomFunctionsRuntime"))).toBeGreaterThanOrEqual(1.2); // custom error messages
    expect(Number(sets.get("ExcelApi"))).toBeGreaterThanOrEqual(1.4); // getUsedRangeOrNullObject
  });

  it("puts a Plan Tracker button on the Home tab that opens the task pane", () => {
    expect(one(doc, "OfficeTab").getAttribute("id")).toBe("TabHome");
    const label = one(one(doc, "Control"), "Label").getAttribute("resid");
    const value = Array.from(doc.getElementsByTagNameNS(BT, "String")).find(
      (s) => s.getAttribute("id") === label
    );
    expect(value?.getAttribute("DefaultValue")).toBe("Plan Tracker");
    expect(one(doc, "TaskpaneId").textContent).toBeTruthy();
  });
});
