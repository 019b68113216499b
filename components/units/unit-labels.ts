import type { TResponderUnit } from "@/lib/contracts/units";

type TCapability = TResponderUnit["capabilities"][number];

export const CAPABILITY_LABEL: Record<TCapability, string> = {
  ladder: "Ladder",
  rescue: "Rescue",
  hazmat: "Hazmat",
  als: "ALS (advanced life support)",
  bls: "BLS (basic life support)",
  k9: "K9",
  traffic: "Traffic",
  tow: "Tow",
  "hv-electrical": "HV electrical",
  gas: "Gas",
  compactor: "Compactor",
};

/** Short form for tables: "ALS", not the full name. */
export function capabilityShortLabel(capability: TCapability): string {
  return CAPABILITY_LABEL[capability].replace(/ \(.*\)$/, "");
}
