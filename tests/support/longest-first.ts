import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (child builds, memory measurements, PDFs), measured: started first,
 * so that the two workers finish together instead of one running a long file alone at the end.
 */
const LONGEST = [
  'tests/site/browser.test.ts',
  'tests/cache/pdf-cache.test.ts',
  'tests/pipeline/pdf-build.test.ts',
  'tests/site/readers.test.ts',
  'tests/print/same-browser.test.ts',
  'tests/pipeline/bounded-inputs.test.ts',
];

/**
 * Vitest's order (the last run's durations, from its cache in node_modules/.vite; files by size
 * without one, as on a fresh checkout), with LONGEST moved to the front.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = LONGEST.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index === -1 ? LONGEST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
