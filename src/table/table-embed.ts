import type { Data, Node } from 'mdast';
// Loads the `data.hName` / `hProperties` / `hChildren` fields onto mdast's `Data`.
import type {} from 'remark-rehype';
import type { TableRecord } from './table-record.ts';

export interface TableEmbedData extends Data {
  /** The table as checked, also found on `file.data.tables`. */
  table: TableRecord;
}

/**
 * What a `::table` directive becomes: a block that remark-rehype turns into its `hChildren`,
 * so later plugins see a finished table, not a directive to handle again.
 */
export interface TableEmbed extends Node {
  type: 'tableEmbed';
  data: TableEmbedData;
}

declare module 'mdast' {
  interface BlockContentMap {
    tableEmbed: TableEmbed;
  }
  interface RootContentMap {
    tableEmbed: TableEmbed;
  }
}
