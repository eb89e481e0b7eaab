/**
 * A PNG's width and height from its header (the IHDR chunk right after the signature), or
 * undefined when the bytes are not a PNG. Read by hand: loading sharp for eight bytes would cost
 * more than the whole page render.
 */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
