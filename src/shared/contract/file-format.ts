import { z } from 'zod';

// The file-format half of a mapping profile: what a saved profile decides so that a
// re-import never has to guess. 'auto' is only for a first look in the wizard; a saved
// profile stores the decided value.

export const CSV_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** 'dot': 1,234.56 — 'comma': 1.234,56 or 1 234,56. */
export const NUMBER_CONVENTIONS = ['dot', 'comma'] as const;
export type NumberConvention = (typeof NUMBER_CONVENTIONS)[number];

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY',
  /** Date and time; on the org's clock (or the mapping's zone) unless the value carries a zone. */
  'YYYY-MM-DD hh:mm:ss',
  /** ISO 8601 date-time with Z or an offset ('2026-03-04T17:05:11Z', '2026-03-04 17:05:11 +0000'). */
  'ISO',
  /** Unix time in whole seconds. */
  'unix',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** 'major': 12.50 means twelve and a half; 'minor': 1250 means 12.50 (integer cents). */
export const AMOUNT_UNITS = ['major', 'minor'] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

export const fileFormatSchema = z
  .object({
    encoding: z.enum(CSV_ENCODINGS),
    delimiter: z.enum(CSV_DELIMITERS),
    hasHeader: z.boolean(),
    numberConvention: z.enum(NUMBER_CONVENTIONS),
    dateFormat: z.enum(DATE_FORMATS),
    signs: z
      .object({
        /** (12.50) is -12.50. */
        parentheses: z.boolean(),
        /** 12.50- is -12.50. */
        trailingMinus: z.boolean(),
      })
      .strict(),
    amountUnit: z.enum(AMOUNT_UNITS),
    /** Decimals of a minor unit (2 for cents); used only when amountUnit is 'minor'. */
    minorUnitDigits: z.number().int().min(0).max(6),
  })
  .strict();

export type FileFormat = z.infer<typeof fileFormatSchema>;
