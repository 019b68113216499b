import type { TCurrentUser } from "@/lib/contracts/auth";
import { CITY_TIME_ZONE } from "@/server/history/city-time-zone";
import { actorOf } from "@/server/http/actor";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import type { TOnCallDeps } from "./on-call-deps";

/** Who may manage rotas and policies. */
export const ON_CALL_ROLES = ["supervisor", "admin"] as const;

export function onCallDeps({ runtime, user, ip }: { runtime: TRegisteredRuntime; user: TCurrentUser; ip: string | null }): TOnCallDeps {
  return {
    prisma: runtime.database.prisma,
    actor: actorOf(user),
    actorName: user.name,
    ip,
    timeZone: CITY_TIME_ZONE,
    domains: runtime.city.domains.catalog,
  };
}
