import { describe, expect, it } from "vitest";
import type { TRuleSetting } from "@/lib/contracts/rules";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DEFAULT_RULES } from "./default-rules";

describe("built-in rule descriptions", () => {
  it("fill every placeholder with the value in force", () => {
    for (const rule of DEFAULT_RULES) expect(rule.description, rule.id).not.toMatch(/[{}]/);
    expect(DEFAULT_RULES.find((r) => r.id === "waste.bin-full")?.description).toBe(
      "Bin at least 90 % full; clears once emptied (under 50 %).",
    );
  });
});

/** Tuning a rule through the settings API as a supervisor sees it: readable refusals, descriptions, reset. */
describe.each(TEST_BACKENDS)("rule settings API ($kind)", (backend) => {
  let t: TAlertsTestApp;
  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  const binFull = async () =>
    ((await t.app.request("/api/rules", { cookie: t.cookies.supervisor })).body as TRuleSetting[]).find(
      (s) => s.rule.id === "waste.bin-full",
    )!;
  const put = (body: unknown) => t.app.request("/api/rules/waste.bin-full", { method: "PUT", cookie: t.cookies.supervisor, body });
  const reset = (body: unknown, id = "waste.bin-full") =>
    t.app.request(`/api/rules/${id}/reset`, { method: "POST", cookie: t.cookies.supervisor, body });

  it("refuses bad values in sentences that name the field as the form labels it, keyed by that field", async () => {
    const crossed = await put({ version: 0, params: { metric: "fillingLevel", openAbove: 0.9, clearBelow: 0.95 } });
    expect(crossed.status).toBe(400);
    expect(crossed.body.fieldErrors).toEqual({ clearBelow: ["Filling level: 'Clears below' must be at most 'Opens at or above' (90 %)"] });
    expect(crossed.body.error).not.toMatch(/clearBelow|openAbove/);

    const overfull = await put({ version: 0, params: { metric: "fillingLevel", openAbove: 1.2, clearBelow: 0.5 } });
    expect(overfull.status).toBe(400);
    expect(overfull.body.fieldErrors).toEqual({ openAbove: ["Filling level: 'Opens at or above' must be between 0 and 100 % full"] });

    const negative = await put({ version: 0, sustainSeconds: -5 });
    expect(negative.status).toBe(400);
    expect(negative.body.fieldErrors).toEqual({ sustainSeconds: ["Sustain can't be negative"] });

    const spike = await t.app.request("/api/rules/waste.temperature-spike", {
      method: "PUT",
      cookie: t.cookies.supervisor,
      body: { version: 0, params: { metric: "temperature", rise: 25, withinSeconds: 300, clearRise: 30 } },
    });
    expect(spike.body.fieldErrors).toEqual({ clearRise: ["Temperature: 'Clears within' must be less than 'Rise of more than' (25 °C)"] });
    expect((await binFull()).version).toBe(0);
  });

  it("describes a saved rule with its saved numbers, and resets it to the default, version-checked and audited", async () => {
    const before = await binFull();
    expect(before).toMatchObject({ version: 0, isDefault: true });

    const saved = await put({ version: 0, params: { metric: "fillingLevel", openAbove: 0.8, clearBelow: 0.4 } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, isDefault: false });
    expect(saved.body.rule.description).toBe("Bin at least 80 % full; clears once emptied (under 40 %).");
    expect((await binFull()).rule.description).toBe("Bin at least 80 % full; clears once emptied (under 40 %).");

    const stale = await reset({ version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ version: 1 });
    expect(
      (await t.app.request("/api/rules/waste.bin-full/reset", { method: "POST", cookie: t.cookies.operator, body: { version: 1 } })).status,
    ).toBe(403);
    expect((await reset({ version: 0 }, "no.such-rule")).status).toBe(404);

    const done = await reset({ version: 1 });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ version: 2, isDefault: true, updatedBy: { id: t.ids.supervisor } });
    expect(done.body.rule).toEqual(before.rule);

    // Already at its defaults: nothing to do, nothing audited.
    const again = await reset({ version: 2 });
    expect(again.body).toMatchObject({ version: 2, isDefault: true });

    // A browser still holding the version from before the first change cannot save over the reset.
    expect((await put({ version: 0, sustainSeconds: 5 })).status).toBe(409);

    expect((await t.auditFor("waste.bin-full")).map((e) => e.action)).toEqual(["rule.updated", "rule.reset"]);
    const [, resetEntry] = await t.auditFor("waste.bin-full");
    expect(resetEntry).toMatchObject({
      actorId: t.ids.supervisor,
      before: { version: 1, params: { openAbove: 0.8 } },
      after: { version: 2, params: { openAbove: 0.9 } },
    });
  });
});
