import { describe, expect, it } from "vitest";
import type { TAlert, TAlertGroupActionResponse } from "@/lib/contracts/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";

/** Group acknowledge / resolve through the real route: per-alert version checks, per-alert audit, the rest applied. */
describe.each(TEST_BACKENDS)("alert group actions ($kind)", (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(backend, (app) => {
    t = app;
  });

  async function seedGroup(size: number, groupId: string): Promise<TAlert[]> {
    const alerts = [];
    for (let i = 0; i < size; i++) alerts.push(await t.seedAlert({ entityId: i % 2 ? "bin-1" : "bin-2" }));
    await t.app.db.prisma.alert.updateMany({ where: { id: { in: alerts.map((a) => a.id) } }, data: { correlationGroup: groupId } });
    return alerts.map((a) => ({ ...a, correlationGroup: groupId }));
  }

  const groupAction = (body: unknown, cookie = t.cookies.operator) => t.app.request("/api/alerts/group-action", { body, cookie });

  it("acknowledges every alert of a group in one request, one audit row each", async () => {
    const group = await seedGroup(4, `group-ack-${Date.now()}`);
    const response = await groupAction({
      action: "acknowledge",
      groupId: group[0].correlationGroup,
      alerts: group.map((a) => ({ id: a.id, version: a.version })),
    });
    expect(response.status, response.text).toBe(200);
    const body = response.body as TAlertGroupActionResponse;
    expect(body.conflicts).toEqual([]);
    expect(body.applied.map((a) => [a.id, a.status, a.version])).toEqual(group.map((a) => [a.id, "acknowledged", 1]));
    for (const alert of group) expect((await t.auditFor(alert.id)).filter((e) => e.action === "alert.acknowledged")).toHaveLength(1);
  });

  it("reports a stale version or a member that left the group per alert, and applies the rest", async () => {
    const groupId = `group-resolve-${Date.now()}`;
    const [stale, left, ok] = await seedGroup(3, groupId);
    expect(
      (await t.app.request(`/api/alerts/${stale.id}/acknowledge`, { body: { version: 0 }, cookie: t.cookies.supervisor })).status,
    ).toBe(200);
    await t.app.db.prisma.alert.update({ where: { id: left.id }, data: { correlationGroup: null } });
    const response = await groupAction({
      action: "resolve",
      groupId,
      reason: "Fire brigade cleared the block",
      alerts: [stale, left, ok].map((a) => ({ id: a.id, version: a.version })),
    });
    expect(response.status, response.text).toBe(200);
    const body = response.body as TAlertGroupActionResponse;
    expect(body.applied.map((a) => [a.id, a.status, a.resolution])).toEqual([[ok.id, "resolved", "Fire brigade cleared the block"]]);
    expect(body.conflicts).toEqual([
      {
        alertId: stale.id,
        error: expect.stringContaining("changed by someone else"),
        current: expect.objectContaining({ status: "acknowledged", version: 1 }),
      },
      { alertId: left.id, error: "The alert is no longer in this group", current: null },
    ]);
    expect((await t.auditFor(left.id)).map((e) => e.action)).not.toContain("alert.resolved");
    expect((await t.auditFor(ok.id)).map((e) => e.action)).toContain("alert.resolved");
  });

  it("validates the body and refuses field crews", async () => {
    const [alert] = await seedGroup(1, "group-validate");
    expect((await groupAction({ action: "resolve", groupId: "group-validate", alerts: [{ id: alert.id, version: 0 }] })).status).toBe(400);
    expect((await groupAction({ action: "acknowledge", groupId: "group-validate", alerts: [] })).status).toBe(400);
    const field = await groupAction(
      { action: "acknowledge", groupId: "group-validate", alerts: [{ id: alert.id, version: 0 }] },
      t.cookies.field,
    );
    expect(field.status).toBe(403);
  });
});
