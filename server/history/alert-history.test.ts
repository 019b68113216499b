import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAlertHistoryPage } from "@/lib/contracts/history";
import type { TAlert } from "@/lib/contracts/alerts";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { walkPages } from "@/test/fixtures/history-incidents";

/** /api/history/alerts through the real route: orders, keyset paging, filters. */
describe.each(TEST_BACKENDS)("alert history ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let alerts: TAlert[];

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db);
    const at = (minute: number) => new Date(Date.parse("2025-02-01T12:00:00.000Z") + minute * 60_000).toISOString();
    const seed = (minute: number, over: Parameters<TAlertsTestApp["seedAlert"]>[0]) =>
      t.seedAlert({ at: at(minute), startedAt: at(minute), lastSeenAt: at(minute), ...over });
    alerts = [
      await seed(0, { domain: "waste", ruleId: "waste.bin-burning", severity: "critical", message: "Bin reports burning" }),
      await seed(1, {
        domain: "traffic",
        ruleId: "traffic.jam",
        entityId: "seg-1",
        severity: "major",
        message: "Speed 8 km/h, 20% of free flow",
      }),
      await seed(1, { domain: "parking", ruleId: "parking.full", entityId: "lot-1", severity: "warning", message: "Lot 100% full" }),
      await seed(2, { domain: "waste", ruleId: "waste.bin-full", severity: "minor", message: "Bin 95% full" }),
      await seed(3, {
        domain: "energy",
        ruleId: "energy.overload",
        entityId: "sub-1",
        severity: "critical",
        message: "Substation at 104% of capacity",
      }),
    ];
    const acknowledged = await t.app.request(`/api/alerts/${alerts[3].id}/acknowledge`, {
      body: { version: 0 },
      cookie: t.cookies.operator,
    });
    expect(acknowledged.status, acknowledged.text).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  const page = async (query: string) => {
    const response = await t.app.request(`/api/history/alerts?${query}`, { cookie: t.cookies.supervisor });
    expect(response.status, response.text).toBe(200);
    return response.body as TAlertHistoryPage;
  };
  const found = async (query: string) => (await page(`sort=oldest&${query}`)).rows.map((r) => r.id);
  const ids = (indexes: number[]) => indexes.map((i) => alerts[i].id);
  const tie = (a: number, b: number) => (alerts[a].id > alerts[b].id ? [a, b] : [b, a]);

  it("pages through every order two rows at a time", async () => {
    const walk = async (sort: string) =>
      (await walkPages((cursor) => page(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`))).rows.map((r) => r.id);
    // Alerts 1 and 2 started in the same minute: the id breaks the tie.
    expect(await walk("newest")).toEqual(ids([4, 3, ...tie(1, 2), 0]));
    expect(await walk("oldest")).toEqual(ids([0, ...tie(1, 2).reverse(), 3, 4]));
    expect(await walk("severity")).toEqual(ids([4, 0, 1, 3, 2]));
  });

  it("filters by range, domain, severity, status, zone, operator and words of the message or rule", async () => {
    expect(await found("")).toHaveLength(5);
    expect(await found("from=2025-02-01T12:01:00Z&to=2025-02-01T12:03:00Z")).toEqual(ids(tie(1, 2).reverse().concat(3)));
    expect(await found("domain=waste,energy")).toEqual(ids([0, 3, 4]));
    expect(await found("severity=critical")).toEqual(ids([0, 4]));
    expect(await found("status=acknowledged")).toEqual(ids([3]));
    expect(await found(`operator=${t.ids.operator}`)).toEqual(ids([3]));
    expect(await found(`zone=${encodeURIComponent(alerts[4].zone)}`)).toEqual(
      ids(alerts.flatMap((a, i) => (a.zone === alerts[4].zone ? [i] : []))),
    );
    expect(await found("q=BURN")).toEqual(ids([0]));
    expect(await found("q=bin%20full")).toEqual(ids([3]));
    expect(await found("q=overload")).toEqual(ids([4])); // the rule name
    expect(await found("q=100%25")).toEqual(ids([2])); // % is a character, not a wildcard
    expect(await found("q=_")).toEqual([]);
  });

  it("filters by a declared domain like a built-in one", async () => {
    const leak = await t.seedAlert({
      domain: "water-network",
      ruleId: "water-network.pressure-drop",
      entityId: "wm-1",
      at: "2025-02-01T12:04:00.000Z",
      startedAt: "2025-02-01T12:04:00.000Z",
      lastSeenAt: "2025-02-01T12:04:00.000Z",
    });
    expect(await found("domain=water-network")).toEqual([leak.id]);
    expect(await found("domain=water-network,energy")).toEqual([alerts[4].id, leak.id]);
    expect(await found("domain=air-quality")).toEqual([]);
  });

  it("returns the alert's fields, and refuses an incident cursor", async () => {
    const [row] = (await page("severity=minor")).rows;
    expect(row).toEqual({
      id: alerts[3].id,
      ruleId: "waste.bin-full",
      ruleName: "Rule waste.bin-full",
      domain: "waste",
      entityId: "bin-1",
      severity: "minor",
      status: "acknowledged",
      message: "Bin 95% full",
      zone: alerts[3].zone,
      location: alerts[3].location,
      firstSeenAt: "2025-02-01T12:02:00.000Z",
      acknowledgedAt: expect.any(String),
      resolvedAt: null,
      incidentId: null,
    });
    const cursor = Buffer.from(JSON.stringify(["incidents:newest", "2025-02-01T12:02:00.000Z", alerts[3].id])).toString("base64url");
    expect((await t.app.request(`/api/history/alerts?cursor=${cursor}`, { cookie: t.cookies.supervisor })).status).toBe(400);
  });
});
