import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCityEntities } from "@/lib/contracts/city-pack";
import { DEAD_LETTER_TOPIC, LAYERS } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import { OPS_TOPIC } from "@/lib/contracts/ops-events";
import type { TLayerEvents } from "@/lib/contracts/realtime";
import { DEMO_PASSWORD } from "@/server/auth/demo-users";
import { loadCityPack } from "@/server/city/load-city-pack";
import { startClusterInstance, spawnTsx, type TClusterProcess, type TClusterInstanceInfo } from "@/test/fixtures/cluster-processes";
import { deleteRedisKeys, requireRedis, SHARED_REDIS_URL } from "@/test/fixtures/redis";
import { sessionCookie, type TTestSocket } from "@/test/fixtures/test-app";
import { createTestPostgres, type TTestPostgres } from "@/test/fixtures/test-databases";
import { collectTopics, createTestKafka, produceTo, startKafkaMock, type TKafkaMock } from "@/test/kafka-mock";
import { waitFor } from "@/test/wait-for";
import { jsonSnapshot } from "@/test/fixtures/json-snapshot";

/**
 * Three instances as separate processes behind no load balancer, sharing one Kafka (librdkafka's mock), one
 * PostgreSQL database and one Redis, fed by the project's simulator producer (scripts/simulate.ts) — the
 * scale-out topology of docker-compose.yml's `scale-out` profile, minus nginx.
 */
const PACK = "three-rivers";
const ESCALATION_SECONDS = 10;
/** Processes start in parallel on a small CI machine: tsx compiles the app once per process. */
const START_BOUND_MS = 240_000;
const CLUSTER_BOUND_MS = 60_000;

type TInstance = TClusterProcess & TClusterInstanceInfo;
/** One browser's view of the city: the latest event per entity, from its snapshot and the deltas since. */
type TCityView = Map<string, unknown>;

let mock: TKafkaMock;
let postgres: TTestPostgres;
let sql: pg.Pool;
let producer: TClusterProcess;
let instances: TInstance[] = [];
let entities: TCityEntities;
/** Everything the instances published to city.ops.*, read from the start. */
let opsCollector: Awaited<ReturnType<typeof collectTopics>>;
const redisPrefix = `test:cluster:${randomUUID()}`;
const sockets: TTestSocket[] = [];

const entityCount = (e: TCityEntities) =>
  e.segments.length + e.parking.length + e.bins.length + e.substations.length + e.feeders.length + e.units.length;

async function request(instance: TInstance, path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (method !== "GET") headers.origin = instance.origin;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(instance.origin + path, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : undefined,
  };
}

async function signIn(instance: TInstance, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await request(instance, "/api/auth/sign-in/email", { body: { email, password } });
  if (response.status !== 200) throw new Error(`sign-in of ${email} on ${instance.instanceId}: ${response.status} ${response.text}`);
  return sessionCookie(response.headers);
}

function openSocket(instance: TInstance, cookie: string): TTestSocket {
  const socket: TTestSocket = connect(instance.origin, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie },
  });
  sockets.push(socket);
  return socket;
}

/** Subscribes to every layer and keeps the view up to date from the snapshot and the deltas after it. */
async function watchCity(socket: TTestSocket): Promise<TCityView> {
  const view: TCityView = new Map();
  const apply = (layers: TLayerEvents) => {
    for (const layer of LAYERS) for (const event of layers[layer] ?? []) view.set(`${layer}:${event.entityId}`, event);
  };
  socket.on("city:delta", (delta) => apply(delta.layers));
  const answer = await socket.emitWithAck("city:subscribe", { layers: [...LAYERS] });
  if (!answer.ok) throw new Error(`subscribe refused: ${answer.error}`);
  apply(jsonSnapshot(answer.data).layers);
  return view;
}

async function isLeader(instance: TInstance): Promise<boolean> {
  const metrics = await request(instance, "/metrics");
  return /^citynerve_leader\{[^}]*\} 1$/m.test(metrics.text);
}

beforeAll(async () => {
  await requireRedis();
  ({ entities } = await loadCityPack(PACK));
  [mock, postgres] = await Promise.all([
    startKafkaMock({
      topics: [
        ...Object.values(TOPIC_BY_LAYER).map((name) => ({ name, partitions: 4 })),
        { name: DEAD_LETTER_TOPIC, partitions: 1 },
        ...Object.values(OPS_TOPIC).map((name) => ({ name, partitions: 2 })),
      ],
    }),
    createTestPostgres({ prefix: "citynerve_cluster" }),
  ]);
  sql = new pg.Pool({ connectionString: postgres.url, max: 2 });
  producer = spawnTsx("scripts/simulate.ts", ["--brokers", mock.brokers.join(","), "--rate", "1000", "--malformed-ratio", "0"], {
    CITY_PACK: PACK,
  });
  const shared = {
    NODE_ENV: "test",
    CITY_PACK: PACK,
    DATABASE_URL: postgres.url,
    KAFKA_BROKERS: mock.brokers.join(","),
    REDIS_URL: SHARED_REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    LEADER_RETRY_MS: "300",
    ALERT_ESCALATION_SECONDS: String(ESCALATION_SECONDS),
    OPS_EVENTS: "true",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  instances = await Promise.all(
    ["a", "b", "c"].map((name) => startClusterInstance({ ...shared, INSTANCE_ID: `test-${name}-${process.pid}` })),
  );
  opsCollector = await collectTopics(createTestKafka(mock.brokers), Object.values(OPS_TOPIC));
}, START_BOUND_MS);

afterAll(async () => {
  await opsCollector?.stop();
  for (const socket of sockets) socket.disconnect();
  await Promise.all([...instances.map((i) => i.stop()), producer?.stop()]);
  await sql?.end();
  await postgres?.drop();
  await mock?.stop();
  await deleteRedisKeys(SHARED_REDIS_URL, redisPrefix);
}, CLUSTER_BOUND_MS);

describe("three instances as separate processes on Kafka, PostgreSQL and Redis", () => {
  it(
    "becomes ready once caught up, and every instance's browsers see the whole city",
    async () => {
      for (const instance of instances) {
        await waitFor(
          async () => (await request(instance, "/api/health/ready")).status === 200,
          `${instance.instanceId} ready`,
          CLUSTER_BOUND_MS,
        );
      }
      const expected = entityCount(entities);
      for (const instance of instances) {
        const view = await watchCity(openSocket(instance, await signIn(instance, "operator@citynerve.local")));
        await waitFor(() => view.size === expected, `${instance.instanceId}'s socket sees all ${expected} entities`, CLUSTER_BOUND_MS);
        expect(view.size).toBe(expected);
      }
    },
    CLUSTER_BOUND_MS * 6,
  );

  it(
    "pushes an incident created through one instance to the others' browsers",
    async () => {
      const [a, b, c] = instances;
      const seen = [b, c].map(async (instance) => {
        const socket = openSocket(instance, await signIn(instance, "operator@citynerve.local"));
        await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
        return socket;
      });
      const [onB, onC] = await Promise.all(seen);
      const heardOn = (socket: TTestSocket) => {
        const ids = new Set<string>();
        socket.on("incident:upsert", (incident) => ids.add(incident.id));
        return ids;
      };
      const [heardOnB, heardOnC] = [heardOn(onB), heardOn(onC)];

      const created = await request(a, "/api/incidents", {
        cookie: await signIn(a, "operator@citynerve.local"),
        body: { type: "fire", priority: "P2", location: entities.bins[0].position, description: "Smoke from a bin (cluster test)" },
      });
      expect(created.status, created.text).toBe(201);
      await waitFor(() => heardOnB.has(created.body.id) && heardOnC.has(created.body.id), "B's and C's browsers hear of the incident");
    },
    CLUSTER_BOUND_MS,
  );

  it(
    "disconnects a user disabled through one instance from the others",
    async () => {
      const [a, b] = instances;
      const admin = await signIn(b, "admin@citynerve.local");
      const email = `cluster-${randomUUID()}@citynerve.local`;
      const password = "cluster-test-password";
      const created = await request(b, "/api/admin/users", {
        cookie: admin,
        body: { name: "Cora Cluster", email, password, role: "operator" },
      });
      expect(created.status, created.text).toBe(201);

      const socket = openSocket(a, await signIn(a, email, password));
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      const disconnected = new Promise<string>((resolve) => socket.once("disconnect", (reason) => resolve(reason)));
      const disabled = await request(b, `/api/admin/users/${created.body.id}`, {
        method: "PATCH",
        cookie: admin,
        body: { disabled: true },
      });
      expect(disabled.status, disabled.text).toBe(200);
      expect(await disconnected).toBe("io server disconnect");
    },
    CLUSTER_BOUND_MS,
  );

  it(
    "gives a browser moved to another instance a snapshot equal to that instance's state",
    async () => {
      const [a, b] = instances;
      const cookie = await signIn(a, "operator@citynerve.local");
      const onA = openSocket(a, cookie);
      const viewOnA = await watchCity(onA);
      const viewOnB = await watchCity(openSocket(b, cookie));
      // The stream stops so both instances settle on the same last readings.
      await producer.stop();
      await waitFor(() => viewOnA.size > 0 && sameView(viewOnA, viewOnB), "A and B settle on the same city", CLUSTER_BOUND_MS);

      onA.disconnect();
      const moved = await watchCity(openSocket(b, cookie));
      expect(moved.size).toBe(entityCount(entities));
      expect(Object.fromEntries(moved)).toEqual(Object.fromEntries(viewOnB));
    },
    CLUSTER_BOUND_MS * 2,
  );

  it(
    "hands leadership over when the leader is killed: escalation goes on, no alert is doubled",
    async () => {
      const leaders = await Promise.all(instances.map(isLeader));
      expect(leaders.filter(Boolean)).toHaveLength(1);
      const leader = instances[leaders.indexOf(true)];
      const survivors = instances.filter((i) => i !== leader);

      // A fire in a bin: a critical alert, raised by the leader alone.
      const bin = entities.bins[1].id;
      const observedAt = new Date().toISOString();
      await produceTo(createTestKafka(mock.brokers), TOPIC_BY_LAYER.waste, [
        {
          key: bin,
          value: JSON.stringify({
            id: `fire-${observedAt}`,
            entityId: bin,
            observedAt,
            type: "WasteContainer",
            fillingLevel: 0.5,
            status: "burning",
            temperature: 180,
          }),
        },
      ]);
      const [raised] = await waitFor(async () => {
        const { rows } = await sql.query(`SELECT id, escalated FROM alerts WHERE rule_id = 'waste.bin-burning' AND entity_id = $1`, [bin]);
        return rows.length > 0 ? rows : undefined;
      }, "the leader raises the fire");

      await leader.kill();
      // Killed long before ALERT_ESCALATION_SECONDS: what escalates it must be the next leader.
      const { rows: afterKill } = await sql.query(`SELECT escalated FROM alerts WHERE id = $1`, [raised.id]);
      expect(afterKill[0].escalated).toBe(false);

      await waitFor(
        async () => {
          const leading = await Promise.all(survivors.map(isLeader));
          return leading.filter(Boolean).length === 1 ? survivors[leading.indexOf(true)] : undefined;
        },
        "one survivor leads",
        CLUSTER_BOUND_MS,
      );
      await waitFor(
        async () => {
          const { rows } = await sql.query(`SELECT escalated FROM alerts WHERE id = $1`, [raised.id]);
          return rows[0].escalated;
        },
        "the new leader escalates the unacknowledged fire",
        CLUSTER_BOUND_MS,
      );

      const { rows: escalations } = await sql.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'alert.escalated' AND entity_id = $1`,
        [raised.id],
      );
      expect(escalations[0].n).toBe(1);
      const { rows: fires } = await sql.query(
        `SELECT count(*)::int AS n FROM alerts WHERE rule_id = 'waste.bin-burning' AND entity_id = $1`,
        [bin],
      );
      expect(fires[0].n).toBe(1);
      const { rows: doubled } = await sql.query(
        `SELECT rule_id, entity_id, first_seen_at FROM alerts GROUP BY rule_id, entity_id, first_seen_at HAVING count(*) > 1`,
      );
      expect(doubled).toEqual([]);
    },
    CLUSTER_BOUND_MS * 2,
  );

  it(
    "publishes every committed change to city.ops.* through the leader change, each (id, seq) at least once and keyed by id",
    async () => {
      // A change made after the kill: the new leader's relay must publish it (and whatever the old one left).
      const survivor = instances.find((i) => i.child.exitCode === null && i.child.signalCode === null)!;
      const created = await request(survivor, "/api/incidents", {
        cookie: await signIn(survivor, "operator@citynerve.local"),
        body: { type: "hazard", priority: "P3", location: entities.bins[2].position, description: "Fallen sign (after the leader change)" },
      });
      expect(created.status, created.text).toBe(201);

      const rows = await waitFor(
        async () => {
          const { rows } = await sql.query(`SELECT id::text AS id, topic, entity_id FROM ops_outbox ORDER BY id`);
          if (rows.length === 0) return undefined;
          const { rows: waiting } = await sql.query(`SELECT count(*)::int AS n FROM ops_outbox WHERE published_at IS NULL`);
          if (waiting[0].n > 0) return undefined;
          const seen = new Set(opsCollector.messages.map((m) => `${m.topic}:${JSON.parse(String(m.value)).seq}`));
          return rows.every((r) => seen.has(`${r.topic}:${r.id}`)) ? rows : undefined;
        },
        "every outbox row published by whichever instance led, and read back",
        CLUSTER_BOUND_MS,
      );
      expect(rows.some((r) => r.entity_id === created.body.id)).toBe(true);
      const byPosition = new Map(rows.map((r) => [`${r.topic}:${r.id}`, r.entity_id]));
      for (const message of opsCollector.messages) {
        const event = JSON.parse(String(message.value)) as { id: string; seq: number };
        const key = `${message.topic}:${event.seq}`;
        // Nothing published that was not committed, and each keyed by its entity for per-id order.
        expect(byPosition.get(key), key).toBe(event.id);
        expect(String(message.key)).toBe(event.id);
      }
    },
    CLUSTER_BOUND_MS * 2,
  );
});

function sameView(left: TCityView, right: TCityView): boolean {
  if (left.size !== right.size) return false;
  for (const [key, event] of left) if (JSON.stringify(event) !== JSON.stringify(right.get(key))) return false;
  return true;
}
