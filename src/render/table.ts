/**
 * The one table writer, in istioctl's layout (Go's text/tabwriter with a space as padding character): each column
 * as wide as its widest cell plus `padding` spaces, the last column unpadded, no borders. Widths are measured on
 * the plain text; colour is applied afterwards, so painted cells line up with plain ones.
 */
import { paint, type Style } from './paint.js';

/** One column: its header and how cells sit in it. */
export interface Column {
  /** The header cell. */
  header: string;
  /** Where cells sit within the column's width (default left). The last column is never padded. */
  align?: 'left' | 'right';
}

/** A cell: plain text, or text with the style it is painted in when colour is on. */
export type Cell = string | { text: string; style?: Style };

/** How a table is laid out. */
export interface TableOptions {
  /** Paint styled cells (decided by the caller from TerminalInfo). */
  color?: boolean;
  /** Spaces between columns (istioctl: 5 for most tables, 1 for listeners); default 5. */
  padding?: number;
  /** Drop trailing spaces from each line (lines whose last cells are empty); default false, as tabwriter keeps them. */
  trimEnd?: boolean;
  /** No header line (a bare list of aligned rows). */
  noHeader?: boolean;
}

const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);

/** Lays out `rows` under `columns` (a header string is a left-aligned column); every line ends with a newline. */
export function renderTable(columns: readonly (Column | string)[], rows: readonly (readonly Cell[])[], options: TableOptions = {}): string {
  const cols = columns.map((c): Column => (typeof c === 'string' ? { header: c } : c));
  const padding = options.padding ?? 5;
  const lines: (readonly Cell[])[] = options.noHeader ? [...rows] : [cols.map((c) => c.header), ...rows];
  const widths: number[] = [];
  for (const row of lines) {
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, textOf(row[i]!).length);
  }
  const line = (cells: readonly Cell[]): string => {
    let s = '';
    cells.forEach((cell, i) => {
      const text = textOf(cell);
      const painted = typeof cell === 'string' || !cell.style ? text : paint(text, cell.style, options.color === true);
      if (i === cells.length - 1) {
        s += painted;
        return;
      }
      const gap = ' '.repeat((widths[i] ?? 0) - text.length);
      s += cols[i]?.align === 'right' ? `${gap}${painted}${' '.repeat(padding)}` : `${painted}${gap}${' '.repeat(padding)}`;
    });
    return options.trimEnd ? s.trimEnd() : s;
  };
  return lines.map((cells) => `${line(cells)}\n`).join('');
}
