import type { TUnitType } from "@/lib/contracts/events";
import type { TResponderUnit } from "@/lib/contracts/units";

/** What a unit of each type carries unless an admin says otherwise. */
export const DEFAULT_CAPABILITIES: { readonly [T in TUnitType]: TResponderUnit["capabilities"] } = {
  fire: ["ladder", "rescue"],
  ems: ["als"],
  police: ["traffic"],
  utility: ["hv-electrical"],
  sanitation: ["compactor"],
};
