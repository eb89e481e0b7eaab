import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The templates jianbao ships, used when the project has none of its own. */
export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export function resolveTemplates(dir?: string): string {
  return dir ?? (existsSync('templates') ? 'templates' : BUNDLED_TEMPLATES);
}
