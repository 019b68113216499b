import { z } from "zod";
import { ZAlertSeverity } from "./alerts";

/**
 * Reaching people off-screen (server/notifications/): each user's own contact points, what was delivered to
 * them, and the admins' view of delivery health.
 */
export const CONTACT_POINT_KINDS = ["email", "webhook", "push"] as const;
export const ZContactPointKind = z.enum(CONTACT_POINT_KINDS);
export type TContactPointKind = z.infer<typeof ZContactPointKind>;

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export const ZDeliveryStatus = z.enum(DELIVERY_STATUSES);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatus>;

/** A browser's PushSubscription as `subscription.toJSON()` gives it. */
export const ZPushSubscription = z.object({
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});
export type TPushSubscription = z.infer<typeof ZPushSubscription>;

const ZLastDelivery = z.object({ status: ZDeliveryStatus, at: z.iso.datetime(), error: z.string().nullable() });

/** A contact point as its owner sees it: never a webhook's secret, a push subscription only as the browser's push service. */
export const ZContactPoint = z.object({
  id: z.uuid(),
  kind: ZContactPointKind,
  label: z.string(),
  /** The email address or webhook URL; for push, the push service's host. */
  target: z.string(),
  minSeverity: ZAlertSeverity,
  enabled: z.boolean(),
  createdAt: z.iso.datetime(),
  /** The newest alert delivery to it, or null before the first (test sends are answered, not logged). */
  lastDelivery: ZLastDelivery.nullable(),
  /** Why this point cannot deliver now (email without SMTP settings), or null. */
  problem: z.string().nullable(),
});
export type TContactPoint = z.infer<typeof ZContactPoint>;
export const ZContactPointList = z.object({ contactPoints: z.array(ZContactPoint) });

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
const ZLabel = z.string().trim().min(1).max(80);
export const ZCreateContactPointRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("email"), label: ZLabel, minSeverity: ZAlertSeverity, target: z.email().max(254) }),
  z.object({
    kind: z.literal("webhook"),
    label: ZLabel,
    minSeverity: ZAlertSeverity,
    // https only (the body names places and alerts; the signature proves origin, not secrecy), but for a receiver on
    // this very machine (development, tests).
    target: z
      .url({ protocol: /^https?$/, error: "an https:// URL" })
      .max(2000)
      .refine((url) => url.startsWith("https:") || LOOPBACK_HOSTS.has(new URL(url).hostname), "an https:// URL"),
  }),
  z.object({ kind: z.literal("push"), label: ZLabel, minSeverity: ZAlertSeverity, subscription: ZPushSubscription }),
]);
export type TCreateContactPointRequest = z.infer<typeof ZCreateContactPointRequest>;

/** The answer to adding one: a webhook's signing secret is sent this once. */
export const ZCreatedContactPoint = z.object({ contactPoint: ZContactPoint, secret: z.string().nullable() });
export type TCreatedContactPoint = z.infer<typeof ZCreatedContactPoint>;

/** POST /api/me/contact-points/[id]/test: sent now, outside the queue and without retries. */
export const ZTestDeliveryResult = z.object({ ok: z.boolean(), error: z.string().nullable() });
export type TTestDeliveryResult = z.infer<typeof ZTestDeliveryResult>;

export const ZVapidPublicKey = z.object({ publicKey: z.string() });

const ZKindHealth = z.object({ kind: ZContactPointKind, sent: z.number().int(), failed: z.number().int(), pending: z.number().int() });
const ZDeliveryFailure = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: ZContactPointKind,
  contactPointLabel: z.string(),
  userName: z.string(),
  alertTitle: z.string(),
  error: z.string(),
  attempts: z.number().int(),
});
/** GET /api/admin/notifications/health: the last 24 hours per kind, and the newest failures with their reason. */
export const ZNotificationHealth = z.object({
  since: z.iso.datetime(),
  kinds: z.array(ZKindHealth),
  recentFailures: z.array(ZDeliveryFailure),
  emailConfigured: z.boolean(),
});
export type TNotificationHealth = z.infer<typeof ZNotificationHealth>;

/** What a webhook receives (POST, JSON), signed: X-CityNerve-Signature = sha256=hex(HMAC(secret, `${timestamp}.${body}`)). */
export const ZWebhookPayload = z.object({
  /** alert.escalated: a step of the alert's escalation chain names the receiver (server/on-call/). */
  type: z.enum(["alert.raised", "alert.escalated", "test"]),
  deliveryId: z.string(),
  /** One-tap acknowledge: single use, for the contact point's owner, signed in; expires (lib/contracts/on-call.ts). */
  acknowledgeLink: z.string().optional(),
  /** A storm's alerts of one correlation group told in one message: `alert` is the first, these are all of them. */
  group: z
    .object({ count: z.number().int(), summary: z.string(), alerts: z.array(z.object({ id: z.string(), title: z.string() })) })
    .optional(),
  alert: z
    .object({
      id: z.string(),
      title: z.string(),
      rule: z.string(),
      severity: ZAlertSeverity,
      entityName: z.string(),
      zone: z.string(),
      message: z.string(),
      firstSeenAt: z.iso.datetime(),
      link: z.string(),
    })
    .nullable(),
});
export type TWebhookPayload = z.infer<typeof ZWebhookPayload>;

/** GET /api/alerts/[id]/notifications: who was told of an alert, through what, and how it went (the drawer's "Notified"). */
export const ZAlertDelivery = z.object({
  id: z.string(),
  recipient: z.string(),
  contactPointLabel: z.string(),
  kind: ZContactPointKind,
  status: ZDeliveryStatus,
  attempts: z.number().int(),
  /** When it was sent, failed for good, or (pending) is tried next. */
  at: z.iso.datetime(),
  error: z.string().nullable(),
});
export type TAlertDelivery = z.infer<typeof ZAlertDelivery>;
export const ZAlertDeliveryList = z.object({ deliveries: z.array(ZAlertDelivery) });
