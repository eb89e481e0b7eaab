import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { BuildCache } from '../cache/build-cache.ts';
import { combineHashes, contentHash } from '../cache/hash.ts';
import type { ImageCopy, IssueImage, OutputFile, RenderedIssue } from '../model.ts';
import { photoFormat } from '../markdown/image-copies.ts';
import { mapConcurrent } from '../util/map-concurrent.ts';

export interface ImageFilesOptions {
  /** Where the copies made before come from, by the original's bytes and the copies wanted. */
  readonly cache?: BuildCache | undefined;
}

/** JPEG quality of the copies: no visible loss on a photo at a quarter of the size. */
const JPEG_QUALITY = 85;

/** Bumped when the way copies are made changes, so that stored ones are made again. */
const RECIPE = 'image-copies-1';

/**
 * The resized copies of every issue's photos (see `IssueImage`), by issue path (`2021/11/`),
 * each file at its place in the output folder beside the original. A photo's copies are taken
 * from the cache when its bytes and the copies wanted are unchanged, else made with sharp
 * (loaded only when there is one to make): turned upright by the EXIF orientation, resized, the
 * metadata (camera, place) left out.
 */
export async function imageFiles(issues: readonly RenderedIssue[], options: ImageFilesOptions = {}): Promise<Map<string, OutputFile[]>> {
  const jobs = issues.flatMap((rendered) => rendered.images.filter((image) => image.web.length > 0).map((image) => ({ rendered, image })));
  const made = await mapConcurrent(jobs, 2, async ({ rendered, image }) => {
    const source = resolve(dirname(rendered.issue.source), image.source);
    const bytes = await readFile(source);
    const key = combineHashes([RECIPE, contentHash(bytes), JSON.stringify(image)]);
    const make = async () => copiesOf(bytes, image, rendered.issue.path);
    const files = options.cache ? (await options.cache.output(`image:${rendered.issue.path}${image.source}`, key, make)).files : await make();
    return { path: rendered.issue.path, files };
  });
  const byIssue = new Map<string, OutputFile[]>();
  for (const { path, files } of made) byIssue.set(path, [...(byIssue.get(path) ?? []), ...files]);
  return byIssue;
}

/** The copies of one photo as output files under the issue's folder. */
async function copiesOf(bytes: Buffer, image: IssueImage, issuePath: string): Promise<OutputFile[]> {
  const { default: sharp } = await import('sharp');
  const upright = sharp(bytes).rotate();
  const format = photoFormat((await upright.metadata()).format);
  const copies: ImageCopy[] = [...image.web, image.print];
  return Promise.all(
    copies.map(async (copy) => {
      const resized = upright.clone().resize({ width: copy.width, height: copy.height, fit: 'fill' });
      const encoded = format === 'jpeg' ? resized.jpeg({ quality: JPEG_QUALITY }) : resized.toFormat(format as 'png' | 'webp' | 'avif');
      return { path: `${issuePath}${copy.file}`, contents: new Uint8Array(await encoded.toBuffer()) };
    }),
  );
}
