import type { EntityWriter, WriterContext } from './entity-writer';
import { problem } from './field-problem';
import { checkKnownFields, describe, readFlag, readText, type RawRecord } from './field-readers';
import { keyedEntityWriter, type KeyedEntitySpec } from './keyed-entity-writer';
import { MAX_EXTERNAL_ID } from './revenue-record';

export const PRODUCT_RECORD_FIELDS: ReadonlySet<string> = new Set(['external_id', 'name', 'category', 'tags', 'metadata', 'archived']);

/** Tags: a list of texts, or (from a file) one text separated by ";" or ",". Stored as a JSON array. */
function readTags(raw: RawRecord): string | null | undefined {
  const value = raw.tags;
  if (value === undefined || value === null) return value;
  let tags: unknown[];
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    tags = value.split(/[;,]/);
  } else if (Array.isArray(value)) tags = value;
  else throw problem('tags', `must be a list of texts, not ${describe(value)}`);
  const clean: string[] = [];
  for (const tag of tags) {
    if (typeof tag !== 'string') throw problem('tags', `each tag is text, not ${describe(tag)}`);
    const text = tag.trim();
    if (text.length > 100) throw problem('tags', `"${text.slice(0, 20)}..." is longer than 100 characters`);
    if (text && !clean.includes(text)) clean.push(text);
  }
  if (clean.length > 50) throw problem('tags', 'at most 50 tags');
  return JSON.stringify(clean);
}

/** Metadata: a JSON object, or (from a file) its JSON text. Stored as JSON text. */
function readMetadata(raw: RawRecord): string | null | undefined {
  let value = raw.metadata;
  if (value === undefined || value === null) return value;
  if (typeof value === 'string') {
    if (value.trim() === '') return undefined;
    try {
      value = JSON.parse(value);
    } catch {
      throw problem('metadata', 'is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problem('metadata', `must be a JSON object, not ${describe(value)}`);
  const text = JSON.stringify(value);
  if (text.length > 10_000) throw problem('metadata', 'is larger than 10,000 characters of JSON');
  return text;
}

/** Product fields -> stored columns; name is required to create. */
export function readProductRecord(raw: RawRecord): { externalId: string | null; values: Record<string, unknown> } {
  checkKnownFields(raw, PRODUCT_RECORD_FIELDS, 'product');
  return {
    externalId: readText(raw, 'external_id', MAX_EXTERNAL_ID) ?? null,
    values: {
      name: readText(raw, 'name', 200),
      category: readText(raw, 'category', 200),
      tags: readTags(raw),
      metadata: readMetadata(raw),
      archived: readFlag(raw, 'archived'),
    },
  };
}

const PRODUCT_SPEC: KeyedEntitySpec = {
  table: 'products',
  noun: 'product',
  read: readProductRecord,
  columns: [
    { column: 'name', field: 'name', required: true, fallback: null, clearable: false },
    { column: 'category', field: 'category', required: false, fallback: null, clearable: true },
    { column: 'tags', field: 'tags', required: false, fallback: '[]', clearable: false },
    { column: 'metadata', field: 'metadata', required: false, fallback: '{}', clearable: false },
    { column: 'archived', field: 'archived', required: false, fallback: 0, clearable: false },
  ],
};

export function productWriter(ctx: WriterContext): EntityWriter {
  return keyedEntityWriter(PRODUCT_SPEC, ctx);
}
