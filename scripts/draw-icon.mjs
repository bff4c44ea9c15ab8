// Draws resources/icon.png (128×128, the Marketplace size): a dark rounded
// square holding a small build graph — a top node fanning out to two
// prerequisites that join again — in Kbuild-ish orange and white.
// Anti-aliased by 4×4 supersampling; PNG written with node:zlib.
// Usage: node scripts/draw-icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4;
const out = process.argv[2] ?? new URL('../resources/icon.png', import.meta.url).pathname;

const BG = [30, 42, 62];
const EDGE = [226, 232, 240];
const NODE = [245, 140, 40];
const NODE_RING = [255, 255, 255];

const nodes = [
  { x: 64, y: 28, r: 13 },
  { x: 32, y: 68, r: 11 },
  { x: 96, y: 68, r: 11 },
  { x: 64, y: 104, r: 11 },
];
const edges = [
  [0, 1],
  [0, 2],
  [1, 3],
  [2, 3],
];

function roundedSquare(x, y) {
  const half = SIZE / 2;
  const r = 24;
  const dx = Math.max(Math.abs(x - half) - (half - r), 0);
  const dy = Math.max(Math.abs(y - half) - (half - r), 0);
  return Math.hypot(dx, dy) <= r;
}

function segmentDistance(px, py, a, b) {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (a.x + t * vx), py - (a.y + t * vy));
}

/** Colour and alpha of one sample point. */
function sample(x, y) {
  if (!roundedSquare(x, y)) return [0, 0, 0, 0];
  for (const n of nodes) {
    const d = Math.hypot(x - n.x, y - n.y);
    if (d <= n.r - 3) return [...NODE, 255];
    if (d <= n.r) return [...NODE_RING, 255];
  }
  for (const [a, b] of edges) {
    if (segmentDistance(x, y, nodes[a], nodes[b]) <= 3) return [...EDGE, 255];
  }
  return [...BG, 255];
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [r, g, b, a] = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        acc[0] += r * a;
        acc[1] += g * a;
        acc[2] += b * a;
        acc[3] += a;
      }
    }
    const alpha = acc[3] / (SS * SS);
    const o = 1 + x * 4;
    for (let c = 0; c < 3; c++) row[o + c] = acc[3] ? Math.round(acc[c] / acc[3]) : 0;
    row[o + 3] = Math.round(alpha);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
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
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
