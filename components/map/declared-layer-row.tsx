import type { ReactNode } from "react";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { cx } from "@/components/ui/class-names";
import { Switch } from "@/components/ui/switch";
import { DeclaredLegend } from "./layer-legend";
import styles from "./layer-row.module.css";

type TDeclaredLayerRowProps = {
  definition: TDomainDefinition;
  inputId: string;
  isVisible: boolean;
  onToggle: (domain: string, isVisible: boolean) => void;
  status?: ReactNode;
};

/** A declared domain in the layer list: LayerRow's twin, with the label and legend from the definition. */
export function DeclaredLayerRow({ definition, inputId, isVisible, onToggle, status }: TDeclaredLayerRowProps) {
  return (
    <li className={cx(styles.row, !isVisible && styles.off)}>
      <div className={styles.head}>
        <Switch
          id={inputId}
          data-testid={`toggle-${definition.id}`}
          checked={isVisible}
          onChange={(event) => onToggle(definition.id, event.target.checked)}
        />
        <label htmlFor={inputId} className={styles.label}>
          {definition.label}
        </label>
        {status}
      </div>
      {isVisible && (
        <div className={styles.legend} data-slot="layer-legend">
          <DeclaredLegend definition={definition} />
        </div>
      )}
    </li>
  );
}
