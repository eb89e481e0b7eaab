import * as pagefind from 'pagefind';
import { readdirSync, readFileSync } from 'node:fs';
const [mode, ...years] = process.argv.slice(2);
for (const y of years) {
  const { index } = await pagefind.createIndex({ excludeSelectors: ['.chart'] });
  if (mode === 'html') { for (const p of (readdirSync('/tmp/o1s/' + y, { recursive: true }) as string[]).filter((p) => p.endsWith('/index.html'))) await index!.addHTMLFile({ url: `/${y}/${p.replace(/index\.html$/, '')}`, content: readFileSync(`/tmp/o1s/${y}/${p}`, 'utf8') }); }
  else await index!.addDirectory({ path: '/tmp/o1s', glob: `${y}/*/index.html` });
  await index!.getFiles();
  await index!.deleteIndex();
}
await pagefind.close();
