import { z } from 'zod';
import { contract, isMethodName, type MethodName, type ParsedInputOf, type ResultOf } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { ApiFailure, invalidInput } from './failure';
import type { CallContext } from './context';
import { boundWal } from '../db/workspace';
import { describeHolder, readHolder } from '../db/app-lock';

export type Handler<K extends MethodName> = (input: ParsedInputOf<K>, ctx: CallContext) => ResultOf<K> | Promise<ResultOf<K>>;
/** An area's slice of the API: handlers for some of the contract's methods. */
export type HandlerSlice<K extends MethodName> = { [P in K]: Handler<P> };

export interface Registry {
  /** Bind every method of a slice; a name bound twice or not in the contract throws. */
  register<K extends MethodName>(slice: HandlerSlice<K>): void;
  /** Throws if a contract method has no handler. */
  assertComplete(): void;
  call(method: string, input: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

export type ErrorLogger = (reference: string, method: string, error: unknown) => void;

const defaultLogger: ErrorLogger = (reference, method, error) => {
  console.error(`[closebook] ${reference} ${method} failed:`, error);
};

export function createRegistry(logError: ErrorLogger = defaultLogger): Registry {
  const handlers = new Map<string, Handler<MethodName>>();

  async function run(method: string, rawInput: unknown, ctx: CallContext): Promise<unknown> {
    if (!isMethodName(method)) {
      throw new ApiFailure('not_found', 'unknown_method', `There is no API method "${method}"`, { method });
    }
    const handler = handlers.get(method);
    if (!handler) throw new ApiFailure('not_found', 'unknown_method', `API method "${method}" has no handler`, { method });
    const spec = contract[method];
    if (spec.permission && ctx.principal.permissions !== 'all' && !ctx.principal.permissions.has(spec.permission)) {
      throw new ApiFailure('permission_error', 'missing_permission', `This key lacks the "${spec.permission}" permission that ${method} requires`, {
        required: spec.permission,
      });
    }
    const parsed = (spec.input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) throw invalidInput(issuesOf(parsed.error));
    try {
      return await handler(parsed.data as never, ctx);
    } finally {
      if (spec.permission?.startsWith('write:')) boundWal(ctx.workspace);
    }
  }

  return {
    register(slice) {
      for (const [name, handler] of Object.entries(slice)) {
        if (!isMethodName(name)) throw new Error(`Cannot register "${name}": it is not in the contract`);
        if (handlers.has(name)) throw new Error(`API method "${name}" is already registered`);
        handlers.set(name, handler as Handler<MethodName>);
      }
    },
    assertComplete() {
      const missing = Object.keys(contract).filter((name) => !handlers.has(name));
      if (missing.length) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
    },
    async call(method, input, ctx) {
      try {
        return { ok: true, value: await run(method, input, ctx) };
      } catch (error) {
        if (error instanceof ApiFailure) return { ok: false, error: error.toError() };
        if (isBusy(error)) return { ok: false, error: workspaceBusy(ctx.workspace.path).toError() };
        const reference = `ERR-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        logError(reference, method, error);
        return {
          ok: false,
          error: {
            type: 'internal_error',
            code: 'internal',
            message: `Something went wrong in ${method}. Reference ${reference} is in the log.`,
            detail: { reference },
            timestamp: new Date().toISOString(),
          },
        };
      }
    },
  };
}

/** Every failing field, with its dotted path. */
export function issuesOf(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    // One issue per unknown key, so the field names the key itself.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...base, key].join('.'), message: 'is not a field of this method' }));
    }
    return [{ field: base.join('.'), message: issue.message }];
  });
}

/** SQLite gave up waiting for another connection's lock (another program writes the workspace). */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function workspaceBusy(path: string): ApiFailure {
  const holder = typeof path === 'string' ? readHolder(path) : null;
  const who = holder ? describeHolder(holder) : 'another program';
  return new ApiFailure('conflict', 'workspace_busy', `The workspace is being written by ${who}; nothing was changed. Try again when it is done.`, { holder });
}
