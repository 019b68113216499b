import type { TLonLat } from "@/lib/geo";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TPublisher } from "@/server/realtime/publisher";

/** What an operator's action needs: the database, who acts (for the audit row), and where to push the result. */
export type TActionDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  publish: TPublisher;
  zoneOf: (position: TLonLat) => string;
  now?: () => Date;
};

export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());
