import { describe, expect, it } from "vitest";
import { alertRecord } from "@/test/fixtures/alert-record";
import { compareAlerts, isUnacknowledgedCritical, sharedCorrelationGroups, sortForQueue, upsertAlert, visibleInQueue } from "./alert-cache";

const alert = alertRecord;

describe("alert queue cache", () => {
  it("orders most severe first, then newest", () => {
    const older = alert({ id: "old", severity: "critical", firstSeenAt: "2026-01-01T09:00:00.000Z" });
    const newer = alert({ id: "new", severity: "critical" });
    const minor = alert({ id: "minor", firstSeenAt: "2026-01-01T11:00:00.000Z" });
    expect([minor, older, newer].sort(compareAlerts).map((a) => a.id)).toEqual(["new", "old", "minor"]);
    expect(sortForQueue([minor, older, newer]).map((a) => a.id)).toEqual(["new", "old", "minor"]);
  });

  it("inserts, replaces and drops resolved alerts", () => {
    const list = upsertAlert([], alert({}), {});
    expect(list).toHaveLength(1);
    const acked = upsertAlert(list, alert({ status: "acknowledged", version: 2 }), {});
    expect(acked[0]?.status).toBe("acknowledged");
    expect(upsertAlert(acked, alert({ status: "resolved", version: 3 }), {})).toEqual([]);
  });

  it("never lets an older version overwrite a newer one", () => {
    const list = [alert({ status: "acknowledged", version: 3 })];
    expect(upsertAlert(list, alert({ version: 2 }), {})).toBe(list);
  });

  it("keeps filtered queues to their filters", () => {
    expect(upsertAlert([], alert({ domain: "energy" }), { domain: "traffic" })).toEqual([]);
    const list = [alert({})];
    expect(upsertAlert(list, alert({ severity: "major", version: 2 }), { severity: "minor" })).toEqual([]);
  });

  it("marks correlation groups shared by two or more alerts", () => {
    const groups = sharedCorrelationGroups([
      alert({ id: "1", correlationGroup: "g1" }),
      alert({ id: "2", correlationGroup: "g1" }),
      alert({ id: "3", correlationGroup: "g2" }),
    ]);
    expect([...groups]).toEqual(["g1"]);
  });

  it("keeps silenced critical alerts out of the banner and the tone, whatever their state", () => {
    const silenced = { id: "s1", reason: "Fire drill", endsAt: "2026-01-01T11:00:00.000Z" };
    expect(isUnacknowledgedCritical(alert({ severity: "critical" }))).toBe(true);
    expect(isUnacknowledgedCritical(alert({ severity: "critical", silenced }))).toBe(false);
    expect(isUnacknowledgedCritical(alert({ severity: "critical", status: "acknowledged" }))).toBe(false);
  });

  it("hides silenced alerts from the queue unless asked to show them", () => {
    const silenced = { id: "s1", reason: "Fire drill", endsAt: "2026-01-01T11:00:00.000Z" };
    const list = [alert({ id: "loud" }), alert({ id: "quiet", silenced })];
    expect(visibleInQueue(list, false).map((a) => a.id)).toEqual(["loud"]);
    expect(visibleInQueue(list, true).map((a) => a.id)).toEqual(["loud", "quiet"]);
    // A pushed silencing (same version) replaces the loud copy in the cache.
    expect(upsertAlert([alert({ id: "quiet" })], alert({ id: "quiet", silenced }), {})[0].silenced).toEqual(silenced);
  });
});
