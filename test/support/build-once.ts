/**
 * Builds that several test files need, made once per change of their sources: a build is
 * skipped while its marker file is newer than every file it is built from, and a lock
 * directory keeps two jest workers from building the same thing at once (the second waits,
 * then finds the build current).
 */
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface BuildSpec {
  /** A file the build writes last; its time says when the build was made. */
  marker: string;
  /** Files and folders (searched whole) the build is made from. */
  sources: string[];
  /** A name for the lock, unique to this build. */
  lock: string;
  /** How long a build may take before its lock counts as a leftover. */
  patienceMs: number;
  build: () => void;
}

function newest(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of fs.readdirSync(entry))
    latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

function current(spec: BuildSpec): boolean {
  if (!fs.existsSync(spec.marker)) return false;
  const built = fs.statSync(spec.marker).mtimeMs;
  return spec.sources.every((s) => newest(s) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function buildOnce(spec: BuildSpec): void {
  if (current(spec)) return;
  const lock = path.join(ROOT, ".tmp", `${spec.lock}.lock`);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + spec.patienceMs;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than the deadline is a leftover.
      if (Date.now() > deadline) fs.rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (current(spec)) return;
    spec.build();
    // Mark the build, whatever timestamps the tool kept for files it did not change.
    const now = new Date();
    fs.utimesSync(spec.marker, now, now);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
