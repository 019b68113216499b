import type { TCapIngestResult } from "@/lib/contracts/cap-warnings";
import { recordAudit, type TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction } from "@/server/db/transaction";
import { isUniqueViolation } from "@/server/dispatch/unique-violation";
import { capAreaPolygons } from "./cap-area-polygons";
import type { TCapMessage } from "./cap-message";

/** Where a message came from: a partner's key or a feed (its name is what people read), and who to audit. */
export type TCapSource = { name: string; actor: TAuditActor; apiKey?: { id: string; name: string }; ip?: string | null };

const keyOf = (reference: { sender: string; identifier: string }) => `${reference.sender},${reference.identifier}`;

/**
 * Stores one CAP message, once per (sender, identifier): an Update replaces the warnings it references, a
 * Cancel cancels them. A message whose Update or Cancel arrived first (feeds do not promise order) is stored
 * as already replaced or cancelled. The change and its audit row commit together.
 */
export async function storeCapMessage(prisma: PrismaClient, message: TCapMessage, source: TCapSource): Promise<TCapIngestResult> {
  try {
    return await inTransaction(prisma, async (tx) => {
      const existing = await tx.capWarning.findUnique({
        where: { sender_identifier: { sender: message.sender, identifier: message.identifier } },
        select: { id: true },
      });
      if (existing) return { outcome: "duplicate", superseded: 0 } as const;

      const laterReference = await tx.capWarning.findFirst({
        where: { referenceKeys: { has: keyOf(message) } },
        orderBy: { sent: "desc" },
        select: { msgType: true },
      });
      const state =
        message.msgType === "Cancel" || laterReference?.msgType === "Cancel" ? "cancelled" : laterReference ? "replaced" : "active";
      const info = message.info[0];
      const created = await tx.capWarning.create({
        data: {
          sender: message.sender,
          identifier: message.identifier,
          sent: message.sent,
          status: message.status,
          msgType: message.msgType,
          scope: message.scope,
          referenceKeys: message.references.map(keyOf),
          state,
          event: info?.event,
          urgency: info?.urgency,
          severity: info?.severity,
          certainty: info?.certainty,
          senderName: info?.senderName,
          headline: info?.headline,
          description: info?.description,
          instruction: info?.instruction,
          areaDesc: info?.area.map((area) => area.areaDesc).join("; "),
          polygons: info ? capAreaPolygons(info.area) : [],
          onset: info?.onset ?? info?.effective,
          expires: info?.expires,
          source: source.name,
        },
        select: { id: true },
      });
      const superseded =
        message.references.length === 0
          ? 0
          : (
              await tx.capWarning.updateMany({
                where: { state: "active", OR: message.references.map(({ sender, identifier }) => ({ sender, identifier })) },
                data: { state: message.msgType === "Cancel" ? "cancelled" : "replaced" },
              })
            ).count;
      await recordAudit(tx, {
        actor: source.actor,
        action: "cap_warning.received",
        entityType: "cap_warning",
        entityId: created.id,
        ip: source.ip,
        after: {
          sender: message.sender,
          identifier: message.identifier,
          msgType: message.msgType,
          source: source.name,
          apiKey: source.apiKey,
          superseded,
        },
      });
      return { outcome: "stored", superseded } as const;
    });
  } catch (error) {
    // The same message from two feeds (or a feed and a POST) at once: the other write got there first.
    if (isUniqueViolation(error)) return { outcome: "duplicate", superseded: 0 };
    throw error;
  }
}
