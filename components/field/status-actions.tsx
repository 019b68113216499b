import type { TUnitAction } from "@/lib/contracts/units";
import { CrewButton, type TCrewButtonVariant } from "./crew-button";
import { FIELD_ACTION_LABEL, FIELD_FLOW_ACTIONS, isFieldActionEnabled, type TCrewView, type TFieldFlowAction } from "./field-actions";
import styles from "./status-actions.module.css";

const VARIANT: Record<TFieldFlowAction, TCrewButtonVariant> = {
  acknowledge: "primary",
  enRoute: "primary",
  onScene: "primary",
  needBackup: "danger",
  cleared: "ok",
};

type TStatusActionsProps = { view: TCrewView; onAction: (action: TUnitAction) => void };

/** The job's flow, one big button per step; only the steps that make sense from here are enabled. */
export function StatusActions({ view, onAction }: TStatusActionsProps) {
  return (
    <section className={styles.actions} aria-labelledby="crew-actions-title">
      <h2 className="visually-hidden" id="crew-actions-title">
        Report status
      </h2>
      {FIELD_FLOW_ACTIONS.map((action) => (
        <CrewButton
          key={action}
          variant={VARIANT[action]}
          className={action === "acknowledge" ? styles.acknowledge : undefined}
          data-testid={`field-action-${action}`}
          disabled={!isFieldActionEnabled(action, view)}
          onClick={() => onAction(action)}
        >
          {FIELD_ACTION_LABEL[action]}
        </CrewButton>
      ))}
    </section>
  );
}
