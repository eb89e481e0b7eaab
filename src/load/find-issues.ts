import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every Markdown file under `contentDir` is an issue; sorted so builds are deterministic. */
export async function findIssueFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
