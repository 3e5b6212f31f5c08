import { RULE_SCOPES, type RuleScope } from '../../shared/contract/rules';
import type { StoredState, VersionedRule } from '../rules/rule-store';

// Which rule version allocates a revenue. A rule's version in force on a day is its newest
// saved version, drafts aside, whose effective dates include the day; the rule applies when
// that version is active and covers the revenue. The most specific scope with an applying
// rule decides (product, then category, then tag, then org); two applying rules at that
// scope are a conflict, reported, never resolved by picking one.

export interface ProductFacts {
  category: string | null;
  tags: readonly string[];
}

export interface ChosenVersion {
  ruleId: number;
  externalId: string | null;
  version: number;
  state: StoredState;
}

export type RuleChoice = { rule: ChosenVersion | null; conflict: null } | { rule: null; conflict: { scope: RuleScope; rules: ChosenVersion[] } };

const NONE: RuleChoice = { rule: null, conflict: null };

function scopeKeyOf(state: StoredState): string {
  switch (state.scope) {
    case 'product':
      return `product|${state.product_id}`;
    case 'category':
      return `category|${state.category}`;
    case 'tag':
      return `tag|${state.tag}`;
    default:
      return 'org';
  }
}

export class RuleChooser {
  /** scope key -> rules with any version at that key. */
  private readonly byKey = new Map<string, VersionedRule[]>();
  private readonly memo = new Map<string, RuleChoice>();

  constructor(
    rules: readonly VersionedRule[],
    private readonly products: ReadonlyMap<number, ProductFacts>,
  ) {
    for (const rule of rules) {
      const keys = new Set(rule.versions.map((v) => scopeKeyOf(v.state)));
      for (const key of keys) {
        const list = this.byKey.get(key) ?? [];
        list.push(rule);
        this.byKey.set(key, list);
      }
    }
  }

  /** The rule version deciding a revenue of `productId` (null: none) on `day` (YYYY-MM-DD, the org's clock). */
  choose(productId: number | null, day: string): RuleChoice {
    const memoKey = `${productId}|${day}`;
    let choice = this.memo.get(memoKey);
    if (choice === undefined) {
      choice = this.decide(productId, day);
      this.memo.set(memoKey, choice);
    }
    return choice;
  }

  private decide(productId: number | null, day: string): RuleChoice {
    const product = productId === null ? undefined : this.products.get(productId);
    for (const scope of RULE_SCOPES) {
      const keys: string[] = [];
      if (scope === 'product' && productId !== null) keys.push(`product|${productId}`);
      if (scope === 'category' && product?.category) keys.push(`category|${product.category}`);
      if (scope === 'tag' && product) for (const tag of product.tags) keys.push(`tag|${tag}`);
      if (scope === 'org') keys.push('org');
      const applying: ChosenVersion[] = [];
      const seen = new Set<number>();
      for (const key of keys) {
        for (const rule of this.byKey.get(key) ?? []) {
          if (seen.has(rule.id)) continue;
          seen.add(rule.id);
          const inForce = versionInForce(rule, day);
          if (inForce && inForce.state.status === 'active' && keys.includes(scopeKeyOf(inForce.state))) applying.push(inForce);
        }
      }
      if (applying.length === 1) return { rule: applying[0], conflict: null };
      if (applying.length > 1) return { rule: null, conflict: { scope, rules: applying.sort((a, b) => a.ruleId - b.ruleId) } };
    }
    return NONE;
  }
}

export function versionInForce(rule: VersionedRule, day: string): ChosenVersion | null {
  for (let i = rule.versions.length - 1; i >= 0; i--) {
    const { version, state } = rule.versions[i];
    if (state.status === 'draft') continue;
    if (state.effective_from <= day && (state.effective_to === null || day <= state.effective_to)) {
      return { ruleId: rule.id, externalId: rule.externalId, version, state };
    }
  }
  return null;
}
