import type { ComponentProps } from "react";
import { cx } from "@/components/ui/class-names";
import { INCIDENT_STATUS_LABEL, type TIncidentStatus } from "./incident-labels";
import styles from "./incident-status.module.css";

/** An incident's status as a word in an outlined pill (drawer, history). */
export function IncidentStatus({ status, className, ...props }: Omit<ComponentProps<"span">, "children"> & { status: TIncidentStatus }) {
  return (
    <span {...props} className={cx(styles.status, className)}>
      {INCIDENT_STATUS_LABEL[status]}
    </span>
  );
}
