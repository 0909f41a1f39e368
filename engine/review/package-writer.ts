import { deflateSync } from 'fflate';
import type { ZipArchive, ZipEntry } from '../load/docx/zip.js';

/**
 * Writes a new .docx package from an opened one: entries not replaced keep their original
 * compressed bytes (so their content is byte-identical, never re-inflated), replaced and added
 * entries are deflated afresh. Entry order follows the original; additions go last.
 */
export function writePackage(
  original: Uint8Array,
  zip: ZipArchive,
  replaced: Map<string, Uint8Array>,
): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  const add = (record: WrittenEntry) => {
    const name = encoder.encode(record.name);
    const local = localHeader(record, name);
    central.push(centralHeader(record, name, offset));
    chunks.push(local, record.data);
    offset += local.length + record.data.length;
  };
  for (const entry of zip.entries.values()) {
    const fresh = replaced.get(entry.name);
    if (fresh) add(deflated(entry.name, fresh));
    else add(copied(original, entry));
  }
  for (const [name, data] of replaced) if (!zip.entries.has(name)) add(deflated(name, data));
  const directory = concat(central);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, central.length, true);
  view.setUint16(10, central.length, true);
  view.setUint32(12, directory.length, true);
  view.setUint32(16, offset, true);
  return concat([...chunks, directory, end]);
}

interface WrittenEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Uint8Array;
  dosTime: number;
  dosDate: number;
}

/** The original compressed bytes, located through the local header as the loader does. */
function copied(bytes: Uint8Array, entry: ZipEntry): WrittenEntry {
  const at = entry.localOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return {
    name: entry.name,
    method: entry.method,
    crc: entry.crc,
    size: entry.size,
    data: bytes.subarray(start, start + entry.compressedSize),
    dosTime: view.getUint16(at + 10, true),
    dosDate: view.getUint16(at + 12, true),
  };
}

function deflated(name: string, data: Uint8Array): WrittenEntry {
  const { time, date } = dosNow();
  return {
    name,
    method: 8,
    crc: crc32(data),
    size: data.length,
    data: deflateSync(data, { level: 6 }),
    dosTime: time,
    dosDate: date,
  };
}

function localHeader(entry: WrittenEntry, name: Uint8Array): Uint8Array {
  const out = new Uint8Array(30 + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  // Flag bit 11: names are UTF-8. No data descriptor: sizes are known up front.
  view.setUint16(6, 0x0800, true);
  view.setUint16(8, entry.method, true);
  view.setUint16(10, entry.dosTime, true);
  view.setUint16(12, entry.dosDate, true);
  view.setUint32(14, entry.crc, true);
  view.setUint32(18, entry.data.length, true);
  view.setUint32(22, entry.size, true);
  view.setUint16(26, name.length, true);
  out.set(name, 30);
  return out;
}

function centralHeader(entry: WrittenEntry, name: Uint8Array, localOffset: number): Uint8Array {
  const out = new Uint8Array(46 + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, 0x0800, true);
  view.setUint16(10, entry.method, true);
  view.setUint16(12, entry.dosTime, true);
  view.setUint16(14, entry.dosDate, true);
  view.setUint32(16, entry.crc, true);
  view.setUint32(20, entry.data.length, true);
  view.setUint32(24, entry.size, true);
  view.setUint16(28, name.length, true);
  view.setUint32(42, localOffset, true);
  out.set(name, 46);
  return out;
}

function dosNow(): { time: number; date: number } {
  const now = new Date();
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
    date: ((Math.max(1980, now.getFullYear()) - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

let table: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++)
    crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
