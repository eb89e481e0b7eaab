import { resolve } from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { reportProblem } from '../report/messages.ts';
import { eachNode } from '../util/each-node.ts';
import type {} from '../table/table-record.ts';
import { IMAGE_TYPES, LINK_TYPES } from './file-types.ts';
import { linkTarget } from './link-target.ts';
import { CAPTION } from './rehype-figures.ts';

declare module 'vfile' {
  interface DataMap {
    /**
     * Absolute paths of the local files the document links to or shows: those published beside
     * its page (a `::table`'s source is not, see `RenderedIssue.attachments`).
     */
    linked: string[];
  }
}

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
  /**
   * Extensions a linked local file may have (lower case, no dot); any other, `.html` and `.svg`
   * above all, is an error, since the file is published beside the page and could run script.
   * @default LINK_TYPES (pdf, Office and WPS documents, raster images, csv, txt, zip, 7z, rar, ofd)
   */
  readonly linkTypes?: readonly string[];
  /**
   * Extensions a local image may have.
   * @default IMAGE_TYPES (png, jpg, jpeg, gif, webp, avif)
   */
  readonly imageTypes?: readonly string[];
}

const defaults = {
  root: undefined,
  linkSchemes: ['http', 'https', 'mailto', 'tel'],
  imageSchemes: ['http', 'https'],
  linkTypes: LINK_TYPES,
  imageTypes: IMAGE_TYPES,
} satisfies Options;

/**
 * Check every link, image and link definition: a local path must name a file that exists
 * inside the content folder, a remote one must use an allowed scheme. Problems are errors at
 * the link; local files found are added to `file.data.dependencies` and `file.data.linked`. An image without a
 * description (`![](photo.jpg)`) and without a `图：…` caption under it is a warning, and so is a remote image, which the print page
 * leaves out. A definition that an image refers to is checked as an image. This plugin reads
 * the file system (`stat`).
 */
export default function remarkLocalFiles(options?: Options) {
  const settings = { ...defaults, ...options };
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const root = settings.root === undefined ? undefined : resolve(file.cwd, settings.root);
    const from = file.dirname === undefined ? file.cwd : resolve(file.cwd, file.dirname);
    const nodes: (Link | Image | Definition)[] = [];
    const imageDefinitions = new Set<string>();
    // Photos with a `图：…` caption under them, which describes them (see rehype-figures).
    const captioned = new Set<Image>();
    eachNode(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') nodes.push(node);
      if (node.type === 'imageReference') imageDefinitions.add(node.identifier);
      if (node.type !== 'paragraph' || !parent || index === undefined) return;
      const at = node.children.findIndex((child) => child.type === 'image');
      if (at === -1) return;
      const after = node.children.slice(at + 1);
      const next = parent.children[index + 1];
      const caption = after.some((child) => toString(child).trim() !== '') ? after : next?.type === 'paragraph' ? next.children : [];
      if (CAPTION.test(toString({ type: 'paragraph', children: caption }).trim())) captioned.add(node.children[at] as Image);
    });

    for (const node of nodes) {
      const image = node.type === 'image' || (node.type === 'definition' && imageDefinitions.has(node.identifier));
      const what = image ? 'image' : 'link';
      const place = node.position?.start;
      if (node.type === 'image' && !node.alt?.trim() && !captioned.has(node)) {
        reportProblem(file, `Image ${node.url} has no description; write one in the brackets, ![description](${node.url}), for readers who cannot see it`, {
          place,
          ruleId: 'image-alt',
        });
      }
      const target = await linkTarget(node.url, {
        from,
        root,
        cwd: file.cwd,
        what,
        schemes: image ? settings.imageSchemes : settings.linkSchemes,
        types: image ? settings.imageTypes : settings.linkTypes,
      });
      if (target.kind === 'refused') reportProblem(file, target.reason, { place, ruleId: target.ruleId });
      if (image && target.kind === 'remote') {
        reportProblem(
          file,
          `Image ${node.url} is on another site: the web page loads it from there, but the PDF leaves it out, since the print page fetches nothing remote; save the image beside the issue and write its file name instead`,
          { place, ruleId: 'image-remote' },
        );
      }
      if (target.kind === 'file') {
        for (const list of [(file.data.dependencies ??= []), (file.data.linked ??= [])]) if (!list.includes(target.path)) list.push(target.path);
      }
    }
  };
}
