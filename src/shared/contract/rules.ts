import { z } from 'zod';
import { method } from './define';
import { pageCheck, filterModelSchema, pageFields, sortModelSchema, type Page } from './grid';
import { batchInputSchema, recordObject, type BatchResponse } from './imports';
import { orgIdSchema, periodSchema } from './orgs';
import type { MoneyString } from '../money';

/** Which revenues a rule covers, most specific first: the order decides which rule wins. */
export const RULE_SCOPES = ['product', 'category', 'tag', 'org'] as const;
export type RuleScope = (typeof RULE_SCOPES)[number];
export const RULE_STATUSES = ['draft', 'active', 'inactive'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** One payee's share of a rule, as sent to rules.batch. */
export interface RuleSplitInput {
  /** The payee, by external_id; or by payee_id for a payee without one (one of the two). */
  payee_external_id?: string;
  payee_id?: number;
  /** A decimal string 0..100 with at most 4 decimals; the shares of a rule add up to at most 100. */
  percentage: string;
  /** Paid to this payee from each revenue before the percentages split the rest (the revenue's currency). */
  fixed_amount?: MoneyString | null;
}

/** A rule record as sent to rules.batch (field names in the seed's style). */
export interface RuleRecordInput {
  external_id?: string | null;
  /** Required to create. */
  name?: string;
  status?: RuleStatus;
  /** Required to create, with the field it names: product_external_id, category or tag (org: none). */
  scope?: RuleScope;
  product_external_id?: string | null;
  category?: string | null;
  tag?: string | null;
  /** YYYY-MM-DD, the first day the rule applies (on the org's clock). Required to create. */
  effective_from?: string;
  /** YYYY-MM-DD, the last day it applies; null: open-ended. */
  effective_to?: string | null;
  /** Replaces the rule's splits as a whole. Required to create (may be empty). */
  splits?: RuleSplitInput[];
}

export interface RuleSplit {
  payeeId: number;
  payeeExternalId: string | null;
  payeeName: string;
  percentage: string;
  fixedAmount: MoneyString | null;
}

/** A rule's state as saved (the current one, or any version). */
export interface RuleState {
  name: string;
  status: RuleStatus;
  scope: RuleScope;
  productId: number | null;
  productExternalId: string | null;
  category: string | null;
  tag: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  splits: RuleSplit[];
}

export interface RuleRecord extends RuleState {
  id: number;
  externalId: string | null;
  /** The number of the current version (1 after create, +1 per save that changed something). */
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface RuleVersion {
  version: number;
  savedAt: string;
  /** The key's name or the person who saved it. */
  savedBy: string;
  /** created, or the fields this save changed. */
  change: 'created' | 'updated';
  changes: string[];
  state: RuleState;
}

export interface RuleRow {
  id: number;
  externalId: string | null;
  name: string;
  status: RuleStatus;
  scope: RuleScope;
  /** The product's name, the category or the tag; null for org. */
  scopeValue: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  splitCount: number;
  /** The shares, in payee order, for the grid's split summary (not sortable or filterable). */
  splits: Array<{ payeeName: string; percentage: string; fixedAmount: MoneyString | null }>;
  version: number;
  updatedAt: string;
}

export const RULE_COLUMNS = ['id', 'externalId', 'name', 'status', 'scope', 'scopeValue', 'effectiveFrom', 'effectiveTo', 'splitCount', 'version', 'updatedAt'] as const satisfies ReadonlyArray<
  keyof RuleRow
>;
export type RuleColumn = (typeof RULE_COLUMNS)[number];

/** Two or more active rules of one specificity decide the same revenues on the same days. */
export interface RuleConflict {
  scope: RuleScope;
  rules: Array<{ id: number; externalId: string | null; name: string; version: number }>;
  /** How many of the month's revenues (and refunded sales) it affects, and the first of them. */
  revenueCount: number;
  firstRevenue: { id: number; externalId: string | null; date: string };
}

export interface RuleConflicts {
  orgId: string;
  period: string;
  conflicts: RuleConflict[];
}

/** One field that differs between a saved version and the current rule. */
export interface RuleDifference {
  /** The record field as rules.batch names it (name, status, scope, product_external_id, ..., splits). */
  field: string;
  /** For splits: the payee whose share differs, and which part of it. */
  payee?: { id: number; externalId: string | null; name: string };
  part?: 'percentage' | 'fixed_amount';
  /** The value in the version and now, as text; null: none (no end date, no share, no fixed amount). */
  was: string | null;
  now: string | null;
}

export interface RuleComparison {
  ruleId: number;
  version: number;
  currentVersion: number;
  /** Field by field, in the record's field order; empty when the version is the current state. */
  differences: RuleDifference[];
}

const ruleKey = z
  .object({ orgId: orgIdSchema, id: z.number().int().min(1).optional(), externalId: z.string().min(1).max(200).optional() })
  .strict()
  .refine((v) => (v.id === undefined) !== (v.externalId === undefined), { message: 'name the rule by id or by externalId (one of them)', path: ['id'] });

export const rulesMethods = {
  'rules.get': method<RuleRecord>()({
    summary: 'One rule with its current splits, by id or external_id.',
    permission: 'read:rules',
    input: ruleKey,
  }),
  'rules.list': method<Page<RuleRow>>()({
    summary: "One page of an org's allocation rules for a grid: sorted and filtered in the database.",
    permission: 'read:rules',
    input: z
      .object({ orgId: orgIdSchema, sortModel: sortModelSchema.default([]), filterModel: filterModelSchema.default({}), ...pageFields })
      .strict()
      .superRefine(...pageCheck),
  }),
  'rules.batch': method<BatchResponse>()({
    summary: 'Create or update up to 100 rules by external_id; every save keeps a version; per-record status and meta counts.',
    permission: 'write:rules',
    input: batchInputSchema<RuleRecordInput>('create_or_update'),
  }),
  'rules.save': method<RuleRecord>()({
    summary:
      'Create one rule, or change one by id (the Rules screen): the fields of a rules.batch record, the same checks, the change kept as a version; a refusal names the field and saves nothing.',
    permission: 'write:rules',
    input: z
      .object({
        orgId: orgIdSchema,
        /** Omit to create. */
        id: z.number().int().min(1).optional(),
        record: recordObject<RuleRecordInput>(),
      })
      .strict(),
  }),
  'rules.compareVersion': method<RuleComparison>()({
    summary: 'One saved version of a rule against its current state, field by field (splits per payee).',
    permission: 'read:rules',
    input: z.object({ ruleId: z.number().int().min(1), version: z.number().int().min(1) }).strict(),
  }),
  'rules.versions': method<{ ruleId: number; versions: RuleVersion[] }>()({
    summary: "A rule's saved versions, newest first: when, by whom, what changed, and the state saved.",
    permission: 'read:rules',
    input: z.object({ ruleId: z.number().int().min(1) }).strict(),
  }),
  'rules.conflicts': method<RuleConflicts>()({
    summary: "Active rules of the same specificity that cover the same revenue of the month on the same day (a run refuses while any remain).",
    permission: 'read:rules',
    input: z.object({ orgId: orgIdSchema, period: periodSchema }).strict(),
  }),
};
