/**
 * functions.json as custom-functions-metadata generates it from functions.ts's JSDoc
 * (the generator the webpack plugin runs): every function, its parameters, which
 * are optional, which take or give a range, and which are volatile. A change to a
 * function's signature or tags that would change what Excel sees fails here.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Param {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: {
    volatile?: boolean;
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
  };
}

let functions: Fn[];
let errors: string[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    path.join(__dirname, "..", "..", "src", "functions", "functions.ts")
  );
  errors = result.errors;
  functions = JSON.parse(result.metadataJson).functions;
});

/** name(param?[], ...) -> result, volatile: a compact picture of what Excel sees. */
const signature = (f: Fn): string => {
  const params = f.parameters.map(
    (p) => `${p.name}${p.optional ? "?" : ""}${p.dimensionality === "matrix" ? "[][]" : ""}`
  );
  const result = f.result.dimensionality === "matrix" ? "matrix" : (f.result.type ?? "any");
  return `${f.id}(${params.join(", ")}) -> ${result}${f.options?.volatile ? ", volatile" : ""}`;
};

it("generates without errors", () => {
  expect(errors).toEqual([]);
});

it("declares every PLAN function with its parameters, optional flags, ranges and volatility", () => {
  expect(functions.map(signature)).toEqual([
    "OVERDUE(plan?[][], asOf?) -> matrix, volatile",
    "STATUS(timescale[][], status?[][], asOf?, dueSoonDays?) -> matrix",
    "DUE(timescale[][]) -> matrix",
    "DAYSOVERDUE(timescale[][], status?[][], asOf?) -> matrix",
    "COUNT(status?, plan?[][], asOf?) -> number, volatile",
    "SUMMARY(plan?[][], asOf?) -> matrix, volatile",
  ]);
});

it("passes every argument unconverted, so the functions explain a wrong value themselves", () => {
  for (const f of functions)
    for (const p of f.parameters)
      expect(`${f.id}.${p.name}:${p.type}`).toBe(`${f.id}.${p.name}:any`);
});

it("gives every function and parameter a description and a help link into the project's docs", () => {
  for (const f of functions) {
    expect(f.description?.length ?? 0).toBeGreaterThan(40);
    // Excel's Insert Function dialog shows about 255 characters; the rest belongs in the help page.
    expect({ id: f.id, fits: (f.description ?? "").length <= 255 }).toEqual({
      id: f.id,
      fits: true,
    });
    expect(f.helpUrl).toBe(`https://localhost:3000/docs/functions.html#${f.id.toLowerCase()}`);
    for (const p of f.parameters)
      expect(`${f.id}.${p.name}: ${p.description ?? ""}`.length).toBeGreaterThan(
        `${f.id}.${p.name}: `.length + 10
      );
    // The description must not have been cut at a tag: Excel shows it as written.
    expect(f.description).not.toMatch(/@\w+/);
  }
});

it("explains the volatile trade-off in the help of each volatile function", () => {
  for (const f of functions.filter((fn) => fn.options?.volatile)) {
    expect(f.description).toMatch(/volatile \(recalculates with every change/);
  }
});
