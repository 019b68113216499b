import { Counter, type Registry } from "prom-client";
import type { TAlertRuntime } from "@/server/alerts/alert-runtime";

export function registerAlertMetrics(registry: Registry, alerts: Pick<TAlertRuntime, "raisedCount"> | undefined): void {
  new Counter({
    name: "citynerve_alerts_raised_total",
    help: "Alerts this instance's rules engine raised (stored as new; replays of an open alert are not counted).",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(alerts?.raisedCount() ?? 0);
    },
  });
}
