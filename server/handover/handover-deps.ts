import type { TCurrentUser } from "@/lib/contracts/auth";
import type { TAuditActor } from "@/server/audit/record-audit";
import type { PrismaClient } from "@/server/db/generated/client";
import { actorOf } from "@/server/http/actor";
import type { TRegisteredRuntime } from "@/server/runtime-registry";

/** Who writes or reads a handover, and when (tests pin the clock). */
export type THandoverDeps = {
  prisma: PrismaClient;
  actor: NonNullable<TAuditActor>;
  ip: string | null;
  now?: () => Date;
};

export const nowOf = (deps: { now?: () => Date }) => (deps.now ? deps.now() : new Date());

export function handoverDeps({ runtime, user, ip }: { runtime: TRegisteredRuntime; user: TCurrentUser; ip: string | null }): THandoverDeps {
  return { prisma: runtime.database.prisma, actor: actorOf(user), ip };
}
