import { ZPushSubscription, type TContactPointKind, type TWebhookPayload } from "@/lib/contracts/notifications";
import type { TAlertMessage } from "./alert-message";
import { ChannelError } from "./channel-error";
import { createEmailSender, EMAIL_NOT_CONFIGURED, type TSmtpSettings } from "./send-email";
import { createPushSender } from "./send-push";
import { sendWebhook } from "./send-webhook";
import type { TVapidKeys } from "./vapid-keys";

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
  /** Sends one message once; throws (a ChannelError saying why) when it did not go out. */
  deliver(point: TDeliveryTarget, message: TOutgoing): Promise<void>;
};

export type TChannelSettings = { smtp?: TSmtpSettings; vapid: TVapidKeys; now?: () => Date; timeoutMs?: number };

export function createNotificationChannels(settings: TChannelSettings): TNotificationChannels {
  const now = settings.now ?? (() => new Date());
  const timeoutMs = settings.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const email = createEmailSender(settings.smtp, timeoutMs);
  const push = createPushSender(settings.vapid, timeoutMs);
  return {
    emailConfigured: settings.smtp !== undefined,
    vapidPublicKey: settings.vapid.publicKey,
    problemOf: (kind) => (kind === "email" && !settings.smtp ? EMAIL_NOT_CONFIGURED : null),
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
            { now, timeoutMs },
          );
        case "push": {
          const subscription = ZPushSubscription.safeParse(JSON.parse(point.target));
          if (!subscription.success) throw new ChannelError("the stored push subscription is not valid", true);
          // A tap on the notification is the one-tap acknowledge: the page it opens says what happened and links the alert.
          return push(subscription.data, message.ackLink ? { ...message, link: message.ackLink } : message);
        }
        default:
          throw new ChannelError(`unknown contact point kind ${point.kind}`, true);
      }
    },
  };
}
