import type { TWasteBin } from "@/lib/contracts/city-pack";
import type { WASTE_STATUSES } from "@/lib/contracts/events";
import type { TRandom } from "@/lib/seeded-random";

type TStatus = (typeof WASTE_STATUSES)[number];
type TBin = { fill: number; ratePerHour: number; status: TStatus; statusUntilMs: number; emptyAt: number };

/** Per bin, per simulated hour. */
const FAULT_PROBABILITY_PER_HOUR: Record<Exclude<TStatus, "ok">, number> = {
  burning: 0.0015,
  vandalised: 0.002,
  lidOpen: 0.01,
};
/** Listed once: this runs for every bin on every step, 40,000 bins in a metro. */
const FAULTS = Object.entries(FAULT_PROBABILITY_PER_HOUR) as [Exclude<TStatus, "ok">, number][];

/**
 * Street bins fill at their own pace, get emptied by a round once they pass
 * their threshold, and now and then catch fire, get vandalised or left open.
 */
export class WasteModel {
  private readonly bins: TBin[];

  constructor(
    bins: readonly TWasteBin[],
    private readonly random: TRandom,
  ) {
    this.bins = bins.map(() => ({
      fill: random.range(0, 0.7),
      ratePerHour: random.range(0.01, 0.05),
      status: "ok",
      statusUntilMs: 0,
      emptyAt: random.range(0.85, 0.99),
    }));
  }

  step(nowMs: number, dtMs: number): void {
    const hours = dtMs / 3_600_000;
    for (const bin of this.bins) {
      bin.fill = Math.min(1, bin.fill + bin.ratePerHour * hours);
      if (bin.fill >= bin.emptyAt && this.random.chance(hours * 2)) {
        bin.fill = this.random.range(0, 0.05); // the sanitation round came by
        if (bin.status === "vandalised") bin.status = "ok";
      }
      if (bin.status !== "ok" && bin.status !== "vandalised" && nowMs >= bin.statusUntilMs) bin.status = "ok";
      if (bin.status === "ok") this.maybeFault(bin, nowMs, hours);
    }
  }

  private maybeFault(bin: TBin, nowMs: number, hours: number): void {
    for (const [status, perHour] of FAULTS) {
      if (this.random.chance(perHour * hours)) {
        bin.status = status;
        bin.statusUntilMs = nowMs + this.random.range(4, 15) * 60_000;
        return;
      }
    }
  }

  read(index: number, ambientC: number): { fillingLevel: number; status: TStatus; temperature: number } {
    const bin = this.bins[index];
    const fireHeat = bin.status === "burning" ? this.random.range(90, 320) : 0;
    return {
      fillingLevel: Math.round(bin.fill * 1000) / 1000,
      status: bin.status,
      temperature: Math.round((ambientC + fireHeat + this.random.range(-0.8, 0.8)) * 10) / 10,
    };
  }
}
