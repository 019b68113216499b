import { createHmac, timingSafeEqual } from "node:crypto";
import type { TWebhookPayload } from "@/lib/contracts/notifications";
import { Agent, fetch as undiciFetch } from "undici";
import { ChannelError } from "./channel-error";
import { guardedLookup, isLiteralTargetRefused, type TWebhookAllowList, WEBHOOK_TARGET_REFUSED } from "./webhook-allow-list";

export const WEBHOOK_SIGNATURE_HEADER = "X-CityNerve-Signature";
export const WEBHOOK_TIMESTAMP_HEADER = "X-CityNerve-Timestamp";
export const WEBHOOK_DELIVERY_HEADER = "X-CityNerve-Delivery";

/**
 * `sha256=<hex>` of HMAC-SHA256 over `${timestamp}.${body}`: the timestamp is signed too, so a receiver that
 * refuses old timestamps cannot be fed a captured request again (replay protection).
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a receiver does (documented in the README); constant-time so the comparison leaks nothing. */
export function isValidWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type TWebhookDeps = { now: () => Date; timeoutMs: number; allow: TWebhookAllowList; agent: Agent };

/** The connection pool webhooks go out on: its sockets connect only to addresses the allow-list admits. */
export function createWebhookAgent(allow: TWebhookAllowList): Agent {
  return new Agent({ connect: { lookup: guardedLookup(allow) as never } });
}

/** POSTs the payload once; any answer but 2xx is an error (4xx but 408/429: permanent, the receiver refuses it). */
export async function sendWebhook(point: { target: string; secret: string | null }, payload: TWebhookPayload, deps: TWebhookDeps) {
  if (!point.secret) throw new ChannelError("the webhook has no signing secret", true);
  const body = JSON.stringify(payload);
  if (isLiteralTargetRefused(deps.allow, point.target)) throw new ChannelError(WEBHOOK_TARGET_REFUSED, true);
  const timestamp = String(Math.floor(deps.now().getTime() / 1000));
  const response = await undiciFetch(point.target, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "CityNerve-Webhook/1",
      [WEBHOOK_TIMESTAMP_HEADER]: timestamp,
      [WEBHOOK_SIGNATURE_HEADER]: signWebhook(point.secret, timestamp, body),
      [WEBHOOK_DELIVERY_HEADER]: payload.deliveryId,
    },
    body,
    // A redirect would re-send the signed body somewhere nobody chose.
    redirect: "manual",
    signal: AbortSignal.timeout(deps.timeoutMs),
    dispatcher: deps.agent,
  }).catch((error: unknown) => {
    // fetch wraps what the connection's lookup threw: the refusal is the reason to record, and it is final.
    const cause = error instanceof Error ? error.cause : undefined;
    throw cause instanceof ChannelError ? cause : error;
  });
  await response.body?.cancel();
  if (response.ok) return;
  const permanent = response.status >= 300 && response.status < 500 && response.status !== 408 && response.status !== 429;
  throw new ChannelError(`the receiver answered HTTP ${response.status}`, permanent);
}
