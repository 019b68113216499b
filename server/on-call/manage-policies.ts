import type { TCreatePolicyRequest, TPolicy } from "@/lib/contracts/on-call";
import { ASSIGNABLE_ROLES } from "@/lib/contracts/auth";
import { checkMatcherNames } from "@/server/alerts/check-matcher-names";
import { recordAudit } from "@/server/audit/record-audit";
import { Prisma } from "@/server/db/generated/client";
import { inTransaction, isUuid } from "@/server/db/transaction";
import { invalid, notFound } from "@/server/errors";
import { nowOf } from "@/server/http/action-deps";
import type { TOnCallDeps } from "./on-call-deps";
import { readOnCall } from "./read-on-call";

/** Creates an escalation policy (audited); its domain and zone, and every rota and person its steps name, must exist. */
export async function createPolicy(deps: TOnCallDeps, request: TCreatePolicyRequest): Promise<TPolicy> {
  await checkMatcherNames(deps, request.matchers);
  const rotaIds = request.steps.flatMap((s) => (s.target.kind === "rota" ? [s.target.rotaId] : []));
  const userIds = request.steps.flatMap((s) => (s.target.kind === "user" ? [s.target.userId] : []));
  const rotas = rotaIds.every(isUuid) ? await deps.prisma.onCallRota.count({ where: { id: { in: rotaIds } } }) : -1;
  if (rotas !== new Set(rotaIds).size) throw invalid("A step names a rota that does not exist", { steps: ["choose an existing rota"] });
  const users = await deps.prisma.user.count({
    where: { id: { in: userIds }, role: { in: [...ASSIGNABLE_ROLES] }, OR: [{ banned: false }, { banned: null }] },
  });
  if (users !== new Set(userIds).size)
    throw invalid("A step names someone who cannot be notified", { steps: ["choose an operator or supervisor"] });
  let id: string;
  try {
    id = await inTransaction(deps.prisma, async (tx) => {
      const row = await tx.escalationPolicy.create({
        data: {
          name: request.name,
          severity: request.matchers.severity ?? null,
          domain: request.matchers.domain ?? null,
          zone: request.matchers.zone ?? null,
          steps: request.steps,
          createdById: deps.actor.id,
          createdByName: deps.actorName,
          createdAt: nowOf(deps),
        },
      });
      await recordAudit(tx, {
        actor: deps.actor,
        action: "escalation_policy.created",
        entityType: "escalation_policy",
        entityId: row.id,
        ip: deps.ip,
        after: { name: row.name, matchers: request.matchers, steps: request.steps },
      });
      return row.id;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw invalid("A policy of that name exists", { name: ["choose another name"] });
    }
    throw error;
  }
  const overview = await readOnCall(deps);
  return overview.policies.find((p) => p.id === id)!;
}

/** Removes a policy (audited). Chains already running keep the steps they copied; new alerts match without it. */
export async function removePolicy(deps: Omit<TOnCallDeps, "timeZone" | "domains">, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("No such policy");
  await inTransaction(deps.prisma, async (tx) => {
    const row = await tx.escalationPolicy.findUnique({ where: { id } });
    if (!row) throw notFound("No such policy");
    await tx.escalationPolicy.delete({ where: { id } });
    await recordAudit(tx, {
      actor: deps.actor,
      action: "escalation_policy.removed",
      entityType: "escalation_policy",
      entityId: id,
      ip: deps.ip,
      before: { name: row.name, severity: row.severity, domain: row.domain, zone: row.zone, steps: row.steps },
    });
  });
}
