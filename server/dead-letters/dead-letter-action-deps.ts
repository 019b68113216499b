import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";

/** Who acts on dead letters: the audit row's actor, and the name the page shows beside the letter. */
export type TDeadLetterActionDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  actorName: string;
  ip: string | null;
  now?: () => Date;
};
