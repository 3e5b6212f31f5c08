import { z } from 'zod';
import { method } from './define';
import { orgIdSchema } from './orgs';

// Sync: the org's online systems (the seeds' APIs) pulled into the workspace. One connection
// per org and source system; the API key is never in the workspace (see src/main/sync/key-store.ts).

/** revenue: seed 001 (payees, products, revenues, rules); consumption: seed 003; tasks: seed 002; statements: seed 004; reports: seed 000 (allocation reports). */
export const SYNC_SOURCES = ['revenue', 'consumption', 'statements', 'reports', 'tasks'] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];
/** The sources sync.run can pull today. */
export const PULLED_SOURCES: readonly SyncSource[] = ['revenue', 'consumption', 'tasks', 'statements', 'reports'];

export const SYNC_RUN_STATUSES = ['committed', 'nothing_changed', 'failed'] as const;
export type SyncRunStatus = (typeof SYNC_RUN_STATUSES)[number];

export interface SyncConnection {
  source: SyncSource;
  baseUrl: string;
  /** Per entity, the newest `modified` / `updated_at` of a successful sync (the next run asks for later ones). */
  cursors: Record<string, string>;
  /** Whether this process has a key for the source (environment or key store); the key itself is never returned. */
  hasKey: boolean;
  /** Where the key is read from, e.g. the environment variable's name. */
  keyFrom: string;
  /** Whether sync.setKey works here (the desktop app's keychain); false in browser mode and the CLI. */
  keySettable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What sync.setKey answers: never the key itself. */
export interface SyncKeyState {
  source: SyncSource;
  hasKey: boolean;
  keyFrom: string;
}

export interface SyncCounts {
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  blocked_locked_period: number;
  /** Records changed both here and on the server since the last sync: not written, kept as conflicts (sync.conflicts). */
  conflict: number;
}

export const SYNC_CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type SyncConflictStatus = (typeof SYNC_CONFLICT_STATUSES)[number];
export const SYNC_CONFLICT_CHOICES = ['keep_local', 'take_server'] as const;
export type SyncConflictChoice = (typeof SYNC_CONFLICT_CHOICES)[number];

/** A record changed locally and on the server since the sync that last wrote it. */
export interface SyncConflict {
  id: number;
  source: SyncSource;
  /** The import entity (payees, products, revenues, consumption, billing). */
  entity: string;
  localId: number;
  /** The source's own id of the record. */
  sourceId: string;
  /** Field -> value in the source's field names: the local record now, and the server's version. */
  localValues: Record<string, unknown>;
  serverValues: Record<string, unknown>;
  /** The fields whose local and server values differ. */
  differing: string[];
  detectedAt: string;
  runId: number;
  status: SyncConflictStatus;
  choice: SyncConflictChoice | null;
  resolvedAt: string | null;
  /** take_server: the one-record import batch that wrote the server's values (undo it like an import). */
  batchId: number | null;
}

export interface SyncRun {
  id: number;
  source: SyncSource;
  status: SyncRunStatus;
  startedAt: string;
  finishedAt: string;
  counts: SyncCounts;
  /** Per entity, the import batch that holds what this run wrote (inspect it like an import). */
  batches: Record<string, number>;
  /** failed: why, naming the source and the record. */
  message: string | null;
}

export interface SyncTestResult {
  source: SyncSource;
  ok: boolean;
  /** The HTTP status the source answered, or null when it could not be reached. */
  status: number | null;
  message: string;
}

const sourceSchema = z.enum(SYNC_SOURCES);

export const syncMethods = {
  'sync.connections': method<{ connections: SyncConnection[] }>()({
    summary: "The org's connections to its online systems: base URL, cursors, whether a key is available (never the key).",
    permission: 'read:sync',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
  'sync.saveConnection': method<SyncConnection>()({
    summary: 'Create or change the connection to one source system (its base URL, http or https). The API key is not sent here: it comes from the environment or the desktop key store.',
    permission: 'write:sync',
    input: z.object({ orgId: orgIdSchema, source: sourceSchema, baseUrl: z.string().max(2000) }).strict(),
  }),
  'sync.setKey': method<SyncKeyState>()({
    summary: "Desktop app only: keep an org's API key for a source in this computer's keychain (Electron safeStorage), or forget it with key null. Never in the workspace file. Refused in browser mode, the CLI and over HTTP, where keys come from environment variables.",
    permission: 'write:sync',
    input: z.object({ orgId: orgIdSchema, source: sourceSchema, key: z.string().max(4000).nullable() }).strict(),
  }),
  'sync.test': method<SyncTestResult>()({
    summary: "Call the source's cheapest endpoint (seed 001's ping) with its key; 401/403 are reported in the seed's words.",
    permission: 'read:sync',
    input: z.object({ orgId: orgIdSchema, source: sourceSchema }).strict(),
  }),
  'sync.run': method<{ runs: SyncRun[] }>()({
    summary:
      'Pull what changed since the last successful sync from each source (all connected ones by default): one batch per source, rolled back whole on a failure. full: true re-reads the statements, reports and tasks sources whole (fixed statements, finalized months, finished tasks), applies what changed and marks what the server no longer lists; the other sources run as usual.',
    permission: 'write:sync',
    input: z.object({ orgId: orgIdSchema, sources: z.array(sourceSchema).min(1).optional(), full: z.boolean().optional() }).strict(),
  }),
  'sync.conflicts': method<{ conflicts: SyncConflict[] }>()({
    summary: 'Records changed both here and on the server since the last sync, open ones first, with both values.',
    permission: 'read:sync',
    input: z.object({ orgId: orgIdSchema, source: sourceSchema.optional(), status: z.enum(SYNC_CONFLICT_STATUSES).optional() }).strict(),
  }),
  'sync.resolve': method<SyncConflict>()({
    summary: "Resolve a conflict: keep_local keeps the local record (the server's version is remembered as seen); take_server writes the server's values as a one-record import batch.",
    permission: 'write:sync',
    input: z.object({ orgId: orgIdSchema, id: z.number().int().positive(), choice: z.enum(SYNC_CONFLICT_CHOICES) }).strict(),
  }),
  'sync.history': method<{ runs: SyncRun[] }>()({
    summary: "The org's sync runs, newest first (at most 200).",
    permission: 'read:sync',
    input: z.object({ orgId: orgIdSchema }).strict(),
  }),
};
