import { describe, expect, it } from "vitest";
import type { TRuleSetting } from "@/lib/contracts/rules";
import type { TAlert } from "@/lib/contracts/alerts";
import { createPositionLookup } from "@/server/rule-engine/entity-positions";
import { createRuleEngine } from "@/server/rule-engine/rule-engine";
import { DEFAULT_RULES } from "@/server/rule-engine/default-rules";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { waitFor } from "@/test/wait-for";
import { persistSignals } from "./persist-signals";
import { updateCorrelations } from "./update-correlations";

/** Events → rules engine → PostgreSQL, idempotent under redelivery; rules tuned at runtime. */
describe.each(TEST_BACKENDS)("alert pipeline ($kind)", (backend) => {
  let t: TAlertsTestApp;
  // Event time moves forward through the file: the engine ignores readings older than the last per entity.
  let clock = Date.now() - 60 * 60_000;
  const at = (stepS = 10) => new Date((clock += stepS * 1000)).toISOString();
  const bin = (entityId: string, reading: { fillingLevel?: number; status?: string }, observedAt = at()) => ({
    id: `${entityId}@${observedAt}`,
    entityId,
    observedAt,
    type: "WasteContainer",
    fillingLevel: 0.3,
    status: "ok",
    temperature: 12,
    ...reading,
  });

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const source = () => t.app.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> };
  const alertsWhere = async (predicate: (a: TAlert) => boolean) =>
    ((await t.app.request(`/api/alerts?status=open,acknowledged,resolved`, { cookie: t.cookies.operator })).body as TAlert[]).filter(
      predicate,
    );

  it("opens an alert from a live event, once, however often the event is redelivered", async () => {
    const burning = bin("bin-1", { status: "burning" });
    const received: TAlert[] = [];
    const socket = t.app.socket(t.cookies.operator);
    socket.on("alert:upsert", (a) => received.push(a));
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    await source().push("city.waste", [burning]);
    await source().push("city.waste", [burning, burning]); // Kafka redelivery of the same message
    await t.app.city.alerts!.flush();

    const alerts = await alertsWhere((a) => a.ruleId === "waste.bin-burning" && a.entityId === "bin-1");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      ruleName: "Bin on fire",
      domain: "waste",
      severity: "critical",
      status: "open",
      escalated: false,
      value: "burning",
      count: 1,
      firstSeenAt: burning.observedAt,
      location: [-85.637, 41.9401],
      zone: expect.any(String),
      dedupKey: `waste.bin-burning:bin-1:${burning.observedAt}`,
      version: 0,
    });
    expect((await t.auditFor(alerts[0].id)).map((e) => e.action)).toEqual(["alert.raised"]);

    // A restarted server replays the same events: a fresh engine derives the same dedup key, the store keeps one row.
    const replay = createRuleEngine({ rules: DEFAULT_RULES, entities: TINY_CITY }).evaluate(burning as never);
    expect(replay.map((s) => s.kind)).toEqual(["open"]);
    const positionOf = createPositionLookup(TINY_CITY);
    const deps = { prisma: t.app.db.prisma, ruleName: () => "Bin on fire", locate: () => ({ lon: 0, lat: 0, zone: "Central" }) };
    expect(await persistSignals(deps, replay)).toEqual([]);
    expect(await persistSignals(deps, [...replay, ...replay])).toEqual([]);
    expect(await alertsWhere((a) => a.dedupKey === replay[0].dedupKey)).toHaveLength(1);
    expect(positionOf("waste", "bin-1")).toEqual(alerts[0].location);
    await waitFor(() => received.some((a) => a.id === alerts[0].id), "the operator's socket hears of the new alert");
    socket.disconnect();
  });

  it("records updates (never backwards) and clears; cleared warnings resolve themselves, critical ones stay", async () => {
    const startedAt = at();
    const base = t.signal({
      severity: "warning",
      ruleId: "waste.bin-full",
      entityId: "bin-2",
      value: 0.92,
      worstValue: 0.92,
      startedAt,
      lastSeenAt: startedAt,
    });
    const critical = t.signal({ startedAt, lastSeenAt: startedAt });
    const deps = { prisma: t.app.db.prisma, ruleName: (id: string) => id, locate: () => ({ lon: -85.635, lat: 41.938, zone: "South" }) };
    await persistSignals(deps, [base, critical]);
    const later = at();
    await persistSignals(deps, [{ ...base, kind: "update", count: 5, value: 0.97, worstValue: 0.97, lastSeenAt: later }]);
    await persistSignals(deps, [{ ...base, kind: "update", count: 3, value: 0.95, worstValue: 0.95, lastSeenAt: startedAt }]); // late duplicate
    let [warning] = await alertsWhere((a) => a.dedupKey === base.dedupKey);
    expect(warning).toMatchObject({ count: 5, worstValue: 0.97, lastSeenAt: later, status: "open", version: 0 });

    const clearedAt = at();
    await persistSignals(deps, [
      { ...base, kind: "clear", at: clearedAt, value: 0.2 },
      { ...critical, kind: "clear", at: clearedAt, value: "ok" },
    ]);
    [warning] = await alertsWhere((a) => a.dedupKey === base.dedupKey);
    const [stays] = await alertsWhere((a) => a.dedupKey === critical.dedupKey);
    expect(warning).toMatchObject({
      conditionClearedAt: clearedAt,
      status: "resolved",
      resolution: "Condition cleared (auto-resolved)",
      version: 1,
    });
    expect(stays).toMatchObject({ conditionClearedAt: clearedAt, status: "open", version: 0 });
    expect((await t.auditFor(warning.id)).map((e) => e.action)).toEqual(["alert.raised", "alert.auto_resolved"]);
    expect((await t.auditFor(stays.id)).map((e) => e.action)).toEqual(["alert.raised", "alert.condition_cleared"]);
  });

  it("groups nearby alerts across domains into one correlation group", async () => {
    const startedAt = at();
    const fire = await t.seedAlert({ entityId: "bin-1", startedAt, lastSeenAt: startedAt });
    const jam = await t.seedAlert({
      domain: "traffic",
      entityId: "seg-ab",
      ruleId: "traffic.slow-segment",
      severity: "minor",
      startedAt,
      lastSeenAt: startedAt,
      value: 0.2,
      worstValue: 0.2,
    });
    const changed = await updateCorrelations(t.app.db.prisma, createPositionLookup(TINY_CITY));
    const groupOf = (id: string) => changed.find((a) => a.id === id)?.correlationGroup;
    expect(groupOf(fire.id)).toEqual(expect.any(String));
    expect(groupOf(jam.id)).toBe(groupOf(fire.id));
    expect(await updateCorrelations(t.app.db.prisma, createPositionLookup(TINY_CITY))).toEqual([]); // stable
  });

  it("applies a supervisor's rule change to the running engine at once, version-checked and audited", async () => {
    const half = () => bin("bin-2", { fillingLevel: 0.6 });
    const binFull = async () =>
      await alertsWhere((a) => a.ruleId === "waste.bin-full" && a.entityId === "bin-2" && a.status !== "resolved");
    await source().push("city.waste", [half(), half()]);
    await t.app.city.alerts!.flush();
    expect(await binFull()).toEqual([]);

    const rules = (await t.app.request(`/api/rules`, { cookie: t.cookies.operator })).body as TRuleSetting[];
    const current = rules.find((r) => r.rule.id === "waste.bin-full")!;
    expect(current).toMatchObject({
      version: 0,
      updatedBy: null,
      rule: { params: { metric: "fillingLevel", openAbove: 0.9, clearBelow: 0.5 } },
    });

    const invalid = await t.app.request(`/api/rules/waste.bin-full`, {
      method: "PUT",
      cookie: t.cookies.supervisor,
      body: { version: 0, params: { metric: "fillingLevel", openAbove: 0.5, clearBelow: 0.8 } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fieldErrors).toEqual({ clearBelow: ["Filling level: 'Clears below' must be at most 'Opens at or above' (50 %)"] });
    const wrongMetric = await t.app.request(`/api/rules/waste.bin-full`, {
      method: "PUT",
      cookie: t.cookies.supervisor,
      body: { version: 0, params: { metric: "speedShare", openAbove: 0.5, clearBelow: 0.3 } },
    });
    expect(wrongMetric.status).toBe(400);
    expect(
      (await t.app.request(`/api/rules/no.such-rule`, { method: "PUT", cookie: t.cookies.supervisor, body: { version: 0 } })).status,
    ).toBe(404);

    const change = { version: 0, sustainSeconds: 0, params: { metric: "fillingLevel", openAbove: 0.5, clearBelow: 0.3 } };
    const saved = await t.app.request(`/api/rules/waste.bin-full`, { method: "PUT", cookie: t.cookies.supervisor, body: change });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      version: 1,
      updatedBy: { id: t.ids.supervisor },
      rule: { sustainSeconds: 0, params: { openAbove: 0.5 }, name: "Bin full" },
    });
    const stale = await t.app.request(`/api/rules/waste.bin-full`, { method: "PUT", cookie: t.cookies.supervisor, body: change });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 1 });

    await source().push("city.waste", [half()]);
    await t.app.city.alerts!.flush();
    expect(await binFull()).toMatchObject([{ severity: "warning", value: 0.6, ruleName: "Bin full" }]);

    const audit = await t.auditFor("waste.bin-full");
    expect(audit).toMatchObject([
      {
        action: "rule.updated",
        actorId: t.ids.supervisor,
        before: { version: 0, params: { openAbove: 0.9 } },
        after: { version: 1, params: { openAbove: 0.5 } },
      },
    ]);
  });
});
