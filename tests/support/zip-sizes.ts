/**
 * An archive whose directory states `size` as the unpacked size of the part `name`, in its
 * local header and in its central directory, as a ZIP bomb's directory does.
 */
export function withStatedSize(zip: Buffer, name: string, size: number): Buffer {
  const bytes = Buffer.from(zip);
  const encoded = Buffer.from(name);
  // The signature of each header, where its name starts and where it gives the unpacked size.
  const headers = [
    { signature: 0x04034b50, name: 30, size: 22 },
    { signature: 0x02014b50, name: 46, size: 24 },
  ];
  for (const header of headers) {
    const at = bytes.findIndex(
      (_, offset) =>
        bytes.readUInt32LE(offset) === header.signature && bytes.subarray(offset + header.name, offset + header.name + encoded.length).equals(encoded),
    );
    if (at < 0) throw new Error(`no header for ${name}`);
    bytes.writeUInt32LE(size, at + header.size);
  }
  return bytes;
}
