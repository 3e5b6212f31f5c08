import type { HandlerSlice } from '../api/registry';
import { ApiFailure, invalidInput } from '../api/failure';
import { DemoError } from './demo-error';
import { resolveDemoOptions, writeDemo } from './create';

class DemoCancelled extends Error {}

export const demoHandlers: HandlerSlice<'demo.load'> = {
  'demo.load': (input, { workspace, progress, signal }) => {
    const started = performance.now();
    const { db } = workspace;
    const options = resolvedOrInvalid(input);
    // The demo's ids and names are its own: it goes only into a workspace that holds nothing.
    const orgs = db.prepare('SELECT count(*) FROM orgs').pluck().get() as number;
    if (orgs > 0) {
      throw new ApiFailure(
        'conflict',
        'workspace_not_empty',
        `This workspace already holds ${orgs === 1 ? 'an organization' : `${orgs} organizations`} and their data; the demo data is loaded only into an empty workspace. Create a new workspace file for it, or run \`closebook demo --workspace FILE\`.`,
        { orgs },
      );
    }
    try {
      // One transaction: a cancel or a failure leaves the workspace as empty as it was.
      const counts = db.transaction(() =>
        writeDemo(db, options, {
          onProgress: (done, total) => {
            if (signal.aborted) throw new DemoCancelled();
            progress({ task: 'demo.load', done, total, message: 'Writing the demo revenues' });
          },
        }),
      ).immediate();
      return { ...counts, ms: Math.round(performance.now() - started) };
    } catch (error) {
      if (error instanceof DemoCancelled) throw new ApiFailure('conflict', 'cancelled', 'Loading the demo was cancelled; the workspace is empty as before.');
      throw error;
    }
  },
};

function resolvedOrInvalid(input: Parameters<typeof resolveDemoOptions>[0]) {
  try {
    return resolveDemoOptions(input);
  } catch (error) {
    if (error instanceof DemoError && error.option) throw invalidInput([{ field: error.option, message: error.reason ?? error.message }]);
    throw error;
  }
}
