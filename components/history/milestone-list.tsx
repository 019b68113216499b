import { DateTime } from "./date-time";
import { formatSeconds } from "./format-seconds";
import type { TIncidentMilestones } from "./incident-milestones";
import { cx } from "@/components/ui/class-names";
import styles from "./milestone-list.module.css";

const ORDER = ["acknowledged", "dispatched", "onScene", "resolved", "closed"] as const;
const NOT_REACHED: Record<(typeof ORDER)[number], string> = {
  acknowledged: "Not acknowledged",
  dispatched: "No unit dispatched",
  onScene: "No unit on scene",
  resolved: "Not resolved",
  closed: "Not closed",
};

/** The response in five numbers, each with the moment it was reached. */
export function MilestoneList({ milestones }: { milestones: TIncidentMilestones }) {
  return (
    <dl className={styles.milestones} data-testid="incident-milestones">
      {ORDER.map((key) => {
        const m = milestones[key];
        return (
          <div key={key} className={cx(styles.item, !m.at && styles.missing)} data-milestone={key}>
            <dt>{m.label}</dt>
            <dd className={styles.value}>{formatSeconds(m.seconds)}</dd>
            <dd className={styles.at}>
              {m.at ? (
                <>
                  <DateTime iso={m.at} />
                  {m.measuredFrom === "dispatched" && (
                    <span className="muted">{m.seconds === null ? " · no unit dispatch recorded" : " · from first dispatch"}</span>
                  )}
                </>
              ) : (
                <span className="muted">{NOT_REACHED[key]}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
