import type { TUnitType } from "@/lib/contracts/events";
import type { TIncidentHistoryRow } from "@/lib/contracts/history";

/**
 * What a few years of a small city's incidents look like: how often each type happens, how urgent it
 * usually is, who gets sent, and the words operators write. Weights are relative, not percentages.
 */
type TTypeMix = {
  type: TIncidentHistoryRow["type"];
  weight: number;
  /** Relative weights of P1..P4. */
  priorities: [number, number, number, number];
  /** The first unit's type, and a second one's (always a different type). */
  units: [TUnitType, TUnitType | null];
  /** Share of incidents of this type that get a unit at all, and of those a second unit. */
  dispatched: number;
  secondUnit: number;
  /** Mean minutes from on scene (or acknowledged, without a unit) to resolved. */
  workMinutes: number;
  descriptions: string[];
};

export const TYPE_MIX: TTypeMix[] = [
  {
    type: "medical",
    weight: 20,
    priorities: [35, 40, 20, 5],
    units: ["ems", "fire"],
    dispatched: 0.97,
    secondUnit: 0.25,
    workMinutes: 35,
    descriptions: [
      "Person collapsed, breathing",
      "Fall at home, hip injury",
      "Chest pain reported by caller",
      "Unconscious person on sidewalk",
      "Allergic reaction at restaurant",
      "Cyclist injured after fall",
    ],
  },
  {
    type: "trafficCollision",
    weight: 17,
    priorities: [15, 40, 35, 10],
    units: ["police", "ems"],
    dispatched: 0.95,
    secondUnit: 0.35,
    workMinutes: 50,
    descriptions: [
      "Two-vehicle collision, lanes blocked",
      "Rear-end collision at the light",
      "Car hit a parked vehicle",
      "Vehicle in the ditch, driver out",
      "Collision with cyclist, minor injuries",
      "Truck clipped a utility pole",
    ],
  },
  {
    type: "publicDisturbance",
    weight: 12,
    priorities: [5, 25, 45, 25],
    units: ["police", null],
    dispatched: 0.85,
    secondUnit: 0,
    workMinutes: 30,
    descriptions: [
      "Loud party reported by neighbours",
      "Fight outside the bar",
      "Group blocking the sidewalk",
      "Shouting and broken glass heard",
      "Fireworks in the park after midnight",
    ],
  },
  {
    type: "trafficJam",
    weight: 9,
    priorities: [0, 15, 50, 35],
    units: ["police", null],
    dispatched: 0.6,
    secondUnit: 0,
    workMinutes: 40,
    descriptions: [
      "Queue backing up over the bridge",
      "Signal outage causing congestion",
      "Slow traffic after event at the stadium",
      "Roadworks blocking one lane",
    ],
  },
  {
    type: "parkingViolation",
    weight: 9,
    priorities: [0, 0, 30, 70],
    units: ["police", null],
    dispatched: 0.5,
    secondUnit: 0,
    workMinutes: 25,
    descriptions: ["Car parked across driveway", "Vehicle blocking fire hydrant", "Truck parked in bus stop", "Abandoned car, flat tyres"],
  },
  {
    type: "illegalDumping",
    weight: 7,
    priorities: [0, 5, 40, 55],
    units: ["sanitation", "police"],
    dispatched: 0.8,
    secondUnit: 0.1,
    workMinutes: 90,
    descriptions: [
      "Mattresses dumped by the river",
      "Construction waste on the verge",
      "Bags of rubbish behind the store",
      "Old tyres left in the alley",
    ],
  },
  {
    type: "hazard",
    weight: 6,
    priorities: [15, 35, 35, 15],
    units: ["fire", "police"],
    dispatched: 0.9,
    secondUnit: 0.3,
    workMinutes: 60,
    descriptions: [
      "Fallen tree across the road",
      "Gas smell reported in basement",
      "Oil spill on the roadway",
      "Downed power line sparking",
      "Manhole cover missing",
    ],
  },
  {
    type: "fire",
    weight: 5,
    priorities: [60, 30, 10, 0],
    units: ["fire", "ems"],
    dispatched: 1,
    secondUnit: 0.5,
    workMinutes: 75,
    descriptions: [
      "Smoke from a garage roof",
      "Kitchen fire, occupants out",
      "Grass fire spreading toward houses",
      "Vehicle fire in parking lot",
      "Smoke alarm and smell of smoke in apartment",
    ],
  },
  {
    type: "other",
    weight: 5,
    priorities: [2, 13, 45, 40],
    units: ["police", "utility"],
    dispatched: 0.6,
    secondUnit: 0.1,
    workMinutes: 30,
    descriptions: ["Welfare check requested", "Lost child reunited with parents", "Animal on the road", "Suspicious package reported"],
  },
  {
    type: "powerOutage",
    weight: 4,
    priorities: [10, 40, 40, 10],
    units: ["utility", "police"],
    dispatched: 0.95,
    secondUnit: 0.15,
    workMinutes: 120,
    descriptions: [
      "Several streets without power",
      "Transformer failure, outage in the block",
      "Traffic lights dark after outage",
      "Outage at the care home",
    ],
  },
  {
    type: "wasteFire",
    weight: 3,
    priorities: [30, 45, 20, 5],
    units: ["fire", "sanitation"],
    dispatched: 1,
    secondUnit: 0.3,
    workMinutes: 40,
    descriptions: ["Bin on fire next to the school", "Smoke from a waste container", "Recycling bin burning behind the mall"],
  },
  {
    type: "gridOverload",
    weight: 3,
    priorities: [15, 45, 35, 5],
    units: ["utility", "fire"],
    dispatched: 0.95,
    secondUnit: 0.1,
    workMinutes: 100,
    descriptions: ["Feeder overloaded during heatwave", "Substation alarm, load above capacity", "Repeated breaker trips on feeder"],
  },
];

/** Busier in the middle of town. Keys are zone names (server/city/zones.ts). */
export const ZONE_WEIGHTS: Record<string, number> = {
  Central: 26,
  North: 10,
  South: 12,
  West: 9,
  East: 11,
  "North-West": 6,
  "North-East": 8,
  "South-West": 8,
  "South-East": 10,
};

/** Mean seconds from created to acknowledged, by priority (longer at night, see the chunk SQL). */
export const ACK_MEAN_SECONDS = [40, 90, 240, 600] as const;
/** Mean seconds from acknowledged to the first dispatch, by priority. */
export const DISPATCH_MEAN_SECONDS = [45, 120, 300, 900] as const;
/** Mean seconds of travel from dispatch to on scene, by priority (lights and sirens for P1). */
export const TRAVEL_MEAN_SECONDS = [240, 360, 480, 600] as const;

/** Share of incidents that get a note from the operator. */
export const NOTE_SHARE = 0.3;
export const NOTES = [
  "Caller rang back, situation unchanged",
  "Crew requests a tow truck",
  "Road reopened to traffic",
  "Witness statement taken at the scene",
  "Area cordoned off, diversion in place",
  "Neighbour reports smell of smoke",
  "Second caller confirms the location",
  "Owner informed, no further action",
  "Handed over to the day shift",
  "Ambulance requested by police on scene",
];

/** Share of past incidents nobody ever resolved (left acknowledged or new): "almost all" are, and the live map stays usable. */
export const LEFT_OPEN_SHARE = 0.00005;
/** Share of incidents with a street address (the rest were placed on the map only). */
export const ADDRESS_SHARE = 0.75;
/** The operators who created and worked the seeded incidents. */
export const OPERATOR_IDS = Array.from({ length: 12 }, (_, i) => `history-operator-${String(i + 1).padStart(2, "0")}`);
export const TRAINEE_ID = "history-trainee";
/** A trainee who worked a handful of incidents: the operator filter's other extreme (see incident-history-filter.ts). */
export const TRAINEE_SHARE = 0.0005;
