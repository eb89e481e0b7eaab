#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npm ci` is the whole install: no compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
