/** `::table{src="progress.csv" header-rows="3"}`: a table source (a CSV file) as a checked table. */
export const TABLE_DIRECTIVE = {
  name: 'table',
  type: 'leafDirective',
  example: '::table{src="progress.csv"}',
} as const;
