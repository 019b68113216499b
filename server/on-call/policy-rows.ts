import { ZEscalationStep, type TEscalationStep, type TPolicyMatchers } from "@/lib/contracts/on-call";
import type { TAlertSeverity } from "@/lib/contracts/alerts";

/** A row of escalation_policies as the matcher and the chain read it. */
export type TPolicyRow = {
  id: string;
  name: string;
  severity: string | null;
  domain: string | null;
  zone: string | null;
  steps: unknown;
  createdAt: Date;
};

export function matchersOf(row: Pick<TPolicyRow, "severity" | "domain" | "zone">): TPolicyMatchers {
  return {
    ...(row.severity !== null ? { severity: row.severity as TAlertSeverity } : {}),
    ...(row.domain !== null ? { domain: row.domain } : {}),
    ...(row.zone !== null ? { zone: row.zone } : {}),
  };
}

/** Steps as stored (validated when the policy was created; parsed again so a hand-edited row fails loudly). */
export const stepsOf = (steps: unknown): TEscalationStep[] => ZEscalationStep.array().parse(steps);
