/** Where and why an issue's Markdown is too deeply nested or too dense to parse in good time. */
export interface DepthProblem {
  readonly reason: string;
  readonly place: { readonly line: number; readonly column: number };
}

/** Limits of the pre-scan; far above anything a bulletin writes, far below what stalls the parser. */
export interface DepthLimits {
  /**
   * Containers one line may open: block quote and list markers, and indentation (two columns a
   * level), as `> > - 1. text` or a list item indented 20 levels.
   * @default 16
   */
  readonly blockDepth?: number;
  /**
   * `[` open at once in one paragraph, as links and images nested in each other's text.
   * @default 16
   */
  readonly bracketDepth?: number;
  /**
   * Marks that open emphasis, links or directive attributes (`*`, `_`, `~`, `[`, `{`) in one
   * paragraph: matching them costs the parser time that grows with the square of their number.
   * @default 500
   */
  readonly marks?: number;
  /**
   * `:::name` container directives open at once.
   * @default 16
   */
  readonly directiveDepth?: number;
}

const defaults = { blockDepth: 16, bracketDepth: 16, marks: 500, directiveDepth: 16 } satisfies DepthLimits;

// One container marker at the start of what is left of a line: `>`, or a list marker and a space.
const CONTAINER = /^[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))[ \t]?/;
const MARKS = new Set([...'*_~[{'].map((mark) => mark.charCodeAt(0)));
/** What the scan of a line looks at: escapes, marks and brackets. */
const SCANNED = /[\\*_~[{\]]/g;
const [BACKSLASH, OPEN_BRACKET, CLOSE_BRACKET] = [...'\\[]'].map((char) => char.charCodeAt(0));
const INDENT = /^[ \t]*/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const DIRECTIVE_OPEN = /^[ \t]*:{3,}[A-Za-z]/;
const DIRECTIVE_CLOSE = /^[ \t]*:{3,}[ \t]*$/;
// Lines that end a paragraph: blank, or opening a heading, quote or list item.
const BLOCK_START = /^[ \t]*(?:$|#{1,6}(?:[ \t]|$)|>|(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$))/;

/**
 * Find the first place where Markdown nests deeper, or packs more emphasis marks into one
 * paragraph, than the limits: micromark's time and stack grow faster than the text there (40 KB
 * of nested `*` took half a minute and gigabytes). A cheap line-by-line scan, run before the
 * parser sees the text; fenced code is skipped. `undefined` when the Markdown is within bounds.
 */
export function findTooDeep(markdown: string, limits?: DepthLimits): DepthProblem | undefined {
  const { blockDepth, bracketDepth, marks: markLimit, directiveDepth } = { ...defaults, ...limits };
  let fence: string | undefined;
  let directives = 0;
  let brackets = 0;
  let marks = 0;
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const at = (column: number) => ({ line: index + 1, column: column + 1 });
    const fenced = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenced !== undefined && fenced[0] === fence[0] && fenced.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenced !== undefined) {
      fence = fenced;
      continue;
    }

    let rest = line;
    let depth = 0;
    for (let marker = CONTAINER.exec(rest); marker; marker = CONTAINER.exec(rest)) {
      const indent = INDENT.exec(marker[0])![0];
      depth += 1 + Math.floor(indentWidth(indent) / 2);
      if (depth > blockDepth) return tooDeep(depth, blockDepth, at(line.length - rest.length + indent.length));
      rest = rest.slice(marker[0].length);
    }
    const indent = INDENT.exec(rest)![0];
    depth += Math.floor(indentWidth(indent) / 2);
    if (depth > blockDepth) return tooDeep(depth, blockDepth, at(line.length - rest.length + indent.length));

    if (DIRECTIVE_OPEN.test(line) && ++directives > directiveDepth) {
      return {
        reason: `Unexpected ${directives} \`:::\` directives open at once, more than ${directiveDepth}; close each with a line \`:::\`, or write \`\\:::\` for the text as is`,
        place: at(0),
      };
    }
    if (DIRECTIVE_CLOSE.test(line)) directives = Math.max(0, directives - 1);

    if (BLOCK_START.test(line)) {
      brackets = 0;
      marks = 0;
    }
    // Only the characters that matter, found by an expression: going through every character of
    // the line (`line[column]` makes a string of each Chinese one) was 0.46 ms of an issue's 14.
    SCANNED.lastIndex = 0;
    for (let found = SCANNED.exec(line); found; found = SCANNED.exec(line)) {
      const column = found.index;
      const char = line.charCodeAt(column);
      if (char === BACKSLASH) {
        SCANNED.lastIndex = column + 2;
      } else if (MARKS.has(char) && ++marks > markLimit) {
        return {
          reason: `Unexpected more than ${markLimit} marks of emphasis, links or attributes (\`*\`, \`_\`, \`~\`, \`[\`, \`{\`) in one paragraph; matching them takes the parser minutes, so split the paragraph, or write \`\\*\` for a literal star`,
          place: at(column),
        };
      } else if (char === OPEN_BRACKET) {
        if (++brackets > bracketDepth) {
          return {
            reason: `Unexpected ${brackets} \`[\` open at once, more than ${bracketDepth}; links nested this deep take the parser minutes, so close the brackets or write \`\\[\` for a literal bracket`,
            place: at(column),
          };
        }
      } else if (char === CLOSE_BRACKET) {
        brackets = Math.max(0, brackets - 1);
      }
    }
  }
  return undefined;
}

function tooDeep(depth: number, limit: number, place: DepthProblem['place']): DepthProblem {
  return {
    reason: `Unexpected Markdown nested ${depth} levels deep on one line (quotes, list items, indentation), more than ${limit}; a bulletin needs a few levels at most, and deeper ones take the parser minutes, so remove the extra \`>\`, \`-\` or spaces (or write \`\\-\` for a literal dash)`,
    place,
  };
}

/** Columns of leading whitespace, a tab reaching the next multiple of 4. */
function indentWidth(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}
