import type { TRoadSegment, TStation, TUnit } from "@/lib/contracts/city-pack";
import type { TUnitType } from "@/lib/contracts/events";
import type { TRandom } from "@/lib/seeded-random";
import { haversineM, pointAlong, round6, type TLonLat } from "@/lib/geo";

/** Unit types that patrol the streets while available; the others wait at their station. */
const PATROLLING: ReadonlySet<TUnitType> = new Set(["police", "sanitation"]);
const PATROL_KMH: Record<TUnitType, number> = { police: 35, sanitation: 18, fire: 0, ems: 0, utility: 0 };

type TTraversal = { segment: number; forward: boolean; distM: number };
type TUnitState = { traversal: TTraversal | null; home: TLonLat; speedKmh: number };

export type TUnitReading = { location: [number, number]; heading: number; speed: number; status: "available" };

/** Responder units: patrols drive random routes over the road graph, the rest stand by at their station. */
export class UnitsModel {
  private readonly state: TUnitState[];
  /** Node id → traversals that start there. */
  private readonly departures = new Map<string, { segment: number; forward: boolean }[]>();

  constructor(
    private readonly units: readonly TUnit[],
    stations: readonly TStation[],
    private readonly segments: readonly TRoadSegment[],
    private readonly random: TRandom,
  ) {
    segments.forEach((s, i) => {
      this.addDeparture(s.from, { segment: i, forward: true });
      if (!s.oneway) this.addDeparture(s.to, { segment: i, forward: false });
    });
    const stationById = new Map(stations.map((s) => [s.id, s]));
    this.state = units.map((unit) => {
      const home = stationById.get(unit.stationId)?.position ?? segments[0]?.coords[0] ?? [0, 0];
      const patrols = PATROLLING.has(unit.type) && segments.length > 0;
      return {
        home,
        speedKmh: PATROL_KMH[unit.type],
        traversal: patrols ? { segment: this.nearestSegment(home), forward: true, distM: 0 } : null,
      };
    });
  }

  step(dtMs: number): void {
    for (const unit of this.state) {
      if (!unit.traversal) continue;
      let travel = (unit.speedKmh / 3.6) * (dtMs / 1000) * this.random.range(0.8, 1.2);
      while (travel > 0) {
        const length = this.segments[unit.traversal.segment].lengthM;
        const left = length - unit.traversal.distM;
        if (travel < left) {
          unit.traversal.distM += travel;
          break;
        }
        travel -= left;
        unit.traversal = this.nextTraversal(unit.traversal);
      }
    }
  }

  read(index: number): TUnitReading {
    const unit = this.state[index];
    if (!unit.traversal) return { location: [unit.home[0], unit.home[1]], heading: 0, speed: 0, status: "available" };
    const { segment, forward, distM } = unit.traversal;
    const coords = this.segments[segment].coords;
    const line = forward ? coords : [...coords].reverse();
    const { position, bearing } = pointAlong(line, distM);
    return { location: [round6(position[0]), round6(position[1])], heading: Math.round(bearing) % 360, speed: unit.speedKmh, status: "available" };
  }

  private nextTraversal(current: TTraversal): TTraversal {
    const segment = this.segments[current.segment];
    const endNode = current.forward ? segment.to : segment.from;
    const options = this.departures.get(endNode) ?? [];
    const onward = options.filter((o) => o.segment !== current.segment);
    const choice = onward.length > 0 ? this.random.pick(onward) : options[0];
    // A dead end with no way out at all: turn around.
    return choice ? { ...choice, distM: 0 } : { segment: current.segment, forward: !current.forward, distM: 0 };
  }

  private addDeparture(node: string, departure: { segment: number; forward: boolean }): void {
    const list = this.departures.get(node) ?? [];
    list.push(departure);
    this.departures.set(node, list);
  }

  private nearestSegment(point: TLonLat): number {
    let best = 0;
    let bestDistance = Infinity;
    this.segments.forEach((s, i) => {
      const d = haversineM(point, s.coords[0]);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    return best;
  }
}
