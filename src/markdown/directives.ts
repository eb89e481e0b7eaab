import { TABLE_DIRECTIVE } from '../table/table-directive.ts';

/** The three kinds of directive remark-directive parses: `:text`, `::leaf`, `:::container`. */
export type DirectiveType = 'textDirective' | 'leafDirective' | 'containerDirective';

export interface KnownDirective {
  readonly name: string;
  readonly type: DirectiveType;
  /** How an editor writes it, for messages. */
  readonly example: string;
}

/** Every directive jianbao renders. Any other leaf or container directive is an error. */
export const KNOWN_DIRECTIVES: readonly KnownDirective[] = [TABLE_DIRECTIVE];

/** How a directive of `type` named `name` is written: `::table`, `:::note`, `:abc`. */
export function writtenAs(type: DirectiveType, name: string): string {
  const colons = type === 'textDirective' ? ':' : type === 'leafDirective' ? '::' : ':::';
  return `${colons}${name}`;
}
