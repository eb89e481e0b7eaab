export { default, default as remarkTable, type Options } from './remark-table.ts';
export type { HeaderCell } from './header-cells.ts';
export type { TableEmbed, TableEmbedData } from './table-embed.ts';
export type { TableRecord } from './table-record.ts';
