"use client";

import type { CSSProperties } from "react";
import type { TCapWarning } from "@/lib/contracts/cap-warnings";
import { formatDateTime } from "@/components/format/date-time";
import styles from "./cap-warning-tooltip.module.css";

export type TCapWarningHover = { warning: TCapWarning; x: number; y: number };

/** Beside the pointer over another agency's warning area: what it is, who says so, how urgent, until when (city time). */
export function CapWarningTooltip({ warning, x, y }: TCapWarningHover) {
  const style = { "--tooltip-x": `${Math.round(x)}px`, "--tooltip-y": `${Math.round(y)}px` } as CSSProperties;
  return (
    <div className={styles.tooltip} style={style} role="tooltip" data-testid="cap-warning-tooltip">
      <span className={styles.kind}>Warning · {warning.severity}</span>
      <div className={styles.title}>{warning.headline ?? warning.event}</div>
      <dl className={styles.rows}>
        <div className={styles.row}>
          <dt>From</dt>
          <dd>{warning.senderName ?? warning.sender}</dd>
        </div>
        <div className={styles.row}>
          <dt>Area</dt>
          <dd>{warning.areaDesc}</dd>
        </div>
        <div className={styles.row}>
          <dt>Urgency</dt>
          <dd>{warning.urgency}</dd>
        </div>
        <div className={styles.row}>
          <dt>Severity</dt>
          <dd>{warning.severity}</dd>
        </div>
        <div className={styles.row}>
          <dt>Until</dt>
          <dd>{warning.expires ? formatDateTime(warning.expires, { withSeconds: false }) : "Further notice"}</dd>
        </div>
      </dl>
    </div>
  );
}
