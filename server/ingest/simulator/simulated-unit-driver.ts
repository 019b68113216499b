import type { TUnit } from "@/lib/contracts/city-pack";
import type { TUnitDriver } from "../types";
import type { UnitsModel } from "./units-model";

type TArrivalListener = Parameters<TUnitDriver["onArrival"]>[0];

/** TUnitDriver over the simulator's units model: unit ids → model indexes (unknown ids are ignored). */
export class SimulatedUnitDriver implements TUnitDriver {
  private readonly indexById: Map<string, number>;
  private readonly listeners = new Set<TArrivalListener>();

  constructor(
    private readonly model: UnitsModel,
    private readonly units: readonly TUnit[],
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.indexById = new Map(units.map((unit, index) => [unit.id, index]));
  }

  drive(unitId: string, route: readonly [number, number][], options: Parameters<TUnitDriver["drive"]>[2]): void {
    this.withIndex(unitId, (index) => this.model.drive(index, route, options));
  }

  returnToStation(unitId: string, options: Parameters<TUnitDriver["returnToStation"]>[1]): void {
    this.withIndex(unitId, (index) => this.model.returnToStation(index, options));
  }

  setStatus(unitId: string, status: Parameters<TUnitDriver["setStatus"]>[1]): void {
    this.withIndex(unitId, (index) => this.model.setStatus(index, status));
  }

  trackedExternally(unitId: string): void {
    this.withIndex(unitId, (index) => this.model.trackedExternally(index));
  }

  onArrival(listener: TArrivalListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Hands the model's arrivals to the listeners; called after a simulator step, so a listener can neither break it nor re-enter it. */
  deliverArrivals(): void {
    for (const { index, at } of this.model.takeArrivals()) {
      const unitId = this.units[index].id;
      for (const listener of [...this.listeners]) {
        try {
          listener(unitId, at);
        } catch (error) {
          this.log(`unit arrival listener failed (${unitId} at ${at})`, error);
        }
      }
    }
  }

  private withIndex(unitId: string, run: (index: number) => void): void {
    const index = this.indexById.get(unitId);
    if (index !== undefined) run(index);
  }
}
