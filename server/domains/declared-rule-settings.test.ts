import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TRuleSetting } from "@/lib/contracts/rules";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { loadRuleSettings } from "@/server/rule-engine/load-rules";

const RULE = "water-network.pressure-drop";
const postgres = TEST_BACKENDS.find((b) => b.kind === "postgres")!;

/** A declared domain's rule tuned on /rules like a built-in one: listed, validated, stored, audited, applied by the running engine, reset. */
describe("declared rules through the settings API", async () => {
  const domains = await declaredDomainsOn();
  const meter = domains.byId.get("water-network")!.entities[0]!.id;
  let t: TAlertsTestApp;
  withAlertsTestApp(
    postgres,
    (app) => {
      t = app;
    },
    { domains },
  );

  const setting = async () =>
    ((await t.app.request("/api/rules", { cookie: t.cookies.operator })).body as TRuleSetting[]).find((s) => s.rule.id === RULE)!;
  const put = (body: unknown) => t.app.request(`/api/rules/${RULE}`, { method: "PUT", cookie: t.cookies.supervisor, body });
  /** A reading of the district meter, then the alerts it left open (written and pushed first). */
  const read = async (observedAt: string, pressure: number): Promise<TAlert[]> => {
    t.app.city.cityState.applyDeclared("water-network", {
      id: observedAt,
      entityId: meter,
      observedAt,
      type: "WaterObserved",
      pressure,
      flow: 90,
    });
    await t.app.city.alerts!.flush();
    const alerts = (await t.app.request(`/api/alerts?domain=water-network`, { cookie: t.cookies.operator })).body as TAlert[];
    return alerts.filter((a) => a.ruleId === RULE && a.conditionClearedAt === null);
  };

  it("lists the definition's rule with its description filled in, and refuses crossed or out-of-range thresholds in the form's words and the field's unit", async () => {
    const before = await setting();
    expect(before).toMatchObject({ version: 0, isDefault: true, updatedBy: null });
    expect(before.rule).toMatchObject({
      domain: "water-network",
      name: "Pressure drop (suspected leak)",
      kind: "threshold",
      params: { metric: "pressure", openBelow: 2, clearAbove: 2.5 },
      description: "District pressure below 2 bar for 2 min; clears above 2.5 bar.",
    });
    const crossed = await put({ version: 0, params: { metric: "pressure", openBelow: 3, clearAbove: 2.8 } });
    expect(crossed.status).toBe(400);
    expect(crossed.body.fieldErrors).toEqual({ clearAbove: ["Pressure: 'Clears above' must be at least 'Opens below' (3 bar)"] });
    const outOfRange = await put({ version: 0, params: { metric: "pressure", openBelow: 20, clearAbove: 25 } });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.fieldErrors).toEqual({
      openBelow: ["Pressure: 'Opens below' must be between 0 and 16 bar"],
      clearAbove: ["Pressure: 'Clears above' must be between 0 and 16 bar"],
    });
    expect((await setting()).version).toBe(0);
  });

  it("stores a supervisor's values, which the running engine applies at once, then resets to the definition's (audited)", async () => {
    const t0 = Date.parse("2026-12-03T10:00:00Z");
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    // At the definition's 2 bar, 2.8 bar is normal pressure.
    expect(await read(at(0), 2.8)).toEqual([]);

    const saved = await put({ version: 0, sustainSeconds: 0, params: { metric: "pressure", openBelow: 3, clearAbove: 3.2 } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, isDefault: false, updatedBy: { id: t.ids.supervisor } });
    expect(saved.body.rule.description).toBe("District pressure below 3 bar for 0 s; clears above 3.2 bar.");
    expect((await setting()).rule.params).toEqual({ metric: "pressure", openBelow: 3, clearAbove: 3.2 });

    const [opened] = await read(at(1), 2.8);
    expect(opened).toMatchObject({ domain: "water-network", entityId: meter, severity: "major", value: 2.8 });

    const reset = await t.app.request(`/api/rules/${RULE}/reset`, { method: "POST", cookie: t.cookies.supervisor, body: { version: 1 } });
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toMatchObject({ version: 2, isDefault: true });
    expect(reset.body.rule.params).toEqual({ metric: "pressure", openBelow: 2, clearAbove: 2.5 });
    const openBelow = (side: unknown) => (side as { params?: { openBelow?: number } } | null)?.params?.openBelow;
    expect((await t.auditFor(RULE)).map((e) => [e.action, openBelow(e.before), openBelow(e.after)])).toEqual([
      ["rule.updated", 2, 3],
      ["rule.reset", 3, 2],
    ]);
  });

  it("keeps a stored override only while its definition has the rule in that shape", async () => {
    const current = await setting();
    // The definition now reads another field than the stored row: the row's values no longer apply.
    await t.app.db.prisma.ruleSetting.update({
      where: { id: RULE },
      data: { definition: { ...current.rule, params: { metric: "flow", openBelow: 10, clearAbove: 20 } } },
    });
    const [kept] = (await loadRuleSettings(t.app.db.prisma, domains.rules)).filter((s) => s.rule.id === RULE);
    expect(kept).toMatchObject({ version: current.version, isDefault: true, rule: { params: { metric: "pressure", openBelow: 2 } } });
  });
});
