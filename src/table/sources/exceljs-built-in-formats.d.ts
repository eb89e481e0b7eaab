/** exceljs's table of built-in number formats by number (see built-in-formats.ts); exceljs types only its API. */
declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  const table: Record<number, { f?: string }>;
  export default table;
}
