import { describe, expect, it } from 'vitest';
import { createCallQueue } from '../../src/main/core/call-queue';

describe('the core call queue', () => {
  it('runs one job at a time, in arrival order, past failures', async () => {
    const enqueue = createCallQueue();
    const events: string[] = [];
    const slow = enqueue(async () => {
      events.push('import starts');
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push('import ends');
      throw new Error('rolled back');
    });
    const read = enqueue(() => {
      events.push('grid read');
      return 42;
    });
    await expect(slow).rejects.toThrow('rolled back');
    expect(await read).toBe(42);
    expect(events).toEqual(['import starts', 'import ends', 'grid read']);
  });
});
