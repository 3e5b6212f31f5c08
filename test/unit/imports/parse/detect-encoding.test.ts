import { describe, expect, it } from 'vitest';
import { CsvParseError, detectEncoding } from '../../../../src/main/imports/parse/index';
import { ChunkDecoder, InvalidBytes } from '../../../../src/main/imports/parse/decode-stream';

describe('detectEncoding', () => {
  it('trusts a byte-order mark', () => {
    expect(detectEncoding(Buffer.from('\uFEFFa,b'))).toMatchObject({ encoding: 'utf-8', hadBom: true, bomLength: 3, source: 'bom', confidence: 'certain' });
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf16le'))).toMatchObject({ encoding: 'utf-16le', bomLength: 2, source: 'bom' });
    expect(detectEncoding(Buffer.from('\uFEFFa,b', 'utf16le').swap16())).toMatchObject({ encoding: 'utf-16be', bomLength: 2, source: 'bom' });
  });

  it('reads valid UTF-8 as UTF-8, saying how sure it is', () => {
    expect(detectEncoding(Buffer.from('a,b\n1,2'))).toMatchObject({ encoding: 'utf-8', source: 'detected', confidence: 'low' });
    expect(detectEncoding(Buffer.from('a,b\nZoë,2'))).toMatchObject({ encoding: 'utf-8', source: 'detected', confidence: 'high' });
  });

  it('does not let a character cut by the end of the sample decide', () => {
    const cut = Buffer.from('a,€').subarray(0, 4); // first two of the three bytes of €
    expect(detectEncoding(cut, 'auto', false).encoding).toBe('utf-8');
    expect(detectEncoding(cut, 'auto', true).encoding).toBe('windows-1252');
  });

  it('falls back to Windows-1252 and says which byte was not UTF-8', () => {
    const detection = detectEncoding(Buffer.from([0x61, 0x2c, 0xe9, 0x0a]));
    expect(detection).toMatchObject({ encoding: 'windows-1252', source: 'detected', confidence: 'low' });
    expect(detection.reason).toContain('byte 0xE9 at offset 2');
  });

  it('takes a chosen encoding, unless the BOM says otherwise', () => {
    expect(detectEncoding(Buffer.from('a'), 'windows-1252')).toMatchObject({ encoding: 'windows-1252', source: 'chosen' });
    expect(detectEncoding(Buffer.from('\uFEFFa'), 'utf-8')).toMatchObject({ encoding: 'utf-8', bomLength: 3, source: 'chosen' });
    expect(() => detectEncoding(Buffer.from('\uFEFFa', 'utf16le'), 'utf-8')).toThrow(CsvParseError);
  });

  it('refuses UTF-32 and names BOM-less UTF-16', () => {
    expect(() => detectEncoding(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toThrow('UTF-32');
    expect(() => detectEncoding(Buffer.from('id,name\n1,x\n', 'utf16le'))).toThrow('UTF-16LE text without a byte-order mark');
    expect(() => detectEncoding(Buffer.from('id,name\n1,x\n', 'utf16le').swap16())).toThrow('UTF-16BE text without a byte-order mark');
  });
});

describe('ChunkDecoder', () => {
  const text = 'id,name\nZoë,€ 5,😀,東京\n';
  const samples: Array<[ 'utf-8' | 'utf-16le' | 'utf-16be', Buffer]> = [
    ['utf-8', Buffer.from(text)],
    ['utf-16le', Buffer.from(text, 'utf16le')],
    ['utf-16be', Buffer.from(text, 'utf16le').swap16()],
  ];

  it.each(samples)('decodes %s split at every pair of positions', (encoding, bytes) => {
    for (let i = 0; i <= bytes.length; i++) {
      for (let j = i; j <= bytes.length; j += 3) {
        const decoder = new ChunkDecoder(encoding, 0);
        const out = decoder.decode(bytes.subarray(0, i), false) + decoder.decode(bytes.subarray(i, j), false) + decoder.decode(bytes.subarray(j), false) + decoder.decode(new Uint8Array(0), true);
        expect(out).toBe(text);
      }
    }
  });

  it('decodes Windows-1252 by the WHATWG table, not as ISO-8859-1', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const out = new ChunkDecoder('windows-1252', 0).decode(all, true);
    expect(out[0x80]).toBe('€');
    expect(out[0x93] + out[0x94]).toBe('“”');
    expect(out[0x9f]).toBe('Ÿ');
    expect(out[0x81]).toBe('\u0081'); // undefined in Windows-1252: kept, never U+FFFD
    expect(out[0xe9]).toBe('é');
    expect(out).not.toContain('\uFFFD');
  });

  it('names the offset of an invalid byte, counting earlier chunks and the BOM', () => {
    const decoder = new ChunkDecoder('utf-8', 3);
    decoder.decode(Buffer.from('abc'), false);
    try {
      decoder.decode(Buffer.from([0x64, 0xc3, 0x28]), false);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidBytes);
      expect((error as InvalidBytes).byteOffset).toBe(3 + 3 + 1);
      expect((error as InvalidBytes).textBefore).toBe('d');
      expect((error as InvalidBytes).problem).toContain('byte 0xC3');
    }
  });

  it.each([
    ['overlong', [0xc0, 0xaf]],
    ['surrogate', [0xed, 0xa0, 0x80]],
    ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['lone continuation', [0x80]],
  ])('rejects %s UTF-8', (_, bytes) => {
    expect(() => new ChunkDecoder('utf-8', 0).decode(Uint8Array.from([0x61, ...bytes, 0x62]), true)).toThrow(InvalidBytes);
  });

  it('rejects an unpaired UTF-16 surrogate and a dangling odd byte', () => {
    expect(() => new ChunkDecoder('utf-16le', 0).decode(Uint8Array.from([0x61, 0, 0x00, 0xdc, 0x62, 0]), true)).toThrow('unpaired surrogate');
    expect(() => new ChunkDecoder('utf-16le', 0).decode(Uint8Array.from([0x61, 0, 0x62]), true)).toThrow('ends in the middle');
    expect(() => new ChunkDecoder('utf-16be', 0).decode(Uint8Array.from([0, 0x61, 0xd8, 0x3d]), true)).toThrow('ends in the middle');
  });

  it('keeps a U+FEFF inside the data (only the file-start BOM is skipped)', () => {
    const decoder = new ChunkDecoder('utf-8', 0);
    expect(decoder.decode(Buffer.from('a'), false) + decoder.decode(Buffer.from('\uFEFFb'), true)).toBe('a\uFEFFb');
  });
});
