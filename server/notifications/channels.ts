import { ZPushSubscription, type TContactPointKind, type TWebhookPayload } from "@/lib/contracts/notifications";
import type { TAlertMessage } from "./alert-message";
import { ChannelError } from "./channel-error";
import { createEmailSender, EMAIL_NOT_CONFIGURED, type TSmtpSettings } from "./send-email";
import { createPushSender } from "./send-push";
import { createWebhookAgent, sendWebhook } from "./send-webhook";
import type { TVapidKeys } from "./vapid-keys";
import { DEFAULT_WEBHOOK_ALLOW, parseWebhookAllowList, type TWebhookAllowList, whyWebhookRefused } from "./webhook-allow-list";

/** Each try of a webhook, an SMTP conversation step or a push request gives up after this. */
export const DELIVERY_TIMEOUT_MS = 5_000;

export type TDeliveryTarget = { kind: string; target: string; secret: string | null };
export type TOutgoing = Pick<TAlertMessage, "title" | "text" | "link"> & {
  deliveryId: string;
  type: TWebhookPayload["type"];
  payload: TWebhookPayload["alert"];
  /** The one-tap acknowledge link, when the message names alerts (not for test sends). */
  ackLink?: string;
  group?: TWebhookPayload["group"];
};

export type TNotificationChannels = {
  emailConfigured: boolean;
  vapidPublicKey: string;
  /** Why points of this kind cannot deliver now, or null. */
  problemOf(kind: TContactPointKind): string | null;
  /** Why a webhook may not be sent to this URL (NOTIFY_WEBHOOK_ALLOW), or null: checked when one is added. */
  whyWebhookRefused(target: string): Promise<string | null>;
  /** Sends one push to a stored subscription (a push contact point's target) once; throws like `deliver`. */
  push(subscriptionJson: string, message: Pick<TAlertMessage, "title" | "text" | "link">): Promise<void>;
  /** Sends one message once; throws (a ChannelError saying why) when it did not go out. */
  deliver(point: TDeliveryTarget, message: TOutgoing): Promise<void>;
};

export type TChannelSettings = {
  smtp?: TSmtpSettings;
  vapid: TVapidKeys;
  now?: () => Date;
  timeoutMs?: number;
  /** NOTIFY_WEBHOOK_ALLOW entries (webhook-allow-list.ts); default: public addresses only. */
  webhookAllow?: readonly string[];
};

export function createNotificationChannels(settings: TChannelSettings): TNotificationChannels {
  const now = settings.now ?? (() => new Date());
  const timeoutMs = settings.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const email = createEmailSender(settings.smtp, timeoutMs);
  const push = createPushSender(settings.vapid, timeoutMs);
  const allow: TWebhookAllowList = parseWebhookAllowList(settings.webhookAllow ?? DEFAULT_WEBHOOK_ALLOW);
  const agent = createWebhookAgent(allow);
  const pushTo = async (subscriptionJson: string, message: Pick<TAlertMessage, "title" | "text" | "link">) => {
    const subscription = ZPushSubscription.safeParse(JSON.parse(subscriptionJson));
    if (!subscription.success) throw new ChannelError("the stored push subscription is not valid", true);
    return push(subscription.data, message);
  };
  return {
    emailConfigured: settings.smtp !== undefined,
    vapidPublicKey: settings.vapid.publicKey,
    problemOf: (kind) => (kind === "email" && !settings.smtp ? EMAIL_NOT_CONFIGURED : null),
    whyWebhookRefused: (target) => whyWebhookRefused(allow, target),
    push: pushTo,
    async deliver(point, message) {
      switch (point.kind) {
        case "email":
          return email(point.target, message);
        case "webhook":
          return sendWebhook(
            point,
            {
              type: message.type,
              deliveryId: message.deliveryId,
              alert: message.payload,
              ...(message.ackLink ? { acknowledgeLink: message.ackLink } : {}),
              ...(message.group ? { group: message.group } : {}),
            },
            { now, timeoutMs, allow, agent },
          );
        case "push":
          // A tap on the notification is the one-tap acknowledge: the page it opens says what happened and links the alert.
          return pushTo(point.target, message.ackLink ? { ...message, link: message.ackLink } : message);
        default:
          throw new ChannelError(`unknown contact point kind ${point.kind}`, true);
      }
    },
  };
}
