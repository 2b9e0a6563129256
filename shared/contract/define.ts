/** Building blocks of the typed API contract: method specs, errors and the derived handler/client types. */
import type { z } from 'zod';
import type { Result } from '../domain/result';

/** Every error code a method may return; each method declares the subset it uses. */
export const ERROR_CODES = [
  'invalid_request', 'unknown_method', 'not_found', 'duplicate', 'import_rejected',
  'conflict', 'storage_failed', 'workspace_locked', 'internal', 'unsupported', 'capture_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes every method can return, because the boundary itself produces them. */
export type BoundaryErrorCode = 'invalid_request' | 'unknown_method' | 'internal' | 'storage_failed';

export interface ApiError<C extends ErrorCode = ErrorCode> {
  code: C | BoundaryErrorCode;
  message: string;
  details?: unknown;
}

/** A method: its request schema (validated in main), its response type (phantom) and its error codes. */
export interface MethodSpec<Req extends z.ZodType, Res, E extends ErrorCode> {
  request: Req;
  errors: readonly E[];
  /** Phantom: carries the response type; never set at run time. */
  readonly response?: Res;
}

/** `method<Res>()({ request, errors })` declares a method once, response type included. */
export const method =
  <Res>() =>
  <Req extends z.ZodType, const E extends ErrorCode = never>(spec: {
    request: Req;
    errors?: readonly E[];
  }): MethodSpec<Req, Res, E> => ({ request: spec.request, errors: spec.errors ?? [] });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySpec = MethodSpec<z.ZodType, any, ErrorCode>;
export type ContractShape = Record<string, AnySpec>;

export type RequestOf<S> = S extends MethodSpec<infer Q, unknown, ErrorCode> ? z.input<Q> : never;
export type ParsedRequestOf<S> = S extends MethodSpec<infer Q, unknown, ErrorCode> ? z.output<Q> : never;
export type ResponseOf<S> = S extends MethodSpec<z.ZodType, infer R, ErrorCode> ? R : never;
export type ErrorOf<S> = S extends MethodSpec<z.ZodType, unknown, infer E> ? ApiError<E> : never;
export type ReplyOf<S> = Result<ResponseOf<S>, ErrorOf<S>>;

/** What a host (IPC or HTTP) must serve: one handler per declared method, no more, no fewer. */
export type HandlersOf<C extends ContractShape> = {
  [M in keyof C]: (req: ParsedRequestOf<C[M]>) => Promise<ReplyOf<C[M]>>;
};

/** What the renderer calls: the same methods, with unvalidated (input) request types. */
export type ClientOf<C extends ContractShape> = {
  [M in keyof C]: (req: RequestOf<C[M]>) => Promise<ReplyOf<C[M]>>;
};
