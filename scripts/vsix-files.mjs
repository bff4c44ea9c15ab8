// Lists the entries of a .vsix (a zip) from its central directory, one path
// per line, with sizes: `node scripts/vsix-files.mjs FILE.vsix [--json]`.
// Used by scripts/package.sh and the E2E tests; no unzip needed.
import { readFileSync } from 'node:fs';

export function vsixEntries(path) {
  const zip = readFileSync(path);
  // End of central directory: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${path}: not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory entry ${n}`);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    entries.push({ path: zip.toString('utf8', at + 46, at + 46 + nameLen), size, compressed });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, flag] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node scripts/vsix-files.mjs FILE.vsix [--json]');
    process.exit(2);
  }
  const entries = vsixEntries(file);
  if (flag === '--json') console.log(JSON.stringify(entries, null, 2));
  else for (const e of entries) console.log(`${String(e.size).padStart(10)}  ${e.path}`);
}
