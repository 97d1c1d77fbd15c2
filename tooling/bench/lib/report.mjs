// Plain-text tables for the terminal (and for pasting into the README).

export function formatTable(headers, rows, { align = [] } = {}) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => (cell === undefined || cell === null ? '–' : String(cell))));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => ((align[column] ?? (column === 0 ? 'left' : 'right')) === 'left' ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => ((align[column] ?? (column === 0 ? 'left' : 'right')) === 'left' ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const ms = (value) => (value === undefined ? undefined : value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 0 : 1));
export const mb = (value) => (value === undefined ? undefined : Math.round(value).toLocaleString('en-US'));
export const count = (value) => value.toLocaleString('en-US');
