import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/shared/contract/tasks';
import type { BatchResponse } from '../../src/shared/contract/imports';
import { callOk, tempWorkspace } from '../support/temp-workspace';
import { callError, OPEN_MONTH, ORG, seedCloseOrg } from './close-support';

describe('a finalized month refuses consumption writes and reconciliation', () => {
  it('consumption.batch rows are blocked_locked_period and reconciliation.run is period_finalized', async () => {
    const { core, workspace } = tempWorkspace();
    seedCloseOrg(workspace.db);
    await callOk(core, 'payouts.run', { orgId: ORG, period: OPEN_MONTH });
    expect((await callOk<Task>(core, 'close.start', { orgId: ORG, period: OPEN_MONTH })).status).toBe('Completed');
    const consumption = await callOk<BatchResponse>(core, 'consumption.batch', {
      orgId: ORG,
      records: [{ license_reference: 'L9', resource_name: 'vm-9', billing_period: OPEN_MONTH, consumed_sell: '1.00', consumed_buy: '0.50' }],
    });
    expect(consumption.data[0]).toMatchObject({ status: 'blocked_locked_period' });
    expect(await callError(core, 'reconciliation.run', { orgId: ORG, period: OPEN_MONTH })).toMatchObject({ code: 'period_finalized' });
    expect(workspace.db.prepare('SELECT count(*) FROM consumption_records').pluck().get()).toBe(0);
  });
});
