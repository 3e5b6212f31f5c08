import { describe, expect, it } from 'vitest';
import { sniffDialect } from '../../../../src/main/imports/parse/index';

describe('sniffDialect', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b\n1|2\n', '|'],
    ['"x,y";b\n"1,2";3\n', ';'], // commas only inside quotes
    ['name;amount\n"Smith, J";1.234,56\n', ';'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(sniffDialect(text, 'auto', true)).toMatchObject({ delimiter, source: 'detected', confidence: 'high' });
  });

  it('reports the line break', () => {
    expect(sniffDialect('a,b\r\n1,2\r\n').lineBreak).toBe('\r\n');
    expect(sniffDialect('a,b\r1,2\r').lineBreak).toBe('\r');
    expect(sniffDialect('"x\r\ny",b\n1,2\n').lineBreak).toBe('\n');
  });

  it('says when another delimiter fits as well, so the wizard can ask', () => {
    expect(sniffDialect('a,b;c\n1,2;3\n', 'auto', true)).toMatchObject({ delimiter: ',', confidence: 'low', alternatives: [';'] });
  });

  it('prefers the delimiter that gives more columns', () => {
    expect(sniffDialect('a;b;c,d\n1;2;3,4\n', 'auto', true)).toMatchObject({ delimiter: ';', alternatives: [] });
  });

  it('falls back to one column, with low confidence', () => {
    expect(sniffDialect('name\nAlice\n', 'auto', true)).toMatchObject({ delimiter: ',', confidence: 'low', reason: 'no delimiter found: one column' });
  });

  it('picks the delimiter most rows agree with when rows are ragged', () => {
    expect(sniffDialect('a;b;c\n1;2;3\n4;5;6\n7;8\n', 'auto', true)).toMatchObject({ delimiter: ';', confidence: 'low' });
  });

  it('takes a chosen delimiter as is', () => {
    expect(sniffDialect('a;b\n1;2\n', '|')).toMatchObject({ delimiter: '|', source: 'chosen', confidence: 'certain' });
  });
});
