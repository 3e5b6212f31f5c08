import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, type BatchResponse } from './imports';
import { orgIdSchema } from './orgs';

/** A product record as sent to products.batch (field names as in the seed). */
export interface ProductRecordInput {
  /** Names a stored product to update (one with no external_id, from a screen); never creates. */
  id?: number;
  external_id?: string | null;
  /** Required to create. */
  name?: string;
  category?: string | null;
  /** A list of tags, or one text with tags separated by ";" or "," (from a file). */
  tags?: string[] | string;
  /** A JSON object, or its JSON text (from a file). */
  metadata?: Record<string, unknown> | string;
  archived?: boolean | string;
}

export interface ProductRow {
  id: number;
  externalId: string | null;
  name: string;
  category: string | null;
  tags: string[];
  metadata: Record<string, unknown>;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

export const PRODUCT_COLUMNS = ['id', 'externalId', 'name', 'category', 'tags', 'metadata', 'archived', 'createdAt', 'updatedAt'] as const satisfies ReadonlyArray<
  keyof ProductRow
>;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
/** The values the products grid's archived column filters on (a set filter). */
export const PRODUCT_STATES = ['archived', 'active'] as const;

/** A product named by id or by external_id (one of them). */
export const productKeySchema = z
  .object({ orgId: orgIdSchema, id: z.number().int().min(1).optional(), externalId: z.string().min(1).max(200).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.externalId === undefined), { message: 'name the product by id or by externalId (one of them)', path: ['id'] });

const productIdInput = z.object({ orgId: orgIdSchema, id: z.number().int().min(1) }).strict();

export const productsMethods = {
  'products.get': method<ProductRow>()({
    summary: 'One product with its category, tags, metadata and archived flag, by id or external_id (404 when not in the org).',
    permission: 'read:products',
    input: productKeySchema,
  }),
  'products.list': method<Page<ProductRow>>()({
    summary: "One page of an org's products for a grid: sorted and filtered in the database.",
    permission: 'read:products',
    input: z
      .object({ orgId: orgIdSchema, sortModel: sortModelSchema.default([]), filterModel: filterModelSchema.default({}), ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'products.batch': method<BatchResponse>()({
    summary: 'Create or update up to 100 products by external_id; per-record status and meta counts.',
    permission: 'write:products',
    input: batchInputSchema<ProductRecordInput>('create_or_update'),
  }),
  'products.archive': method<ProductRow>()({
    summary: 'Archive a product: it stays on its revenues and rules, but no new active rule can name it. Recorded as a one-record batch.',
    permission: 'write:products',
    input: productIdInput,
  }),
  'products.unarchive': method<ProductRow>()({
    summary: 'Bring an archived product back, so rules can name it again; recorded as a one-record batch.',
    permission: 'write:products',
    input: productIdInput,
  }),
};
