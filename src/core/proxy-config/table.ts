/**
 * Plain-text tables in istioctl's layout (Go's tabwriter): each column as wide as its widest cell plus `padding`
 * spaces, the last column unpadded, no borders. Unlike tabwriter, lines carry no trailing spaces.
 */

/** Renders a header row and data rows; every row should have as many cells as the header. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], padding = 5): string {
  const widths = header.map((h) => h.length);
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, row[i]!.length);
  }
  const line = (cells: readonly string[]): string => {
    let s = '';
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      s += i === cells.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + padding);
    }
    return s.trimEnd();
  };
  let out = `${line(header)}\n`;
  for (const row of rows) out += `${line(row)}\n`;
  return out;
}
