import { z } from 'zod';
import { method } from './define';
import { periodSchema } from './orgs';

export interface DemoLoadResult {
  orgs: number;
  payees: number;
  products: number;
  revenues: number;
  ms: number;
}

/** The most rows `demo.load` writes into an open workspace (the CLI's `demo` goes further). */
export const DEMO_LOAD_MAX_REVENUES = 2_000_000;

export const demoMethods = {
  'demo.load': method<DemoLoadResult>()({
    summary:
      'Fill this empty workspace with the demo data `closebook demo` makes (a parent org, two children, a year of revenues); streams progress; refused once the workspace holds data.',
    permission: 'write:workspace',
    input: z
      .object({
        revenues: z.number().int().min(0).max(DEMO_LOAD_MAX_REVENUES).optional(),
        seed: z.number().int().min(0).optional(),
        endPeriod: periodSchema.optional(),
      })
      .strict(),
  }),
};
