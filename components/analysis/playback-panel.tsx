"use client";

import { useId } from "react";
import { DeclaredLayerRow } from "@/components/map/declared-layer-row";
import { LayerRow } from "@/components/map/layer-row";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { LAYERS, type TDomainName } from "@/lib/contracts/layers";
import { formatMinute } from "./format-minute";
import type { TPlayback } from "./use-playback";
import panelStyles from "./analysis-panel.module.css";
import styles from "./playback-panel.module.css";

type TPlaybackPanelProps = {
  playback: TPlayback;
  /** Built-in layers and declared domains alike. */
  visible: ReadonlySet<TDomainName>;
  onToggle: (domain: TDomainName, isVisible: boolean) => void;
  /** The declared domains (lib/domains/definitions), listed after the built-in layers. */
  declared: readonly { definition: TDomainDefinition }[];
};

/** What playback covers, and which of the city's layers to draw. */
export function PlaybackPanel({ playback, visible, onToggle, declared }: TPlaybackPanelProps) {
  const idPrefix = useId();
  const { range, retentionDays } = playback;
  return (
    <div className={panelStyles.section}>
      <p className={styles.text}>
        {range ? (
          <>
            The city as it was, minute by minute, from <strong>{formatMinute(range.first)}</strong> to{" "}
            <strong>{formatMinute(range.last)}</strong>.
          </>
        ) : (
          "The city as it was, minute by minute, once something is recorded."
        )}
        {retentionDays !== null && ` Recordings are kept ${retentionDays} ${retentionDays === 1 ? "day" : "days"}.`}
      </p>
      <ul className={styles.layers} aria-label="Layers">
        {LAYERS.map((layer) => (
          <LayerRow
            key={layer}
            layer={layer}
            inputId={`${idPrefix}-${layer}`}
            isVisible={visible.has(layer)}
            onToggle={onToggle}
            className={styles.row}
          />
        ))}
        {declared.map(({ definition }) => (
          <DeclaredLayerRow
            key={definition.id}
            definition={definition}
            inputId={`${idPrefix}-${definition.id}`}
            isVisible={visible.has(definition.id)}
            onToggle={onToggle}
            className={styles.row}
          />
        ))}
      </ul>
    </div>
  );
}
