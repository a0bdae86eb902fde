/**
 * The PLAN custom functions called with anything Excel (or a careless formula) can pass:
 * scalars, 2-D ranges, null/undefined for omitted arguments, error values, huge strings,
 * real and mutated plans. The only exception allowed out is the CustomFunctions.Error the
 * function means to throw, with a message; its answers are rectangular, hold only text,
 * finite numbers or errors, and are the same on a second call.
 */
import { CustomFunctionsError } from "../functions/setup";
import fc from "fast-check";
import {
  count,
  countOfRange,
  daysOverdue,
  due,
  overdue,
  overdueOfRange,
  setToday,
  status,
  summary,
  summaryOfRange,
} from "../../src/functions/functions";
import {
  readWorkbookSettings,
  setCandidateReader,
  setSettingsReader,
} from "../../src/functions/workbook-plan";
import {
  cellValue,
  count as tallyCase,
  EXCEL_ERRORS,
  fuzzParams,
  grid,
  isoDate,
  MAX_CELL,
  mutatedSeed,
  planShapedGrid,
  printTally,
  RUNS,
  SEED_VALUES,
} from "./arbitraries";

afterAll(() => printTally("functions"));
beforeEach(() => setToday(() => "2006-12-28"));
afterEach(() => {
  setToday(null);
  setCandidateReader(null);
  setSettingsReader(null);
});

/** The functions' safety net: the message when their own code threw. */
const SAFETY_NET = /could not work this out/;

/** An error object as the runtime or a formula engine passes an error cell. */
const errorObject = fc
  .constantFrom(...EXCEL_ERRORS)
  .chain((code) =>
    fc.constantFrom<unknown>(
      new CustomFunctionsError(code.trim()),
      { value: code.trim() },
      { basicValue: code.trim(), type: "Error" },
      new Error("boom")
    )
  );

const oddScalar = fc.constantFrom<unknown>(
  {},
  [],
  [[]],
  [[[1]]],
  [1, 2, 3],
  new Date(Date.UTC(2006, 11, 28)),
  Symbol.for("x").description,
  "x".repeat(MAX_CELL),
  "June 2006\n".repeat(3300)
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: cellValue },
  { weight: 1, arbitrary: errorObject },
  { weight: 1, arbitrary: oddScalar }
);

const smallRange = grid(
  fc.oneof(
    { weight: 5, arbitrary: cellValue },
    { weight: 1, arbitrary: errorObject }
  ) as fc.Arbitrary<never>,
  5,
  3
);

/** Anything one argument can be. */
const argument: fc.Arbitrary<unknown> = fc.oneof(scalar, smallRange);

const asOf: fc.Arbitrary<unknown> = fc.oneof(
  isoDate,
  isoDate.map((d) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`),
  fc.integer({ min: -10, max: 3000000 }),
  fc.double(),
  fc.constantFrom<unknown>(null, undefined, "", true, "#N/A", "28 December 2006", [[39079]]),
  scalar
);

const statusArg: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    "Overdue",
    "due soon",
    "NOT YET DUE",
    "no_date",
    "Complete",
    null,
    undefined,
    ""
  ),
  argument
);

const plan: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: planShapedGrid },
  { weight: 2, arbitrary: mutatedSeed },
  { weight: 1, arbitrary: fc.constant(SEED_VALUES) },
  { weight: 2, arbitrary: argument }
);

/** What a call shows in Excel, checked; the same shape for values and errors so two calls compare. */
async function shown(name: string, call: () => unknown): Promise<unknown> {
  let value: unknown;
  try {
    value = await call();
  } catch (error) {
    if (!(error instanceof CustomFunctionsError))
      throw new Error(`${name} let out ${String(error)} instead of a CustomFunctions.Error`);
    return checkedError(name, error);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${name} returned ${value}`);
    return value;
  }
  if (!Array.isArray(value) || value.length === 0)
    throw new Error(`${name} returned ${JSON.stringify(value)}, not a non-empty 2-D array`);
  const width = (value[0] as unknown[]).length;
  return value.map((row: unknown) => {
    // Excel spills only a rectangle.
    if (!Array.isArray(row) || row.length !== width || width === 0)
      throw new Error(`${name} returned a ragged or empty row`);
    return row.map((cell: unknown) => {
      if (cell instanceof CustomFunctionsError) return checkedError(name, cell);
      if (typeof cell === "string") return cell;
      if (typeof cell === "number" && Number.isFinite(cell)) return cell;
      throw new Error(`${name} returned the cell ${String(cell)}`);
    });
  });
}

function checkedError(
  name: string,
  error: CustomFunctionsError
): { code: string; message?: string } {
  if (!["#VALUE!", "#N/A"].includes(error.code))
    throw new Error(`${name} threw ${error.code}; only #VALUE! and #N/A carry a message`);
  if (typeof error.message !== "string" || error.message.trim() === "")
    throw new Error(`${name} threw ${error.code} without a message`);
  if (SAFETY_NET.test(error.message))
    throw new Error(`${name} hit its safety net: ${error.message}`);
  return { code: error.code, message: error.message };
}

/** Calls twice and demands the same answer. */
async function twice(name: string, call: () => unknown): Promise<void> {
  tallyCase(name);
  const first = await shown(name, call);
  const second = await shown(name, call);
  expect(second).toEqual(first);
}

const run = (p: fc.IAsyncPropertyWithHooks<unknown[]>, runs = RUNS) =>
  fc.assert(p as fc.IAsyncProperty<unknown[]>, fuzzParams(runs));

describe("PLAN functions on any arguments", () => {
  test("STATUS(timescale, [status], [asOf], [dueSoonDays])", async () => {
    await run(
      fc.asyncProperty(
        argument,
        fc.option(statusArg, { nil: undefined }),
        asOf,
        fc.option(argument, { nil: undefined }),
        (t, s, a, d) => twice("STATUS", () => status(t as unknown[][], s as unknown[][], a, d))
      )
    );
  });

  test("DUE(timescale)", async () => {
    await run(fc.asyncProperty(argument, (t) => twice("DUE", () => due(t as unknown[][]))));
  });

  test("DAYSOVERDUE(timescale, [status], [asOf])", async () => {
    await run(
      fc.asyncProperty(argument, fc.option(statusArg, { nil: undefined }), asOf, (t, s, a) =>
        twice("DAYSOVERDUE", () => daysOverdue(t as unknown[][], s as unknown[][], a))
      )
    );
  });

  test("COUNT([status], [plan], [asOf]) and its range form", async () => {
    await run(
      fc.asyncProperty(statusArg, plan, asOf, async (s, p, a) => {
        await twice("COUNT", () => count(s, p as unknown[][], a));
        await twice("COUNT-range", () => countOfRange(s, p, a));
      })
    );
  });

  test("OVERDUE([plan], [asOf]) and its range form", async () => {
    await run(
      fc.asyncProperty(plan, asOf, async (p, a) => {
        await twice("OVERDUE", () => overdue(p as unknown[][], a));
        await twice("OVERDUE-range", () => overdueOfRange(p, a));
      })
    );
  });

  test("SUMMARY([plan], [asOf]) and its range form", async () => {
    await run(
      fc.asyncProperty(plan, asOf, async (p, a) => {
        await twice("SUMMARY", () => summary(p as unknown[][], a));
        await twice("SUMMARY-range", () => summaryOfRange(p, a));
      })
    );
  });

  test("the workbook's plan (no range given) from odd candidates and odd saved settings", async () => {
    await run(
      fc.asyncProperty(
        fc.array(fc.oneof(planShapedGrid, mutatedSeed), { maxLength: 3 }),
        fc.anything(),
        asOf,
        async (sheets, stored, a) => {
          setCandidateReader(
            async () =>
              sheets.map((values, i) => ({
                sheet: `Sheet${i + 1}`,
                address: "A1",
                values,
                origin: { sheet: `Sheet${i + 1}`, row: 1, column: 1 },
              })) as never
          );
          // The saved settings as the document gives them, through the reader's own checks.
          setSettingsReader(() => readWorkbookSettings(stored));
          await twice("COUNT-workbook", () => count(undefined, undefined, a));
          await twice("OVERDUE-workbook", () => overdue(undefined, a));
        }
      ),
      Math.ceil(RUNS / 2)
    );
  });
});
