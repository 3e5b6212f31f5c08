import { describe, expect, it } from 'vitest';
import { encodingQuestion, undecidedFormat } from '../../../../src/main/imports/mapping/format-questions';
import { detectEncoding, encodingExamples } from '../../../../src/main/imports/parse/index';
import { decodeWindows1252 } from '../../../../src/main/imports/parse/windows-1252';

// When the wizard asks which encoding a file is in, and what each answer shows.

const HEADER = ['id', 'name'];
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('encodingQuestion', () => {
  it('is not asked for a BOM, a chosen encoding, plain ASCII or valid UTF-8', () => {
    const examples = encodingExamples([{ rowNumber: 2, cells: ['1', 'Café'] }]);
    for (const detection of [
      detectEncoding(Buffer.from('\uFEFFid,name\n1,Café\n')),
      detectEncoding(cp1252('id,name\n1,Café\n'), 'windows-1252'),
      detectEncoding(Buffer.from('id,name\n1,Cafe\n')),
      detectEncoding(Buffer.from('id,name\n1,Café\n')),
    ]) {
      expect(encodingQuestion(detection, examples, HEADER)).toBeNull();
    }
  });

  it('is asked when the first bytes were not UTF-8, with the cells as each answer reads them', () => {
    const detection = detectEncoding(cp1252('id,name\n1,Café\n'));
    const question = encodingQuestion(detection, encodingExamples([{ rowNumber: 2, cells: ['1', 'Café'] }]), HEADER);
    expect(question).toEqual({
      kind: 'encoding',
      column: null,
      message:
        'The text in row 2, "name" is not valid UTF-8, so the file was read as Windows-1252 (Latin-1), where it says “Café”. Check both readings against what the file should say. Which encoding was it saved in?',
      choices: [
        { value: 'windows-1252', label: 'Windows-1252 (Western European, as Excel on Windows saves CSV)', examples: ['row 2, "name": Café'] },
        { value: 'utf-8', label: 'UTF-8 (the import would stop at row 2, which is not valid UTF-8)', examples: ['row 2, "name": Caf\uFFFD (not UTF-8)'] },
      ],
    });
  });

  it('names a file that mixes encodings, and what Windows-1252 makes of its UTF-8 text', () => {
    const detection = detectEncoding(Buffer.concat([Buffer.from('id,name\n1,Café\n'), cp1252('2,Müller\n')]));
    const rows = [
      { rowNumber: 2, cells: ['1', decodeWindows1252(Buffer.from('Café'))] },
      { rowNumber: 3, cells: ['2', 'Müller'] },
    ];
    const question = encodingQuestion(detection, encodingExamples(rows), HEADER)!;
    expect(question.message).toBe(
      'The file mixes encodings: “Café” (row 2, "name") is valid UTF-8, but “Müller” (row 3, "name") is not. As Windows-1252 every byte reads, but “Café” becomes “CafÃ©”; ' +
        'as UTF-8 the file cannot be read past row 3. Fixing the file and saving it as UTF-8 is safest. Which encoding was it saved in?',
    );
  });

  it('without an example cell (the bad byte in a row the sample cut), falls back to the detection reason', () => {
    const detection = detectEncoding(cp1252('id,name\n1,Café\n'));
    const question = encodingQuestion(detection, [], HEADER)!;
    expect(question.message).toBe('The file is not valid UTF-8 (byte 0xE9 at offset 13 is not valid UTF-8; read as Windows-1252 (Latin-1)). Which encoding was it saved in?');
    expect(question.choices.map((c) => [c.value, c.examples])).toEqual([
      ['windows-1252', []],
      ['utf-8', []],
    ]);
  });

  it('clips a long cell around its first accent; a column without a header name is named by number', () => {
    const detection = detectEncoding(cp1252('x\né\n'));
    const long = `${'a'.repeat(60)}é${'b'.repeat(60)}`;
    const question = encodingQuestion(detection, encodingExamples([{ rowNumber: 5, cells: ['1', '2', long] }]), HEADER)!;
    expect(question.choices[0].examples).toEqual([`row 5, column 3: …${'a'.repeat(10)}é${'b'.repeat(29)}…`]);
  });
});

describe('undecidedFormat with an encoding question', () => {
  it('states it without the wizard\'s question and names mapping.encoding', () => {
    const question = encodingQuestion(detectEncoding(cp1252('id,name\n1,Café\n')), encodingExamples([{ rowNumber: 2, cells: ['1', 'Café'] }]), HEADER)!;
    const failure = undecidedFormat([question]);
    expect(failure.message).toBe(
      'The text in row 2, "name" is not valid UTF-8, so the file was read as Windows-1252 (Latin-1), where it says “Café”. Check both readings against what the file should say. ' +
        'Choose the encoding (mapping.encoding "windows-1252" or "utf-8", or a profile that sets it). Nothing was imported.',
    );
    expect(failure.detail).toMatchObject({ issues: [{ field: 'mapping.encoding' }] });
  });
});
