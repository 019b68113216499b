import { z } from "zod";
import type { TCurrentUser, TRole } from "@/lib/contracts/auth";
import { authenticateHeaders } from "@/server/auth/authenticate";
import { classifyDatabaseFailure } from "@/server/db/is-database-unavailable";
import { AppError, type TAppErrorCode } from "@/server/errors";
import { getRuntime, type TRegisteredRuntime } from "@/server/runtime-registry";
import { readClientIp } from "./client-ip";
import { isCrossSiteRequest } from "./csrf";
import { answerOnce } from "./idempotent-replay";
import { apiError, databaseUnavailable, json } from "./responses";

type TSchema = z.ZodType | undefined;
type TParsed<S extends TSchema> = S extends z.ZodType ? z.output<S> : undefined;

type TRouteConfig<B extends TSchema, Q extends TSchema, R extends TSchema> = {
  /** Signed-in roles allowed; everyone else gets 401 (signed out) or 403. */
  roles: readonly TRole[];
  body?: B;
  query?: Q;
  /** The JSON answer's contract, the schema the client parses it with. The handler must return its input
   * type, as it is (200) or `withStatus` (201…), or a Response (a file, a redirect, a 204); only what the
   * schema names is sent. */
  response?: R;
};

/** A JSON answer with another status than 200 (201 Created): checked against `response` like a plain one. */
class StatusAnswer<T> {
  constructor(
    readonly body: T,
    readonly status: number,
  ) {}
}

export function withStatus<T>(body: T, status: number): StatusAnswer<T> {
  return new StatusAnswer(body, status);
}

/** What a handler returns: its response schema's input (or that with a status), or any Response it builds itself. */
type TRouteResult<R extends TSchema> = R extends z.ZodType ? z.input<R> | StatusAnswer<z.input<R>> | Response : unknown;

type TRouteInput<B extends TSchema, Q extends TSchema> = {
  request: Request;
  user: TCurrentUser;
  body: TParsed<B>;
  query: TParsed<Q>;
  params: Record<string, string>;
  ip: string | null;
  runtime: TRegisteredRuntime;
};

/** Next 16 passes dynamic segments as a promise. */
export type TRouteContext = { params: Promise<Record<string, string | string[]>> };

/** A Next route handler that also tells tests who may call it, and the contract of its JSON answer. */
export type TRouteHandler = ((request: Request, context: TRouteContext) => Promise<Response>) & {
  readonly access: readonly TRole[];
  readonly response: z.ZodType | undefined;
};

const STATUS_BY_CODE: Record<TAppErrorCode, number> = { INVALID: 400, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

/**
 * The one shape of every signed-in route handler: CSRF check on state-changing methods, session (401),
 * role (403), zod-parsed query and body (400 with field errors), typed errors to statuses, 503 with
 * Retry-After when the database cannot answer (at once while it is known to be down, rather than each
 * request waiting out the pool's timeouts), a repeated Idempotency-Key answered once (idempotent-replay.ts),
 * and a generic 500 whose details stay in the server log.
 * The handler returns data (200 JSON, or another status with `withStatus`) or a Response.
 */
export function defineRoute<B extends TSchema = undefined, Q extends TSchema = undefined, R extends TSchema = undefined>(
  config: TRouteConfig<B, Q, R>,
  handler: (input: TRouteInput<B, Q>) => Promise<TRouteResult<R>>,
): TRouteHandler {
  const route = async (request: Request, context: TRouteContext): Promise<Response> => {
    const runtime = getRuntime();
    try {
      if (!runtime) return apiError(503, "Starting up, try again in a moment");
      if (isCrossSiteRequest(request, runtime.authSettings.trustedOrigins)) {
        return apiError(403, "cross-site request rejected");
      }
      if (await runtime.database.ping.isKnownDown()) return databaseUnavailable("unreachable");
      const session = await authenticateHeaders(runtime.auth, request.headers);
      if (!session) return apiError(401, "Sign in first");
      if (!config.roles.includes(session.user.role)) return apiError(403, "Your role is not allowed to do this");

      return await answerOnce(runtime.database.prisma, request, session.user.id, async () => {
        const query = parse(config.query, Object.fromEntries(new URL(request.url).searchParams), "query");
        if (query instanceof Response) return query;
        const body = config.body ? parse(config.body, await readJson(request), "body") : undefined;
        if (body instanceof Response) return body;

        const result = await handler({
          request,
          user: session.user,
          body: body as TParsed<B>,
          query: query as TParsed<Q>,
          params: await readParams(context),
          ip: readClientIp(request.headers),
          runtime,
        });
        if (result instanceof Response) return result;
        const { body: answer, status } = result instanceof StatusAnswer ? result : { body: result, status: 200 };
        // Parsing the answer drops any field the contract does not name (nothing leaks by accident) and
        // turns a drift between handler and contract into a logged 500 instead of a client-side surprise.
        return json(config.response ? config.response.parse(answer) : answer, status);
      });
    } catch (error) {
      if (error instanceof AppError) {
        if (error.current !== undefined) return json({ error: error.message, current: error.current }, STATUS_BY_CODE[error.code]);
        return apiError(STATUS_BY_CODE[error.code], error.message, error.fieldErrors);
      }
      if (error instanceof InvalidJsonError) return apiError(400, "The request body must be JSON");
      const failure = classifyDatabaseFailure(error);
      if (failure) {
        console.warn(`[api] ${request.method} ${new URL(request.url).pathname}: database ${failure} (${lastLine(error)})`);
        if (failure === "unreachable") runtime?.database.ping.reportFailure();
        return databaseUnavailable(failure);
      }
      console.error(`[api] ${request.method} ${new URL(request.url).pathname} failed:`, error);
      return apiError(500, "Something went wrong on the server");
    }
  };
  return Object.assign(route, { access: config.roles, response: config.response });
}

function parse(schema: TSchema, input: unknown, what: "query" | "body"): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const { formErrors, fieldErrors } = z.flattenError(result.error);
  const summary = formErrors.length > 0 ? `: ${formErrors.join("; ")}` : "";
  return apiError(400, `Invalid request ${what}${summary}`, fieldErrors as Record<string, string[]>);
}

class InvalidJsonError extends Error {}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new InvalidJsonError();
  }
}

/** Prisma's messages open with a code frame; the cause is on the last line. */
function lastLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n").at(-1) ?? "";
}

async function readParams(context: TRouteContext | undefined): Promise<Record<string, string>> {
  const raw = (await context?.params) ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]));
}
