import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsvChunks, type CsvChunk } from '../../../src/main/export/csv-file';
import { tempDir } from '../../support/temp-workspace';

// writeCsvChunks writes lines SQLite built (bytes or text) after the heading: progress at
// every 50,000 rows crossed, and a cancel between chunks leaves no file at all.

function* chunks(count: number, rows: number): Generator<CsvChunk> {
  for (let i = 0; i < count; i++) yield { text: i % 2 ? `line ${i}\r\n` : Buffer.from(`líne ${i}\r\n`, 'utf8'), rows };
}

describe('writeCsvChunks', () => {
  it('writes the BOM, the heading (neutralised) and the chunks in order, counting rows and bytes', () => {
    const path = join(tempDir(), 'x.csv');
    const progress: number[] = [];
    const result = writeCsvChunks(path, ['Amount', '=Name'], chunks(4, 30_000), { bom: true, onProgress: (rows) => progress.push(rows) });
    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe("\ufeffAmount,'=Name\r\nlíne 0\r\nline 1\r\nlíne 2\r\nline 3\r\n");
    expect(result).toEqual({ path, rowCount: 120_000, bytes: bytes.length });
    expect(progress).toEqual([50_000, 100_000]);
  });

  it('a cancel seen at a progress point leaves neither the file nor its .partial', () => {
    const dir = tempDir();
    const path = join(dir, 'x.csv');
    const signal = { aborted: false };
    let served = 0;
    function* cancelling(): Generator<CsvChunk> {
      for (const chunk of chunks(10, 30_000)) {
        if (++served === 2) signal.aborted = true;
        yield chunk;
      }
    }
    expect(() => writeCsvChunks(path, ['A'], cancelling(), { signal })).toThrow(/cancelled/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(served).toBeLessThan(10);
  });
});
