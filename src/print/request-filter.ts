import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInside } from '../util/inside.ts';

/**
 * Whether the print page may load `url`: data: URLs, and file:// URLs inside
 * one of `roots`. Everything else — http(s) above all — is refused, so a
 * remote image can neither stall a build nor leak that it ran.
 */
export function isAllowedUrl(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = path.resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => isInside(path.resolve(root), file));
}
