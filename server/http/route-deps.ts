import type { TCurrentUser } from "@/lib/contracts/auth";
import { actorOf } from "./actor";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import type { TActionDeps } from "./action-deps";
import type { TAlertRuntime } from "@/server/alerts/alert-runtime";
import { hubPublisher } from "@/server/realtime/publisher";
import type { TZoneChangeDeps } from "@/server/zones/zone-change";
import type { TRuleChangeDeps } from "@/server/rule-engine/commit-rule-change";

/** What every defineRoute handler is given that the deps below are built from. */
type TRouteInput = { runtime: TRegisteredRuntime; user: TCurrentUser; ip: string | null };

/** Roles that work alerts and incidents. */
export const OPERATIONS_ROLES = ["operator", "supervisor"] as const;

export function alertRuntimeOf(runtime: TRegisteredRuntime): TAlertRuntime {
  // createApp runs alerts unless a caller leaves them out (parts.alerts); routes need them.
  if (!runtime.city.alerts) throw new Error("The alert runtime is not running");
  return runtime.city.alerts;
}

/** After a rule change committed: this instance reads the rules again, then tells the others to. */
export function reloadRulesEverywhere(runtime: TRegisteredRuntime): () => Promise<void> {
  return async () => {
    await alertRuntimeOf(runtime).reloadRules();
    runtime.city.hub.cluster.broadcast({ type: "rules:changed" });
  };
}

/** What a rule change needs, from a defineRoute input: the city's rules (its declared domains' too) and the reload. */
export function ruleChangeDeps({ runtime, user, ip }: TRouteInput): TRuleChangeDeps {
  return {
    prisma: runtime.database.prisma,
    actor: actorOf(user),
    ip,
    reloadRules: reloadRulesEverywhere(runtime),
    rules: runtime.city.domains.rules,
  };
}

/**
 * After a zone change committed: this instance rebuilds its zone index, the others are told to, and every
 * signed-in browser refetches the zones.
 */
export function zonesChangedEverywhere(runtime: TRegisteredRuntime): () => Promise<void> {
  return async () => {
    if (!runtime.city.zones) throw new Error("The zones are not running");
    await runtime.city.zones.reload();
    runtime.city.hub.cluster.broadcast({ type: "zones:changed" });
    runtime.city.hub.publish("zones:changed");
  };
}

/** What an alert/incident action needs, from a defineRoute input. */
export function actionDeps({ runtime, user, ip }: TRouteInput): TActionDeps {
  return {
    prisma: runtime.database.prisma,
    actor: actorOf(user),
    ip,
    publish: hubPublisher(runtime.city.hub),
    zoneOf: alertRuntimeOf(runtime).zoneOf,
  };
}

/** What a zone change needs, from a defineRoute input (admins). */
export function zoneChangeDeps({ runtime, user, ip }: TRouteInput): TZoneChangeDeps {
  return { prisma: runtime.database.prisma, actor: actorOf(user), ip, onChanged: zonesChangedEverywhere(runtime) };
}
