/** One cell of a table read or written: typed, as a spreadsheet holds it. */
export type Cell = string | number | boolean | Date | null;
