import type { ReactNode } from "react";
import type { TLayer } from "@/lib/contracts/layers";
import { cx } from "@/components/ui/class-names";
import { Switch } from "@/components/ui/switch";
import { LayerLegend } from "./layer-legend";
import { LAYER_META } from "./layer-meta";
import styles from "./layer-row.module.css";

type TLayerSwitchRowProps = {
  /** li inside a layer list; div for a row on its own (the zones' outlines under the live layers). */
  as?: "li" | "div";
  /** The switch's id (the label points at it; the description is `${inputId}-desc`). */
  inputId: string;
  label: ReactNode;
  description?: ReactNode;
  isOn: boolean;
  onSwitch: (isOn: boolean) => void;
  /** Right of the label: the control room's live counts. */
  status?: ReactNode;
  /** Under the row while it is on. */
  legend?: ReactNode;
  switchTestId?: string;
  className?: string;
};

/** A switch with a name, its description and, while it is on, its legend: one row of a map's layer list. */
export function LayerSwitchRow({
  as: Tag = "li",
  inputId,
  label,
  description,
  isOn,
  onSwitch,
  status,
  legend,
  switchTestId,
  className,
}: TLayerSwitchRowProps) {
  const descriptionId = `${inputId}-desc`;
  return (
    <Tag className={cx(styles.row, !isOn && styles.off, className)}>
      <div className={styles.head}>
        <Switch
          id={inputId}
          data-testid={switchTestId}
          checked={isOn}
          onChange={(event) => onSwitch(event.target.checked)}
          aria-describedby={description ? descriptionId : undefined}
        />
        <label htmlFor={inputId} className={styles.label}>
          {label}
        </label>
        {status}
      </div>
      {description && (
        <p className={styles.description} id={descriptionId}>
          {description}
        </p>
      )}
      {isOn && legend && (
        <div className={styles.legend} data-slot="layer-legend">
          {legend}
        </div>
      )}
    </Tag>
  );
}

type TLayerRowProps = {
  layer: TLayer;
  inputId: string;
  isVisible: boolean;
  onToggle: (layer: TLayer, isVisible: boolean) => void;
  status?: ReactNode;
  /** The layer's description under its label (the control room; /analysis leaves it out). */
  hasDescription?: boolean;
  switchTestId?: string;
  /** The list's own sizing, e.g. compact rows on phones ([data-slot="layer-legend"] is the legend). */
  className?: string;
};

/** One map layer in a layer list (the control room's and /analysis playback's): its switch, and its legend while it is drawn. */
export function LayerRow({ layer, isVisible, onToggle, hasDescription = false, ...props }: TLayerRowProps) {
  return (
    <LayerSwitchRow
      {...props}
      label={LAYER_META[layer].label}
      description={hasDescription ? LAYER_META[layer].description : undefined}
      isOn={isVisible}
      onSwitch={(isOn) => onToggle(layer, isOn)}
      legend={<LayerLegend layer={layer} />}
    />
  );
}
