import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCapWarningList } from "@/lib/contracts/cap-warnings";
import type { TDatabase } from "@/server/db/client";
import { capFixture } from "@/test/fixtures/cap/cap-fixtures";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { listActiveCapWarnings } from "./list-active-cap-warnings";
import { createCapFeedPoller, type TCapFeedPoller } from "./poll-cap-feeds";

/** What the local feed server serves at each path, with its ETag; and what it was asked. */
type TServed = { body: string; etag: string; status?: number };

/** Feeds served over real HTTP by a local server: conditional GETs, 304s, links and a broken feed. */
describe.each(TEST_BACKENDS)("CAP feed polling ($kind)", (backend) => {
  let db: TDatabase;
  let cleanup: () => Promise<void>;
  let server: Server;
  let base: string;
  let poller: TCapFeedPoller;
  const served = new Map<string, TServed>();
  const requests: { path: string; ifNoneMatch: string | undefined; status: number }[] = [];
  const pushed: TCapWarningList[] = [];

  beforeAll(async () => {
    const opened = await backend.open();
    db = opened.db;
    cleanup = opened.cleanup;
    server = createServer((req, res) => {
      const path = req.url ?? "/";
      const feed = served.get(path);
      const ifNoneMatch = req.headers["if-none-match"];
      const status = !feed ? 404 : (feed.status ?? (ifNoneMatch === feed.etag ? 304 : 200));
      requests.push({ path, ifNoneMatch, status });
      res.writeHead(status, feed ? { etag: feed.etag, "content-type": "application/atom+xml" } : {});
      res.end(status === 200 && feed ? feed.body : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    poller = createCapFeedPoller({
      prisma: db.prisma,
      hub: { publish: (_event, list) => pushed.push(list) },
      everyMs: 60_000,
    });
  });
  afterAll(async () => {
    await poller?.leaderWork.stop();
    await new Promise((resolve) => server?.close(resolve));
    await cleanup?.();
  });

  const feedRow = (path: string) => db.prisma.capFeed.findUniqueOrThrow({ where: { url: `${base}${path}` } });

  it("stores a feed's entries, then asks with its ETag and takes a 304 as nothing new", async () => {
    served.set("/river.atom", { body: capFixture("atom-feed"), etag: '"v1"' });
    await db.prisma.capFeed.create({ data: { name: "River Agency", url: `${base}/river.atom` } });

    await poller.pollOnce();
    expect((await listActiveCapWarnings(db.prisma)).map((w) => w.identifier)).toEqual(["FL-2", "FL-1"]);
    expect(pushed.at(-1)?.warnings.map((w) => w.identifier)).toEqual(["FL-2", "FL-1"]);
    expect(await feedRow("/river.atom")).toMatchObject({ etag: '"v1"', lastError: null });

    const pushesBefore = pushed.length;
    await poller.pollOnce();
    expect(requests.filter((r) => r.path === "/river.atom")).toEqual([
      { path: "/river.atom", ifNoneMatch: undefined, status: 200 },
      { path: "/river.atom", ifNoneMatch: '"v1"', status: 304 },
    ]);
    expect(pushed.length).toBe(pushesBefore);
    expect((await feedRow("/river.atom")).lastPolledAt).not.toBeNull();
  });

  it("follows links to single messages, and an Update from a later version of the feed replaces the warning", async () => {
    served.set("/met/0042.xml", { body: capFixture("severe-weather-alert"), etag: '"a"' });
    served.set("/met.atom", {
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link type="application/cap+xml" href="${base}/met/0042.xml"/></entry></feed>`,
      etag: '"m1"',
    });
    await db.prisma.capFeed.create({ data: { name: "Met Office", url: `${base}/met.atom` } });
    await poller.pollOnce();
    expect((await listActiveCapWarnings(db.prisma)).map((w) => w.identifier)).toContain("MET-2026-12-03-0042");

    served.set("/met/0043.xml", { body: capFixture("severe-weather-update"), etag: '"b"' });
    served.set("/met.atom", {
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>2</id><link type="application/cap+xml" href="${base}/met/0043.xml"/></entry></feed>`,
      etag: '"m2"',
    });
    await poller.pollOnce();
    const identifiers = (await listActiveCapWarnings(db.prisma)).map((w) => w.identifier);
    expect(identifiers).toContain("MET-2026-12-03-0043");
    expect(identifiers).not.toContain("MET-2026-12-03-0042");
  });

  it("stores a feed's good linked messages and reports the bad one", async () => {
    served.set("/mixed/bad.xml", { body: capFixture("malformed"), etag: '"bad"' });
    served.set("/mixed/good.xml", { body: capFixture("severe-weather-alert").replaceAll("MET-2026-12-03-0042", "MIX-1"), etag: '"good"' });
    served.set("/mixed.atom", {
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="${base}/mixed/bad.xml"/></entry><entry><id>2</id><link href="${base}/mixed/good.xml"/></entry></feed>`,
      etag: '"mx"',
    });
    await db.prisma.capFeed.create({ data: { name: "Mixed", url: `${base}/mixed.atom` } });
    await poller.pollOnce();
    expect((await listActiveCapWarnings(db.prisma)).map((w) => w.identifier)).toContain("MIX-1");
    expect(await feedRow("/mixed.atom")).toMatchObject({ etag: '"mx"', lastError: expect.stringMatching(/bad\.xml: Not well-formed/) });
  });

  it("records a broken or unreachable feed's error for admins and goes on with the others", async () => {
    served.set("/broken.xml", { body: capFixture("xml-bomb"), etag: '"x"' });
    served.set("/gone.atom", { body: "", etag: '"g"', status: 500 });
    await db.prisma.capFeed.create({ data: { name: "Broken", url: `${base}/broken.xml` } });
    await db.prisma.capFeed.create({ data: { name: "Gone", url: `${base}/gone.atom` } });
    await db.prisma.capFeed.create({ data: { name: "Nowhere", url: "http://127.0.0.1:1/feed.atom" } });
    await poller.pollOnce();
    expect((await feedRow("/broken.xml")).lastError).toMatch(/DOCTYPE/);
    expect((await feedRow("/gone.atom")).lastError).toMatch(/500/);
    expect((await db.prisma.capFeed.findUniqueOrThrow({ where: { url: "http://127.0.0.1:1/feed.atom" } })).lastError).toMatch(
      /could not be reached/,
    );
    // The healthy feed was still asked, conditionally.
    expect(requests.filter((r) => r.path === "/river.atom").at(-1)).toMatchObject({ status: 304 });
  });
});
