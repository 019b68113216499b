import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TApiKeyScope } from "@/lib/contracts/api-keys";
import { HOME_BY_ROLE, ROLES, type TRole } from "@/lib/contracts/auth";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { requirePageRole } from "@/server/auth/session";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { PUBLISHED_EVENT_ROLES, SOCKET_EVENT_ROLES, type TPublishedEvent } from "@/server/realtime/socket-policy";
import { findAppFiles, REPO_ROOT } from "@/test/fixtures/app-routes";
import { socketOutcome, startTestApp, type TTestApp } from "@/test/fixtures/test-app";

/**
 * Who may reach what: every page, route handler and socket event, for signed-out visitors and each
 * role. The tables below are the reviewed policy; the tests fail when the app has a page, route,
 * method or event the tables do not list (or the other way round), and exercise each cell for real.
 */
/** `apiKey`: partner apps' routes, reached with an API key of that scope and never with a session (401 to every role). */
type TAccess = readonly TRole[] | "public" | { apiKey: TApiKeyScope };
type TWho = TRole | "anonymous";
type TProbe = { path: string | ((ids: Record<TRole, string>) => string); body?: unknown; status: number };

const ALL = ROLES;
const OPS = ["operator", "supervisor"] as const;
// Probes on an unknown id or with an empty body pass the guard and stop at validation or lookup: no side effects.
const NO_ID = "00000000-0000-4000-8000-000000000000";
const ROUTES: Record<string, Record<string, { access: TAccess; probe: TProbe }>> = {
  "/api/admin/api-keys": {
    GET: { access: ["admin"], probe: { path: "/api/admin/api-keys", status: 200 } },
    POST: { access: ["admin"], probe: { path: "/api/admin/api-keys", body: {}, status: 400 } },
  },
  "/api/admin/api-keys/[id]/revoke": {
    POST: { access: ["admin"], probe: { path: `/api/admin/api-keys/${NO_ID}/revoke`, body: {}, status: 404 } },
  },
  "/api/admin/users": {
    GET: { access: ["admin"], probe: { path: "/api/admin/users", status: 200 } },
    // An empty body passes the guard and stops at validation: no side effects.
    POST: { access: ["admin"], probe: { path: "/api/admin/users", body: {}, status: 400 } },
  },
  "/api/admin/users/[id]": {
    PATCH: { access: ["admin"], probe: { path: (ids) => `/api/admin/users/${ids.operator}`, body: {}, status: 400 } },
  },
  "/api/admin/notifications/health": { GET: { access: ["admin"], probe: { path: "/api/admin/notifications/health", status: 200 } } },
  "/api/alerts": { GET: { access: OPS, probe: { path: "/api/alerts", status: 200 } } },
  "/api/alerts/[id]": { GET: { access: OPS, probe: { path: `/api/alerts/${NO_ID}`, status: 404 } } },
  "/api/alerts/[id]/acknowledge": { POST: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/acknowledge`, body: {}, status: 400 } } },
  "/api/alerts/[id]/assign": { POST: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/assign`, body: {}, status: 400 } } },
  "/api/alerts/[id]/cap": { GET: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/cap`, status: 404 } } },
  "/api/alerts/[id]/notifications": { GET: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/notifications`, status: 404 } } },
  "/api/alerts/[id]/notes": { POST: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/notes`, body: {}, status: 400 } } },
  "/api/alerts/[id]/promote": { POST: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/promote`, body: {}, status: 400 } } },
  "/api/alerts/[id]/reports": { GET: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/reports`, status: 404 } } },
  "/api/alerts/[id]/resolve": { POST: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/resolve`, body: {}, status: 400 } } },
  // The escalation timeline of an alert, beside its other drawer sections (server/on-call/on-call-api.test.ts).
  "/api/alerts/[id]/escalation": { GET: { access: OPS, probe: { path: `/api/alerts/${NO_ID}/escalation`, status: 404 } } },
  // One-tap acknowledge links: the recipient alone, signed in (checked past the role guard: 403 for anyone else).
  "/api/ack-links/[token]": { POST: { access: OPS, probe: { path: "/api/ack-links/not-a-token", body: {}, status: 404 } } },
  "/api/alerts/group-action": {
    POST: { access: OPS, probe: { path: "/api/alerts/group-action", body: {}, status: 400 } },
  },
  "/api/audit": { GET: { access: ["admin", "supervisor"], probe: { path: "/api/audit?limit=1", status: 200 } } },
  "/api/auth-config": { GET: { access: "public", probe: { path: "/api/auth-config", status: 200 } } },
  "/api/auth/[...all]": {
    GET: { access: "public", probe: { path: "/api/auth/get-session", status: 200 } },
    POST: {
      access: "public",
      probe: { path: "/api/auth/sign-in/email", body: { email: "nobody@citynerve.local", password: "not-the-password" }, status: 401 },
    },
  },
  "/api/city": { GET: { access: ALL, probe: { path: "/api/city", status: 200 } } },
  // Other agencies' CAP warnings: partner systems push with a cap:write key, admins manage the feeds the leader
  // polls, the control room reads the live set (server/cap/cap-api.test.ts).
  "/api/cap/feeds": {
    GET: { access: ["admin"], probe: { path: "/api/cap/feeds", status: 200 } },
    POST: { access: ["admin"], probe: { path: "/api/cap/feeds", body: {}, status: 400 } },
  },
  "/api/cap/feeds/[id]/remove": { POST: { access: ["admin"], probe: { path: `/api/cap/feeds/${NO_ID}/remove`, body: {}, status: 404 } } },
  "/api/cap/messages": { POST: { access: { apiKey: "cap:write" }, probe: { path: "/api/cap/messages", body: {}, status: 401 } } },
  "/api/cap/warnings": { GET: { access: OPS, probe: { path: "/api/cap/warnings", status: 200 } } },
  // Dead letters are for the people who run the feeds; the probes name nothing, so they change nothing.
  "/api/dead-letters": { GET: { access: ["admin", "supervisor"], probe: { path: "/api/dead-letters?limit=1", status: 200 } } },
  "/api/dead-letters/counts": {
    GET: { access: ["admin", "supervisor"], probe: { path: "/api/dead-letters/counts?hours=1", status: 200 } },
  },
  "/api/dead-letters/handle": {
    POST: { access: ["admin", "supervisor"], probe: { path: "/api/dead-letters/handle", body: {}, status: 400 } },
  },
  "/api/dead-letters/replay": {
    POST: { access: ["admin", "supervisor"], probe: { path: "/api/dead-letters/replay", body: {}, status: 400 } },
  },
  // A crew's own unit only (the demo field user crews none in the tiny city: 400 on a position).
  "/api/field/assignment": { GET: { access: ["field"], probe: { path: "/api/field/assignment", status: 200 } } },
  "/api/field/position": { POST: { access: ["field"], probe: { path: "/api/field/position", body: {}, status: 400 } } },
  "/api/health": { GET: { access: "public", probe: { path: "/api/health", status: 200 } } },
  "/api/health/live": { GET: { access: "public", probe: { path: "/api/health/live", status: 200 } } },
  "/api/health/ready": { GET: { access: "public", probe: { path: "/api/health/ready", status: 200 } } },
  "/api/incidents": {
    GET: { access: OPS, probe: { path: "/api/incidents", status: 200 } },
    POST: { access: OPS, probe: { path: "/api/incidents", body: {}, status: 400 } },
  },
  "/api/incidents/[id]": { GET: { access: OPS, probe: { path: `/api/incidents/${NO_ID}`, status: 404 } } },
  "/api/incidents/[id]/dispatch": { POST: { access: OPS, probe: { path: `/api/incidents/${NO_ID}/dispatch`, body: {}, status: 400 } } },
  "/api/incidents/[id]/dispatches": { GET: { access: OPS, probe: { path: `/api/incidents/${NO_ID}/dispatches`, status: 404 } } },
  "/api/incidents/[id]/notes": { POST: { access: OPS, probe: { path: `/api/incidents/${NO_ID}/notes`, body: {}, status: 400 } } },
  "/api/incidents/[id]/recommendation": { GET: { access: OPS, probe: { path: `/api/incidents/${NO_ID}/recommendation`, status: 404 } } },
  "/api/incidents/[id]/status": { POST: { access: OPS, probe: { path: `/api/incidents/${NO_ID}/status`, body: {}, status: 400 } } },
  "/api/me": { GET: { access: ALL, probe: { path: "/api/me", status: 200 } } },
  // Everyone reaches their own contact points only (someone else's is 404: server/notifications/notifications-api.test.ts).
  "/api/me/contact-points": {
    GET: { access: ALL, probe: { path: "/api/me/contact-points", status: 200 } },
    POST: { access: ALL, probe: { path: "/api/me/contact-points", body: {}, status: 400 } },
  },
  "/api/me/contact-points/[id]/remove": {
    POST: { access: ALL, probe: { path: `/api/me/contact-points/${NO_ID}/remove`, body: {}, status: 404 } },
  },
  "/api/me/contact-points/[id]/test": {
    POST: { access: ALL, probe: { path: `/api/me/contact-points/${NO_ID}/test`, body: {}, status: 404 } },
  },
  "/api/push/vapid-public-key": { GET: { access: ALL, probe: { path: "/api/push/vapid-public-key", status: 200 } } },
  "/api/rules": { GET: { access: OPS, probe: { path: "/api/rules", status: 200 } } },
  // Reading rules is operations work; changing them is a supervisor's call.
  "/api/rules/[id]": { PUT: { access: ["supervisor"], probe: { path: "/api/rules/waste.bin-full", body: {}, status: 400 } } },
  "/api/rules/[id]/reset": { POST: { access: ["supervisor"], probe: { path: "/api/rules/waste.bin-full/reset", body: {}, status: 400 } } },
  // The unit board is operations and management; managing units is for admins and supervisors.
  "/api/handover": {
    GET: { access: OPS, probe: { path: "/api/handover?limit=1", status: 200 } },
    POST: { access: OPS, probe: { path: "/api/handover", body: {}, status: 400 } },
  },
  "/api/handover/[id]/confirm": { POST: { access: OPS, probe: { path: `/api/handover/${NO_ID}/confirm`, body: {}, status: 404 } } },
  "/api/handover/draft": { GET: { access: OPS, probe: { path: "/api/handover/draft", status: 200 } } },
  "/api/handover/pending": { GET: { access: OPS, probe: { path: "/api/handover/pending", status: 200 } } },
  "/api/history/alerts": { GET: { access: ["supervisor"], probe: { path: "/api/history/alerts?limit=1", status: 200 } } },
  "/api/history/incidents": { GET: { access: ["supervisor"], probe: { path: "/api/history/incidents?limit=1", status: 200 } } },
  // Exports are audited: the probe asks for a zone that matches nothing.
  "/api/history/incidents/export": {
    GET: { access: ["supervisor"], probe: { path: "/api/history/incidents/export?zone=__probe__", status: 200 } },
  },
  "/api/history/kpi-targets": {
    GET: { access: ["supervisor"], probe: { path: "/api/history/kpi-targets", status: 200 } },
    PUT: { access: ["supervisor"], probe: { path: "/api/history/kpi-targets", body: {}, status: 400 } },
  },
  "/api/history/kpis": {
    GET: { access: ["supervisor"], probe: { path: "/api/history/kpis?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", status: 200 } },
  },
  "/api/history/points": {
    GET: { access: ["supervisor"], probe: { path: "/api/history/points?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z", status: 200 } },
  },
  // Rotas and escalation policies are supervisors' and admins' to keep (server/on-call/on-call-api.test.ts).
  "/api/on-call": { GET: { access: ["supervisor", "admin"], probe: { path: "/api/on-call", status: 200 } } },
  "/api/on-call/policies": { POST: { access: ["supervisor", "admin"], probe: { path: "/api/on-call/policies", body: {}, status: 400 } } },
  "/api/on-call/policies/[id]/remove": {
    POST: { access: ["supervisor", "admin"], probe: { path: `/api/on-call/policies/${NO_ID}/remove`, body: {}, status: 404 } },
  },
  "/api/on-call/rotas": { POST: { access: ["supervisor", "admin"], probe: { path: "/api/on-call/rotas", body: {}, status: 400 } } },
  "/api/on-call/rotas/[id]/remove": {
    POST: { access: ["supervisor", "admin"], probe: { path: `/api/on-call/rotas/${NO_ID}/remove`, body: {}, status: 404 } },
  },
  "/api/playback": { GET: { access: ["supervisor"], probe: { path: "/api/playback?at=2026-01-01T00:00:00Z", status: 200 } } },
  "/api/playback/range": { GET: { access: ["supervisor"], probe: { path: "/api/playback/range", status: 200 } } },
  // Supervisors and admins silence alerts; operators read silences to know why something is quiet
  // (server/silences/silences-api.test.ts).
  "/api/silences": {
    GET: { access: ["operator", "supervisor", "admin"], probe: { path: "/api/silences", status: 200 } },
    POST: { access: ["supervisor", "admin"], probe: { path: "/api/silences", body: {}, status: 400 } },
  },
  "/api/silences/[id]/cancel": {
    POST: { access: ["supervisor", "admin"], probe: { path: `/api/silences/${NO_ID}/cancel`, body: {}, status: 404 } },
  },
  "/api/units": {
    GET: { access: ["operator", "supervisor", "admin"], probe: { path: "/api/units", status: 200 } },
    POST: { access: ["admin", "supervisor"], probe: { path: "/api/units", body: {}, status: 400 } },
  },
  "/api/units/[id]": { PATCH: { access: ["admin", "supervisor"], probe: { path: "/api/units/unit-p11", body: {}, status: 400 } } },
  // Field users only for the unit they crew (checked past the role guard; see server/dispatch/dispatch.test.ts).
  "/api/units/[id]/actions": {
    POST: { access: ["operator", "supervisor", "field"], probe: { path: "/api/units/unit-p11/actions", body: {}, status: 400 } },
  },
  "/api/users/assignable": { GET: { access: OPS, probe: { path: "/api/users/assignable", status: 200 } } },
  "/api/zones": {
    GET: { access: ALL, probe: { path: "/api/zones", status: 200 } },
    POST: { access: ["admin"], probe: { path: "/api/zones", body: {}, status: 400 } },
  },
  "/api/zones/[id]": { PATCH: { access: ["admin"], probe: { path: `/api/zones/${NO_ID}`, body: {}, status: 400 } } },
  "/api/zones/[id]/history": { GET: { access: ["supervisor", "admin"], probe: { path: `/api/zones/${NO_ID}/history`, status: 404 } } },
  "/api/zones/[id]/remove": { POST: { access: ["admin"], probe: { path: `/api/zones/${NO_ID}/remove`, body: {}, status: 400 } } },
  "/api/zones/import": { POST: { access: ["admin"], probe: { path: "/api/zones/import", body: {}, status: 400 } } },
  // NGSI-LD for partner apps: an API key with the ngsi-ld:read scope, never a session (server/ngsi-ld/ngsi-ld-api.test.ts).
  "/ngsi-ld/v1/context.jsonld": { GET: { access: "public", probe: { path: "/ngsi-ld/v1/context.jsonld", status: 200 } } },
  "/ngsi-ld/v1/entities": { GET: { access: { apiKey: "ngsi-ld:read" }, probe: { path: "/ngsi-ld/v1/entities", status: 401 } } },
  "/ngsi-ld/v1/entities/[id]": {
    GET: { access: { apiKey: "ngsi-ld:read" }, probe: { path: "/ngsi-ld/v1/entities/urn:ngsi-ld:OffStreetParking:x", status: 401 } },
  },
  // Open311 GeoReport v2 for citizen apps: services are public (discovery), reports need a key with the open311 scope
  // (server/open311/open311-api.test.ts).
  "/open311/v2/requests.json": {
    GET: { access: { apiKey: "open311" }, probe: { path: "/open311/v2/requests.json", status: 401 } },
    POST: { access: { apiKey: "open311" }, probe: { path: "/open311/v2/requests.json", body: {}, status: 401 } },
  },
  "/open311/v2/requests/[file]": {
    GET: { access: { apiKey: "open311" }, probe: { path: `/open311/v2/requests/${NO_ID}.json`, status: 401 } },
  },
  "/open311/v2/services.json": { GET: { access: "public", probe: { path: "/open311/v2/services.json", status: 200 } } },
};

const PAGES: Record<string, readonly TRole[] | "public"> = {
  "/": ["operator", "supervisor"],
  "/admin/api-keys": ["admin"],
  "/admin/cap-feeds": ["admin"],
  "/admin/zones": ["admin"],
  "/admin/users": ["admin"],
  // Where a one-tap acknowledge link leads: those who acknowledge alerts (the link itself is checked per recipient).
  "/ack/[token]": ["operator", "supervisor"],
  // Hotspots and time playback: reviewing what happened is a supervisor's job.
  "/analysis": ["supervisor"],
  "/audit": ["admin", "supervisor"],
  "/dead-letters": ["admin", "supervisor"],
  "/field": ["field"],
  "/handover": ["operator", "supervisor"],
  "/history": ["supervisor"],
  "/history/incidents/[id]": ["supervisor"],
  "/kpis": ["supervisor"],
  // Everyone's own contact points (admins also see delivery health there).
  "/me/notifications": ALL,
  // Rotas and escalation policies.
  "/on-call": ["admin", "supervisor"],
  // Tuning alert rules is a supervisor's call (operators can still read them through GET /api/rules).
  "/rules": ["supervisor"],
  // Silences and maintenance windows (operators see why something is quiet in the control room instead).
  "/silences": ["admin", "supervisor"],
  "/sign-in": "public",
  // Where pages send people while the database is unreachable: it must not need a session.
  "/unavailable": "public",
  // Managing units and crews.
  "/units": ["admin", "supervisor"],
};

const SOCKET_EVENTS: Record<string, { access: readonly TRole[]; payload: unknown }> = {
  "city:subscribe": { access: ["operator", "supervisor"], payload: { layers: ["waste"] } },
  // The map's bounds after a move: who may watch the city may say where they look.
  "city:viewport": { access: ["operator", "supervisor"], payload: { bbox: [-85.7, 41.9, -85.5, 42.0] } },
};

/** Server → client events pushed by role (socket-policy PUBLISHED_EVENT_ROLES), and a payload to push. */
const PUBLISHED_EVENTS: Record<TPublishedEvent, readonly TRole[]> = {
  "alert:upsert": ["operator", "supervisor"],
  "incident:upsert": ["operator", "supervisor"],
  "unit:upsert": ["operator", "supervisor"],
  "cap:warnings": ["operator", "supervisor"],
  "zones:changed": ALL,
};

/** Server → client events sent to chosen users' sockets (realtime-hub publishToUsers), whatever their role. */
const USER_EVENTS = ["assignment:changed"];

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const WHO: readonly TWho[] = ["anonymous", ...ROLES];
const allows = (access: TAccess, who: TWho) =>
  access === "public" || (who !== "anonymous" && Array.isArray(access) && (access as readonly TRole[]).includes(who));
const isApiKeyRoute = (access: TAccess): access is { apiKey: TApiKeyScope } => typeof access === "object" && "apiKey" in access;

describe("the matrix covers the app", () => {
  it("lists every route handler and exactly its exported methods and roles", async () => {
    const files = await findAppFiles("route.ts");
    expect(files.map((f) => f.pattern)).toEqual(Object.keys(ROUTES).sort());
    for (const { pattern, file } of files) {
      const module = (await import(file)) as Record<string, unknown>;
      expect(
        HTTP_METHODS.filter((m) => typeof module[m] === "function"),
        pattern,
      ).toEqual(Object.keys(ROUTES[pattern]));
      for (const [method, { access }] of Object.entries(ROUTES[pattern])) {
        const handler = module[method] as { access?: readonly TRole[]; apiKeyScope?: TApiKeyScope };
        const declared = handler.access ?? (handler.apiKeyScope ? { apiKey: handler.apiKeyScope } : undefined);
        // Signed-in routes go through defineRoute, API-key ones through defineApiKeyRoute, whose policy must
        // match the table; public ones use neither.
        expect(declared ?? "public", `${method} ${pattern}`).toEqual(access);
      }
    }
  });

  it("lists every page, each guarded by requirePageRole with its roles and own path", async () => {
    const files = await findAppFiles("page.tsx");
    expect(files.map((f) => f.pattern)).toEqual(Object.keys(PAGES).sort());
    for (const { pattern, file } of files) {
      const source = await readFile(file, "utf8");
      const guard = /requirePageRole\(\s*\[([^\]]*)\]\s*,\s*([^)]*)\)/.exec(source);
      if (PAGES[pattern] === "public") {
        expect(guard, `${pattern} is public and must not call requirePageRole`).toBeNull();
        continue;
      }
      expect(guard, `${pattern} must call requirePageRole([...roles], nextPath)`).not.toBeNull();
      const roles = [...guard![1].matchAll(/["']([a-z]+)["']/g)].map((m) => m[1]);
      expect(roles.sort(), pattern).toEqual([...PAGES[pattern]].sort());
      expect(guard![2], `${pattern} must send users back to itself after sign-in`).toContain(pattern === "/" ? `"/"` : pattern);
    }
  });

  it("lists every client → server socket event of the contract", async () => {
    const contract = await readFile(`${REPO_ROOT}/lib/contracts/realtime.ts`, "utf8");
    const block = /export interface TClientToServerEvents \{([\s\S]*?)\n\}/.exec(contract)?.[1] ?? "";
    const events = [...block.matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]).sort();
    expect(events.length).toBeGreaterThan(0);
    expect(Object.keys(SOCKET_EVENTS).sort()).toEqual(events);
    expect(Object.keys(SOCKET_EVENT_ROLES).sort()).toEqual(events);
    for (const event of events)
      expect([...SOCKET_EVENT_ROLES[event as keyof typeof SOCKET_EVENT_ROLES]]).toEqual(SOCKET_EVENTS[event].access);
  });

  it("lists every role-published server → client event of the contract", async () => {
    const contract = await readFile(`${REPO_ROOT}/lib/contracts/realtime.ts`, "utf8");
    const block = /export interface TServerToClientEvents \{([\s\S]*?)\n\}/.exec(contract)?.[1] ?? "";
    const events = [...block.matchAll(/^\s*"([^"]+)"\s*:/gm)].map((m) => m[1]);
    // Everything but the city feed (subscription-gated), the ingest stats (everyone) and events addressed to
    // particular users (a unit's crew: server/dispatch/dispatch.test.ts checks only they get them) is published by role.
    const published = events.filter((e) => !e.startsWith("city:") && e !== "ingest:stats" && !USER_EVENTS.includes(e)).sort();
    expect(Object.keys(PUBLISHED_EVENTS).sort()).toEqual(published);
    expect(PUBLISHED_EVENT_ROLES).toEqual(PUBLISHED_EVENTS);
  });
});

// requirePageRole reads the request through next/headers; give it the headers of the case at hand.
const pageRequest = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => pageRequest.headers }));

describe.each(TEST_BACKENDS)("access for each role ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  const cookies = {} as Record<TWho, string | undefined>;
  const ids = {} as Record<TRole, string>;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db });
    for (const demo of DEMO_USERS) {
      cookies[demo.role] = await app.signIn(demo.email, DEMO_PASSWORD);
      ids[demo.role] = (await app.db.prisma.user.findUniqueOrThrow({ where: { email: demo.email } })).id;
    }
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  const routeCases = Object.entries(ROUTES).flatMap(([pattern, methods]) =>
    Object.entries(methods).flatMap(([method, rule]) => WHO.map((who) => ({ pattern, method, who, ...rule }))),
  );
  it.each(routeCases)("$method $pattern as $who", async ({ method, who, access, probe }) => {
    const path = typeof probe.path === "function" ? probe.path(ids) : probe.path;
    const response = await app.request(path, { method, body: probe.body, cookie: cookies[who] });
    const expected = isApiKeyRoute(access) ? 401 : allows(access, who) ? probe.status : who === "anonymous" ? 401 : 403;
    expect(response.status, response.text).toBe(expected);
    expect(response.text).not.toMatch(/\n\s+at /); // never a stack trace
  });

  const pageCases = Object.entries(PAGES).flatMap(([pattern, access]) =>
    access === "public" ? [] : WHO.map((who) => ({ pattern, who, access })),
  );
  it.each(pageCases)("page $pattern as $who", async ({ pattern, who, access }) => {
    pageRequest.headers = new Headers(cookies[who] ? { cookie: cookies[who]! } : {});
    const outcome = await requirePageRole(access, pattern).then(
      (user) => `allowed:${user.role}`,
      (error: { digest?: string }) => `redirect:${String(error.digest).split(";")[2]}`,
    );
    if (allows(access, who)) expect(outcome).toBe(`allowed:${who}`);
    else if (who === "anonymous") expect(outcome).toBe(`redirect:/sign-in?next=${encodeURIComponent(pattern)}`);
    // Sent home, and told which page was refused (the home's notice names it).
    else expect(outcome).toBe(`redirect:${HOME_BY_ROLE[who]}?denied=${encodeURIComponent(pattern)}`);
  });

  const socketCases = Object.entries(SOCKET_EVENTS).flatMap(([event, rule]) => WHO.map((who) => ({ event, who, ...rule })));
  it.each(socketCases)("socket $event as $who", async ({ event, who, access, payload }) => {
    const socket = app.socket(cookies[who]);
    const outcome = await socketOutcome(socket);
    if (who === "anonymous") {
      expect(outcome).toEqual({ connected: false, error: "unauthorized" });
      return;
    }
    expect(outcome).toEqual({ connected: true });
    const ack = await socket.emitWithAck(event as "city:subscribe", payload as never);
    if (access.includes(who)) expect(ack.ok).toBe(true);
    else expect(ack).toEqual({ ok: false, error: "forbidden" });
    socket.disconnect();
  });

  const publishedCases = Object.entries(PUBLISHED_EVENTS).flatMap(([event, access]) =>
    ROLES.map((who) => ({ event: event as TPublishedEvent, who, access })),
  );
  it.each(publishedCases)("socket receives $event as $who", async ({ event, who, access }) => {
    const socket = app.socket(cookies[who]);
    expect(await socketOutcome(socket)).toEqual({ connected: true });
    const received: unknown[] = [];
    socket.on(event, (payload: unknown) => received.push(payload));
    const payload = { id: `probe-${who}` } as never;
    app.city.hub.publish(event, payload);
    // A round trip on the same connection: anything emitted before it has arrived by now.
    await socket.emitWithAck("city:subscribe", { layers: [] });
    expect(received).toEqual(access.includes(who) ? [payload] : []);
    socket.disconnect();
  });
});
