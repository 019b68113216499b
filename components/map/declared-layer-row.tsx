import type { ReactNode } from "react";
import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { DeclaredLegend } from "./layer-legend";
import { LayerSwitchRow } from "./layer-row";

type TDeclaredLayerRowProps = {
  definition: TDomainDefinition;
  inputId: string;
  isVisible: boolean;
  onToggle: (domain: string, isVisible: boolean) => void;
  status?: ReactNode;
  className?: string;
  /** Zoomed out over a big city: its sensors are counted in the squares, not drawn. */
  isOverview?: boolean;
};

/** A declared domain in a layer list (the control room's and /analysis playback's): LayerRow with the definition's label and legend. */
export function DeclaredLayerRow({ definition, isVisible, onToggle, isOverview, ...props }: TDeclaredLayerRowProps) {
  return (
    <LayerSwitchRow
      {...props}
      label={definition.label}
      isOn={isVisible}
      onSwitch={(isOn) => onToggle(definition.id, isOn)}
      switchTestId={`toggle-${definition.id}`}
      legend={<DeclaredLegend definition={definition} isOverview={isOverview} />}
    />
  );
}
