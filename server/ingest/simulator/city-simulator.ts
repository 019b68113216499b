import type { TCityEntities } from "@/lib/contracts/city-pack";
import { layerOf, type TCityEvent } from "@/lib/contracts/events";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { createRandom, type TRandom } from "@/lib/seeded-random";
import type { TUnitDriver } from "../types";
import { localHour } from "./daily-profile";
import { EnergyModel } from "./energy-model";
import { corruptEvent } from "./malformed-message";
import { ParkingModel } from "./parking-model";
import { TrafficModel } from "./traffic-model";
import { SimulatedUnitDriver } from "./simulated-unit-driver";
import { UnitsModel } from "./units-model";
import { WasteModel } from "./waste-model";

export type TSimulatorOptions = {
  seed: number;
  /** Sensor events per second (units report on their own clock on top); raised to read every sensor within SLOWEST_ROUND_SECONDS. */
  ratePerSecond: number;
  /** Share of messages sent malformed, to exercise the dead-letter path. */
  malformedRatio?: number;
  timeZone?: string;
  unitReportEveryMs?: number;
};

/** What a sensor network would put on the wire. */
type TSimulatedMessage = { topic: string; key: string; value: string };

type TSensorSlot = { kind: "segment" | "parking" | "bin" | "substation" | "feeder"; index: number };

/**
 * Every sensor reports at least this often, whatever the rate asked for: a metro's 100,000
 * sensors at 500/s would take 200 s a round, close to the shortest stale rule (a silent
 * substation, 300 s). A town's few hundred never reach this floor.
 */
export const SLOWEST_ROUND_SECONDS = 120;

/**
 * A deterministic city: the same seed, start time and step sequence always give
 * the same messages. Time is passed in, never read from the clock, so tests and
 * benchmarks can run a day in a second.
 */
export class CitySimulator {
  private readonly random: TRandom;
  private readonly traffic: TrafficModel;
  private readonly parking: ParkingModel;
  private readonly waste: WasteModel;
  private readonly energy: EnergyModel;
  private readonly unitsModel: UnitsModel;
  private readonly driver: SimulatedUnitDriver;
  /** Dispatch drives units through this; arrival listeners run after the step that ended the drive. */
  readonly units: TUnitDriver;
  private readonly rotation: TSensorSlot[];
  private readonly ratePerSecond: number;
  private readonly voltageOfFeeder: number[];
  private cursor = 0;
  private budget = 0;
  private sequence = 0;
  private lastUnitReportMs = -Infinity;

  constructor(
    private readonly entities: TCityEntities,
    private readonly options: TSimulatorOptions,
    log: (message: string, error?: unknown) => void = console.error,
  ) {
    this.random = createRandom(options.seed);
    this.traffic = new TrafficModel(entities.segments, this.random);
    this.parking = new ParkingModel(entities.parking, this.random);
    this.waste = new WasteModel(entities.bins, this.random);
    this.energy = new EnergyModel(entities.substations, entities.feeders, this.random);
    this.unitsModel = new UnitsModel(entities.units, entities.stations, entities.segments, this.random);
    this.units = this.driver = new SimulatedUnitDriver(this.unitsModel, entities.units, log);
    this.rotation = shuffle(
      [
        ...entities.segments.map((_, index) => ({ kind: "segment" as const, index })),
        ...entities.parking.map((_, index) => ({ kind: "parking" as const, index })),
        ...entities.bins.map((_, index) => ({ kind: "bin" as const, index })),
        ...entities.substations.map((_, index) => ({ kind: "substation" as const, index })),
        ...entities.feeders.map((_, index) => ({ kind: "feeder" as const, index })),
      ],
      this.random,
    );
    this.ratePerSecond = Math.max(options.ratePerSecond, this.rotation.length / SLOWEST_ROUND_SECONDS);
    const voltage = new Map(entities.substations.map((s) => [s.id, s.voltageV]));
    this.voltageOfFeeder = entities.feeders.map((f) => voltage.get(f.substationId) ?? 13_200);
  }

  /** Advances the city by dtMs ending at nowMs and returns the messages sensors sent meanwhile. */
  step(nowMs: number, dtMs: number): TSimulatedMessage[] {
    const hour = localHour(nowMs, this.options.timeZone ?? "America/Detroit");
    this.traffic.step(nowMs, dtMs);
    this.parking.step(hour, dtMs);
    this.waste.step(nowMs, dtMs);
    this.energy.step(nowMs, hour, dtMs);
    this.unitsModel.step(dtMs);

    const observedAt = new Date(nowMs).toISOString();
    const events: TCityEvent[] = [];
    this.budget += (this.ratePerSecond * dtMs) / 1000;
    while (this.budget >= 1 && this.rotation.length > 0) {
      this.budget -= 1;
      events.push(this.readSensor(this.rotation[this.cursor], hour, observedAt));
      this.cursor = (this.cursor + 1) % this.rotation.length;
    }
    if (nowMs - this.lastUnitReportMs >= (this.options.unitReportEveryMs ?? 1000)) {
      this.lastUnitReportMs = nowMs;
      this.entities.units.forEach((unit, index) => {
        if (!this.unitsModel.reportsPosition(index)) return;
        events.push({ ...this.base(unit.id, observedAt), type: "UnitPosition", ...this.unitsModel.read(index) });
      });
    }
    const messages = events.map((event) => this.toMessage(event));
    this.driver.deliverArrivals();
    return messages;
  }

  private readSensor(slot: TSensorSlot, hour: number, observedAt: string): TCityEvent {
    const { segments, parking, bins, substations, feeders } = this.entities;
    switch (slot.kind) {
      case "segment":
        return { ...this.base(segments[slot.index].id, observedAt), type: "TrafficFlowObserved", ...this.traffic.read(slot.index, hour) };
      case "parking":
        return { ...this.base(parking[slot.index].id, observedAt), type: "OffStreetParking", ...this.parking.read(slot.index) };
      case "bin":
        return { ...this.base(bins[slot.index].id, observedAt), type: "WasteContainer", ...this.waste.read(slot.index, ambientC(hour)) };
      case "substation":
        return {
          ...this.base(substations[slot.index].id, observedAt),
          type: "EnergyMeasurement",
          assetKind: "substation",
          ...this.energy.readSubstation(slot.index),
        };
      case "feeder":
        return {
          ...this.base(feeders[slot.index].id, observedAt),
          type: "EnergyMeasurement",
          assetKind: "feeder",
          ...this.energy.readFeeder(slot.index, this.voltageOfFeeder[slot.index]),
        };
    }
  }

  private base(entityId: string, observedAt: string) {
    return { id: `sim-${this.options.seed}-${++this.sequence}`, entityId, observedAt };
  }

  private toMessage(event: TCityEvent): TSimulatedMessage {
    const malformed = this.options.malformedRatio && this.random.chance(this.options.malformedRatio);
    return {
      topic: TOPIC_BY_LAYER[layerOf(event)],
      key: event.entityId,
      value: malformed ? corruptEvent(event, this.random) : JSON.stringify(event),
    };
  }
}

/** Outdoor temperature over the day, °C. */
const ambientC = (hour: number) => 9 + 6 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);

function shuffle<T>(items: T[], random: TRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
