import type { TDomainCatalog } from "@/lib/domains/domain-catalog";
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
  /** The city's domains, built-in and declared: a policy may name only these. */
  domains: TDomainCatalog;
  now?: () => Date;
};
