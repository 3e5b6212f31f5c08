import { z } from 'zod';
import { method } from './define';
import { PERMISSIONS, type Permission } from '../permissions';

export interface KeyInfo {
  name: string;
  permissions: Permission[];
}

/** A stored key as keys.list shows it (never its secret). */
export interface StoredKey extends KeyInfo {
  id: number;
  createdAt: string;
  /** After this instant the key is refused (401); null: it does not expire. */
  expiresAt: string | null;
  /** When it was revoked (refused from then on), or null. */
  revokedAt: string | null;
  /** The last call made with it (to the minute), or null when never used. */
  lastUsedAt: string | null;
}

export interface WorkspaceInfo {
  name: string;
  path: string;
  schemaVersion: number;
  appVersion: string;
}

export const systemMethods = {
  ping: method<{ ok: true; key: KeyInfo; workspace: WorkspaceInfo }>()({
    summary: 'Check that the caller is authorised; returns the key and the open workspace.',
    permission: null,
    input: z.object({}).strict(),
  }),
  'workspace.info': method<WorkspaceInfo>()({
    summary: 'The open workspace file: name, path and schema version.',
    permission: 'read:workspace',
    input: z.object({}).strict(),
  }),
  'keys.create': method<KeyInfo & { id: number; secret: string; expiresAt: string | null }>()({
    summary: 'Create an API key with the given permissions, optionally expiring. The secret is shown once.',
    permission: 'admin:keys',
    input: z
      .object({
        name: z.string().trim().min(1).max(100),
        permissions: z.array(z.enum(PERMISSIONS)).min(1),
        /** An ISO 8601 instant in the future ("2027-01-31T00:00:00Z"). */
        expiresAt: z.iso
          .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone, such as 2027-01-31T00:00:00Z' })
          .refine((value) => !(Date.parse(value) <= Date.now()), 'must be in the future')
          .transform((value) => new Date(value).toISOString())
          .optional(),
      })
      .strict(),
  }),
  'keys.list': method<{ keys: StoredKey[] }>()({
    summary: 'API keys stored in the workspace (never their secrets), with expiry, revocation and last use.',
    permission: 'admin:keys',
    input: z.object({}).strict(),
  }),
  'keys.revoke': method<StoredKey>()({
    summary: 'Revoke an API key: every call with it from now on is refused with 401.',
    permission: 'admin:keys',
    input: z.object({ id: z.number().int().min(1) }).strict(),
  }),
};
