import { gzipSync } from 'node:zlib';

function field(buffer: Buffer, offset: number, length: number, text: string) {
  buffer.write(text, offset, Math.min(length, Buffer.byteLength(text)), 'utf8');
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** Splits a path into ustar's prefix (≤155) and name (≤100) at a slash. */
function splitPath(path: string): [string, string] {
  if (Buffer.byteLength(path) <= 100) return ['', path];
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100)
      return [prefix, name];
  }
  throw new Error(`tar: path too long: ${path}`);
}

function header(path: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(512);
  const [prefix, name] = splitPath(path);
  field(block, 0, 100, name);
  field(block, 100, 8, octal(0o755, 8));
  field(block, 108, 8, octal(0, 8));
  field(block, 116, 8, octal(0, 8));
  field(block, 124, 12, octal(size, 12));
  field(block, 136, 12, octal(Math.floor(mtime / 1000), 12));
  field(block, 148, 8, '        ');
  field(block, 156, 1, '0');
  field(block, 257, 6, 'ustar\0');
  field(block, 263, 2, '00');
  field(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

/** A gzipped ustar archive of regular files, as Go's archive/tar writes them. */
export function tarGz(
  files: Array<{ path: string; body: Buffer | string }>,
  mtime: number,
): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const body = Buffer.isBuffer(file.body)
      ? file.body
      : Buffer.from(file.body, 'utf8');
    parts.push(header(file.path, body.length, mtime), body);
    const pad = (512 - (body.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
