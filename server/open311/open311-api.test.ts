import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZIssuedApiKey, type TApiKeyScope } from "@/lib/contracts/api-keys";
import { ZAlert, ZAlertList, type TAlert } from "@/lib/contracts/alerts";
import type { TAuditPage } from "@/lib/contracts/auth";
import { ZCitizenReportList } from "@/lib/contracts/citizen-reports";
import { ZIncident } from "@/lib/contracts/incidents";
import { ZOpen311Created, ZOpen311Error, ZOpen311ServiceList, ZOpen311ServiceRequestList } from "@/lib/contracts/open311";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { socketOutcome, startTestApp, type TTestApp, type TTestResponse } from "@/test/fixtures/test-app";
import { waitFor } from "@/test/wait-for";

const BASE = "/open311/v2";
const REPORTS_PER_MINUTE = 4;
/** On Main St in test/fixtures/tiny-city.ts, near bin-1. */
const ON_MAIN_ST = { lat: 41.9401, long: -85.637 };
/** About 20 m east of ON_MAIN_ST. */
const NEXT_TO_IT = { lat: 41.9401, long: -85.63676 };

type TFields = Record<string, string | number>;

/**
 * The citizens' side (GeoReport v2 through the real routes) and the operators' side of the same reports, in a city
 * with the shipped domain definitions: their declared services ("water-leak", "streetlight-out") replace the built-ins'.
 */
describe.each(TEST_BACKENDS)("Open311 citizens' reports ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  let admin: string;
  let operator: string;
  let domains: TDomainRegistry;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    domains = await declaredDomainsOn();
    app = await startTestApp({ db: opened.db, domains, open311MaxReportsPerMinute: REPORTS_PER_MINUTE });
    admin = await app.signIn("admin@citynerve.local", DEMO_PASSWORD);
    operator = await app.signIn("operator@citynerve.local", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  /** A fresh key per test: each has its own report budget. */
  async function issueKey(scopes: TApiKeyScope[] = ["open311"]): Promise<string> {
    const response = await app.request("/api/admin/api-keys", { cookie: admin, body: { name: "Fix My Street app", scopes } });
    expect(response.status, response.text).toBe(201);
    return ZIssuedApiKey.parse(response.body).secret;
  }
  /** A citizen app's POST, form-encoded as GeoReport clients send it, or as JSON. */
  async function report(key: string | null, fields: TFields | string, as: "form" | "json" = "form"): Promise<TTestResponse> {
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    let body: string;
    if (typeof fields === "string") {
      body = fields;
      headers["content-type"] = as === "form" ? "application/x-www-form-urlencoded" : "application/json";
    } else if (as === "form") {
      body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString();
      headers["content-type"] = "application/x-www-form-urlencoded";
    } else {
      body = JSON.stringify(fields);
      headers["content-type"] = "application/json";
    }
    const response = await fetch(`${app.origin}${BASE}/requests.json`, { method: "POST", headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }
  const created = (response: TTestResponse) => {
    expect(response.status, response.text).toBe(201);
    return ZOpen311Created.parse(response.body)[0];
  };
  const citizenGet = (key: string, path: string) => app.request(BASE + path, { headers: { authorization: `Bearer ${key}` } });
  const statusOf = async (key: string, id: string) => {
    const response = await citizenGet(key, `/requests/${id}.json`);
    expect(response.status, response.text).toBe(200);
    return ZOpen311ServiceRequestList.parse(response.body)[0];
  };
  const operatorPost = (path: string, body: unknown) => app.request(path, { cookie: operator, body });
  const alertOfReport = async (reportId: string): Promise<TAlert> => {
    const row = await app.db.prisma.citizenReport.findUniqueOrThrow({ where: { id: reportId } });
    const queue = ZAlertList.parse((await app.request("/api/alerts?status=open,acknowledged,resolved", { cookie: operator })).body);
    const alert = queue.find((a) => a.id === row.alertId);
    if (!alert) throw new Error(`alert ${row.alertId} is not in the queue`);
    return alert;
  };
  const expectError = (response: TTestResponse, status: number, text?: RegExp) => {
    expect(response.status, response.text).toBe(status);
    const [error] = ZOpen311Error.parse(response.body);
    expect(error.code).toBe(status);
    if (text) expect(error.description).toMatch(text);
    expect(response.text).not.toMatch(/\n\s+at /);
  };

  it("lists the services publicly, from the catalogue the city was started with", async () => {
    const response = await app.request(`${BASE}/services.json`);
    expect(response.status).toBe(200);
    const services = ZOpen311ServiceList.parse(response.body);
    expect(services.map((s) => s.service_code)).toEqual(domains.citizenServices.services.map((s) => s.code));
    expect(domains.citizenServices.find("water-leak")?.domain).toBe("water-network");
    expect(services.find((s) => s.service_code === "bin-overflow")).toEqual({
      service_code: "bin-overflow",
      service_name: "Overflowing bin",
      description: expect.any(String),
      metadata: false,
      type: "realtime",
      keywords: "bin,litter,rubbish,trash",
      group: "Waste",
    });
  });

  it("turns a form-encoded report into an alert pushed to operators, and its status follows the incident to closed", async () => {
    const key = await issueKey();
    const socket = app.socket(operator);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const pushed: TAlert[] = [];
    socket.on("alert:upsert", (alert) => pushed.push(ZAlert.parse(alert)));

    const answer = created(
      await report(key, {
        service_code: "bin-overflow",
        ...ON_MAIN_ST,
        description: "Bin by the bakery is overflowing onto the pavement",
        email: "resident@example.org",
        first_name: "Rosa",
        phone: "",
      }),
    );
    expect(answer.account_id).toBeNull();
    expect(answer.service_notice).toMatch(/operations map/);

    const alert = await waitFor(() => pushed.find((a) => a.ruleId === "citizen.bin-overflow"), "the citizen alert pushed to the operator");
    expect(alert).toMatchObject({
      ruleName: "Overflowing bin",
      message: "Reported by a citizen: Main St",
      domain: "waste",
      severity: "minor",
      status: "open",
      count: 1,
      location: [ON_MAIN_ST.long, ON_MAIN_ST.lat],
    });
    expect(await alertOfReport(answer.service_request_id)).toMatchObject({ id: alert.id, message: alert.message });
    socket.disconnect();

    // A new leadership reading the ongoing episodes back leaves it alone: no rule "retires" a citizen's report.
    await app.city.alerts!.recoverEpisodes();
    await app.city.alerts!.flush();
    expect(await alertOfReport(answer.service_request_id)).toMatchObject({
      status: "open",
      conditionClearedAt: null,
      version: alert.version,
    });

    let status = await statusOf(key, answer.service_request_id);
    expect(status).toMatchObject({
      service_request_id: answer.service_request_id,
      status: "open",
      status_notes: "Received; it is on the operators' map.",
      service_name: "Overflowing bin",
      service_code: "bin-overflow",
      agency_responsible: "Waste collection",
      address: "Main St",
      lat: ON_MAIN_ST.lat,
      long: ON_MAIN_ST.long,
      description: "Bin by the bakery is overflowing onto the pavement",
    });
    expect(JSON.stringify(status)).not.toMatch(/resident@example\.org|Rosa/);
    const onAlert = ZCitizenReportList.parse((await app.request(`/api/alerts/${alert.id}/reports`, { cookie: operator })).body);
    expect(onAlert.map((r) => r.contact)).toEqual([{ name: "Rosa", email: "resident@example.org", phone: null }]);

    const promoted = await operatorPost(`/api/alerts/${alert.id}/promote`, { version: alert.version });
    expect(promoted.status, promoted.text).toBe(201);
    const incident = ZIncident.parse(promoted.body.incident);
    expect(incident.type).toBe("other");
    status = await statusOf(key, answer.service_request_id);
    expect(status).toMatchObject({ status: "open", status_notes: "The city is working on it." });

    let version = incident.version;
    for (const [next, reason] of [
      ["acknowledged", undefined],
      ["resolved", "Bin emptied and the pavement swept"],
    ] as const) {
      const moved = await operatorPost(`/api/incidents/${incident.id}/status`, { version, status: next, reason });
      expect(moved.status, moved.text).toBe(200);
      version = moved.body.version;
    }
    status = await statusOf(key, answer.service_request_id);
    expect(status).toMatchObject({ status: "closed", status_notes: "Bin emptied and the pavement swept" });
    expect(Date.parse(status.updated_datetime)).toBeGreaterThan(Date.parse(status.requested_datetime));
    expect(status.status_notes).not.toMatch(/Olivia|INC-|[0-9a-f]{8}-[0-9a-f]{4}-/);

    const audit = ((await app.request("/api/audit?limit=200", { cookie: admin })).body as TAuditPage).entries;
    const received = audit.find((e) => e.action === "citizen_report.received" && e.entityId === answer.service_request_id);
    expect(received?.after).toMatchObject({ serviceCode: "bin-overflow", alertId: alert.id, isAttached: false });
    expect(JSON.stringify(received)).not.toContain("resident@example.org");
    expect(audit.some((e) => e.action === "alert.raised" && e.entityId === alert.id)).toBe(true);
  });

  it("takes JSON too, with the citizen's address, and an operator's resolution is the public note (internal ids taken out)", async () => {
    const key = await issueKey();
    const first = created(
      await report(
        key,
        { service_code: "streetlight-out", lat: 41.945, long: -85.635, address_string: "12 Loop Rd", description: "Dark since Monday" },
        "json",
      ),
    );
    const alert = await alertOfReport(first.service_request_id);
    expect(alert).toMatchObject({ ruleName: "Street light out", message: "Reported by a citizen: 12 Loop Rd", domain: "street-lighting" });
    const resolved = await operatorPost(`/api/alerts/${alert.id}/resolve`, {
      version: alert.version,
      reason: `Lamp replaced (ticket ${alert.id})`,
    });
    expect(resolved.status, resolved.text).toBe(200);
    expect(await statusOf(key, first.service_request_id)).toMatchObject({ status: "closed", status_notes: "Lamp replaced (ticket )" });

    const second = created(await report(key, { service_code: "pothole", lat: "41.9380", long: "-85.6350" }, "json"));
    const both = await citizenGet(key, `/requests.json?service_request_id=${second.service_request_id},${first.service_request_id},nope`);
    expect(both.status, both.text).toBe(200);
    expect(ZOpen311ServiceRequestList.parse(both.body).map((r) => [r.service_request_id, r.status, r.address])).toEqual([
      [second.service_request_id, "open", "Side St"],
      [first.service_request_id, "closed", "12 Loop Rd"],
    ]);
    const latest = ZOpen311ServiceRequestList.parse((await citizenGet(key, "/requests.json")).body);
    expect(latest.map((r) => r.service_request_id)).toEqual([second.service_request_id, first.service_request_id]);

    // Another app cannot read these reports.
    const otherKey = await issueKey();
    expectError(await citizenGet(otherKey, `/requests/${first.service_request_id}.json`), 404);
    expect((await citizenGet(otherKey, `/requests.json?service_request_id=${first.service_request_id}`)).body).toEqual([]);
  });

  it("raises a report of a service a domain definition declares in that domain, with the declared incident default", async () => {
    const key = await issueKey();
    const answer = created(await report(key, { service_code: "water-leak", lat: 41.9385, long: -85.6395, description: "Hydrant gushing" }));
    const alert = await alertOfReport(answer.service_request_id);
    expect(alert).toMatchObject({ ruleId: "citizen.water-leak", ruleName: "Water leak", domain: "water-network", severity: "major" });
    // The water network's filter in the queue shows it; the energy layer's no longer does.
    const ids = async (domain: string) =>
      ZAlertList.parse((await app.request(`/api/alerts?domain=${domain}`, { cookie: operator })).body).map((a) => a.id);
    expect(await ids("water-network")).toContain(alert.id);
    expect(await ids("energy")).not.toContain(alert.id);
    expect(await statusOf(key, answer.service_request_id)).toMatchObject({
      service_name: "Water leak",
      agency_responsible: "Water utility",
    });

    const promoted = await operatorPost(`/api/alerts/${alert.id}/promote`, { version: alert.version });
    expect(promoted.status, promoted.text).toBe(201);
    expect(ZIncident.parse(promoted.body.incident).type).toBe("hazard");
  });

  it("attaches a duplicate report near an unresolved alert of the same service to it, and only then", async () => {
    const key = await issueKey();
    const otherKey = await issueKey();
    const first = created(await report(key, { service_code: "water-leak", ...ON_MAIN_ST, description: "Water bubbling up" }));
    const duplicate = await report(otherKey, { service_code: "water-leak", ...NEXT_TO_IT, description: "Leak near the bakery" });
    const second = created(duplicate);
    expect(second.service_notice).toMatch(/already reported/);
    const alert = await alertOfReport(first.service_request_id);
    expect((await alertOfReport(second.service_request_id)).id).toBe(alert.id);
    expect(alert).toMatchObject({ count: 2, severity: "major", domain: "water-network" });
    // Operators see both reports on the alert, with the app and whatever contact the citizen left.
    const listed = await app.request(`/api/alerts/${alert.id}/reports`, { cookie: operator });
    expect(listed.status, listed.text).toBe(200);
    expect(ZCitizenReportList.parse(listed.body)).toEqual([
      expect.objectContaining({
        id: first.service_request_id,
        description: "Water bubbling up",
        appName: "Fix My Street app",
        contact: null,
      }),
      expect.objectContaining({ id: second.service_request_id, description: "Leak near the bakery", address: "Main St" }),
    ]);
    const audit = ((await app.request("/api/audit?limit=200", { cookie: admin })).body as TAuditPage).entries;
    expect(audit.find((e) => e.action === "alert.report_attached" && e.entityId === alert.id)?.after).toMatchObject({
      count: 2,
      reportId: second.service_request_id,
    });

    // Another service at the same place, or the same service 200 m away, is another problem.
    const otherService = created(await report(key, { service_code: "pothole", ...NEXT_TO_IT }));
    expect((await alertOfReport(otherService.service_request_id)).id).not.toBe(alert.id);
    const farAway = created(await report(key, { service_code: "water-leak", lat: 41.9401, long: -85.6346 }));
    expect((await alertOfReport(farAway.service_request_id)).id).not.toBe(alert.id);

    // Once resolved, a new report of it raises a new alert.
    const resolved = await operatorPost(`/api/alerts/${alert.id}/resolve`, { version: alert.version, reason: "Valve closed" });
    expect(resolved.status, resolved.text).toBe(200);
    const again = created(await report(otherKey, { service_code: "water-leak", ...ON_MAIN_ST }));
    const fresh = await alertOfReport(again.service_request_id);
    expect(fresh.id).not.toBe(alert.id);
    expect(fresh.count).toBe(1);
    // Both citizens of the first alert see it closed.
    expect(await statusOf(otherKey, second.service_request_id)).toMatchObject({ status: "closed", status_notes: "Valve closed" });
  });

  it("answers 401, 403, 404 and 429 in GeoReport's error shape", async () => {
    expectError(await report(null, { service_code: "pothole", ...ON_MAIN_ST }), 401, /API key is required/);
    expectError(await report("cnk_not-a-real-key", { service_code: "pothole", ...ON_MAIN_ST }), 401, /not valid/);
    const ngsiOnly = await issueKey(["ngsi-ld:read"]);
    expectError(await report(ngsiOnly, { service_code: "pothole", ...ON_MAIN_ST }), 403, /open311/);
    expectError(await citizenGet(ngsiOnly, "/requests.json"), 403);

    const key = await issueKey();
    expectError(await citizenGet(key, "/requests/00000000-0000-4000-8000-000000000000.json"), 404);
    expectError(await citizenGet(key, "/requests/whatever.xml"), 404);
    expectError(await citizenGet(key, `/requests.json?service_request_id=${"a,".repeat(60)}a`), 400, /at most 50/);

    for (let i = 0; i < REPORTS_PER_MINUTE; i++)
      created(await report(key, { service_code: "other", lat: 41.939, long: -85.639 + i * 0.002 }));
    const refused = await report(key, { service_code: "other", ...ON_MAIN_ST });
    expectError(refused, 429, /Too many reports/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another app's budget is its own.
    created(await report(await issueKey(), { service_code: "other", ...ON_MAIN_ST }));
  });

  it("refuses invalid reports with a 4xx that names the field", async () => {
    const key = await issueKey();
    const cases: [TFields | string, number, RegExp, ("form" | "json")?][] = [
      [{ service_code: "dragon-sighting", ...ON_MAIN_ST }, 400, /not a service of this city/],
      [{ service_code: "pothole", lat: 48.85, long: 2.35 }, 400, /outside this city/],
      [{ service_code: "pothole", lat: "abc", long: -85.637 }, 400, /lat/],
      [{ service_code: "pothole", lat: "NaN", long: "1e999" }, 400, /lat.*long/],
      [{ service_code: "pothole", long: -85.637 }, 400, /lat/],
      [{ ...ON_MAIN_ST }, 400, /service_code/],
      [{ service_code: "pothole", ...ON_MAIN_ST, description: "x".repeat(4001) }, 400, /description/],
      [{ service_code: "pothole", ...ON_MAIN_ST, media_url: "javascript:alert(1)" }, 400, /media_url/],
      [{ service_code: "pothole", ...ON_MAIN_ST, email: "not-an-address" }, 400, /email/],
      [{ service_code: "pothole", ...ON_MAIN_ST, description: "y".repeat(20_000) }, 413, /too large/],
      ["[1,2,3]", 400, /JSON object/, "json"],
      ["{not json", 400, /not valid JSON/, "json"],
    ];
    for (const [fields, status, text, as] of cases) expectError(await report(key, fields, as), status, text);
    const xml = await fetch(`${app.origin}${BASE}/requests.json`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "text/xml" },
      body: "<service_request/>",
    });
    expect(xml.status).toBe(415);
    expect(
      await app.db.prisma.citizenReport.count({ where: { apiKey: { secretHash: { not: "" } }, serviceCode: "dragon-sighting" } }),
    ).toBe(0);
  });

  it("never answers 5xx to random form or JSON bodies", async () => {
    const key = await issueKey();
    const field = fc.oneof(
      fc.constantFrom("service_code", "lat", "long", "address_string", "description", "media_url", "email", "first_name", "phone"),
      fc.string({ maxLength: 12 }),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom(...domains.citizenServices.services.map((s) => s.code)),
      fc.double({ min: -85.64, max: -85.63, noNaN: true }).map(String),
      fc.double({ min: 41.937, max: 41.946, noNaN: true }).map(String),
      fc.string({ unit: "binary", maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(field, value), { maxLength: 12 }), async (pairs) => {
        const body = new URLSearchParams(pairs).toString();
        const response = await report(key, body);
        expect(response.status, response.text).toBeLessThan(500);
        if (response.status === 201) ZOpen311Created.parse(response.body);
        else ZOpen311Error.parse(response.body);
      }),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.dictionary(field, fc.oneof(value, fc.jsonValue())), fc.jsonValue()), async (json) => {
        const response = await report(key, JSON.stringify(json) ?? "null", "json");
        expect(response.status, response.text).toBeLessThan(500);
        if (response.status !== 201) ZOpen311Error.parse(response.body);
      }),
      { numRuns: 60 },
    );
  });
});
