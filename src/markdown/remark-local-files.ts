import { resolve } from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';
import type {} from '../table/table-record.ts';
import { resolveLocal } from './local-path.ts';

export interface Options {
  /**
   * Content folder that links and images must stay inside, also after following symlinks;
   * relative to the file's `cwd`. An absolute path is refused when this is set.
   * @default undefined (no containment check)
   */
  readonly root?: string | undefined;
  /**
   * Schemes a link may use; any other (`javascript:`, `data:`, `file:`) is an error.
   * @default ['http', 'https', 'mailto', 'tel']
   */
  readonly linkSchemes?: readonly string[];
  /**
   * Schemes an image may use.
   * @default ['http', 'https']
   */
  readonly imageSchemes?: readonly string[];
}

const defaults = {
  root: undefined,
  linkSchemes: ['http', 'https', 'mailto', 'tel'],
  imageSchemes: ['http', 'https'],
} satisfies Options;

/**
 * Check every link, image and link definition: a local path must name a file that exists
 * inside the content folder, a remote one must use an allowed scheme. Problems are errors at
 * the link; local files found are added to `file.data.dependencies`. An image without a
 * description (`![](photo.jpg)`) is a warning. This plugin reads the file system (`stat`).
 */
export default function remarkLocalFiles(options?: Options) {
  const settings = { ...defaults, ...options };
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const root = settings.root === undefined ? undefined : resolve(file.cwd, settings.root);
    const from = file.dirname === undefined ? file.cwd : resolve(file.cwd, file.dirname);
    const nodes: (Link | Image | Definition)[] = [];
    eachNode(tree, (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') nodes.push(node);
    });

    for (const node of nodes) {
      const image = node.type === 'image';
      const what = image ? 'image' : 'link';
      const place = node.position?.start;
      if (image && !node.alt?.trim()) {
        reportProblem(file, `Image ${node.url} has no description; write one in the brackets, ![description](${node.url}), for readers who cannot see it`, { place, ruleId: 'image-alt', severity: 'warning' });
      }
      const target = await resolveLocal(node.url, {
        from,
        root,
        cwd: file.cwd,
        what,
        schemes: image ? settings.imageSchemes : settings.linkSchemes,
      });
      if (target.kind === 'refused') reportProblem(file, target.reason, { place, ruleId: target.ruleId });
      if (target.kind === 'file') {
        const dependencies = (file.data.dependencies ??= []);
        if (!dependencies.includes(target.path)) dependencies.push(target.path);
      }
    }
  };
}
