import { CITIZEN_ALERT_RULE_PREFIX } from "@/lib/contracts/citizen-services";
import type { TAlertSeverity, TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TDomainRegistry } from "@/server/domains/domain-registry";

export const PRIORITY_BY_SEVERITY: Record<TAlertSeverity, TIncident["priority"]> = {
  critical: "P1",
  major: "P2",
  minor: "P3",
  warning: "P4",
};

/**
 * The incident type an alert most likely means; the operator can choose another when promoting. A declared rule's
 * run card decides, then a citizen's report's service (built-in or declared, as the city was started).
 */
export function incidentTypeFor(
  alert: Pick<TAlert, "ruleId" | "domain">,
  domains: Pick<TDomainRegistry, "runCardOf" | "citizenServices">,
): TIncident["type"] {
  const declared = domains.runCardOf(alert.ruleId);
  if (declared) return declared.incidentType;
  if (alert.ruleId.startsWith(CITIZEN_ALERT_RULE_PREFIX)) {
    return domains.citizenServices.find(alert.ruleId.slice(CITIZEN_ALERT_RULE_PREFIX.length))?.incidentType ?? "other";
  }
  if (alert.ruleId === "waste.bin-burning" || alert.ruleId === "waste.temperature-spike") return "wasteFire";
  if (alert.ruleId === "waste.bin-vandalised") return "hazard";
  if (alert.ruleId.endsWith("-silent")) return "other";
  switch (alert.domain) {
    case "traffic":
      return "trafficJam";
    case "energy":
      return "gridOverload";
    default:
      return "other";
  }
}
