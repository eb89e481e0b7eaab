// Loaded with `node --import` into a build the benchmark runs: on exit, writes the process's
// peak resident set size (kilobytes) to the file named by JIANBAO_BENCH_RSS.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.JIANBAO_BENCH_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
