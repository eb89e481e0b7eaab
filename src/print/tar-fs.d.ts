// tar-fs ships no types; this is the one function the packaged Chromium's unpacking uses.
declare module 'tar-fs' {
  import type { Writable } from 'node:stream';
  /** A stream that writes the tar archive piped into it out as files under `cwd`. */
  export function extract(cwd: string): Writable;
}
