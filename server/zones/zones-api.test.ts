import { describe, expect, it } from "vitest";
import { ZAlertList } from "@/lib/contracts/alerts";
import { type TZone, type TZoneGeometry, ZZone, ZZoneHistory, ZZoneImportResult, ZZoneList } from "@/lib/contracts/zones";
import { ZONE_NAMES } from "@/lib/zones";
import { type TAlertsTestApp, withAlertsTestApp } from "@/test/fixtures/alerts";
import { socketOutcome } from "@/test/fixtures/test-app";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waitFor } from "@/test/wait-for";

const square = (lon: number, lat: number, half = 0.0005): TZoneGeometry => ({
  type: "Polygon",
  coordinates: [
    [
      [lon - half, lat - half],
      [lon + half, lat - half],
      [lon + half, lat + half],
      [lon - half, lat + half],
      [lon - half, lat - half],
    ],
  ],
});
const feature = (name: unknown, geometry: unknown, properties: Record<string, unknown> = {}) => ({
  type: "Feature",
  properties: { name, ...properties },
  geometry,
});

/** Zones through their routes: versioned changes with revisions and audit, GeoJSON import, and the live index. */
describe.each(TEST_BACKENDS)("zone routes ($kind)", (backend) => {
  let t: TAlertsTestApp;
  withAlertsTestApp(backend, (app) => {
    t = app;
  });
  const list = async (cookie = t.cookies.admin) => ZZoneList.parse((await t.app.request("/api/zones", { cookie })).body).zones;
  const create = (body: unknown) => t.app.request("/api/zones", { cookie: t.cookies.admin, body });
  const patch = (id: string, body: unknown) => t.app.request(`/api/zones/${id}`, { method: "PATCH", cookie: t.cookies.admin, body });
  const importFile = (body: unknown) => t.app.request("/api/zones/import", { cookie: t.cookies.admin, body });

  it("starts with the old grid's nine districts, for every signed-in role", async () => {
    for (const cookie of Object.values(t.cookies)) {
      const zones = await list(cookie);
      expect(
        zones
          .filter((z) => z.kind === "district")
          .map((z) => z.name)
          .sort(),
      ).toEqual([...ZONE_NAMES].sort());
    }
  });

  it("creates, updates and removes a zone with version checks, revisions and audit, and tells browsers", async () => {
    const socket = t.app.socket(t.cookies.field);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    let pushes = 0;
    socket.on("zones:changed", () => pushes++);

    const created = await create({ name: "Harbour", kind: "policeBeat", geometry: square(-85.63, 41.94) });
    expect(created.status, created.text).toBe(201);
    const zone: TZone = ZZone.parse(created.body);
    expect(zone).toMatchObject({ name: "Harbour", kind: "policeBeat", version: 1, updatedBy: { id: t.ids.admin } });
    await waitFor(() => pushes === 1, "the field crew's browser is told zones changed");

    expect((await create({ name: "Harbour", kind: "policeBeat", geometry: square(-85.6, 41.9) })).status).toBe(409);
    const otherKind = await create({ name: "Harbour", kind: "fireArea", geometry: square(-85.6, 41.9) });
    expect(otherKind.status, otherKind.text).toBe(201);

    const stale = await patch(zone.id, { version: 0, name: "Old Harbour" });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: zone.id, version: 1, name: "Harbour" });
    const renamed = await patch(zone.id, { version: 1, name: "Old Harbour", geometry: square(-85.631, 41.94) });
    expect(renamed.status, renamed.text).toBe(200);
    expect(ZZone.parse(renamed.body)).toMatchObject({ name: "Old Harbour", version: 2 });
    expect((await patch(zone.id, { version: 2, kind: "fireArea", name: "Harbour" })).status).toBe(409); // the fire area has it
    expect((await patch(zone.id, { version: 2, name: "Old Harbour" })).body.version).toBe(2); // nothing changed, nothing written

    const remove = (version: number) => t.app.request(`/api/zones/${zone.id}/remove`, { cookie: t.cookies.admin, body: { version } });
    expect((await remove(1)).status).toBe(409);
    expect((await remove(2)).status).toBe(200);
    expect((await list()).some((z) => z.id === zone.id)).toBe(false);
    expect((await patch(zone.id, { version: 3, name: "Back" })).status).toBe(404);
    expect((await remove(3)).status).toBe(404);
    // Its name is free again within its kind.
    expect((await create({ name: "Old Harbour", kind: "policeBeat", geometry: square(-85.63, 41.94) })).status).toBe(201);

    const history = await t.app.request(`/api/zones/${zone.id}/history`, { cookie: t.cookies.supervisor });
    expect(history.status, history.text).toBe(200);
    const { revisions } = ZZoneHistory.parse(history.body);
    expect(revisions.map((r) => [r.version, r.change, r.name])).toEqual([
      [3, "removed", "Old Harbour"],
      [2, "updated", "Old Harbour"],
      [1, "created", "Harbour"],
    ]);
    expect(revisions[0].changedBy?.id).toBe(t.ids.admin);
    expect(revisions[2].geometry).toEqual(square(-85.63, 41.94));
    expect((await t.app.request(`/api/zones/not-a-uuid/history`, { cookie: t.cookies.admin })).status).toBe(404);

    const audit = await t.auditFor(zone.id);
    expect(audit.map((e) => e.action)).toEqual(["zone.created", "zone.updated", "zone.removed"]);
    expect(audit.every((e) => e.actorId === t.ids.admin)).toBe(true);
    await waitFor(() => pushes === 5, "one push per committed change (3 creates, 1 update, 1 removal)");
    socket.disconnect();
  });

  it("imports a file: dry run first (nothing stored), then creates and replaces by name and kind", async () => {
    const central = (await list()).find((z) => z.name === "Central" && z.kind === "district")!;
    const featureCollection = {
      type: "FeatureCollection",
      features: [
        feature("Central", square(-85.635, 41.9415, 0.002)), // replaces the grid cell's area
        feature("Riverside", square(-85.636, 41.941)),
        feature("North", (await list()).find((z) => z.name === "North")!.geometry), // same area
        feature("Beat 7", square(-85.633, 41.94), { kind: "policeBeat" }),
      ],
    };
    const dry = await importFile({ kind: "district", dryRun: true, featureCollection });
    expect(dry.status, dry.text).toBe(200);
    expect(ZZoneImportResult.parse(dry.body)).toEqual({
      dryRun: true,
      created: ["Riverside", "Beat 7"],
      updated: ["Central"],
      unchanged: ["North"],
      errors: [],
    });
    expect((await list()).find((z) => z.id === central.id)).toEqual(central);
    expect((await list()).some((z) => z.name === "Riverside")).toBe(false);

    const done = await importFile({ kind: "district", dryRun: false, featureCollection });
    expect(done.body).toMatchObject({ dryRun: false, created: ["Riverside", "Beat 7"], updated: ["Central"], unchanged: ["North"] });
    const after = await list();
    expect(after.find((z) => z.id === central.id)).toMatchObject({
      version: central.version + 1,
      geometry: square(-85.635, 41.9415, 0.002),
    });
    expect(after.find((z) => z.name === "Beat 7")?.kind).toBe("policeBeat");
    const page = (await t.app.request("/api/audit?action=zone.imported&limit=5", { cookie: t.cookies.admin })).body;
    expect(page.entries[0]).toMatchObject({ action: "zone.imported", actorId: t.ids.admin });
    expect(t.app.city.zones!.zoneOf([-85.636, 41.941])).toBe("Riverside"); // inside Central too: the smaller wins
  });

  it("refuses a file with bad features, naming each by its place in the file, and stores nothing", async () => {
    const before = await list();
    const response = await importFile({
      kind: "district",
      dryRun: false,
      featureCollection: {
        type: "FeatureCollection",
        features: [
          feature("Fine", square(-85.6, 41.9)),
          feature("", square(-85.6, 41.9)),
          feature("Open ring", {
            type: "Polygon",
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 1],
              ],
            ],
          }),
          feature("Odd kind", square(-85.6, 41.9), { kind: "parish" }),
          "not a feature",
          feature("Fine", square(-85.6, 41.9)),
          feature("Far", { type: "Point", coordinates: [0, 0] }),
        ],
      },
    });
    expect(response.status, response.text).toBe(200);
    const result = ZZoneImportResult.parse(response.body);
    expect(result.errors.map((e) => [e.feature, e.field])).toEqual([
      [2, "properties.name"],
      [3, "geometry.coordinates.0"],
      [4, "properties.kind"],
      [5, "type"],
      [6, "properties.name"],
      [7, "geometry.type"],
    ]);
    expect(result).toMatchObject({ created: [], updated: [], unchanged: [] });
    expect(await list()).toEqual(before);
  });

  it("places an alert raised inside a zone drawn through the route in that zone", async () => {
    const drawn = await create({ name: "Bin Corner", kind: "maintenanceArea", geometry: square(-85.635, 41.938, 0.0002) });
    expect(drawn.status, drawn.text).toBe(201);
    const source = t.app.city.source as unknown as { push(topic: string, values: unknown[]): Promise<void> };
    const observedAt = new Date(Date.now() - 1_000).toISOString();
    await source.push("city.waste", [
      {
        id: `bin-2@${observedAt}`,
        entityId: "bin-2",
        observedAt,
        type: "WasteContainer",
        fillingLevel: 0.3,
        status: "burning",
        temperature: 80,
      },
    ]);
    await t.app.city.alerts!.flush();
    const alert = await waitFor(async () => {
      const alerts = ZAlertList.parse((await t.app.request("/api/alerts", { cookie: t.cookies.operator })).body);
      return alerts.find((a) => a.entityId === "bin-2");
    }, "the burning bin's alert");
    expect(alert.zone).toBe("Bin Corner");
  });
});
