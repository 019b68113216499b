"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import type { TIncident } from "@/lib/contracts/incidents";
import { UNIT_TYPE_LABEL, type TRecommendedUnit } from "@/lib/contracts/units";
import { errorMessage } from "@/components/api/request-json";
import type { TRouteLine } from "@/components/map/layers/route-layers";
import { dispatchButtonLabel, homeAreaNote, runCardText, selectedUnitIds, shortfallText } from "./dispatch-format";
import { recommendationQuery } from "./dispatch-queries";
import { useDispatchUnits, type TDispatchOutcome } from "./use-dispatch-units";
import { formatDistance } from "@/components/format/distance";
import { formatEta } from "@/components/format/duration";
import { Button } from "@/components/ui/button";
import { Chip } from "@/components/ui/chip";
import { DrawerFeedback, DrawerSectionTitle } from "@/components/ui/side-drawer";
import { QueryState } from "@/components/ui/query-state";
import { FormError } from "@/components/ui/form-error";
import panelStyles from "./dispatch-panel.module.css";
import styles from "./recommended-units.module.css";

type TRecommendedUnitsProps = {
  incident: TIncident;
  /** The route of the unit pointed at or focused, for the map; null when none. */
  onPreviewRoute: (route: TRouteLine | null) => void;
};

/** "Recommended units": the run card, the fastest suitable units (suggested ones ticked) and the dispatch button. */
export function RecommendedUnits({ incident, onPreviewRoute }: TRecommendedUnitsProps) {
  const id = useId();
  const recommendation = useQuery(recommendationQuery(incident.id));
  // Only the operator's own ticks; the rest follows the server's suggestion, also after a refetch.
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [outcome, setOutcome] = useState<TDispatchOutcome | null>(null);
  const dispatch = useDispatchUnits(incident.id, (next) => {
    setOutcome(next);
    if (next.tone === "ok") {
      setOverrides(new Map());
      onPreviewRoute(null);
    }
  });

  // Hover wins over keyboard focus; leaving one falls back to the other.
  const pointed = useRef<{ hovered: TRecommendedUnit | null; focused: TRecommendedUnit | null }>({ hovered: null, focused: null });
  const preview = (change: Partial<typeof pointed.current>) => {
    pointed.current = { ...pointed.current, ...change };
    const unit = pointed.current.hovered ?? pointed.current.focused;
    onPreviewRoute(unit ? unit.route : null);
  };

  const units = recommendation.data?.units ?? [];
  const selected = selectedUnitIds(units, overrides);
  const shortfall = recommendation.data ? shortfallText(recommendation.data.shortfall) : null;
  const homeNote = homeAreaNote(units);

  return (
    <div className={panelStyles.block} aria-labelledby={`${id}-title`} role="group">
      <DrawerSectionTitle id={`${id}-title`}>Recommended units</DrawerSectionTitle>
      {recommendation.isPending ? (
        <QueryState state="loading" size="inline">
          Finding the nearest units…
        </QueryState>
      ) : recommendation.isError ? (
        <FormError role="alert">
          <span>
            No recommendation: {errorMessage(recommendation.error)}{" "}
            <button type="button" className={styles.linkButton} onClick={() => void recommendation.refetch()}>
              Try again
            </button>
          </span>
        </FormError>
      ) : (
        <>
          <p className={styles.runcard} data-testid="run-card">
            {runCardText(recommendation.data.runCard)}
          </p>
          {shortfall && (
            <p className={styles.shortfall} role="alert" data-testid="dispatch-shortfall">
              {shortfall}
            </p>
          )}
          {homeNote && (
            <p className={styles.homeNote} data-testid="dispatch-home-note">
              {homeNote}
            </p>
          )}
          {units.length === 0 ? (
            <p className="muted">No suitable unit is available right now.</p>
          ) : (
            <ul className={styles.list} onMouseLeave={() => preview({ hovered: null })}>
              {units.map((unit) => (
                <li
                  key={unit.unitId}
                  data-testid={`recommended-unit-${unit.unitId}`}
                  data-suggested={unit.suggested}
                  onMouseEnter={() => preview({ hovered: unit })}
                >
                  <label className={styles.label}>
                    <input
                      type="checkbox"
                      checked={selected.includes(unit.unitId)}
                      onChange={(event) => setOverrides((current) => new Map(current).set(unit.unitId, event.target.checked))}
                      onFocus={() => preview({ focused: unit })}
                      onBlur={() => preview({ focused: null })}
                    />
                    <span className={styles.callsign}>{unit.callSign}</span>
                    <span className={styles.type}>
                      {UNIT_TYPE_LABEL[unit.type]}
                      {unit.suggested && <Chip appearance="tag">Suggested</Chip>}
                    </span>
                    <span className={styles.eta} title="Estimated drive time at current traffic">
                      {formatEta(unit.etaSeconds)}
                    </span>
                    <span className={styles.distance}>{formatDistance(unit.distanceM)}</span>
                    {unit.homeArea !== undefined && (
                      <span className={styles.homeArea} data-testid="recommended-unit-home-area">
                        Home area: {unit.homeArea}
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <DrawerFeedback outcome={outcome} testId="dispatch-feedback" />
          <Button
            variant="accent"
            className={styles.submit}
            disabled={selected.length === 0 || dispatch.isPending}
            onClick={() => {
              setOutcome(null);
              dispatch.mutate(selected);
            }}
            data-testid="dispatch-submit"
          >
            {dispatch.isPending ? "Dispatching…" : dispatchButtonLabel(selected.length)}
          </Button>
        </>
      )}
    </div>
  );
}
