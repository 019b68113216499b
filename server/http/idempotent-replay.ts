import type { Prisma, PrismaClient } from "@/server/db/generated/client";
import { json } from "./responses";

/** The header browsers send with every state-changing request: a fresh UUID per click. */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TAnswer = { status: number; body: unknown };
type TIdempotencyStore = Pick<PrismaClient, "idempotentRequest">;

/** Same user, same key, same request: a repeat of one click. Stored apart from the crews' body keys by the prefix. */
function storeKey(userId: string, key: string, request: Request): string {
  return `http:${userId}:${request.method}:${new URL(request.url).pathname}:${key.toLowerCase()}`;
}

/** Requests of this process still being answered, by store key: a repeat waits for the first answer. */
const inFlight = new Map<string, Promise<TAnswer>>();

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
 * Repeats arriving while the first runs wait for it; later ones read the stored answer (successful answers are
 * kept, so across instances too). Requests without a key, or with a malformed one, run as they are.
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
  const stored = await store.idempotentRequest.findUnique({ where: { key: id } });
  if (stored) return replay({ status: stored.status, body: stored.response });

  const first = run();
  const answer = first.then(toAnswer);
  inFlight.set(id, answer);
  try {
    const { status, body } = await answer;
    const response = await first;
    if (!isJson(response)) return response;
    if (status >= 200 && status < 300) {
      await store.idempotentRequest
        .create({ data: { key: id, userId, status, response: (body ?? {}) as Prisma.InputJsonValue } })
        .catch(() => {}); // Another instance stored the same click first: either answer is the same change.
    }
    return replay({ status, body });
  } finally {
    inFlight.delete(id);
  }
}

const isJson = (response: Response) => response.status === 204 || (response.headers.get("content-type") ?? "").includes("application/json");

function replay({ status, body }: TAnswer): Response {
  return status === 204 ? new Response(null, { status }) : json(body, status);
}
