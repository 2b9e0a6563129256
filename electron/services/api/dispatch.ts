/** The main-side boundary: validates a raw request against the contract and runs its handler; never throws. */
import { api, type ApiHandlers, type MethodName } from '../../../shared/contract/api';
import type { ApiError } from '../../../shared/contract/define';
import type { Result } from '../../../shared/domain/result';

const isMethod = (m: unknown): m is MethodName => typeof m === 'string' && Object.hasOwn(api, m);

export async function dispatch(handlers: ApiHandlers, method: unknown, raw: unknown): Promise<Result<unknown, ApiError>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` } };
  }
  const parsed = api[method].request.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`);
    return {
      ok: false,
      error: { code: 'invalid_request', message: `Invalid request for ${method}: ${issues.slice(0, 5).join('; ')}`, details: issues },
    };
  }
  try {
    const handler = handlers[method] as (req: unknown) => Promise<Result<unknown, ApiError>>;
    return await handler(parsed.data);
  } catch (e) {
    // A bug must not take the process down or leak a stack over the wire.
    console.error(`[workbench] ${method} failed:`, e);
    return { ok: false, error: { code: 'internal', message: `Internal error in ${method}: ${(e as Error)?.message ?? String(e)}` } };
  }
}
