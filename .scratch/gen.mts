import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticArchive } from '/work/wt/e/scripts/synthetic-archive.ts';
const dir = mkdtempSync(join(tmpdir(), 'e-gen-'));
await writeSyntheticArchive(join(dir, 'content'), { issues: 2, perYear: 3 });
console.log(dir);
