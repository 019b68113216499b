import type { TCityEntities } from "@/lib/contracts/city-pack";
import { createApiKeyRateLimit, type TApiKeyRateLimit } from "@/server/api-keys/api-key-rate-limit";
import type { PrismaClient } from "@/server/db/generated/client";
import { createEscalationRunner, type TEscalationRunner } from "@/server/on-call/escalation-runner";
import { createNotificationChannels, type TNotificationChannels } from "./channels";
import { entityNames, type TEntityNames } from "./entity-name";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { createNotifier, type TNotifier } from "./notifier";
import type { TSmtpSettings } from "./send-email";
import { resolveVapidKeys } from "./vapid-keys";

export type TNotificationsConfig = {
  /** Where links in messages point (PUBLIC_URL). */
  publicUrl: string;
  /** SMTP_URL and SMTP_FROM; absent → email contact points say email is not configured. */
  smtp?: TSmtpSettings;
  /** VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, else generated once into the database; `subject` is VAPID_SUBJECT. */
  vapid: { publicKey?: string; privateKey?: string; subject: string };
  /** NOTIFY_WEBHOOK_ALLOW: where webhooks may go (webhook-allow-list.ts); absent → public addresses only. */
  webhookAllow?: readonly string[];
  /** How often the leader works the queue (NOTIFY_POLL_MS); 0 → only when runOnce is called (tests). */
  everyMs: number;
  /** The clock deliveries are timed by (tests move it to show retries without waiting). */
  now?: () => Date;
};

/** What route handlers use: test sends, the problem line, the health card, the browser's push key. */
export type TNotifications = {
  channels: TNotificationChannels;
  names: TEntityNames;
  publicUrl: string;
  notifier: TNotifier;
  /** Escalation chains' steps (server/on-call/), on the leader alone; their deliveries go through the notifier's queue. */
  escalations: TEscalationRunner;
  /** Test sends per user and minute: anyone signed in can name any address, so "Send test" must not become a mail cannon. */
  testRateLimit: TApiKeyRateLimit;
};

export const TEST_SENDS_PER_MINUTE = 5;

export async function startNotifications(
  prisma: PrismaClient,
  entities: TCityEntities,
  config: TNotificationsConfig,
  domains?: TDomainRegistry,
): Promise<TNotifications> {
  const vapid = await resolveVapidKeys(prisma, config.vapid);
  const channels = createNotificationChannels({ smtp: config.smtp, vapid, now: config.now, webhookAllow: config.webhookAllow });
  const names = entityNames(entities, domains);
  const notifier = createNotifier({ prisma, channels, names, publicUrl: config.publicUrl, now: config.now, everyMs: config.everyMs });
  const escalations = createEscalationRunner({ prisma, now: config.now ?? (() => new Date()), everyMs: config.everyMs });
  return {
    channels,
    names,
    publicUrl: config.publicUrl,
    notifier,
    escalations,
    testRateLimit: createApiKeyRateLimit(TEST_SENDS_PER_MINUTE),
  };
}
