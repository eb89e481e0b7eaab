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
