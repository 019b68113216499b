import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncident } from "@/lib/contracts/incidents";
import { OPS_TOPIC, ZAlertOpsEvent, ZIncidentOpsEvent, ZUnitOpsEvent } from "@/lib/contracts/ops-events";
import type { TResponderUnit } from "@/lib/contracts/units";
import { recordAudit } from "@/server/audit/record-audit";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { inTransaction } from "@/server/db/transaction";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { DISPATCH_CITY, DISPATCH_CITY_SCENE } from "@/test/fixtures/dispatch-city";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { collectTopics, createTestKafka, startKafkaMock, uniqueName, waitFor, type TKafkaMock } from "@/test/kafka-mock";
import { createOpsOutboxRelay } from "./ops-outbox-relay";
import { createOpsProducer } from "./ops-producer";
import { readOutboxBatch, toOpsMessage } from "./publish-outbox-batch";

/**
 * Operational events end to end on real PostgreSQL and the Kafka mock: changes made through the app's routes
 * reach city.ops.* once per (id, seq) in commit order per key; rolled-back changes never do; a broker outage
 * loses nothing; a relay that died between publishing and marking is followed by one that publishes the rest.
 */
const SCHEMA_BY_TOPIC = { [OPS_TOPIC.alert]: ZAlertOpsEvent, [OPS_TOPIC.incident]: ZIncidentOpsEvent, [OPS_TOPIC.unit]: ZUnitOpsEvent };
const RELAY_TUNING = { idleMs: 50, initialBackoffMs: 50, maxBackoffMs: 500 };

type TSeen = { topic: string; key: string; id: string; seq: number; type: string; entity: any; offset: bigint };

let mock: TKafkaMock;
let kafka: Kafka;
let postgres: TTestPostgres;
let db: TDatabase;
let t: TAlertsTestApp;
let collector: Awaited<ReturnType<typeof collectTopics>>;

beforeAll(async () => {
  mock = await startKafkaMock({ topics: Object.values(OPS_TOPIC).map((name) => ({ name, partitions: 2 })) });
  kafka = createTestKafka(mock.brokers);
  postgres = await createTestPostgres();
  db = await createDatabase({ databaseUrl: postgres.url, dataDir: IN_MEMORY_DATA_DIR });
  t = await startAlertsTestApp(db, {
    entities: DISPATCH_CITY,
    opsEvents: { brokers: mock.brokers, clientId: "ops-test", retentionHours: 24, ...RELAY_TUNING },
  });
  collector = await collectTopics(kafka, Object.values(OPS_TOPIC));
});

afterAll(async () => {
  await collector?.stop();
  await t?.close();
  await db?.close();
  await postgres?.drop();
  await mock?.stop();
});

/** Every collected message, parsed with its topic's schema (a message that does not parse fails the test). */
function seen(): TSeen[] {
  return collector.messages.map((m) => {
    const event = SCHEMA_BY_TOPIC[m.topic as keyof typeof SCHEMA_BY_TOPIC].parse(JSON.parse(String(m.value)));
    return { topic: m.topic, key: String(m.key), ...event, offset: BigInt(m.offset) };
  });
}

const unpublished = () => db.prisma.opsOutbox.count({ where: { publishedAt: null } });

/** All rows are marked published and the collector has read every one of them at least once. */
async function allDelivered(): Promise<TSeen[]> {
  return waitFor(async () => {
    if ((await unpublished()) > 0) return null;
    const rows = await db.prisma.opsOutbox.findMany({ select: { id: true } });
    const events = seen();
    const delivered = new Set(events.map((e) => e.seq));
    return rows.every((r) => delivered.has(Number(r.id))) ? events : null;
  }, "every outbox row published and read back");
}

const post = (path: string, body: unknown) => t.app.request(path, { body, cookie: t.cookies.operator });

async function openIncident(description: string): Promise<TIncident> {
  const response = await post("/api/incidents", { type: "medical", priority: "P2", location: DISPATCH_CITY_SCENE, description });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

describe("operational events through the outbox", () => {
  it("publishes alert, incident and unit changes made through the app once per (id, seq), in commit order per key", async () => {
    const alert = await t.seedAlert();
    expect((await post(`/api/alerts/${alert.id}/acknowledge`, { version: alert.version })).status).toBe(200);
    const incident = await openIncident("outbox: dispatch");
    const dispatched = await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-m2"] });
    expect(dispatched.status, dispatched.text).toBe(200);
    for (const action of ["acknowledge", "enRoute", "onScene"]) {
      const acted = await post(`/api/units/unit-m2/actions`, { idempotencyKey: randomUUID(), action });
      expect(acted.status, acted.text).toBe(200);
    }

    const events = await allDelivered();
    const pairs = events.map((e) => `${e.id}#${e.seq}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const event of events) expect(event.key).toBe(event.id);
    // Per key (one partition), offsets follow seq: the order the changes committed in.
    for (const key of new Set(events.map((e) => e.key))) {
      const ofKey = events.filter((e) => e.key === key).sort((a, b) => (a.offset < b.offset ? -1 : 1));
      expect(ofKey.map((e) => e.seq)).toEqual(ofKey.map((e) => e.seq).toSorted((a, b) => a - b));
    }

    const typesOf = (id: string) => events.filter((e) => e.id === id).map((e) => e.type);
    expect(typesOf(alert.id)).toEqual(expect.arrayContaining(["alert.raised", "alert.acknowledged"]));
    expect(typesOf(incident.id)).toEqual(expect.arrayContaining(["incident.created"]));
    expect(typesOf("unit-m2")).toEqual(["unit.dispatched", "unit.acknowledged", "unit.status_changed", "unit.status_changed"]);
    const unitEvents = events.filter((e) => e.id === "unit-m2");
    expect(unitEvents.map((e) => e.entity.status)).toEqual(["dispatched", "dispatched", "enRoute", "onScene"]);
    // The last event of each entity carries it as the API now returns it.
    const last = (id: string) => events.filter((e) => e.id === id).at(-1)!.entity;
    const unitNow = (await t.app.request("/api/units", { cookie: t.cookies.operator })).body.units.find(
      (u: TResponderUnit) => u.id === "unit-m2",
    );
    expect(last("unit-m2")).toEqual(unitNow);
    expect(last(incident.id)).toMatchObject({ id: incident.id, status: "onScene" });
    expect(last(alert.id)).toMatchObject({ id: alert.id, status: "acknowledged" });
  });

  it("publishes changes that are not audited themselves: more units sent, a backup request answered", async () => {
    const incident = await openIncident("outbox: backup");
    expect((await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-e1"] })).status).toBe(200);
    expect((await post(`/api/incidents/${incident.id}/dispatch`, { unitIds: ["unit-e2"] })).status).toBe(200);
    const backup = await post(`/api/units/unit-e1/actions`, { idempotencyKey: randomUUID(), action: "needBackup" });
    expect(backup.status, backup.text).toBe(200);
    const events = await allDelivered();
    const backupAlert = events.find((e) => e.topic === OPS_TOPIC.alert && e.entity.incidentId === incident.id);
    expect(backupAlert?.type).toBe("alert.raised");
    const acknowledged = await post(`/api/alerts/${backupAlert!.id}/acknowledge`, { version: backupAlert!.entity.version });
    expect(acknowledged.status, acknowledged.text).toBe(200);

    const after = await allDelivered();
    const typesOf = (id: string) => after.filter((e) => e.id === id).map((e) => e.type);
    expect(typesOf(incident.id)).toEqual(expect.arrayContaining(["incident.units_dispatched", "incident.backup_answered"]));
    expect(typesOf("unit-e1")).toContain("unit.backup_answered");
    expect(after.filter((e) => e.id === "unit-e1").at(-1)!.entity.needsBackup).toBe(false);
  });

  it("never publishes a change whose transaction rolled back", async () => {
    const incident = await openIncident("outbox: rollback");
    await expect(
      inTransaction(db.prisma, async (tx) => {
        await tx.incident.update({ where: { id: incident.id }, data: { priority: "P1", version: { increment: 1 } } });
        await recordAudit(tx, { actor: null, action: "test.rolled_back", entityType: "incident", entityId: incident.id });
        throw new Error("refused after the audit row");
      }),
    ).rejects.toThrow("refused after the audit row");
    // A later change of the same incident: once it is out, the rolled-back one would have been before it.
    const note = await post(`/api/incidents/${incident.id}/notes`, { text: "after the rollback" });
    expect(note.status, note.text).toBeLessThan(300);

    const events = (await allDelivered()).filter((e) => e.id === incident.id);
    expect(events.map((e) => e.type)).toContain("incident.created");
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.map((e) => e.type)).not.toContain("test.rolled_back");
    expect(await db.prisma.opsOutbox.count({ where: { type: "test.rolled_back" } })).toBe(0);
  });

  it("keeps events while the broker is down and publishes every one after it is back", async () => {
    const before = await db.prisma.opsOutbox.count();
    await mock.setBrokerDown(1);
    try {
      const incidents: TIncident[] = [];
      for (let i = 0; i < 5; i++) incidents.push(await openIncident(`outbox: outage ${i}`));
      // The relay cannot publish: the rows wait, and /metrics' backlog says so.
      expect(await unpublished()).toBeGreaterThanOrEqual(5);
      await waitFor(() => (t.app.runtime.outboxBacklog?.() ?? 0) >= 5, "the backlog counts the waiting rows");
      expect(await unpublished()).toBeGreaterThanOrEqual(5);
      await mock.setBrokerUp(1);

      const events = await allDelivered();
      for (const incident of incidents) {
        expect(events.filter((e) => e.id === incident.id && e.type === "incident.created").length).toBeGreaterThanOrEqual(1);
      }
      const rows = await db.prisma.opsOutbox.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "asc" } });
      expect(rows.length).toBeGreaterThanOrEqual(before + 5);
      expect(rows.every((r) => r.publishedAt !== null)).toBe(true);
    } finally {
      await mock.setBrokerUp(1);
    }
  });

  it("a relay that died between publishing and marking is followed by one that publishes the rest; duplicates are of that batch alone", async () => {
    // An outbox of its own: the app's relay must not publish these rows.
    const own = await createTestPostgres();
    const ownDb = await createDatabase({ databaseUrl: own.url, dataDir: IN_MEMORY_DATA_DIR });
    const topic = uniqueName("ops-relay");
    const keys = ["unit-a", "unit-b", "unit-c"];
    const rows = [];
    for (let i = 0; i < 12; i++) {
      const entityId = keys[i % keys.length];
      rows.push(await ownDb.prisma.opsOutbox.create({ data: { topic, entityId, type: "unit.check_in", entity: { id: entityId, n: i } } }));
    }
    const reader = await collectTopics(kafka, [topic]);
    try {
      // The old leader: read and published a batch of 4, then died before marking it.
      const producer = createOpsProducer({ brokers: mock.brokers, clientId: "old-leader" });
      const firstBatch = await readOutboxBatch(ownDb.prisma, 4);
      await producer.send(firstBatch.map(toOpsMessage));
      await producer.disconnect();

      // The new leader's relay, on the same outbox.
      const relay = createOpsOutboxRelay({
        prisma: ownDb.prisma,
        producer: createOpsProducer({ brokers: mock.brokers, clientId: "new-leader" }),
        retentionMs: 86_400_000,
        batchSize: 4,
        ...RELAY_TUNING,
      });
      relay.leaderWork.start();
      try {
        await waitFor(async () => (await ownDb.prisma.opsOutbox.count({ where: { publishedAt: null } })) === 0, "all rows marked");
        await waitFor(() => new Set(reader.messages.map((m) => String(m.value))).size === rows.length, "every row read back");
      } finally {
        await relay.leaderWork.stop();
      }

      const events = reader.messages.map((m) => ({ key: String(m.key), offset: BigInt(m.offset), ...JSON.parse(String(m.value)) }));
      const counts = new Map<number, number>();
      for (const e of events) counts.set(e.seq, (counts.get(e.seq) ?? 0) + 1);
      const duplicated = [...counts].filter(([, n]) => n > 1).map(([seq]) => seq);
      const firstSeqs = firstBatch.map((r) => Number(r.id));
      expect(firstSeqs).toHaveLength(4);
      // The new relay starts with the unmarked batch: it goes out twice, and nothing else does.
      expect(duplicated.toSorted((a, b) => a - b)).toEqual(firstSeqs);
      for (const seq of duplicated) expect(firstSeqs).toContain(seq);
      expect([...counts.values()].every((n) => n <= 2)).toBe(true);

      // A consumer deduplicating on (id, seq) sees each row once, in order per key.
      const deduped = new Map<string, (typeof events)[number]>();
      for (const e of events.toSorted((a, b) => (a.offset < b.offset ? -1 : 1)))
        deduped.set(`${e.id}#${e.seq}`, deduped.get(`${e.id}#${e.seq}`) ?? e);
      expect([...deduped.values()].map((e) => e.seq).toSorted((a, b) => a - b)).toEqual(rows.map((r) => Number(r.id)));
      for (const key of keys) {
        const firstSeen = [...deduped.values()].filter((e) => e.key === key).map((e) => e.seq);
        expect(firstSeen).toEqual(firstSeen.toSorted((a, b) => a - b));
      }
    } finally {
      await reader.stop();
      await ownDb.close();
      await own.drop();
    }
  });
});
