#!/usr/bin/env node
/**
 * Draws Plan Tracker's icons (assets/icon-<size>.png for 16, 32, 64, 80, 128):
 * a blue rounded square with a white calendar page and a tick. Written as plain
 * RGBA PNGs with Node's zlib, so no image library is needed.
 *
 *   node scripts/make-icons.js [outDir]
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189]; // Fluent's brand blue, readable on light and dark ribbons
const WHITE = [255, 255, 255];

// CRC-32 as PNG chunks require.
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG (8-bit RGBA) from a pixel function returning [r, g, b, a]. */
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const clamp01 = (v) => Math.max(0, Math.min(1, v));

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(x, y, x0, y0, x1, y1, r) {
  const qx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from a point to a segment. */
function segment(x, y, ax, ay, bx, by) {
  const t = clamp01(
    ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function icon(size) {
  const s = size;
  return png(size, (x, y) => {
    // Background: rounded square, anti-aliased edge.
    const bg = clamp01(0.5 - roundedRect(x, y, 0, 0, s, s, s * 0.18));
    // A white page with a tick, in proportion to the size.
    const page = clamp01(0.5 - roundedRect(x, y, s * 0.22, s * 0.2, s * 0.78, s * 0.8, s * 0.06));
    const stroke = Math.max(1, s * 0.085);
    const tick = Math.min(
      segment(x, y, s * 0.33, s * 0.52, s * 0.45, s * 0.64),
      segment(x, y, s * 0.45, s * 0.64, s * 0.68, s * 0.38)
    );
    const ink = clamp01(stroke / 2 + 0.5 - tick);
    // Page white, tick blue on the page, blue elsewhere.
    const white = page * (1 - ink);
    const colour = BLUE.map((b, i) => Math.round(b * (1 - white) + WHITE[i] * white));
    return [...colour, Math.round(255 * bg)];
  });
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, icon(size));
    console.log(`${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();
module.exports = { png, icon, SIZES };
