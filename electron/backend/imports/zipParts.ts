import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * The parts of a zip file (an .xlsx is one) by name, from its central directory, each readable on its own as
 * a stream inflated by Node's zlib. Reading by the directory rather than front to back lets the .xlsx reader
 * take the parts in the order they depend on each other, whatever order the writer put them in.
 */
export interface ZipPart {
  name: string;
  uncompressedSize: number;
  open(): Readable;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipError extends Error {}

/** The directory of a zip held in memory (an upload is at most 16 MB); throws ZipError when it is not one. */
export function zipParts(zip: Buffer): Map<string, ZipPart> {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KiB, at the very end.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const parts = new Map<string, ZipPart>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    parts.set(name, {
      name,
      uncompressedSize,
      open() {
        if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL) throw new ZipError(`bad local header: ${name}`);
        const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
        const data = zip.subarray(start, start + compressedSize);
        if (method === 0) return Readable.from([data]);
        if (method !== 8) throw new ZipError(`unsupported compression ${method}: ${name}`);
        const inflate = createInflateRaw();
        inflate.end(data);
        return inflate;
      },
    });
  }
  return parts;
}
