import { terminalSafe } from './terminal-safe.ts';

/**
 * Writes a command's result: JSON when asked (where JSON escapes control characters), else the
 * human lines with terminal escape sequences removed, since they show stored text.
 */
export function printResult(json: boolean, value: unknown, human: () => string[]): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${terminalSafe(human().join('\n'))}\n`);
}

/** Pads cells into aligned columns for terminal tables. */
export function formatTable(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
