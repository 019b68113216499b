import type { TIncident } from "@/lib/contracts/incidents";
import type { TRunCard } from "@/lib/contracts/units";

/** Default units per incident type: what a dispatcher sends unless they decide otherwise. */
const RUN_CARDS: { readonly [T in TIncident["type"]]: TRunCard["units"] } = {
  fire: { fire: 2, ems: 1 },
  medical: { ems: 1 },
  trafficCollision: { police: 1, ems: 1 },
  trafficJam: { police: 1 },
  hazard: { fire: 1, police: 1 },
  wasteFire: { fire: 1, sanitation: 1 },
  illegalDumping: { sanitation: 1 },
  powerOutage: { utility: 1 },
  gridOverload: { utility: 1 },
  parkingViolation: { police: 1 },
  publicDisturbance: { police: 2 },
  other: { police: 1 },
};

/** A crew that has not acknowledged an assignment in this long is chased by the control room. */
export const DEFAULT_ACK_WITHIN_SECONDS = 120;

/** Where lives may hang on it, a silent crew is chased sooner. */
const ACK_WITHIN_SECONDS: { readonly [T in TIncident["type"]]?: number } = {
  fire: 60,
  medical: 60,
  trafficCollision: 60,
  hazard: 90,
  wasteFire: 90,
  publicDisturbance: 90,
};

export function runCardFor(incidentType: TIncident["type"]): TRunCard {
  return {
    incidentType,
    units: { ...RUN_CARDS[incidentType] },
    ackWithinSeconds: ACK_WITHIN_SECONDS[incidentType] ?? DEFAULT_ACK_WITHIN_SECONDS,
  };
}
