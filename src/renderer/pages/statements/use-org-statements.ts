import { useEffect, useState } from 'react';
import type { StatementDetail, StatementPage } from '../../../shared/contract/statements';
import { asApiCallError, type ApiCallError } from '../../api/api-call-error';
import { api } from '../../api/client';

const PAGE_SIZE = 100;

/** Every statement of the org (a few per year), newest first: statements.list page by page. */
export function useOrgStatements(orgId: string): { statements: StatementDetail[] | null; error: ApiCallError | null } {
  const [state, setState] = useState<{ statements: StatementDetail[] | null; error: ApiCallError | null }>({ statements: null, error: null });
  useEffect(() => {
    let stale = false;
    (async () => {
      const all: StatementDetail[] = [];
      for (let page_number = 1; ; page_number++) {
        const page = (await api.call('statements.list', { orgId, serializer: 'detail', page_size: PAGE_SIZE, page_number })) as StatementPage<StatementDetail>;
        all.push(...page.results);
        if (page.next === null) break;
      }
      if (!stale) setState({ statements: all, error: null });
    })().catch((thrown: unknown) => {
      if (!stale) setState({ statements: null, error: asApiCallError('statements.list', thrown) });
    });
    return () => {
      stale = true;
    };
  }, [orgId]);
  return state;
}
