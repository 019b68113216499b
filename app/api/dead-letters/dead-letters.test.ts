import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRole } from "@/lib/contracts/auth";
import { ZDeadLetterActionResult, ZDeadLetterCounts, ZDeadLetterPage, type TDeadLetterView } from "@/lib/contracts/dead-letters";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/auth/demo-users";
import { recordDeadLetters } from "@/server/db/dead-letters";
import { createManualSource } from "@/test/fixtures/manual-source";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { waste } from "@/test/fixtures/test-events";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";

/** /api/dead-letters and its actions through the real routes, with rejected messages stored as the server stores them. */
describe.each(TEST_BACKENDS)("dead-letter routes ($kind)", (backend) => {
  let app: TTestApp;
  let cleanup: () => Promise<void>;
  const source = createManualSource();
  const cookies = {} as Record<TRole, string>;
  const names = {} as Record<TRole, string>;

  beforeAll(async () => {
    const opened = await backend.open();
    cleanup = opened.cleanup;
    app = await startTestApp({ db: opened.db, source, deadLetters: "database" });
    for (const demo of DEMO_USERS) {
      cookies[demo.role] = await app.signIn(demo.email, DEMO_PASSWORD);
      names[demo.role] = (await app.db.prisma.user.findUniqueOrThrow({ where: { email: demo.email } })).name;
    }
  });
  afterAll(async () => {
    await app?.close();
    await cleanup?.();
  });

  /** Through the pipeline, and stored: what the source's messages became. */
  async function ingest(topic: string, values: unknown[]): Promise<void> {
    await source.push(topic, values);
    await app.city.deadLetters.flush();
  }
  const list = async (query = "", cookie = cookies.supervisor) => {
    const response = await app.request(`/api/dead-letters${query}`, { cookie });
    expect(response.status, response.text).toBe(200);
    return ZDeadLetterPage.parse(response.body);
  };
  const act = async (action: "replay" | "handle", body: unknown, cookie = cookies.supervisor, headers?: Record<string, string>) => {
    const response = await app.request(`/api/dead-letters/${action}`, { body, cookie, headers });
    expect(response.status, response.text).toBe(200);
    return ZDeadLetterActionResult.parse(response.body).results;
  };
  const byReason = (letters: TDeadLetterView[], prefix: string) => letters.find((l) => l.reason.startsWith(prefix))!;
  const brokenJson = (letters: TDeadLetterView[]) =>
    letters.find((l) => l.reasonKind === "invalid_json" && l.source.topic === "city.waste")!;
  const auditOf = (id: string) =>
    app.db.prisma.auditLog.findMany({ where: { entityType: "dead_letter", entityId: id }, orderBy: { id: "asc" } });

  it("refuses operators and field crews, and signed-out visitors, on every route", async () => {
    const routes = [
      { path: "/api/dead-letters" },
      { path: "/api/dead-letters/counts" },
      { path: "/api/dead-letters/replay", body: { ids: [] } },
      { path: "/api/dead-letters/handle", body: { ids: [] } },
    ];
    for (const { path, body } of routes) {
      for (const role of ["operator", "field"] as const)
        expect((await app.request(path, { body, cookie: cookies[role] })).status).toBe(403);
      expect((await app.request(path, { body })).status).toBe(401);
    }
  });

  it("lists what the pipeline rejected, newest first, with reason, source, entity and the payload as text or hex", async () => {
    await ingest("city.waste", ['{"entityId":"bin-1","type":"WasteContainer",']);
    await ingest("city.waste", [{ ...waste("bin-9", 0, {}) }]);
    // Bytes that are not UTF-8 text, stored as the Kafka source stores them.
    const bytes = Uint8Array.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]);
    await recordDeadLetters(
      app.db.prisma,
      [
        {
          reason: "invalid JSON: Unexpected token",
          topic: "city.energy",
          partition: 3,
          offset: "42",
          key: "sub-1",
          payload: "{\ufffd\ufffd\u2400}",
          payloadBytes: bytes,
          payloadSize: bytes.length,
          receivedAt: new Date(Date.now() + 1000),
        },
      ],
      "kafka",
    );

    const { letters, nextCursor } = await list();
    expect(nextCursor).toBeNull();
    expect(letters).toHaveLength(3);
    expect(letters[0]).toMatchObject({
      reasonKind: "invalid_json",
      source: { kind: "kafka", topic: "city.energy", partition: 3, offset: "42" },
      entityId: "sub-1",
      payload: { text: null, hex: "7bfffe007d", size: 5, isTruncated: false },
      replayCount: 0,
      handled: null,
      notReplayableBecause: null,
    });
    const unknown = byReason(letters, "unknown entity");
    expect(unknown).toMatchObject({ reasonKind: "unknown_entity", entityId: "bin-9", source: { kind: "simulator", topic: "city.waste" } });
    expect(JSON.parse(unknown.payload.text!)).toMatchObject({ entityId: "bin-9" });
    expect(brokenJson(letters)).toMatchObject({ entityId: null, payload: { text: '{"entityId":"bin-1","type":"WasteContainer",' } });
    expect(letters.map((l) => l.receivedAt)).toEqual([...letters.map((l) => l.receivedAt)].sort().reverse());
  });

  it("filters by reason and source, pages by keyset, and refuses a made-up cursor", async () => {
    expect((await list("?reason=unknown_entity")).letters.map((l) => l.reasonKind)).toEqual(["unknown_entity"]);
    expect((await list("?source=city.energy")).letters.map((l) => l.source.topic)).toEqual(["city.energy"]);
    expect((await list("?reason=time")).letters).toEqual([]);

    const first = await list("?limit=2");
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.letters, ...second.letters].map((l) => l.id)).toEqual((await list()).letters.map((l) => l.id));

    for (const query of ["?cursor=bm9wZQ", "?reason=bogus", "?limit=1000", "?status=deleted"]) {
      const response = await app.request(`/api/dead-letters${query}`, { cookie: cookies.admin });
      expect(response.status, query).toBe(400);
    }
  });

  it("counts letters per hour and reason, and names their sources", async () => {
    const response = await app.request("/api/dead-letters/counts?hours=3", { cookie: cookies.admin });
    expect(response.status, response.text).toBe(200);
    const counts = ZDeadLetterCounts.parse(response.body);
    expect(counts.hours).toHaveLength(3);
    const total = counts.hours.flatMap((h) => Object.values(h.counts)).reduce((a, b) => a + b, 0);
    expect(total).toBe(3);
    expect(counts.hours.at(-1)!.counts).toMatchObject({ unknown_entity: 1 });
    expect(counts.sources).toEqual([
      { topic: "city.waste", count: 2 },
      { topic: "city.energy", count: 1 },
    ]);
    expect((await app.request("/api/dead-letters/counts?hours=0", { cookie: cookies.admin })).status).toBe(400);
  });

  it("replays a letter that fails again onto the same letter, counting the replays, audited", async () => {
    const letter = byReason((await list()).letters, "unknown entity");
    const before = await app.db.prisma.deadLetter.count();

    expect(await act("replay", { ids: [letter.id] })).toEqual([{ id: letter.id, outcome: "replayed", detail: null }]);
    await app.city.deadLetters.flush();
    expect(await act("replay", { ids: [letter.id] }, cookies.admin)).toEqual([{ id: letter.id, outcome: "replayed", detail: null }]);
    await app.city.deadLetters.flush();

    expect(await app.db.prisma.deadLetter.count()).toBe(before);
    const again = (await list()).letters.find((l) => l.id === letter.id)!;
    expect(again).toMatchObject({ replayCount: 2, replayOutcome: "failed", lastReplayedBy: names.admin, reasonKind: "unknown_entity" });
    expect(again.lastFailedAt).not.toBeNull();
    const audit = await auditOf(letter.id);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["dead_letter.replayed", "supervisor@citynerve.local"],
      ["dead_letter.replayed", "admin@citynerve.local"],
    ]);
    expect(audit[1].after).toMatchObject({ replayCount: 2, topic: "city.waste" });
  });

  it("answers a repeated Idempotency-Key once: one replay, one audit row", async () => {
    const letter = brokenJson((await list()).letters);
    const headers = { "Idempotency-Key": "0b9f4a52-8f55-4c2a-9d0e-5c1a7e0c1f11" };
    const first = await act("replay", { ids: [letter.id] }, cookies.supervisor, headers);
    const repeat = await act("replay", { ids: [letter.id] }, cookies.supervisor, headers);
    expect(repeat).toEqual(first);
    await app.city.deadLetters.flush();
    expect((await app.db.prisma.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).replayCount).toBe(1);
    expect(await auditOf(letter.id)).toHaveLength(1);
  });

  it("says which letters it could not replay, and why", async () => {
    await recordDeadLetters(app.db.prisma, [
      {
        reason: "message too large (70000 bytes > 65536)",
        topic: "city.units",
        partition: 0,
        offset: "7",
        key: null,
        payload: "a".repeat(16),
        payloadBytes: Buffer.alloc(16, 0x61),
        payloadSize: 70_000,
        receivedAt: new Date(Date.now() + 2000),
      },
    ]);
    const [truncated] = (await list("?reason=too_large")).letters;
    expect(truncated.notReplayableBecause).toMatch(/first 16 of its 70000 bytes/);

    const missing = "00000000-0000-4000-8000-000000000000";
    const results = await act("replay", { ids: [truncated.id, missing] });
    expect(results).toEqual([
      { id: truncated.id, outcome: "not_replayable", detail: truncated.notReplayableBecause },
      { id: missing, outcome: "not_found", detail: "No such dead letter" },
    ]);
    expect(await auditOf(truncated.id)).toEqual([]);

    for (const body of [
      { ids: [] },
      { ids: ["not-a-uuid"] },
      { ids: Array(101).fill(missing) },
      {},
      { ids: [missing], note: "x".repeat(1001) },
    ]) {
      expect((await app.request("/api/dead-letters/handle", { body, cookie: cookies.supervisor })).status).toBe(400);
    }
    expect((await app.request("/api/dead-letters/replay", { body: "{", cookie: cookies.supervisor })).status).toBe(400);
  });

  it("marks letters handled with who and a note, hides them by default, and a failed replay brings one back", async () => {
    const letters = (await list()).letters;
    const energy = letters.find((l) => l.source.topic === "city.energy")!;
    const unknown = byReason(letters, "unknown entity");

    const results = await act("handle", { ids: [energy.id, unknown.id], note: "  sensor firmware <b>fixed</b>  " });
    expect(results.map((r) => r.outcome)).toEqual(["handled", "handled"]);
    expect((await act("handle", { ids: [energy.id] }, cookies.admin)).map((r) => r.outcome)).toEqual(["already_handled"]);

    expect((await list()).letters.map((l) => l.id)).not.toContain(energy.id);
    const handled = (await list("?status=handled")).letters;
    expect(handled.map((l) => l.id).sort()).toEqual([energy.id, unknown.id].sort());
    expect(handled.find((l) => l.id === energy.id)!.handled).toMatchObject({ by: names.supervisor, note: "sensor firmware <b>fixed</b>" });
    expect((await list("?status=all")).letters.map((l) => l.id)).toContain(energy.id);

    const audit = await auditOf(energy.id);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([["dead_letter.handled", "supervisor@citynerve.local"]]);

    // Replayed and rejected again: it needs looking at again.
    await act("replay", { ids: [unknown.id] });
    await app.city.deadLetters.flush();
    const back = (await list()).letters.find((l) => l.id === unknown.id)!;
    expect(back).toMatchObject({ handled: null, replayCount: 3, replayOutcome: "failed" });
  });
});
