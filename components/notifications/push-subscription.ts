import { type TPushSubscription, ZPushSubscription } from "@/lib/contracts/notifications";
import { fetchVapidPublicKey } from "./notification-queries";

export const PUSH_WORKER_PATH = "/push-sw.js";

export function isPushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

/**
 * Subscribes this browser to Web Push. Called from a button press only: browsers ignore (or hold against the
 * site) a permission prompt nobody asked for. Throws with a sentence the page can show.
 */
export async function subscribeThisBrowser(
  worker: { path: string; scope?: string } = { path: PUSH_WORKER_PATH },
): Promise<TPushSubscription> {
  if (!isPushSupported()) throw new Error("This browser cannot receive push notifications.");
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new Error("Notifications are blocked for this site: allow them in the browser's site settings.");
  // The field page has a worker of its own (scope /field) that handles pushes the same way.
  const registration = await navigator.serviceWorker.register(worker.path, worker.scope ? { scope: worker.scope } : undefined);
  await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  const subscription =
    existing ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(await fetchVapidPublicKey()) }));
  return ZPushSubscription.parse(subscription.toJSON());
}

function fromBase64Url(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(value.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** This browser's push subscription on the worker of `scope`, if it has one (it may have been added before). */
export async function existingSubscription(scope: string): Promise<PushSubscription | null> {
  if (!isPushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration(scope);
  return registration ? registration.pushManager.getSubscription() : null;
}
