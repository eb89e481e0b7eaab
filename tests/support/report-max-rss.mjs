// `node --import` this file to print the process's peak resident set size on exit, in KiB.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `max-rss-kib=${process.resourceUsage().maxRSS}\n`));
