import type { TLayer } from "@/lib/contracts/layers";

export const LAYER_META: Record<TLayer, { label: string; description: string }> = {
  traffic: { label: "Traffic", description: "Road speed against free flow; width shows volume" },
  parking: { label: "Parking", description: "Off-street lot occupancy; size shows capacity" },
  waste: { label: "Waste", description: "Container fill level and alarms" },
  energy: { label: "Energy grid", description: "Substation and feeder load" },
  units: { label: "Units", description: "Responder positions by service" },
};
