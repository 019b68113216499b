import type { TRoadSegment } from "@/lib/contracts/city-pack";
import type { TRandom } from "@/lib/seeded-random";
import { trafficDemand } from "./daily-profile";

const CLASS_DEMAND: Record<TRoadSegment["roadClass"], number> = {
  motorway: 1.05,
  trunk: 1,
  primary: 0.95,
  secondary: 0.85,
  tertiary: 0.7,
  residential: 0.35,
  unclassified: 0.3,
  service: 0.2,
};
/** New jams per simulated minute, citywide. */
const JAMS_PER_MINUTE = 0.4;
const JAM_SPREAD_EVERY_MS = 20_000;

type TJam = { severity: number; untilMs: number };
type TTrafficReading = {
  intensity: number;
  averageVehicleSpeed: number;
  occupancy: number;
  congested: boolean;
};

/**
 * Road traffic: demand by time of day and road class, speed from the BPR
 * volume-delay curve, plus jams that start on main roads and spread to the
 * segments feeding into them until they clear.
 */
export class TrafficModel {
  private readonly jam = new Map<number, TJam>();
  private readonly segmentFactor: number[];
  /** Segment indices that end at a node, i.e. feed traffic into it. */
  private readonly incoming = new Map<string, number[]>();
  private readonly mainRoads: number[];
  private lastSpreadMs = 0;

  constructor(
    private readonly segments: readonly TRoadSegment[],
    private readonly random: TRandom,
  ) {
    this.segmentFactor = segments.map(() => random.range(0.7, 1.2));
    segments.forEach((s, i) => {
      for (const node of s.oneway ? [s.to] : [s.to, s.from]) {
        const list = this.incoming.get(node) ?? [];
        list.push(i);
        this.incoming.set(node, list);
      }
    });
    this.mainRoads = segments.flatMap((s, i) => (["primary", "secondary", "trunk", "tertiary"].includes(s.roadClass) ? [i] : []));
  }

  step(nowMs: number, dtMs: number): void {
    for (const [index, jam] of this.jam) {
      if (nowMs >= jam.untilMs) {
        jam.severity -= dtMs / 60_000; // clears over about a minute
        if (jam.severity <= 0) this.jam.delete(index);
      }
    }
    if (this.mainRoads.length > 0 && this.random.chance((JAMS_PER_MINUTE * dtMs) / 60_000)) {
      const index = this.random.pick(this.mainRoads);
      this.jam.set(index, { severity: this.random.range(0.75, 0.95), untilMs: nowMs + this.random.range(6, 20) * 60_000 });
    }
    if (nowMs - this.lastSpreadMs >= JAM_SPREAD_EVERY_MS) {
      this.lastSpreadMs = nowMs;
      this.spreadJams();
    }
  }

  /** Congestion backs up: a heavy jam passes a weaker one to segments that feed into it. */
  private spreadJams(): void {
    const spreads: [number, TJam][] = [];
    for (const [index, jam] of this.jam) {
      if (jam.severity < 0.5) continue;
      for (const upstream of this.incoming.get(this.segments[index].from) ?? []) {
        const existing = this.jam.get(upstream);
        const severity = jam.severity * 0.8;
        if (upstream !== index && (!existing || existing.severity < severity)) {
          spreads.push([upstream, { severity, untilMs: jam.untilMs - 60_000 }]);
        }
      }
    }
    for (const [index, jam] of spreads) this.jam.set(index, jam);
  }

  read(index: number, hour: number): TTrafficReading {
    const segment = this.segments[index];
    const jam = this.jam.get(index)?.severity ?? 0;
    const noise = this.random.range(0.92, 1.08);
    const volumeToCapacity = trafficDemand(hour) * CLASS_DEMAND[segment.roadClass] * this.segmentFactor[index] * noise;
    const bprSpeed = segment.freeFlowKmh / (1 + 0.15 * volumeToCapacity ** 4);
    const speed = bprSpeed * (1 - 0.85 * jam);
    return {
      intensity: round(Math.min(volumeToCapacity, 1.05) * segment.capacityVph * (1 - 0.6 * jam), 0),
      averageVehicleSpeed: round(speed, 1),
      occupancy: round(Math.min(1, 0.03 + 0.55 * Math.min(volumeToCapacity, 1.2) + 0.4 * jam), 3),
      congested: speed < 0.5 * segment.freeFlowKmh,
    };
  }

  jammedSegments(): number[] {
    return [...this.jam.keys()];
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
