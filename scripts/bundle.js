// npm run bundle (the `prepare` script): write lib/, the CLI bundle the package ships.
import { LIB, writeBundle } from '../bin/fast-start.js';

await writeBundle(LIB);
