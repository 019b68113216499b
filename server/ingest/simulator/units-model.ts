import type { TRoadSegment, TStation, TUnit } from "@/lib/contracts/city-pack";
import type { TUnitStatus, TUnitType } from "@/lib/contracts/events";
import type { TRandom } from "@/lib/seeded-random";
import { lineLengthM, pointAlong, round6, type TLonLat } from "@/lib/geo";
import { createNearestPoint, type TNearestPoint } from "@/server/city/nearest-point";
import { createRoutePlanner, type TRoutePlanner } from "@/server/city/road-graph";

/** Unit types that patrol the streets while available; the others wait at their station. */
const PATROLLING: ReadonlySet<TUnitType> = new Set(["police", "sanitation"]);
const PATROL_KMH: Record<TUnitType, number> = { police: 35, sanitation: 18, fire: 0, ems: 0, utility: 0 };
/** Driving back to the station: no lights and sirens. */
const RETURN_KMH: Record<TUnitType, number> = { police: 40, fire: 40, ems: 40, sanitation: 25, utility: 25 };
/** A position from a real device holds the simulation off for this long (simulated time). */
const EXTERNAL_TRACKING_MS = 60_000;

export type TArrival = { index: number; at: "scene" | "station" };

type TTraversal = { segment: number; forward: boolean; distM: number };
type TDrive = { line: TLonLat[]; lengthM: number; distM: number; speedKmh: number; arrival: TArrival["at"] };
type TUnitState = {
  type: TUnitType;
  home: TLonLat;
  speedKmh: number;
  /** Patrolling the road graph. */
  traversal: TTraversal | null;
  /** Driving a given route (dispatch or the way home); takes precedence over patrolling. */
  drive: TDrive | null;
  /** Stopped where a drive ended (on scene); null: at home or patrolling. */
  parked: { position: TLonLat; heading: number } | null;
  status: TUnitStatus;
  trackedUntilMs: number;
};

type TUnitReading = { location: [number, number]; heading: number; speed: number; status: TUnitStatus };

/**
 * Responder units: patrols drive random routes over the road graph, the rest stand by at their station.
 * Dispatch can drive any of them along a route and send them home again.
 */
export class UnitsModel {
  private readonly state: TUnitState[];
  /** Node id → traversals that start there. */
  private readonly departures = new Map<string, { segment: number; forward: boolean }[]>();
  /** Free-flow fastest routes home (built on first use: most runs never send a unit home). */
  private roads: TRoutePlanner | null = null;
  private segmentStarts: TNearestPoint | null = null;
  private arrivals: TArrival[] = [];
  private clockMs = 0;

  constructor(
    readonly units: readonly TUnit[],
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
      return {
        type: unit.type,
        home,
        speedKmh: PATROL_KMH[unit.type],
        traversal: this.patrolStart(unit.type, home),
        drive: null,
        parked: null,
        status: "available",
        trackedUntilMs: -Infinity,
      };
    });
  }

  step(dtMs: number): void {
    this.clockMs += dtMs;
    this.state.forEach((unit, index) => {
      if (unit.drive) this.advanceDrive(unit, index, dtMs);
      else if (unit.traversal) this.advancePatrol(unit, unit.traversal, dtMs);
    });
  }

  read(index: number): TUnitReading {
    const unit = this.state[index];
    const { status } = unit;
    if (unit.drive) {
      const { position, bearing } = pointAlong(unit.drive.line, unit.drive.distM);
      return {
        location: roundPoint(position),
        heading: Math.round(bearing) % 360,
        speed: Math.round(unit.drive.speedKmh * 10) / 10,
        status,
      };
    }
    if (unit.parked) return { location: roundPoint(unit.parked.position), heading: unit.parked.heading, speed: 0, status };
    if (!unit.traversal) return { location: [unit.home[0], unit.home[1]], heading: 0, speed: 0, status };
    const { segment, forward, distM } = unit.traversal;
    const coords = this.segments[segment].coords;
    const line = forward ? coords : [...coords].reverse();
    const { position, bearing } = pointAlong(line, distM);
    return { location: roundPoint(position), heading: Math.round(bearing) % 360, speed: unit.speedKmh, status };
  }

  /** Follows `route` ([lon, lat] points) at about `speedKmh`, then stops at its last point and arrives "scene". */
  drive(index: number, route: readonly TLonLat[], options: { speedKmh: number; status: TUnitStatus }): void {
    const unit = this.state[index];
    const line = route.length > 0 ? route.map((p): TLonLat => [p[0], p[1]]) : [this.read(index).location];
    unit.drive = { line, lengthM: lineLengthM(line), distM: 0, speedKmh: Math.max(1, options.speedKmh), arrival: "scene" };
    unit.traversal = null;
    unit.parked = null;
    unit.status = options.status;
  }

  /** Drives home over the roads at street speed, then stands by there (patrols patrol again) and arrives "station". */
  returnToStation(index: number, options: { status: TUnitStatus }): void {
    const unit = this.state[index];
    this.roads ??= createRoutePlanner(this.segments, () => undefined);
    const from = this.read(index).location;
    const line = this.roads.planRoute(from, unit.home)?.coords ?? [from, unit.home];
    unit.drive = { line, lengthM: lineLengthM(line), distM: 0, speedKmh: RETURN_KMH[unit.type], arrival: "station" };
    unit.traversal = null;
    unit.parked = null;
    unit.status = options.status;
  }

  setStatus(index: number, status: TUnitStatus): void {
    this.state[index].status = status;
  }

  /** A real device reports this unit: no simulated positions for a while (the unit keeps moving in the model). */
  trackedExternally(index: number): void {
    this.state[index].trackedUntilMs = this.clockMs + EXTERNAL_TRACKING_MS;
  }

  /** Whether the simulation reports this unit's position now. */
  reportsPosition(index: number): boolean {
    return this.clockMs >= this.state[index].trackedUntilMs;
  }

  /** Drives that ended since the last call. */
  takeArrivals(): TArrival[] {
    const arrivals = this.arrivals;
    this.arrivals = [];
    return arrivals;
  }

  private advanceDrive(unit: TUnitState, index: number, dtMs: number): void {
    const drive = unit.drive!;
    drive.distM += (drive.speedKmh / 3.6) * (dtMs / 1000) * this.random.range(0.9, 1.1);
    if (drive.distM < drive.lengthM) return;
    const heading = Math.round(pointAlong(drive.line, drive.lengthM).bearing) % 360;
    unit.drive = null;
    if (drive.arrival === "scene") {
      unit.parked = { position: drive.line[drive.line.length - 1], heading };
    } else {
      unit.parked = null;
      unit.traversal = this.patrolStart(unit.type, unit.home);
    }
    this.arrivals.push({ index, at: drive.arrival });
  }

  private advancePatrol(unit: TUnitState, traversal: TTraversal, dtMs: number): void {
    let travel = (unit.speedKmh / 3.6) * (dtMs / 1000) * this.random.range(0.8, 1.2);
    while (travel > 0) {
      const length = this.segments[traversal.segment].lengthM;
      const left = length - traversal.distM;
      if (travel < left) {
        traversal.distM += travel;
        break;
      }
      travel -= left;
      traversal = unit.traversal = this.nextTraversal(traversal);
    }
  }

  private patrolStart(type: TUnitType, home: TLonLat): TTraversal | null {
    return PATROLLING.has(type) && this.segments.length > 0 ? { segment: this.nearestSegment(home), forward: true, distM: 0 } : null;
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

  /** The segment that starts nearest to a point (where a patrol sets out). */
  private nearestSegment(point: TLonLat): number {
    this.segmentStarts ??= createNearestPoint(this.segments.map((s) => s.coords[0]));
    return this.segmentStarts(point)?.index ?? 0;
  }
}

const roundPoint = (p: TLonLat): [number, number] => [round6(p[0]), round6(p[1])];
