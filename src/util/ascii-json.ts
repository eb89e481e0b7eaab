import { Buffer, isAscii } from 'node:buffer';

const HEX = '0123456789abcdef';

/**
 * JSON text (as `JSON.stringify` gives it) as ASCII bytes, every other UTF-16 unit written as a
 * `\uXXXX` escape: the same value to `JSON.parse`. Read back with `asciiText`, an 18 MB manifest
 * (10,000 synthetic issues, 600,000 Chinese characters) decodes in 2 ms rather than 172 ms as
 * UTF-8 and parses in 183 ms rather than 209 ms, for 155 ms to write rather than 103 ms. By hand:
 * a `replace` with a callback per character took 1.6 s, and jsesc walks the value itself.
 */
export function asciiJson(json: string): Buffer {
  let escaped = 0;
  for (let index = 0; index < json.length; index++) if (json.charCodeAt(index) > 0x7f) escaped++;
  // Outside strings JSON is ASCII, so each escape stands inside one; an escape is 6 bytes.
  const bytes = Buffer.allocUnsafe(json.length + escaped * 5);
  let at = 0;
  for (let index = 0; index < json.length; index++) {
    const unit = json.charCodeAt(index);
    if (unit < 0x80) {
      bytes[at++] = unit;
      continue;
    }
    bytes[at++] = 0x5c; // \
    bytes[at++] = 0x75; // u
    bytes[at++] = HEX.charCodeAt(unit >> 12);
    bytes[at++] = HEX.charCodeAt((unit >> 8) & 15);
    bytes[at++] = HEX.charCodeAt((unit >> 4) & 15);
    bytes[at++] = HEX.charCodeAt(unit & 15);
  }
  return bytes;
}

/** The bytes as text: ASCII ones (`asciiJson`'s) without decoding UTF-8, which costs most. */
export function asciiText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
