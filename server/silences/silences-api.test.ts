import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import { type TCreateSilenceRequest, type TSilence, ZSilence, ZSilenceList } from "@/lib/contracts/silences";
import { persistSignals } from "@/server/alerts/persist-signals";
import { withAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { NO_ZONE } from "@/lib/contracts/zones";
import { waitFor } from "@/test/wait-for";

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
let counter = 0;
/** An entity id of its own per test: silences stay in the database between tests of a file. */
const freshEntity = () => `silence-test-${process.pid}-${++counter}`;

/** Silences through the real routes, sessions and database: roles, audit, their effect on alerts and escalation. */
describe.each(TEST_BACKENDS)("silences ($kind)", async (backend) => {
  let t: TAlertsTestApp;

  withAlertsTestApp(
    backend,
    (app) => {
      t = app;
    },
    { domains: await declaredDomainsOn() },
  );

  const oneHour = (matchers: TCreateSilenceRequest["matchers"], reason = "Bin replacement"): TCreateSilenceRequest => ({
    matchers,
    window: { kind: "once", startsAt: iso(Date.now() - MINUTE), endsAt: iso(Date.now() + 60 * MINUTE) },
    reason,
  });
  const create = async (body: TCreateSilenceRequest, cookie = t.cookies.supervisor): Promise<TSilence> => {
    const response = await t.app.request("/api/silences", { body, cookie });
    expect(response.status, response.text).toBe(201);
    return ZSilence.parse(response.body);
  };
  /** A zone drawn far from the city (it places none of its alerts), so a silence may name it. */
  const drawZone = async (name: string) => {
    const ring: [number, number][] = [
      [10, 10],
      [10.01, 10],
      [10.01, 10.01],
      [10, 10],
    ];
    const body = { name, kind: "maintenanceArea", geometry: { type: "Polygon", coordinates: [ring] } };
    const response = await t.app.request("/api/zones", { body, cookie: t.cookies.admin });
    expect(response.status, response.text).toBe(201);
  };
  const readAlert = async (id: string) => (await t.app.request(`/api/alerts/${id}`, { cookie: t.cookies.operator })).body as TAlert;

  it("lets supervisors and admins create and cancel (audited), and operators only read", async () => {
    const entityId = freshEntity();
    const silence = await create(oneHour({ entityId, domain: "waste" }));
    expect(silence).toMatchObject({ matchers: { entityId, domain: "waste" }, reason: "Bin replacement", cancelledAt: null });
    const byAdmin = await create(
      {
        matchers: { zone: "Central" },
        window: { kind: "recurring", days: [1, 2, 3, 4, 5], from: "22:00", to: "06:00", until: iso(Date.now() + 7 * 24 * 60 * MINUTE) },
        reason: "Night works",
      },
      t.cookies.admin,
    );
    // No time zone given: the city's.
    expect(byAdmin.window).toMatchObject({ kind: "recurring", timeZone: expect.any(String) });

    const operatorList = await t.app.request("/api/silences", { cookie: t.cookies.operator });
    expect(operatorList.status).toBe(200);
    const listed = ZSilenceList.parse(operatorList.body);
    expect(listed.silences.map((s) => s.id)).toEqual(expect.arrayContaining([silence.id, byAdmin.id]));
    expect(listed.defaultTimeZone).toBe((byAdmin.window as { timeZone: string }).timeZone);
    expect((await t.app.request("/api/silences", { cookie: t.cookies.operator, body: oneHour({ entityId }) })).status).toBe(403);
    expect((await t.app.request(`/api/silences/${silence.id}/cancel`, { cookie: t.cookies.operator, body: {} })).status).toBe(403);

    const cancelled = await t.app.request(`/api/silences/${silence.id}/cancel`, { cookie: t.cookies.admin, body: {} });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(ZSilence.parse(cancelled.body)).toMatchObject({ cancelledAt: expect.any(String), cancelledBy: { id: t.ids.admin } });
    expect((await t.app.request(`/api/silences/${silence.id}/cancel`, { cookie: t.cookies.admin, body: {} })).status).toBe(409);
    // Recently ended silences stay listed, cancelled.
    const after = ZSilenceList.parse((await t.app.request("/api/silences", { cookie: t.cookies.operator })).body);
    expect(after.silences.find((s) => s.id === silence.id)?.cancelledAt).toEqual(expect.any(String));

    const audit = await t.auditFor(silence.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ["silence.created", t.ids.supervisor],
      ["silence.cancelled", t.ids.admin],
    ]);
    expect(audit[0].after).toMatchObject({ matchers: { entityId, domain: "waste" }, reason: "Bin replacement" });
  });

  it.each([
    ["no matcher", { ...oneHour({}) }],
    ["no reason", { ...oneHour({ domain: "waste" }), reason: "  " }],
    ["an end before the start", { ...oneHour({ domain: "waste" }), window: { kind: "once", startsAt: iso(2000), endsAt: iso(1000) } }],
    ["an end in the past", { ...oneHour({ domain: "waste" }), window: { kind: "once", startsAt: iso(1000), endsAt: iso(2000) } }],
    [
      "an unknown time zone",
      {
        ...oneHour({ domain: "waste" }),
        window: { kind: "recurring", days: [1], from: "08:00", to: "09:00", timeZone: "Mars/Olympus", until: iso(Date.now() + MINUTE) },
      },
    ],
  ])("refuses a silence with %s (400, nothing stored)", async (_, body) => {
    const before = await t.app.db.prisma.silence.count();
    const response = await t.app.request("/api/silences", { body, cookie: t.cookies.supervisor });
    expect(response.status, response.text).toBe(400);
    expect(await t.app.db.prisma.silence.count()).toBe(before);
  });

  it("silences the open alerts a new silence covers, pushes them and puts it on their timeline", async () => {
    const entityId = freshEntity();
    const covered = await t.seedAlert({ entityId, domain: "waste" });
    const acknowledged = await t.seedAlert({ entityId, domain: "waste", severity: "major" });
    expect(
      (await t.app.request(`/api/alerts/${acknowledged.id}/acknowledge`, { cookie: t.cookies.operator, body: { version: 0 } })).status,
    ).toBe(200);
    const elsewhere = await t.seedAlert({ entityId: freshEntity(), domain: "waste" });
    const received: TAlert[] = [];
    const socket = t.app.socket(t.cookies.operator);
    socket.on("alert:upsert", (a) => received.push(a));
    expect(await socketOutcome(socket)).toEqual({ connected: true });

    const silence = await create(oneHour({ entityId }, "Sensor being replaced"));
    const expected = { id: silence.id, reason: "Sensor being replaced", endsAt: silence.endsAt };
    expect(await readAlert(covered.id)).toMatchObject({ silenced: expected, version: 0 });
    expect(await readAlert(acknowledged.id)).toMatchObject({ silenced: expected, status: "acknowledged" });
    expect((await readAlert(elsewhere.id)).silenced).toBeNull();
    await waitFor(
      () => received.some((a) => a.id === covered.id && a.silenced?.id === silence.id),
      "the operator's socket hears the alert is silenced",
    );
    socket.disconnect();

    const timeline = await t.auditFor(covered.id);
    expect(timeline.map((e) => e.action)).toEqual(["alert.raised", "alert.silenced"]);
    expect(timeline[1]).toMatchObject({ actorId: t.ids.supervisor, after: { silenced: expected } });
  });

  it("stores an alert raised under a silence silenced, never escalates it, and keeps it silenced after the silence ends", async () => {
    const entityId = freshEntity();
    const silence = await create(oneHour({ entityId, ruleId: "waste.bin-burning" }, "Fire drill"));
    const old = iso(Date.now() - 10 * MINUTE);
    const quiet = await t.seedAlert({ entityId, startedAt: old, lastSeenAt: old });
    const loud = await t.seedAlert({ entityId: freshEntity(), startedAt: old, lastSeenAt: old });
    expect(quiet.silenced).toMatchObject({ id: silence.id, reason: "Fire drill" });
    expect((await t.auditFor(quiet.id)).map((e) => e.action)).toEqual(["alert.raised", "alert.silenced"]);

    await t.app.city.alerts!.escalate(new Date());
    expect((await readAlert(quiet.id)).escalated).toBe(false);
    expect((await readAlert(loud.id)).escalated).toBe(true);

    expect((await t.app.request(`/api/silences/${silence.id}/cancel`, { cookie: t.cookies.supervisor, body: {} })).status).toBe(200);
    expect((await readAlert(quiet.id)).silenced?.id).toBe(silence.id);
    const afterwards = await t.seedAlert({ entityId, startedAt: old, lastSeenAt: old });
    expect(afterwards.silenced).toBeNull();
    await t.app.city.alerts!.escalate(new Date());
    expect((await readAlert(afterwards.id)).escalated).toBe(true);
    expect((await readAlert(quiet.id)).escalated).toBe(false);
  });

  it("matches a recurring window on the clock it is given (no waiting)", async () => {
    const entityId = freshEntity();
    await create({
      matchers: { entityId },
      window: {
        kind: "recurring",
        days: [0, 1, 2, 3, 4, 5, 6],
        from: "02:00",
        to: "04:00",
        timeZone: "UTC",
        until: iso(Date.now() + 2 * 24 * 60 * MINUTE),
      },
      reason: "Nightly recalibration",
    });
    const today = new Date();
    const at = (hour: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, hour, 30));
    const deps = (now: Date) => ({
      prisma: t.app.db.prisma,
      ruleName: (id: string) => id,
      locate: () => ({ lon: 0, lat: 0, zone: entityId }),
      now: () => now,
    });
    const [inside] = await persistSignals(deps(at(3)), [t.signal({ entityId })]);
    const [outside] = await persistSignals(deps(at(4)), [t.signal({ entityId })]);
    expect(inside.silenced).toMatchObject({ reason: "Nightly recalibration", endsAt: at(4).toISOString().replace(":30:", ":00:") });
    expect(outside.silenced).toBeNull();
  });

  it("silences a declared domain's alerts by their domain, and no other domain's", async () => {
    const silence = await create(oneHour({ domain: "water-network" }, "Mains flushing"));
    expect(silence.matchers).toEqual({ domain: "water-network" });
    const leak = await t.seedAlert({ entityId: freshEntity(), domain: "water-network", ruleId: "water-network.pressure-drop" });
    const bin = await t.seedAlert({ entityId: freshEntity(), domain: "waste" });
    expect(leak.silenced).toMatchObject({ id: silence.id, reason: "Mains flushing" });
    expect(bin.silenced).toBeNull();
    expect((await t.app.request(`/api/silences/${silence.id}/cancel`, { cookie: t.cookies.supervisor, body: {} })).status).toBe(200);
  });

  it("matches a silence's zone against the alert's zone name", async () => {
    const zone = `Test zone ${freshEntity()}`;
    await drawZone(zone);
    await create(oneHour({ zone }, "Street festival"));
    const deps = (z: string) => ({ prisma: t.app.db.prisma, ruleName: (id: string) => id, locate: () => ({ lon: 0, lat: 0, zone: z }) });
    const [inZone] = await persistSignals(deps(zone), [t.signal({ entityId: freshEntity() })]);
    const [outOfZone] = await persistSignals(deps(`${zone} (not)`), [t.signal({ entityId: freshEntity() })]);
    expect(inZone.silenced?.reason).toBe("Street festival");
    expect(outOfZone.silenced).toBeNull();
  });

  it("refuses a domain this city does not have (400), naming it and the domains to choose from", async () => {
    const before = await t.app.db.prisma.silence.count();
    const response = await t.app.request("/api/silences", { body: oneHour({ domain: "air-qualty" }), cookie: t.cookies.supervisor });
    expect(response.status, response.text).toBe(400);
    expect(response.body.error).toBe(
      'Unknown domain "air-qualty": choose one of Traffic, Parking, Waste, Energy grid, Units, Air quality, Street lighting, Water network',
    );
    expect(await t.app.db.prisma.silence.count()).toBe(before);
  });

  it("takes every domain of the catalog, built-in and declared, and refuses any other name", async () => {
    const known = t.app.city.domains.catalog.entries.map((entry) => entry.id);
    for (const domain of known) await create(oneHour({ domain, entityId: freshEntity() }));
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z][a-z0-9-]{1,39}$/).filter((id) => !known.includes(id)),
        async (domain) => {
          const response = await t.app.request("/api/silences", { body: oneHour({ domain }), cookie: t.cookies.supervisor });
          expect(response.status, response.text).toBe(400);
          expect(response.body.error).toContain(`Unknown domain "${domain}"`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("refuses a zone that is not in use (400, naming it), and takes a drawn zone and No zone", async () => {
    const zone = `Festival ground ${freshEntity()}`;
    const refused = await t.app.request("/api/silences", { body: oneHour({ zone }), cookie: t.cookies.supervisor });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.error).toMatch(new RegExp(`^Unknown zone "${zone}": choose one of .*Central`));
    await drawZone(zone);
    expect((await create(oneHour({ zone }))).matchers.zone).toBe(zone);
    expect((await create(oneHour({ zone: NO_ZONE }))).matchers.zone).toBe(NO_ZONE);
  });
});
