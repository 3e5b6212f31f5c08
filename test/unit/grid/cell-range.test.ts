import { describe, expect, it } from 'vitest';
import { extendRange, inRange, isBlock, rangeBounds, toTsv, tsvCell, type CellRange } from '../../../src/renderer/grid/cell-range';

const COLUMNS = ['externalId', 'occurredAt', 'amount', 'currency'];
const at = (rowIndex: number, colId: string) => ({ rowIndex, colId });

describe('a block of cells picked with Shift+arrows', () => {
  it('grows from its anchor and stays inside the rows and displayed columns', () => {
    let range: CellRange = { anchor: at(5, 'occurredAt'), focus: at(5, 'occurredAt') };
    range = extendRange(range, 'ArrowRight', 10, COLUMNS);
    range = extendRange(range, 'ArrowDown', 10, COLUMNS);
    expect(range).toEqual({ anchor: at(5, 'occurredAt'), focus: at(6, 'amount') });
    expect(rangeBounds(range, COLUMNS)).toEqual({ rows: [5, 6], columns: ['occurredAt', 'amount'] });
    // Up past the anchor: the block flips, still anchored.
    range = extendRange(extendRange(extendRange(range, 'ArrowUp', 10, COLUMNS), 'ArrowUp', 10, COLUMNS), 'ArrowUp', 10, COLUMNS);
    expect(rangeBounds(range, COLUMNS).rows).toEqual([3, 5]);
    // Edges hold.
    const corner = { anchor: at(0, 'externalId'), focus: at(0, 'externalId') };
    expect(extendRange(corner, 'ArrowLeft', 10, COLUMNS)).toEqual(corner);
    expect(extendRange(corner, 'ArrowUp', 10, COLUMNS)).toEqual(corner);
    expect(extendRange({ anchor: at(9, 'currency'), focus: at(9, 'currency') }, 'ArrowDown', 10, COLUMNS).focus).toEqual(at(9, 'currency'));
    expect(extendRange({ anchor: at(9, 'currency'), focus: at(9, 'currency') }, 'ArrowRight', 10, COLUMNS).focus).toEqual(at(9, 'currency'));
  });

  it('knows its cells, and a single cell is not a block', () => {
    const range = { anchor: at(2, 'currency'), focus: at(1, 'occurredAt') };
    expect(inRange(range, 1, 'amount', COLUMNS)).toBe(true);
    expect(inRange(range, 2, 'occurredAt', COLUMNS)).toBe(true);
    expect(inRange(range, 3, 'amount', COLUMNS)).toBe(false);
    expect(inRange(range, 1, 'externalId', COLUMNS)).toBe(false);
    expect(inRange(null, 1, 'amount', COLUMNS)).toBe(false);
    // A column moved out of the displayed ones is no longer in the block.
    expect(rangeBounds(range, ['externalId', 'occurredAt']).columns).toEqual([]);
    expect(isBlock({ anchor: at(1, 'amount'), focus: at(1, 'amount') })).toBe(false);
    expect(isBlock(range)).toBe(true);
  });

  it('copies as tab-separated lines a spreadsheet pastes cell for cell', () => {
    expect(toTsv([['ch_1', '9007199254.740991'], ['re_1', '-0.125']])).toBe('ch_1\t9007199254.740991\r\nre_1\t-0.125');
    expect(tsvCell('a\tb')).toBe('"a\tb"');
    expect(tsvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(tsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(tsvCell('plain, with comma')).toBe('plain, with comma');
  });
});
