import webpush from "web-push";
import type { TPushSubscription } from "@/lib/contracts/notifications";
import { ChannelError } from "./channel-error";
import type { TVapidKeys } from "./vapid-keys";

export type TPushMessage = { title: string; text: string; link: string };
export type TPushSender = (subscription: TPushSubscription, message: TPushMessage) => Promise<void>;

/** What public/push-sw.js shows: the title, the first line, and where a click goes. */
export type TPushPayload = { title: string; body: string; url: string };

/**
 * Web Push with VAPID and aes128gcm. web-push builds the encrypted request; it is sent with fetch, so a
 * timeout and an http:// push service (tests) work the same as the real ones.
 */
export function createPushSender(vapid: TVapidKeys, timeoutMs: number): TPushSender {
  return async (subscription, message) => {
    const payload: TPushPayload = { title: message.title, body: message.text.split("\n")[0]!, url: message.link };
    const request = webpush.generateRequestDetails(subscription, JSON.stringify(payload), {
      vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: 3600,
      contentEncoding: "aes128gcm",
      urgency: "high",
    });
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: request.headers as Record<string, string>,
      body: request.body as Buffer<ArrayBuffer>,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return;
    if (response.status === 404 || response.status === 410) {
      throw new ChannelError("the browser's push subscription has ended (add this browser again)", true);
    }
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    throw new ChannelError(`the push service answered HTTP ${response.status}`, permanent);
  };
}
