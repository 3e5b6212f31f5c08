import { z } from 'zod';
import { method } from './define';
import { PERMISSIONS, type Permission } from '../permissions';

export interface KeyInfo {
  name: string;
  permissions: Permission[];
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
  'keys.create': method<KeyInfo & { id: number; secret: string }>()({
    summary: 'Create an API key with the given permissions. The secret is shown once.',
    permission: 'admin:keys',
    input: z
      .object({
        name: z.string().trim().min(1).max(100),
        permissions: z.array(z.enum(PERMISSIONS)).min(1),
      })
      .strict(),
  }),
  'keys.list': method<{ keys: Array<KeyInfo & { id: number; createdAt: string }> }>()({
    summary: 'API keys stored in the workspace (never their secrets).',
    permission: 'admin:keys',
    input: z.object({}).strict(),
  }),
};
