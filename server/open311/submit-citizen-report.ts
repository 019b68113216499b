import { randomUUID } from "node:crypto";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { citizenAlertRuleId, type TCitizenService } from "@/lib/contracts/citizen-services";
import type { TOpen311ReportRequest } from "@/lib/contracts/open311";
import type { TCitizenServiceCatalog } from "@/lib/domains/citizen-service-catalog";
import { haversineM, type TLonLat } from "@/lib/geo";
import { ALERT_INCLUDE, toAlert } from "@/server/alerts/alert-view";
import type { TApiKeyCaller } from "@/server/api-keys/authenticate-api-key";
import { recordAudit } from "@/server/audit/record-audit";
import { nearestStreetName } from "@/server/city/nearest-street";
import { cityBounds } from "@/server/city/zones";
import type { PrismaClient } from "@/server/db/generated/client";
import { inTransaction, type TTx } from "@/server/db/transaction";
import { invalid } from "@/server/errors";
import type { TPublisher } from "@/server/realtime/publisher";

/** A second report of the same service this close to an unresolved one is the same problem. */
export const DUPLICATE_REPORT_RADIUS_M = 50;
/** Reports just outside the outermost mapped asset are still in town (an edge street's far side). */
const CITY_MARGIN_DEG = 0.005;

type TSubmitCitizenReportDeps = {
  prisma: PrismaClient;
  /** The services of the city as it was started (built-in and declared). */
  services: TCitizenServiceCatalog;
  publish: TPublisher;
  zoneOf: (position: TLonLat) => string;
  entities: TCityEntities;
  caller: TApiKeyCaller;
  now?: () => Date;
};

export type TSubmittedReport = { reportId: string; alert: TAlert; isAttached: boolean };

/**
 * A citizen's report becomes an alert at its place, in the service's domain and severity, like one the rules
 * raised: operators acknowledge, promote and resolve it in the same queue. A report of the same service within
 * DUPLICATE_REPORT_RADIUS_M of an unresolved one joins that alert instead (its count goes up, the report is listed
 * with it). Both the report and the alert change are audited in one transaction; the alert is pushed once it commits.
 */
export async function submitCitizenReport(deps: TSubmitCitizenReportDeps, request: TOpen311ReportRequest): Promise<TSubmittedReport> {
  const service = deps.services.find(request.service_code);
  if (!service) throw invalid(`service_code "${request.service_code.slice(0, 40)}" is not a service of this city (see services.json)`);
  const position: TLonLat = [request.long, request.lat];
  if (!isInCity(deps.entities, position)) throw invalid("lat/long is outside this city");
  const at = deps.now?.() ?? new Date();
  const address = request.address_string ?? nearestStreetName(deps.entities, position) ?? "an unnamed place";
  const reportId = randomUUID();

  const submitted = await inTransaction(deps.prisma, async (tx) => {
    // One report of a service at a time decides "new or duplicate": two reports of one bin never raise two alerts.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`open311:${service.code}`}, 0))`;
    const existing = await findDuplicateAlert(tx, service, position);
    const alertId = existing
      ? await attachReport(tx, deps, existing, reportId, at)
      : await raiseCitizenAlert(tx, deps, service, { reportId, position, address, at });
    await tx.citizenReport.create({
      data: {
        id: reportId,
        apiKeyId: deps.caller.id,
        serviceCode: service.code,
        lon: position[0],
        lat: position[1],
        address,
        description: request.description,
        mediaUrl: request.media_url ?? null,
        email: request.email ?? null,
        firstName: request.first_name ?? null,
        lastName: request.last_name ?? null,
        phone: request.phone ?? null,
        alertId,
        createdAt: at,
      },
    });
    // Contact details stay out of the append-only audit log.
    await recordAudit(tx, {
      actor: null,
      action: "citizen_report.received",
      entityType: "citizen_report",
      entityId: reportId,
      after: { apiKey: deps.caller, serviceCode: service.code, alertId, isAttached: existing !== null, address, location: position },
    });
    return { alertId, isAttached: existing !== null };
  });
  // Read after the commit, as persistSignals does: the include's relation reads would run side by side on the
  // transaction's one connection.
  const alert = toAlert(await deps.prisma.alert.findUniqueOrThrow({ where: { id: submitted.alertId }, include: ALERT_INCLUDE }));
  deps.publish.alert(alert);
  return { reportId, alert, isAttached: submitted.isAttached };
}

function isInCity(entities: TCityEntities, [lon, lat]: TLonLat): boolean {
  const [west, south, east, north] = cityBounds(entities);
  return lon >= west - CITY_MARGIN_DEG && lon <= east + CITY_MARGIN_DEG && lat >= south - CITY_MARGIN_DEG && lat <= north + CITY_MARGIN_DEG;
}

type TCandidate = { id: string; count: number };

async function findDuplicateAlert(tx: TTx, service: TCitizenService, position: TLonLat): Promise<TCandidate | null> {
  // A box a little larger than the radius narrows the rows; the distance decides.
  const dLat = (DUPLICATE_REPORT_RADIUS_M * 2) / 111_195;
  const dLon = dLat / Math.max(0.01, Math.cos((position[1] * Math.PI) / 180));
  const rows = await tx.alert.findMany({
    where: {
      ruleId: citizenAlertRuleId(service.code),
      status: { not: "resolved" },
      lon: { gte: position[0] - dLon, lte: position[0] + dLon },
      lat: { gte: position[1] - dLat, lte: position[1] + dLat },
    },
    select: { id: true, count: true, lon: true, lat: true },
  });
  const near = rows
    .map((r) => ({ id: r.id, count: r.count, distanceM: haversineM(position, [r.lon, r.lat]) }))
    .filter((r) => r.distanceM <= DUPLICATE_REPORT_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
  return near[0] ?? null;
}

/** Another report of the same problem: like the engine's updates, counted without bumping `version`. */
async function attachReport(tx: TTx, deps: TSubmitCitizenReportDeps, alert: TCandidate, reportId: string, at: Date): Promise<string> {
  await tx.alert.update({ where: { id: alert.id }, data: { count: { increment: 1 }, lastSeenAt: at } });
  await recordAudit(tx, {
    actor: null,
    action: "alert.report_attached",
    entityType: "alert",
    entityId: alert.id,
    before: { count: alert.count },
    after: { count: alert.count + 1, reportId, apiKey: deps.caller },
  });
  return alert.id;
}

type TNewReport = { reportId: string; position: TLonLat; address: string; at: Date };

async function raiseCitizenAlert(
  tx: TTx,
  deps: TSubmitCitizenReportDeps,
  service: TCitizenService,
  { reportId, position, address, at }: TNewReport,
): Promise<string> {
  const ruleId = citizenAlertRuleId(service.code);
  const message = `Reported by a citizen: ${address}`;
  const zone = deps.zoneOf(position);
  const row = await tx.alert.create({
    data: {
      // The report's id: the alert's identity is the first report, so a retried request can never raise it twice.
      dedupKey: `${ruleId}:${reportId}`,
      ruleId,
      ruleName: service.name,
      domain: service.domain,
      entityId: `citizen-report:${reportId}`,
      severity: service.severity,
      message,
      value: "reported",
      worstValue: "reported",
      firstSeenAt: at,
      lastSeenAt: at,
      lon: position[0],
      lat: position[1],
      zone,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor: null,
    action: "alert.raised",
    entityType: "alert",
    entityId: row.id,
    after: { ruleId, severity: service.severity, entityId: `citizen-report:${reportId}`, zone, message, apiKey: deps.caller },
  });
  return row.id;
}
