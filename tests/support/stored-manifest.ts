import { join } from 'node:path';
import { BlobStore } from '../../src/cache/blob-store.ts';
import { joinManifest, type Manifest, readManifestHead } from '../../src/cache/manifest.ts';

/** The manifest a build left in `cacheDir`, with its parts read back into it (see src/cache/manifest.ts). */
export async function storedManifest(cacheDir: string): Promise<Manifest> {
  const head = readManifestHead(cacheDir);
  const problems: string[] = [];
  const manifest = head && (await joinManifest(head, new BlobStore(join(cacheDir, 'blobs')), problems));
  if (!manifest) throw new Error(`No usable manifest in ${cacheDir}: ${problems.join('; ')}`);
  return manifest;
}
