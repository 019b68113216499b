import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";

/** What managing rotas and policies needs: who acts (audited, and kept by name on what they create). */
export type TOnCallDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  actorName: string;
  ip: string | null;
  /** Wall-clock rota starts are read in this zone (CITY_TIME_ZONE). */
  timeZone: string;
  now?: () => Date;
};
