import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POINTS_LIMIT } from "@/lib/contracts/history";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { insertHistoryIncidents, type THistoryIncident } from "@/test/fixtures/history-incidents";
import { EXPORT_BATCH, exportIncidents } from "./export-incidents";
import { listHistoryPoints } from "./list-history-points";

/** A minimal RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  if (cell || row.length) throw new Error(`CSV does not end with CRLF: ${JSON.stringify(text.slice(-40))}`);
  return rows;
}

/** Exports (streamed CSV and GeoJSON through the real route) and heatmap points. */
describe.each(TEST_BACKENDS)("history export and points ($kind)", (backend) => {
  let t: TAlertsTestApp;
  let cleanup: () => Promise<void>;
  let many: THistoryIncident[];
  let tricky: THistoryIncident;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    t = await startAlertsTestApp(opened.db);
    // Exactly two batches, so the last read comes back empty and must still close the file properly.
    const base = Date.parse("2021-05-01T00:00:00.000Z");
    many = await insertHistoryIncidents(
      t.app.db.prisma,
      Array.from({ length: 2 * EXPORT_BATCH }, (_, i) => ({
        zone: "Export",
        createdAt: new Date(base + Math.floor(i / 3) * 1000),
        type: i % 2 ? "fire" : "hazard",
      })),
    );
    [tricky] = await insertHistoryIncidents(t.app.db.prisma, [
      {
        zone: "Tricky",
        createdAt: new Date("2021-06-01T00:00:00Z"),
        address: '=HYPERLINK("http://evil")',
        description: 'Caller said "help", then:\nline two, @once',
        lon: -85.6311111,
        lat: 41.9422222,
      },
    ]);
  });
  afterAll(async () => {
    await t?.close();
    await cleanup?.();
  });

  const download = (query: string) => t.app.request(`/api/history/incidents/export?${query}`, { cookie: t.cookies.supervisor });

  it("streams the filtered incidents as CSV, newest first, with a header and a dated attachment name", async () => {
    const response = await download("format=csv&zone=Export");
    expect(response.status, response.text.slice(0, 200)).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="citynerve-incidents-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual([
      "number",
      "type",
      "priority",
      "status",
      "zone",
      "address",
      "description",
      "lon",
      "lat",
      "created_at",
      "acknowledged_at",
      "first_dispatched_at",
      "first_on_scene_at",
      "resolved_at",
      "units",
      "id",
    ]);
    expect(rows).toHaveLength(many.length);
    const expectedOrder = [...many]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id > a.id ? 1 : -1))
      .map((i) => i.id);
    expect(rows.map((r) => r[15])).toEqual(expectedOrder);
    expect(new Set(rows.map((r) => r[0])).size).toBe(many.length);

    const fires = parseCsv((await download("zone=Export&type=fire")).text).slice(1);
    expect(fires).toHaveLength(EXPORT_BATCH);
    expect(fires.every((r) => r[1] === "fire")).toBe(true);
  });

  it("hands the file over one batch at a time, as the reader asks for it", async () => {
    const reader = exportIncidents(t.app.db.prisma, { zone: "Export" }, "csv").body!.getReader();
    const next = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await next()).toMatch(/^number,type,priority,.*,units,id\r\n$/);
    const batch = (await next()).split("\r\n");
    expect(batch.pop()).toBe("");
    expect(batch).toHaveLength(EXPORT_BATCH);
    await reader.cancel();
  });

  it("writes awkward text so that it reads back exactly and never runs as a formula", async () => {
    const response = await download("zone=Tricky");
    const [, row] = parseCsv(response.text);
    expect(row.slice(5, 9)).toEqual([
      '\'=HYPERLINK("http://evil")',
      'Caller said "help", then:\nline two, @once',
      "-85.6311111",
      "41.9422222",
    ]);
    expect(row[15]).toBe(tricky.id);
  });

  it("streams GeoJSON that parses into one Point feature per incident", async () => {
    const response = await download("format=geojson&zone=Export");
    expect(response.headers.get("content-type")).toBe("application/geo+json");
    expect(response.headers.get("content-disposition")).toMatch(/filename="citynerve-incidents-\d{4}-\d{2}-\d{2}\.geojson"$/);
    const collection = JSON.parse(response.text);
    expect(collection.type).toBe("FeatureCollection");
    expect(collection.features).toHaveLength(many.length);
    expect(collection.features[0]).toEqual({
      type: "Feature",
      id: expect.any(String),
      geometry: { type: "Point", coordinates: [-85.63, 41.94] },
      properties: expect.objectContaining({ zone: "Export", number: expect.stringMatching(/^INC-/), units: [] }),
    });
    const empty = JSON.parse((await download("format=geojson&zone=Nowhere")).text);
    expect(empty).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("audits every export with its format and filter", async () => {
    await download("format=geojson&zone=Audited&type=fire,hazard");
    const [entry] = (await t.app.request(`/api/audit?action=history.exported&limit=1`, { cookie: t.cookies.supervisor })).body.entries;
    expect(entry).toMatchObject({
      action: "history.exported",
      actorId: t.ids.supervisor,
      entityType: "incident",
      after: { format: "geojson", filter: { zone: "Audited", type: ["fire", "hazard"] } },
    });
  });

  it("gives heatmap points for a range and type, newest first, rounded, and says when it cut them off", async () => {
    const get = async (query: string) => {
      const response = await t.app.request(`/api/history/points?${query}`, { cookie: t.cookies.supervisor });
      expect(response.status, response.text).toBe(200);
      return response.body as { points: [number, number][]; truncated: boolean };
    };
    const june = "from=2021-06-01T00:00:00Z&to=2021-06-02T00:00:00Z";
    expect(await get(june)).toEqual({ points: [[-85.63111, 41.94222]], truncated: false });
    expect((await get("from=2021-05-01T00:00:00Z&to=2021-05-02T00:00:00Z&type=fire")).points).toHaveLength(EXPORT_BATCH);
    expect(await get(`${june}&type=fire`)).toEqual({ points: [], truncated: false });

    const cut = await listHistoryPoints(
      t.app.db.prisma,
      { kind: "incidents", from: "2021-05-01T00:00:00Z", to: "2021-06-02T00:00:00Z" },
      3,
    );
    expect(cut.truncated).toBe(true);
    expect(cut.points).toEqual([
      [-85.63111, 41.94222],
      [-85.63, 41.94],
      [-85.63, 41.94],
    ]);
    expect(POINTS_LIMIT).toBeGreaterThanOrEqual(100_000);

    const alert = await t.seedAlert({ domain: "waste" });
    const alertPoints = await get(`kind=alerts&domain=waste&from=${new Date(Date.now() - 3_600_000).toISOString()}`);
    expect(alertPoints.points).toEqual([[Math.round(alert.location[0] * 1e5) / 1e5, Math.round(alert.location[1] * 1e5) / 1e5]]);
    expect((await get("kind=alerts&domain=traffic")).points).toEqual([]);
    // A declared domain's alerts are filtered like a built-in domain's.
    const leak = await t.seedAlert({ domain: "water-network", ruleId: "water-network.pressure-drop", entityId: "wm-1" });
    expect((await get(`kind=alerts&domain=water-network,air-quality&from=${leak.firstSeenAt}`)).points).toEqual([
      [Math.round(leak.location[0] * 1e5) / 1e5, Math.round(leak.location[1] * 1e5) / 1e5],
    ]);
    expect((await get(`kind=alerts&domain=waste&from=${leak.firstSeenAt}`)).points).toEqual([]);
  });
});
