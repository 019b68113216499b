import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { json } from "./responses";

/** The header browsers send with every state-changing request: a fresh UUID per click. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TAnswer = { status: number; body: unknown };
type TIdempotencyStore = Pick<PrismaClient, "idempotentRequest">;

/** Same user, same key, same request: a repeat of one click. Stored apart from the crews' body keys by the prefix. */
export function storeKey(userId: string, key: string, request: Request): string {
  return `http:${userId}:${request.method}:${new URL(request.url).pathname}:${key.toLowerCase()}`;
}

/** Requests of this process still being answered, by store key: a repeat waits for the first answer. */
const inFlight = new Map<string, Promise<TAnswer>>();

/** A stored request with this status is still being answered (by this or another instance). */
const PENDING = 0;
/** A pending mark older than this was left by an instance that died mid-request: the repeat runs. */
const ABANDONED_AFTER_MS = 30_000;
const POLL_MS = 100;

async function toAnswer(response: Response): Promise<TAnswer> {
  const text = await response.clone().text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: response.status, body: text };
  }
}

/**
 * Runs a state-changing request once per Idempotency-Key: a repeat (a double-click that got through, a proxy or
 * browser resending) gets the first answer instead of acting again, or a 409 about the operator's own action.
 * The key is claimed in PostgreSQL before the request runs, so a repeat reaching another instance at the same
 * moment waits for the first answer too. Successful answers are kept; a failed first attempt releases the key
 * so a retry acts. Requests without a key, or with a malformed one, run as they are.
 */
export async function answerOnce(
  store: TIdempotencyStore,
  request: Request,
  userId: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (request.method === "GET" || !key || !UUID.test(key)) return run();
  const id = storeKey(userId, key, request);

  const running = inFlight.get(id);
  if (running) return replay(await running);
  let settle!: (answer: TAnswer) => void;
  let fail!: (error: unknown) => void;
  const answer = new Promise<TAnswer>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  answer.catch(() => {}); // Repeats waiting on it see the failure; nobody else must.
  // Set before the first await: a repeat arriving meanwhile in this process waits rather than racing.
  inFlight.set(id, answer);
  try {
    const earlier = await claim(store, id, userId);
    if (earlier) {
      settle(earlier);
      return replay(earlier);
    }
    const response = await run();
    const { status, body } = await toAnswer(response);
    const keep = isJson(response) && status >= 200 && status < 300;
    if (keep) {
      await store.idempotentRequest.update({ where: { key: id }, data: { status, response: (body ?? {}) as Prisma.InputJsonValue } });
    } else {
      await store.idempotentRequest.deleteMany({ where: { key: id, status: PENDING } });
    }
    settle({ status, body });
    return isJson(response) ? replay({ status, body }) : response;
  } catch (error) {
    fail(error);
    await store.idempotentRequest.deleteMany({ where: { key: id, status: PENDING } }).catch(() => {});
    throw error;
  } finally {
    inFlight.delete(id);
  }
}

/**
 * Marks the key as being answered by this request; null when this request owns it, else the answer of the one
 * that got there first (waiting while it runs on another instance).
 */
async function claim(store: TIdempotencyStore, id: string, userId: string): Promise<TAnswer | null> {
  for (;;) {
    const { count } = await store.idempotentRequest.createMany({
      data: [{ key: id, userId, status: PENDING, response: {} }],
      skipDuplicates: true,
    });
    if (count === 1) return null;
    const stored = await store.idempotentRequest.findUnique({ where: { key: id } });
    if (!stored) continue; // The first attempt failed and let go of the key: this one acts.
    if (stored.status !== PENDING) return { status: stored.status, body: stored.response };
    if (Date.now() - stored.at.getTime() > ABANDONED_AFTER_MS) {
      await store.idempotentRequest.deleteMany({ where: { key: id, status: PENDING, at: stored.at } });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

const isJson = (response: Response) => response.status === 204 || (response.headers.get("content-type") ?? "").includes("application/json");

function replay({ status, body }: TAnswer): Response {
  return status === 204 ? new Response(null, { status }) : json(body, status);
}
