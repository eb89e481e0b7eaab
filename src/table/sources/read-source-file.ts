import { readFileSync } from 'node:fs';
import type { RuleId } from '../../report/rules.ts';
import type { Problem } from '../problem.ts';

/**
 * A table source's bytes, or why they cannot be had: a problem without a place, since there is
 * no cell to point at. `name` is how messages call the file; `rules` the format's rule ids.
 */
export function readSourceFile(
  path: string,
  name: string,
  rules: { readonly missing: RuleId; readonly read: RuleId },
): { readonly bytes: Buffer } | { readonly problem: Problem } {
  try {
    return { bytes: readFileSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem:
        code === 'ENOENT'
          ? { reason: `Cannot find ${name}; \`src\` is relative to this Markdown file`, ruleId: rules.missing }
          : { reason: `Cannot read ${name} (${code ?? String(error)})`, ruleId: rules.read },
    };
  }
}
