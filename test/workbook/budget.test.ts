/**
 * The round-trip budget: a 5,000-row plan (about 20,000 actions) is read and summarised in at
 * most 3 syncs; a plan too big for one request is read in blocks; no request or response
 * passes 5 MB. Counts and sizes, never times.
 */
import { measureSummaryFlow } from "../double/bench-support";
import { PAYLOAD_LIMIT_BYTES } from "../double";

describe("round trips and payloads", () => {
  test("5,000 recommendation rows: read and summarised in at most 3 syncs, nothing over 5 MB", async () => {
    const f = await measureSummaryFlow(5_000);
    expect(f.actions).toBe(20_000);
    expect(f.listed).toBeGreaterThan(2_000); // a summary worth the name, not an empty one
    expect(f.readSyncs).toBe(1);
    expect(f.syncs).toBeLessThanOrEqual(3);
    expect(f.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(f.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // The plan itself is a sizeable read: the single read request carried it whole.
    expect(f.maxResponseBytes).toBeGreaterThan(1_000_000);
  });

  test("25,000 recommendation rows: read in blocks of one sync each, nothing over 5 MB", async () => {
    const f = await measureSummaryFlow(25_000);
    expect(f.actions).toBe(100_000);
    expect(f.readSyncs).toBeGreaterThan(1);
    expect(f.readSyncs).toBeLessThanOrEqual(6);
    expect(f.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(f.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});
