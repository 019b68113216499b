import type { TUnitAction } from "@/lib/contracts/units";
import { FIELD_ACTION_LABEL, FIELD_FLOW_ACTIONS, isFieldActionEnabled, type TCrewView, type TFieldFlowAction } from "./field-actions";

const VARIANT: Record<TFieldFlowAction, string> = {
  acknowledge: "crew-button--primary",
  enRoute: "crew-button--primary",
  onScene: "crew-button--primary",
  needBackup: "crew-button--danger",
  cleared: "crew-button--ok",
};

type TStatusActionsProps = { view: TCrewView; onAction: (action: TUnitAction) => void };

/** The job's flow, one big button per step; only the steps that make sense from here are enabled. */
export function StatusActions({ view, onAction }: TStatusActionsProps) {
  return (
    <section className="crew-actions" aria-labelledby="crew-actions-title">
      <h2 className="visually-hidden" id="crew-actions-title">
        Report status
      </h2>
      {FIELD_FLOW_ACTIONS.map((action) => (
        <button
          key={action}
          type="button"
          className={`crew-button crew-actions__${action} ${VARIANT[action]}`}
          data-testid={`field-action-${action}`}
          disabled={!isFieldActionEnabled(action, view)}
          onClick={() => onAction(action)}
        >
          {FIELD_ACTION_LABEL[action]}
        </button>
      ))}
    </section>
  );
}
