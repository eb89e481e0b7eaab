import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/** The Chromium in the `@sparticuz/chromium` package: a headless shell for Linux x64, Brotli-compressed. */
export interface NpmChromium {
  /** The package's version, e.g. `153.0.0`: it pins one Chromium build. */
  readonly version: string;
  /** The package's `bin/` folder, holding `chromium.br` and the libraries it needs. */
  readonly binDir: string;
}

/** The packaged Chromium, or undefined where the package is not installed or has no build (it ships Linux x64 only). */
export function npmChromium(platform: NodeJS.Platform = process.platform, arch: string = process.arch): NpmChromium | undefined {
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  let entry: string;
  try {
    // The package exports only its entry point, not package.json; this file imports nothing from it.
    entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  } catch {
    return undefined;
  }
  const root = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { version, binDir: join(root, 'bin') };
}

/** Where an unpacked Chromium lives: `chromium` and the `lib/` folder it needs on LD_LIBRARY_PATH. */
export interface UnpackedChromium {
  readonly executablePath: string;
  readonly libraryPath: string;
}

/**
 * Unpack the packaged Chromium once (about 200 MB, a second or more) into a folder of its own
 * version under the temporary folder, and reuse it after. Not the package's `executablePath()`:
 * that uses `/tmp/chromium` whatever version put it there, and two builds unpacking at once
 * would run a half-written file. Here each build unpacks beside the folder and renames it into
 * place, so a folder that exists is complete. The NSS libraries it brings (for Amazon Linux)
 * make it run on a machine that has only Node.
 */
export async function unpackNpmChromium(chromium: NpmChromium, root: string = tmpdir()): Promise<UnpackedChromium> {
  const dir = join(root, `jianbao-chromium-${chromium.version}`);
  const unpacked = { executablePath: join(dir, 'chromium'), libraryPath: join(dir, 'lib') };
  if (existsSync(dir)) return unpacked;
  const temporary = `${dir}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  const { extract } = await import('tar-fs');
  // Both files are written out before the folder is renamed, or removed after a failure.
  const results = await Promise.allSettled([
    pipeline(createReadStream(join(chromium.binDir, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(temporary, 'chromium'), { mode: 0o755 })),
    (async () => pipeline(createReadStream(join(chromium.binDir, 'al2023.tar.br')), createBrotliDecompress(), extract(temporary)))(),
  ]);
  const failure = results.find((result) => result.status === 'rejected');
  try {
    if (failure) throw failure.reason;
    renameSync(temporary, dir);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    // Another build finished unpacking first.
    if (existsSync(dir)) return unpacked;
    throw error;
  }
  return unpacked;
}
