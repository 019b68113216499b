"use client";

import type { Map as MapLibreMap } from "maplibre-gl";
import { useEffect, useReducer, useSyncExternalStore, type CSSProperties } from "react";
import type { TEntityIndex } from "@/lib/city/entity-index";
import type { LiveCityStore } from "@/components/live/live-city-store";
import { describeEntity, type TDescriptionRow, type TTone } from "./describe-entity";
import type { TEntityPick } from "./entity-pick";
import { formatAge } from "@/components/format/duration";
import { useNow } from "@/components/format/use-now";
import { cx } from "@/components/ui/class-names";
import { IconButton } from "@/components/ui/icon-button";
import styles from "./entity-tooltip.module.css";

/** Room the tooltip needs before it flips to the other side of the pointer. */
const FLIP_X_PX = 300;
const FLIP_Y_PX = 240;

const TONE_CLASS: Record<TTone, string> = { ok: styles.ok, warn: styles.warn, alert: styles.alert };

export type TTooltipTarget =
  | { mode: "hover"; pick: TEntityPick; x: number; y: number }
  | { mode: "pinned"; pick: TEntityPick; lngLat: [number, number] };

type TEntityTooltipProps = {
  target: TTooltipTarget;
  map: MapLibreMap;
  index: TEntityIndex;
  store: LiveCityStore;
  onClose: () => void;
};

function Rows({ rows, className }: { rows: TDescriptionRow[]; className: string }) {
  return (
    <dl className={className}>
      {rows.map((row) => (
        <div key={row.label} className={styles.row}>
          <dt>{row.label}</dt>
          <dd className={row.tone ? TONE_CLASS[row.tone] : undefined}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Re-render when the camera moves, so a pinned tooltip stays on its entity. */
function useMapMoves(map: MapLibreMap, enabled: boolean): void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!enabled) return;
    map.on("move", bump);
    return () => {
      map.off("move", bump);
    };
  }, [map, enabled]);
}

export function EntityTooltip({ target, map, index, store, onClose }: TEntityTooltipProps) {
  // Live values and ages refresh with the store and the 1 s ticker.
  useSyncExternalStore(store.subscribe, store.getVersions, store.getVersions);
  const now = useNow();
  const isPinned = target.mode === "pinned";
  useMapMoves(map, isPinned);

  const description = describeEntity(target.pick, index, store);
  if (!description) return null;

  let x: number;
  let y: number;
  if (target.mode === "pinned") {
    const point = map.project(description.anchor ?? target.lngLat);
    x = point.x;
    y = point.y;
  } else {
    ({ x, y } = target);
  }
  const container = map.getContainer();
  const flipX = x > container.clientWidth - FLIP_X_PX;
  const flipY = y > container.clientHeight - FLIP_Y_PX;
  const style = { "--tooltip-x": `${Math.round(x)}px`, "--tooltip-y": `${Math.round(y)}px` } as CSSProperties;

  const age = description.observedAt && now !== null ? formatAge(Math.max(0, now - Date.parse(description.observedAt))) : null;

  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog when the label is set (pinned), which supports it.
    <div
      className={cx(styles.tooltip, isPinned && styles.pinned, flipX && styles.flipX, flipY && styles.flipY)}
      style={style}
      data-testid="entity-tooltip"
      data-entity-id={description.id}
      data-entity-kind={target.pick.kind}
      data-pinned={isPinned ? "true" : "false"}
      role={isPinned ? "dialog" : "tooltip"}
      aria-label={isPinned ? `${description.title} details` : undefined}
    >
      <div className={styles.head}>
        <span className={styles.kind}>{description.kindLabel}</span>
        {isPinned && (
          <IconButton onClick={onClose} aria-label="Close details">
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" />
            </svg>
          </IconButton>
        )}
      </div>
      <div className={styles.title}>{description.title}</div>
      <div className={styles.id}>{description.id}</div>
      {description.rows.length > 0 ? (
        <Rows rows={description.rows} className={styles.rows} />
      ) : (
        <p className={styles.empty}>No live data yet</p>
      )}
      <Rows rows={description.facts} className={cx(styles.rows, styles.facts)} />
      <div className={styles.foot}>
        <span data-testid="entity-tooltip-age">{age ? `Updated ${age}` : "Never reported"}</span>
        <span>{isPinned ? "Pinned" : "Click to pin"}</span>
      </div>
    </div>
  );
}
