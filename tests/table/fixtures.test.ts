import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFolder, processFixture, repoRoot } from './process-fixture.ts';

// UPDATE_FIXTURES=1 npx vitest run tests/table rewrites expected.html and messages.txt: review the diff.
const update = Boolean(process.env['UPDATE_FIXTURES']);
const cases = readdirSync(join(repoRoot, fixtureFolder('')), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('::table fixtures (root: the case folder)', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s', async (name) => {
    const folder = join(repoRoot, fixtureFolder(name));
    const file = await processFixture(name, { root: fixtureFolder(name) });
    const html = String(file);
    const messages = file.messages.map(String);

    if (update) {
      await writeFile(join(folder, 'expected.html'), html);
      await writeFile(join(folder, 'messages.txt'), messages.map((line) => `${line}\n`).join(''));
    }
    expect(existsSync(join(folder, 'messages.txt')), 'messages.txt (empty when none)').toBe(true);

    expect(html).toBe(await readFile(join(folder, 'expected.html'), 'utf8'));
    const expected = (await readFile(join(folder, 'messages.txt'), 'utf8')).split('\n').filter(Boolean);
    expect(messages).toEqual(expected);

    for (const message of file.messages) {
      // The build prints file, line and column; they must say what the message's name says.
      expect(`${message.file}:${message.line}:${message.column}: ${message.reason}`).toBe(String(message));
      expect(message.fatal).toBe(true);
      expect(message.source).toBe('jianbao');
      expect(message.ruleId).toMatch(/^table-/);
    }
  });
});
