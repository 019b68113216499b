import type { ReactNode } from "react";
import type { TLayer } from "@/lib/contracts/layers";
import { cx } from "@/components/ui/class-names";
import { Switch } from "@/components/ui/switch";
import { LayerLegend } from "./layer-legend";
import { LAYER_META } from "./layer-meta";
import styles from "./layer-row.module.css";

type TLayerRowProps = {
  layer: TLayer;
  /** The switch's id (the label points at it; the description is `${inputId}-desc`). */
  inputId: string;
  isVisible: boolean;
  onToggle: (layer: TLayer, isVisible: boolean) => void;
  /** Right of the label: the control room's live counts. */
  status?: ReactNode;
  /** The layer's description under its label (the control room; /analysis leaves it out). */
  hasDescription?: boolean;
  switchTestId?: string;
  /** The list's own sizing, e.g. compact rows on phones ([data-slot="layer-legend"] is the legend). */
  className?: string;
};

/** One map layer in a layer list: a switch with the layer's name, and its legend while it is drawn. */
export function LayerRow({ layer, inputId, isVisible, onToggle, status, hasDescription = false, switchTestId, className }: TLayerRowProps) {
  const descriptionId = `${inputId}-desc`;
  return (
    <li className={cx(styles.row, !isVisible && styles.off, className)}>
      <div className={styles.head}>
        <Switch
          id={inputId}
          data-testid={switchTestId}
          checked={isVisible}
          onChange={(event) => onToggle(layer, event.target.checked)}
          aria-describedby={hasDescription ? descriptionId : undefined}
        />
        <label htmlFor={inputId} className={styles.label}>
          {LAYER_META[layer].label}
        </label>
        {status}
      </div>
      {hasDescription && (
        <p className={styles.description} id={descriptionId}>
          {LAYER_META[layer].description}
        </p>
      )}
      {isVisible && (
        <div className={styles.legend} data-slot="layer-legend">
          <LayerLegend layer={layer} />
        </div>
      )}
    </li>
  );
}
