import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, type BatchResponse } from './imports';
import { orgIdSchema } from './orgs';

/** A product record as sent to products.batch (field names as in the seed). */
export interface ProductRecordInput {
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

export const productsMethods = {
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
};
