import type { TDomainDefinition } from "@/lib/contracts/domain-definition";
import { isBuiltinLayer, type TDomainName, type TLayer } from "@/lib/contracts/layers";

export const LAYER_META: Record<TLayer, { label: string; description: string }> = {
  traffic: { label: "Traffic", description: "Road speed against free flow; width shows volume" },
  parking: { label: "Parking", description: "Off-street lot occupancy; size shows capacity" },
  waste: { label: "Waste", description: "Container fill level and alarms" },
  energy: { label: "Energy grid", description: "Substation and feeder load" },
  units: { label: "Units", description: "Responder positions by service" },
};

/** A built-in layer's label, a declared domain's from its definition (the id only while definitions load). */
export function domainLabel(domain: TDomainName, definitions: readonly Pick<TDomainDefinition, "id" | "label">[] | undefined): string {
  if (isBuiltinLayer(domain)) return LAYER_META[domain].label;
  return definitions?.find((d) => d.id === domain)?.label ?? domain;
}
