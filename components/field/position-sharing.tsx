import type { TPositionSharing } from "./use-position-sharing";
import { formatClock } from "@/components/format/date-time";

/** Opt-in switch: the browser asks for location permission only once this is turned on. */
export function PositionSharing({ sharing, online }: { sharing: TPositionSharing; online: boolean }) {
  const { on, setOn, position, lastSentAt, problem } = sharing;
  let status = "Off. The control room sees your unit's last reported position.";
  if (on && !online) status = "Not sending while offline.";
  else if (on && lastSentAt !== null) status = `Last sent ${formatClock(lastSentAt)}`;
  else if (on) status = position ? "Position found, not sent yet." : "Waiting for your position…";

  return (
    <section className="crew-position" aria-labelledby="crew-position-title">
      <div className="crew-position__row">
        <h2 className="crew-section-title" id="crew-position-title">
          Share my position
        </h2>
        <button
          type="button"
          role="switch"
          aria-checked={on}
          aria-labelledby="crew-position-title"
          className="crew-switch"
          data-testid="field-share-position"
          onClick={() => setOn(!on)}
        >
          <span className="crew-switch__track" aria-hidden="true">
            <span className="crew-switch__thumb" />
          </span>
          <span className="crew-switch__text" aria-hidden="true">
            {on ? "On" : "Off"}
          </span>
        </button>
      </div>
      <p className="crew-position__status" role="status" data-testid="field-position-status">
        {status}
      </p>
      {problem && (
        <p className="crew-position__problem" role="alert" data-testid="field-position-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
