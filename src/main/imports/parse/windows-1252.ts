// Windows-1252 decoding by the WHATWG table. Node 20's TextDecoder('windows-1252')
// decodes 0x80-0x9F as ISO-8859-1 control characters, so "€" (0x80) would silently
// become U+0080; here Latin-1 is decoded natively and only those 32 bytes are mapped.

// 0x80-0x9F. The five bytes Windows leaves undefined stay C1 controls, as WHATWG says.
const HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
].map((code) => String.fromCharCode(code));

const C1 = /[\x80-\x9F]/g;

export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  C1.lastIndex = 0;
  return C1.test(latin1) ? latin1.replace(C1, (c) => HIGH[c.charCodeAt(0) - 0x80]) : latin1;
}

const HIGH_BYTE = new Map(HIGH.map((char, i) => [char, 0x80 + i]));

/**
 * The bytes that decode to `text`, or null when a character is not in Windows-1252. The
 * inverse of decodeWindows1252, so text read that way shows what its bytes say as UTF-8.
 */
export function encodeWindows1252(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : HIGH_BYTE.get(text[i]);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}
