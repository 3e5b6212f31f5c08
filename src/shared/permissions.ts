// Permissions are named like the seed's: "<read|write>:<area>".
export const PERMISSIONS = [
  'read:workspace',
  'write:workspace',
  'read:orgs',
  'write:orgs',
  'read:payees',
  'write:payees',
  'read:products',
  'write:products',
  'read:revenues',
  'write:revenues',
  'read:imports',
  'write:imports',
  'read:rules',
  'write:rules',
  'read:payouts',
  'write:payouts',
  'read:consumption',
  'write:consumption',
  'read:reconciliation',
  'write:reconciliation',
  'admin:keys',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
