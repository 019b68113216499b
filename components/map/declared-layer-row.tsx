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
};

/** A declared domain in a layer list (the control room's and /analysis playback's): LayerRow with the definition's label and legend. */
export function DeclaredLayerRow({ definition, isVisible, onToggle, ...props }: TDeclaredLayerRowProps) {
  return (
    <LayerSwitchRow
      {...props}
      label={definition.label}
      isOn={isVisible}
      onSwitch={(isOn) => onToggle(definition.id, isOn)}
      switchTestId={`toggle-${definition.id}`}
      legend={<DeclaredLegend definition={definition} />}
    />
  );
}
