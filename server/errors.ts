/**
 * Typed failures server functions throw; route handlers map them to statuses (server/http).
 * Messages are meant for the user: they must never carry internals.
 */
export type TAppErrorCode = "INVALID" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  /** CONFLICT only: the state that won, so the client can show it and retry (ZConflictResponse). */
  readonly current?: unknown;

  constructor(code: TAppErrorCode, message: string, fieldErrors?: Record<string, string[]>, current?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.current = current;
  }
}

export const invalid = (message: string, fieldErrors?: Record<string, string[]>) => new AppError("INVALID", message, fieldErrors);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
export const conflict = (message: string, current?: unknown) => new AppError("CONFLICT", message, undefined, current);
