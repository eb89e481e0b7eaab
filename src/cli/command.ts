/** Where a command writes; tests pass their own. */
export interface CommandIO {
  stdout(text: string): void;
  /** Text, or UTF-8 bytes (warnings printed from the text the build cache stored, not decoded to be encoded again). */
  stderr(text: string | Uint8Array): void;
  /** Whether stdout is a terminal, for a live progress display. @default false */
  readonly isTTY?: boolean;
}

/** One `jianbao <name>` subcommand. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Usage line and options, shown by `jianbao <name> --help`. */
  readonly usage: string;
  /** Resolves to the exit code; throws ContentError for problems in the content. */
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** `--cache DIR` and `--no-cache`, for `parseArgs`: the commands that read the build cache. */
export const CACHE_OPTIONS = { cache: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } } as const;

/** The cache folder the options name, false for `--no-cache`, undefined for the default one; both at once is an error. */
export function cacheDirOf(values: { readonly cache?: string | undefined; readonly 'no-cache'?: boolean | undefined }): string | false | undefined {
  if (values.cache !== undefined && values['no-cache']) throw new Error('Expected either --cache DIR or --no-cache, got both');
  return values['no-cache'] ? false : values.cache;
}
