import { useState } from 'react';
import type { Mapping } from '../../../../../shared/contract/import-files';

export interface RuleDraft<D> {
  /** What the editor shows: the incomplete draft, else the mapping's rule; null when off. */
  draft: D | null;
  applied: boolean;
  /** Why the draft shown is not applied yet. */
  problem: string | null;
  /** null turns the rule off. */
  set: (draft: D | null) => void;
}

/**
 * One rule's edits: a complete draft goes into the mapping at once (and so into the
 * preview); an incomplete one is held here with its reason and taken out of the mapping,
 * so the preview never shows a rule the editor says is not applied.
 */
export function useRuleDraft<D>(
  mapping: Mapping,
  onMapping: (mapping: Mapping) => void,
  inMapping: D | null,
  problemOf: (draft: D) => string | null,
  apply: (mapping: Mapping, draft: D | null) => Mapping,
): RuleDraft<D> {
  const [pending, setPending] = useState<D | null>(null);
  // A draft is held only while the mapping lacks the rule: a rule arriving from elsewhere
  // (another profile chosen) replaces it.
  if (pending !== null && inMapping !== null) setPending(null);
  const set = (draft: D | null) => {
    const complete = draft !== null && problemOf(draft) === null;
    setPending(draft !== null && !complete ? draft : null);
    if (complete) onMapping(apply(mapping, draft));
    else if (inMapping !== null) onMapping(apply(mapping, null));
  };
  return { draft: inMapping ?? pending, applied: inMapping !== null, problem: inMapping === null && pending !== null ? problemOf(pending) : null, set };
}
