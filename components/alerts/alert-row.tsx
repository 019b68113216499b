import type { ComponentProps } from "react";
import type { TAlert } from "@/lib/contracts/alerts";
import { FlappingChip } from "./flapping-chip";
import { AlertSubject } from "./alert-subject";
import { describeAlertStatus } from "./alert-labels";
import { SeverityChip } from "./severity-chip";
import { formatAge } from "@/components/format/duration";
import { Chip } from "@/components/ui/chip";
import { SilencedChip } from "./silenced-chip";
import { formatDateTime } from "@/components/format/date-time";
import { cx } from "@/components/ui/class-names";
import { CITIZEN_ALERT_RULE_PREFIX } from "@/lib/contracts/citizen-services";
import styles from "./alert-row.module.css";
import statusStyles from "./alert-status.module.css";

type TAlertRowProps = {
  alert: TAlert;
  now: number | null;
  isSelected: boolean;
  isRelated: boolean;
  onSelect: (alert: TAlert) => void;
  /** The virtual list's placement and measuring (alert-queue-panel.tsx); absent in a plain list. */
  item?: Pick<ComponentProps<"li">, "ref" | "style" | "className"> & { "data-index": number };
  /** Roving focus: only the queue's current row is in the tab order; arrow keys move it. */
  tabIndex?: number;
  onFocus?: () => void;
};

export function AlertRow({ alert, now, isSelected, isRelated, onSelect, item, tabIndex, onFocus }: TAlertRowProps) {
  const age = now === null ? null : formatAge(Math.max(0, now - Date.parse(alert.firstSeenAt)));
  return (
    <li {...item}>
      <button
        type="button"
        className={cx(styles.row, styles[alert.severity])}
        tabIndex={tabIndex}
        onFocus={onFocus}
        aria-pressed={isSelected}
        data-testid="alert-row"
        data-alert-id={alert.id}
        data-status={alert.status}
        data-silenced={alert.silenced !== null}
        data-flapping={alert.flapping}
        data-group={alert.correlationGroup ?? undefined}
        onClick={() => onSelect(alert)}
      >
        <span className={styles.head}>
          <SeverityChip severity={alert.severity} />
          <span className={styles.rule}>{alert.ruleName}</span>
          {age && (
            <time className={styles.age} dateTime={alert.firstSeenAt} title={formatDateTime(alert.firstSeenAt)}>
              {age.replace(" ago", "")}
            </time>
          )}
        </span>
        <span className={styles.message}>{alert.message}</span>
        <span className={styles.meta}>
          <AlertSubject alert={alert} className={styles.entity} />
          <span>{alert.zone}</span>
          {alert.count > 1 && (
            <span
              title={
                alert.ruleId.startsWith(CITIZEN_ALERT_RULE_PREFIX)
                  ? `${alert.count} citizens reported it`
                  : `${alert.count} readings met the condition`
              }
            >
              ×{alert.count}
            </span>
          )}
        </span>
        <span className={styles.tags}>
          <span className={cx(statusStyles.status, statusStyles[alert.status])} data-testid="alert-row-status">
            {describeAlertStatus(alert)}
          </span>
          {alert.escalated && (
            <Chip appearance="tag" tone="hot">
              Escalated
            </Chip>
          )}
          {alert.silenced && <SilencedChip silence={alert.silenced} />}
          {alert.flapping && alert.flap && <FlappingChip flap={alert.flap} />}
          {isRelated && (
            <Chip appearance="tag" tone="related" title="Correlated with other alerts in the queue">
              Related
            </Chip>
          )}
          {alert.incidentId && <Chip appearance="tag">Incident</Chip>}
          {alert.conditionClearedAt && (
            <Chip appearance="tag" tone="ok">
              Condition cleared
            </Chip>
          )}
        </span>
      </button>
    </li>
  );
}
