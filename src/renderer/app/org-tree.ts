import type { Org } from '../../shared/contract/orgs';

export interface OrgNode {
  org: Org;
  /** 0 for a top-level org, 1 for its children, and so on. */
  depth: number;
}

/**
 * The orgs in tree order: each parent followed by its children (by name), so a list can
 * indent children under their parent. An org whose parent is missing, or that sits in a
 * cycle, would be a data error; it is shown at the top level rather than lost.
 */
export function orgTree(orgs: readonly Org[]): OrgNode[] {
  const ids = new Set(orgs.map((org) => org.id));
  const children = new Map<string | null, Org[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) && org.parentId !== org.id ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));

  const nodes: OrgNode[] = [];
  const placed = new Set<string>();
  const visit = (org: Org, depth: number) => {
    if (placed.has(org.id)) return;
    placed.add(org.id);
    nodes.push({ org, depth });
    for (const child of children.get(org.id) ?? []) visit(child, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Orgs only reachable through a cycle.
  for (const org of orgs) visit(org, 0);
  return nodes;
}

/** The org and everything under it: where it cannot be moved to. */
export function subtreeIds(orgs: readonly Org[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const org of orgs) {
      if (org.parentId !== null && found.has(org.parentId) && !found.has(org.id)) {
        found.add(org.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * <option> ignores padding, so nesting is drawn in text: "└ " under the parent, two
 * non-breaking spaces per further level. Kept short because a closed select shows it too.
 */
export function nestingPrefix(depth: number): string {
  return depth === 0 ? '' : '\u00a0\u00a0'.repeat(depth - 1) + '└ ';
}
