import { createHash, randomBytes } from "node:crypto";
import { ACK_LINK_TTL_MS } from "@/lib/contracts/on-call";
import type { PrismaClient } from "@/server/db/generated/client";

/** 32 random bytes: the link is a bearer of "acknowledge as you", so it must not be guessable. */
const TOKEN_BYTES = 32;

/** Only this is stored: a database reader (a backup, a replica) cannot turn stored rows back into working links. */
export const hashAckToken = (token: string) => createHash("sha256").update(token).digest("hex");

export type TAckLinkAlert = { id: string; version: number };

/** A spent or expired link is kept this long past its expiry (a second tap still says "used" or "expired"), then deleted. */
export const ACK_LINK_KEPT_AFTER_EXPIRY_MS = 24 * 60 * 60_000;

/**
 * A new single-use acknowledge link for `userId` naming `alerts` at the versions the message describes; returns
 * the URL to put in the message. It works only for that user, signed in, until ACK_LINK_TTL_MS after `now`.
 * Links past ACK_LINK_KEPT_AFTER_EXPIRY_MS are deleted on the way, so the table holds about a day of them.
 */
export async function issueAckLink(
  deps: { prisma: PrismaClient; publicUrl: string },
  request: { userId: string; alerts: readonly TAckLinkAlert[]; now: Date },
): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  await deps.prisma.ackLink.deleteMany({ where: { expiresAt: { lt: new Date(request.now.getTime() - ACK_LINK_KEPT_AFTER_EXPIRY_MS) } } });
  await deps.prisma.ackLink.create({
    data: {
      tokenHash: hashAckToken(token),
      userId: request.userId,
      alerts: request.alerts.map(({ id, version }) => ({ id, version })),
      expiresAt: new Date(request.now.getTime() + ACK_LINK_TTL_MS),
      createdAt: request.now,
    },
  });
  return `${deps.publicUrl}/ack/${token}`;
}
