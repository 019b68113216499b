import type { TParkingLot } from "@/lib/contracts/city-pack";
import type { TRandom } from "@/lib/seeded-random";
import { parkingDemand } from "./daily-profile";

/** Share of the gap to the target occupancy closed per simulated minute. */
const APPROACH_PER_MINUTE = 0.08;

/** Lots fill toward a time-of-day target; popular lots run close to full at midday. */
export class ParkingModel {
  private readonly occupancy: number[];
  private readonly popularity: number[];

  constructor(
    private readonly lots: readonly TParkingLot[],
    private readonly random: TRandom,
  ) {
    this.popularity = lots.map(() => random.range(0.6, 1.25));
    this.occupancy = lots.map(() => random.range(0.1, 0.3));
  }

  step(hour: number, dtMs: number): void {
    const approach = Math.min(1, (APPROACH_PER_MINUTE * dtMs) / 60_000);
    for (let i = 0; i < this.lots.length; i++) {
      const target = Math.min(1, parkingDemand(hour) * this.popularity[i]);
      this.occupancy[i] += (target - this.occupancy[i]) * approach;
    }
  }

  read(index: number): { availableSpotNumber: number; totalSpotNumber: number } {
    const total = this.lots[index].capacity;
    const jitter = this.random.range(-0.015, 0.015);
    const occupied = Math.round(total * Math.min(1, Math.max(0, this.occupancy[index] + jitter)));
    return { availableSpotNumber: total - occupied, totalSpotNumber: total };
  }
}
