const count = new Intl.NumberFormat();

export function formatCount(value: number | null | undefined): string {
  return value == null ? '' : count.format(value);
}

/** 1536 -> "1.5 KB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${count.format(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** "n rows" / "1 row". */
export function rowsLabel(n: number): string {
  return `${count.format(n)} ${n === 1 ? 'row' : 'rows'}`;
}
