import type { TCreateIncidentRequest, TIncident } from "@/lib/contracts/incidents";
import { recordAudit } from "@/server/audit/record-audit";
import type { TActionDeps } from "@/server/http/action-deps";
import { appendTimeline } from "./append-timeline";
import { findIncident } from "./find-incident";
import { incidentAuditView } from "./incident-view";
import { inTransaction, type TTx } from "@/server/db/transaction";

/** Inserts an incident with its `created` timeline entry and audit row (inside the caller's transaction). */
export async function insertIncident(
  tx: TTx,
  deps: Pick<TActionDeps, "actor" | "ip" | "zoneOf">,
  request: TCreateIncidentRequest,
  source: Record<string, unknown>,
): Promise<TIncident> {
  const [lon, lat] = request.location;
  const row = await tx.incident.create({
    data: {
      type: request.type,
      priority: request.priority,
      lon,
      lat,
      zone: deps.zoneOf(request.location),
      address: request.address || null,
      description: request.description,
      createdById: deps.actor.id,
    },
  });
  await appendTimeline(tx, { incidentId: row.id, kind: "created", actorId: deps.actor.id, data: { number: row.number, ...source } });
  const incident = await findIncident(tx, row.id);
  await recordAudit(tx, {
    actor: deps.actor,
    ip: deps.ip,
    action: "incident.created",
    entityType: "incident",
    entityId: row.id,
    after: incidentAuditView(incident),
  });
  return incident;
}

/** An incident opened by hand (a phone call, something seen on camera). */
export async function createIncident(deps: TActionDeps, request: TCreateIncidentRequest): Promise<TIncident> {
  const incident = await inTransaction(deps.prisma, (tx) => insertIncident(tx, deps, request, { source: "manual" }));
  deps.publish.incident(incident);
  return incident;
}
