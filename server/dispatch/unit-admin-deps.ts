import type { TResponderUnit } from "@/lib/contracts/units";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import type { TPublisher } from "@/server/realtime/publisher";

/** What creating or changing a unit needs (admins and supervisors). */
export type TUnitAdminDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  publish: TPublisher;
  /** The pack's stations: a unit's home must be one of them (it stands by there until it reports). */
  stationIds: ReadonlySet<string>;
  /** Called after a unit was saved (the dispatch runtime learns its home station). */
  unitSaved(unit: TResponderUnit): void;
};
