import type { ReactNode } from "react";
import type { TIncidentPriority } from "./incident-labels";
import { Chip } from "@/components/ui/chip";

/** P1 is the darkest red: white text reads on it, dark text on the others. */
export function PriorityChip({ priority, children }: { priority: TIncidentPriority; children: ReactNode }) {
  return (
    <Chip appearance="solid" color={`var(--prio-${priority})`}>
      {children}
    </Chip>
  );
}
