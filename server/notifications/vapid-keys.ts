import webpush from "web-push";
import type { PrismaClient } from "@/server/db/generated/client";

export type TVapidKeys = { publicKey: string; privateKey: string; subject: string };

const SETTING = "vapid-keys";

/**
 * The key pair that signs Web Push requests. Browsers subscribe with the public key, so it must outlive
 * restarts and be the same on every instance: given in VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, or generated
 * once and kept in the database (like the auth secret in embedded mode, beside the data it protects).
 */
export async function resolveVapidKeys(
  prisma: PrismaClient,
  options: { publicKey?: string; privateKey?: string; subject: string },
): Promise<TVapidKeys> {
  if (options.publicKey && options.privateKey)
    return { publicKey: options.publicKey, privateKey: options.privateKey, subject: options.subject };
  const generated = webpush.generateVAPIDKeys();
  // Two instances starting together: the first insert wins, and both read that one back.
  await prisma.generatedSetting.createMany({ data: [{ name: SETTING, value: JSON.stringify(generated) }], skipDuplicates: true });
  const kept = await prisma.generatedSetting.findUniqueOrThrow({ where: { name: SETTING } });
  const keys = JSON.parse(kept.value) as { publicKey: string; privateKey: string };
  return { publicKey: keys.publicKey, privateKey: keys.privateKey, subject: options.subject };
}
