import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { CONTROL_CHARACTERS, controlCharacterProblem } from '../format/control-characters.ts';
import { reportProblem } from '../report/messages.ts';

/**
 * A control character or a bidirectional control anywhere in the Markdown is an error at its
 * place (see `CONTROL_CHARACTERS`): none is typed on purpose, and a received draft can hide one
 * to make a figure or title show otherwise than it reads. The source is scanned, not the tree,
 * so that link addresses, code and image descriptions are covered too; the frontmatter, blanked
 * in the text checked, is parse-yaml's.
 */
export default function remarkControlCharacters() {
  return (_tree: Root, file: VFile) => {
    const source = String(file.value);
    for (const match of source.matchAll(CONTROL_CHARACTERS)) {
      const line = source.slice(0, match.index).split('\n').length;
      const column = match.index - source.lastIndexOf('\n', match.index - 1);
      reportProblem(file, controlCharacterProblem(match[0]), { place: { line, column }, ruleId: 'control-character' });
    }
  };
}
