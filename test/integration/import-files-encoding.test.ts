import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportInspection } from '../../src/shared/contract/import-files';
import { digest, fails, ok, ORG, REVENUE_HEADER, revenuesOf, setup } from './import-files-support';

// The encoding of a file without a BOM is asked about when it is not certain (the first
// bytes are not UTF-8, so they were read as Windows-1252), with the file's own text read
// both ways; plain ASCII and valid UTF-8 are not asked about. Bytes the encoding in use
// cannot read, wherever they are, stop the import with their row: never a U+FFFD stored.

const run = (path: string, extra: Record<string, unknown> = {}) => ({ orgId: ORG, entity: 'revenues', path, ...extra });

/** A file of these bytes; strings are written as Windows-1252 ("latin1" in Node, for these letters). */
function writeBytes(dir: string, name: string, parts: Array<string | Buffer>): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p))));
  return path;
}

const CP1252_ROWS = `${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,Café\nr2,sale,2026-10-06,20.00,USD,Müller GmbH\n`;

describe('the encoding question', () => {
  it('a Windows-1252 file is asked about with both readings of its text; the answer reads it and stores "Café" exactly', async () => {
    const { core, dir, workspace } = setup();
    const path = writeBytes(dir, 'excel.csv', [CP1252_ROWS]);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.encoding).toMatchObject({ value: 'windows-1252', detected: true, reason: expect.stringContaining('byte 0xE9') });
    // Still open: the mapping does not claim an answer the user has not given.
    expect(inspection.mapping.encoding).toBe('auto');
    expect(inspection.questions).toEqual([
      {
        kind: 'encoding',
        column: null,
        message: expect.stringMatching(/^The text in row 2, "description" is not valid UTF-8, so the file was read as Windows-1252 \(Latin-1\), where it says “Café”\..* Which encoding was it saved in\?$/),
        choices: [
          { value: 'windows-1252', label: expect.stringContaining('Windows-1252'), examples: ['row 2, "description": Café', 'row 3, "description": Müller GmbH'] },
          {
            value: 'utf-8',
            label: 'UTF-8 (the import would stop at row 2, which is not valid UTF-8)',
            examples: ['row 2, "description": Caf\uFFFD (not UTF-8)', 'row 3, "description": M\uFFFDller GmbH (not UTF-8)'],
          },
        ],
      },
    ]);

    // Answered: no question left, and the preview reads the text.
    const mapping = { ...inspection.mapping, encoding: 'windows-1252' };
    const answered = await ok<ImportInspection>(core, 'imports.inspect', run(path, { mapping }));
    expect(answered.questions).toEqual([]);
    expect(answered.encoding).toMatchObject({ value: 'windows-1252', detected: false });
    expect(answered.preview.map((p) => p.record?.description)).toEqual(['Café', 'Müller GmbH']);
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { mapping }));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 2 } });
    const stored = revenuesOf(workspace.db).map((r) => r.description);
    expect(stored).toEqual(['Café', 'Müller GmbH']);
    expect(Buffer.from(stored[0] as string, 'utf8')).toEqual(Buffer.from('Caf\u00e9', 'utf8'));
    expect(stored.join('')).not.toContain('\uFFFD');
  });

  it('answering UTF-8 for a Windows-1252 file is an error naming the row and column; nothing is written', async () => {
    const { core, dir, workspace } = setup();
    const path = writeBytes(dir, 'excel.csv', [CP1252_ROWS]);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    const mapping = { ...inspection.mapping, encoding: 'utf-8' };
    const before = digest(workspace.db);
    for (const method of ['imports.inspect', 'imports.check', 'imports.commit']) {
      const error = await fails(core, method, run(path, { mapping }));
      // The cell read both ways in words; the byte and its offset in the details, with the encoding that reads it.
      expect(error).toMatchObject({
        type: 'validation_error',
        code: 'invalid_encoding',
        detail: {
          row: 2,
          column: 6,
          file: 'excel.csv',
          technical: 'byte 0xE9 at offset 89 is not valid UTF-8',
          readings: { 'utf-8': 'Caf\uFFFD', 'windows-1252': 'Café' },
          suggestedEncoding: 'windows-1252',
        },
      });
      expect(error.message).toBe(
        'excel.csv cannot be imported: Row 2, column 6 ("description") is not valid UTF-8: it reads "Caf\uFFFD" as UTF-8 and "Café" as Windows-1252 (Latin-1). If it was saved by Excel on Windows, choose Windows-1252 (Latin-1). Nothing was imported.',
      );
    }
    expect(digest(workspace.db)).toBe(before);
  });

  it('a header in Windows-1252 is an example too, named as the header', async () => {
    const { core, dir } = setup();
    const path = writeBytes(dir, 'header.csv', [`${REVENUE_HEADER},Société\nr1,sale,2026-10-05,10.00,USD,plain,x\n`]);
    const [question] = (await ok<ImportInspection>(core, 'imports.inspect', run(path))).questions;
    expect(question).toMatchObject({ kind: 'encoding', message: expect.stringContaining('The text in the header, column 7 is not valid UTF-8') });
    expect(question.choices[0].examples).toEqual(['the header, column 7: Société']);
  });

  it('a file that mixes UTF-8 and Windows-1252 says so, showing the UTF-8 text as Windows-1252 reads it', async () => {
    const { core, dir } = setup();
    const path = writeBytes(dir, 'mixed.csv', [`${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,`, Buffer.from('Café', 'utf8'), '\nr2,sale,2026-10-06,20.00,USD,Müller\n']);
    const [question] = (await ok<ImportInspection>(core, 'imports.inspect', run(path))).questions;
    expect(question.kind).toBe('encoding');
    expect(question.message).toContain('The file mixes encodings: “Café” (row 2, "description") is valid UTF-8, but “Müller” (row 3, "description") is not.');
    expect(question.message).toContain('“Café” becomes “CafÃ©”');
    expect(question.choices.map((c) => c.examples)).toEqual([
      ['row 2, "description": CafÃ©', 'row 3, "description": Müller'],
      ['row 2, "description": Café', 'row 3, "description": M\uFFFDller (not UTF-8)'],
    ]);
  });

  it.each([
    ['plain ASCII', [`${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,Cafe\n`], 'utf-8', 'plain ASCII'],
    ['valid UTF-8', [`${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,`, Buffer.from('Café ✓', 'utf8'), '\n'], 'utf-8', 'valid UTF-8'],
    ['a UTF-8 BOM', [Buffer.from('\uFEFF', 'utf8'), `${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,`, Buffer.from('Café', 'utf8'), '\n'], 'utf-8', 'byte-order mark'],
    ['a UTF-16LE BOM', [Buffer.from(`\uFEFF${REVENUE_HEADER}\nr1,sale,2026-10-05,10.00,USD,Café\n`, 'utf16le')], 'utf-16le', 'byte-order mark'],
  ])('%s is not asked about', async (_, parts, encoding, reason) => {
    const { core, dir, workspace } = setup();
    const path = writeBytes(dir, 'fine.csv', parts as Array<string | Buffer>);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.questions).toEqual([]);
    expect(inspection.encoding).toMatchObject({ value: encoding, reason: expect.stringContaining(reason) });
    expect(inspection.mapping.encoding).toBe(encoding);
    expect(await ok<ImportCommitResult>(core, 'imports.commit', run(path))).toMatchObject({ status: 'committed', counts: { created: 1 } });
    expect(revenuesOf(workspace.db)[0].description).toMatch(/^Caf(e|é)/);
  });

  it('a chosen encoding is not asked about, and a profile-like mapping with it reads the file', async () => {
    const { core, dir } = setup();
    const path = writeBytes(dir, 'excel.csv', [CP1252_ROWS]);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path, { mapping: { encoding: 'windows-1252' } }));
    expect(inspection.questions).toEqual([]);
    expect(inspection.encoding.reason).toBe('Windows-1252 (Latin-1), as chosen');
  });
});

describe('bytes the encoding cannot read, after the part it was detected from', () => {
  // Over 1 MiB of ASCII, so the inspection and the detection see none of what follows.
  const filler = Array.from({ length: 30_000 }, (_, i) => `a${i},sale,2026-10-05,1.00,USD,plain ascii description`).join('\n');
  const badRow = 30_002;

  it('a plain-ASCII start is read as UTF-8 without a question; a later Windows-1252 byte stops the import at its row and column', async () => {
    const { core, dir, workspace } = setup();
    const path = writeBytes(dir, 'late.csv', [`${REVENUE_HEADER}\n${filler}\nlate,sale,2026-10-05,1.00,USD,Café\n`]);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.questions).toEqual([]);
    expect(inspection.encoding).toMatchObject({ value: 'utf-8', reason: expect.stringContaining('a later byte that is not UTF-8 stops the import at its row') });
    const before = digest(workspace.db);
    for (const method of ['imports.check', 'imports.commit']) {
      const error = await fails(core, method, run(path, { mapping: inspection.mapping }));
      expect(error).toMatchObject({ code: 'invalid_encoding', detail: { row: badRow, column: 6 } });
      expect(error.message).toMatch(/^late\.csv cannot be imported: Row 30,002, column 6 \("description"\) is not valid UTF-8: it reads "Caf\uFFFD" as UTF-8 and "Café" as Windows-1252 \(Latin-1\)\. /);
      expect(error.detail).toMatchObject({ technical: expect.stringMatching(/^byte 0xE9 at offset [\d,]+ is not valid UTF-8$/), suggestedEncoding: 'windows-1252' });
      expect(error.message).toContain('choose Windows-1252 (Latin-1)');
    }
    expect(digest(workspace.db)).toBe(before);
    // Chosen, the same file imports, the late row exactly.
    const result = await ok<ImportCommitResult>(core, 'imports.commit', run(path, { mapping: { ...inspection.mapping, encoding: 'windows-1252' } }));
    expect(result).toMatchObject({ status: 'committed', counts: { created: 30_001 } });
    expect(workspace.db.prepare("SELECT description FROM revenues WHERE external_id = 'late'").pluck().get()).toBe('Café');
  });

  it('a UTF-8 start with accents is not asked about; a later invalid sequence in a quoted multi-line field names its row and line', async () => {
    const { core, dir, workspace } = setup();
    const path = writeBytes(dir, 'late-utf8.csv', [
      `${REVENUE_HEADER}\nr0,sale,2026-10-05,1.00,USD,`,
      Buffer.from('Zoë', 'utf8'),
      `\n${filler}\nlate,sale,2026-10-05,1.00,USD,"two\nlines `,
      Buffer.from([0xc3, 0x28]),
      '"\n',
    ]);
    const inspection = await ok<ImportInspection>(core, 'imports.inspect', run(path));
    expect(inspection.questions).toEqual([]);
    expect(inspection.encoding.reason).toContain('valid UTF-8');
    const before = digest(workspace.db);
    const error = await fails(core, 'imports.commit', run(path));
    expect(error).toMatchObject({ code: 'invalid_encoding', detail: { row: badRow + 1, column: 6 } });
    expect(error.message).toContain(`Row 30,003, column 6 ("description") (on line 30,004) is not valid UTF-8: it reads "lines \uFFFD(" as UTF-8 and "lines Ã(" as Windows-1252`);
    expect(error.detail).toMatchObject({ technical: expect.stringMatching(/^byte 0xC3 at offset /) });
    expect(digest(workspace.db)).toBe(before);
  });
});
