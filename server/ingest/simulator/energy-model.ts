import type { TFeeder, TSubstation } from "@/lib/contracts/city-pack";
import type { TRandom } from "@/lib/seeded-random";
import { gridLoad } from "./daily-profile";

const OVERLOADS_PER_HOUR = 1.5;
const NOMINAL_HZ = 60; // North American grid

type TReading = { activePower: number; capacity: number; voltage: number; frequency: number };

/**
 * Feeder load follows the day (evening peak) scaled per feeder; a substation
 * carries the sum of its feeders. Now and then a feeder overloads for minutes.
 */
export class EnergyModel {
  private readonly feederFactor: number[];
  private readonly feederLoadKw: number[];
  private readonly overloadUntilMs: number[];
  private readonly feedersOf = new Map<string, number[]>();
  private frequencyHz = NOMINAL_HZ;

  constructor(
    private readonly substations: readonly TSubstation[],
    private readonly feeders: readonly TFeeder[],
    private readonly random: TRandom,
  ) {
    this.feederFactor = feeders.map(() => random.range(0.65, 1.1));
    this.feederLoadKw = feeders.map(() => 0);
    this.overloadUntilMs = feeders.map(() => 0);
    feeders.forEach((f, i) => this.feedersOf.set(f.substationId, [...(this.feedersOf.get(f.substationId) ?? []), i]));
  }

  step(nowMs: number, hour: number, dtMs: number): void {
    if (this.feeders.length > 0 && this.random.chance((OVERLOADS_PER_HOUR * dtMs) / 3_600_000)) {
      this.overloadUntilMs[this.random.int(this.feeders.length)] = nowMs + this.random.range(5, 15) * 60_000;
    }
    const profile = gridLoad(hour);
    this.feeders.forEach((feeder, i) => {
      const overloaded = nowMs < this.overloadUntilMs[i];
      const share = overloaded ? this.random.range(0.95, 1.12) : profile * this.feederFactor[i] * this.random.range(0.97, 1.03);
      this.feederLoadKw[i] = feeder.capacityKw * Math.min(share, 1.2);
    });
    this.frequencyHz += (NOMINAL_HZ - this.frequencyHz) * 0.2 + this.random.range(-0.01, 0.01);
  }

  readFeeder(index: number, voltageV: number): TReading {
    const capacity = this.feeders[index].capacityKw;
    return this.reading(this.feederLoadKw[index], capacity, voltageV);
  }

  readSubstation(index: number): TReading {
    const substation = this.substations[index];
    const load = (this.feedersOf.get(substation.id) ?? []).reduce((sum, i) => sum + this.feederLoadKw[i], 0);
    return this.reading(load, substation.capacityKw, substation.voltageV);
  }

  private reading(loadKw: number, capacityKw: number, nominalV: number): TReading {
    const loading = loadKw / capacityKw;
    return {
      activePower: Math.round(loadKw),
      capacity: capacityKw,
      // Voltage sags a little under load.
      voltage: Math.round(nominalV * (1.02 - 0.06 * loading + this.random.range(-0.004, 0.004))),
      frequency: Math.round(this.frequencyHz * 1000) / 1000,
    };
  }
}
