import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TAlert } from "@/lib/contracts/alerts";
import type { TIncident } from "@/lib/contracts/incidents";
import type { TAck, TCityDelta, TCitySnapshot, TColumnarSnapshot } from "@/lib/contracts/realtime";
import { DEAD_LETTER_TOPIC } from "@/lib/contracts/layers";
import { TOPIC_BY_LAYER } from "@/lib/domains/builtin-domains";
import type { TDomainRegistry } from "@/server/domains/domain-registry";
import { createKafkaSource } from "@/server/ingest/kafka-source";
import { startAlertsTestApp, type TAlertsTestApp } from "@/test/fixtures/alerts";
import { declaredDomainsOn } from "@/test/fixtures/declared-domains";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { createTestKafka, produceTo, startKafkaMock, TEST_CONSUMER_CONFIG, uniqueName, type TKafkaMock } from "@/test/kafka-mock";
import { waitFor } from "@/test/wait-for";
import { jsonSnapshot } from "@/test/fixtures/json-snapshot";

/**
 * Each declared domain end to end on real parts: its own Kafka topic on the librdkafka mock cluster →
 * kafkajs consumer → validation by the definition's schema (invalid → dead letter) → city state → the
 * definition's rule templates → an alert in PostgreSQL named after the sensor → promoted with the run card.
 */
let mock: TKafkaMock;
let domains: TDomainRegistry;
let t: TAlertsTestApp;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  domains = await declaredDomainsOn();
  mock = await startKafkaMock({
    topics: [
      ...[...Object.values(TOPIC_BY_LAYER), ...domains.topics].map((name) => ({ name, partitions: 2 })),
      { name: DEAD_LETTER_TOPIC, partitions: 1 },
    ],
  });
  const opened = await TEST_BACKENDS[0].open();
  cleanup = opened.cleanup;
  t = await startAlertsTestApp(opened.db, {
    domains,
    source: createKafkaSource({
      brokers: mock.brokers,
      clientId: "declared-domains-test",
      groupId: uniqueName("declared"),
      topics: [...Object.values(TOPIC_BY_LAYER), ...domains.topics],
      deadLetterTopic: DEAD_LETTER_TOPIC,
      fromBeginning: true,
      consumerConfig: TEST_CONSUMER_CONFIG,
    }),
  });
  // Starting a database, the app and a consumer group on a busy two-core machine can take more than the default minute.
}, 180_000);

afterAll(async () => {
  await t?.close();
  await cleanup?.();
  await mock?.stop();
});

const kafka = () => createTestKafka(mock.brokers);
const sensor = (domain: string, n = 0) => domains.byId.get(domain)!.entities[n]!;

async function produce(topic: string, events: Record<string, unknown>[]) {
  await produceTo(
    kafka(),
    topic,
    events.map((e) => ({ key: String(e.entityId), value: JSON.stringify(e) })),
  );
}

async function openAlert(ruleId: string, entityId: string): Promise<TAlert> {
  let found: TAlert | undefined;
  await waitFor(async () => {
    await t.app.city.alerts!.flush();
    const alerts = (await t.app.request("/api/alerts?status=open", { cookie: t.cookies.operator })).body as TAlert[];
    found = alerts.find((a) => a.ruleId === ruleId && a.entityId === entityId);
    return found !== undefined;
  }, `an open ${ruleId} alert on ${entityId}`);
  return found!;
}

async function promote(alert: TAlert): Promise<TIncident> {
  const response = await t.app.request(`/api/alerts/${alert.id}/promote`, {
    method: "POST",
    cookie: t.cookies.operator,
    body: { version: alert.version },
  });
  expect(response.status).toBe(201);
  return response.body.incident as TIncident;
}

const series = (startIso: string, stepS: number, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(startIso) + i * stepS * 1000).toISOString());

describe("declared domains through Kafka", () => {
  it("air quality: PM2.5 held at 4× the WHO guideline opens an alert, promoted with the domain's run card", async () => {
    const aq = sensor("air-quality");
    const events = series("2026-12-02T15:00:00Z", 300, 3).map((observedAt, i) => ({
      id: `aq-e${i}`,
      entityId: aq.id,
      observedAt,
      type: "AirQualityObserved",
      pm25: 60,
      pm10: 70,
      no2: 30,
      o3: 60,
    }));
    await produce("city.air-quality", events);
    const alert = await openAlert("air-quality.pm25-high", aq.id);
    expect(alert).toMatchObject({ domain: "air-quality", ruleName: "PM2.5 high", severity: "major", location: aq.position, value: 60 });
    expect(alert.message).toContain("PM2.5 60 µg/m³ (limit 45 µg/m³)");
    expect(t.app.city.cityState.latestDeclared("air-quality", aq.id)).toMatchObject({ pm25: 60, observedAt: events[2]!.observedAt });

    const incident = await promote(alert);
    expect(incident).toMatchObject({ type: "hazard", priority: "P2" });
    expect(incident.description).toContain("PM2.5 high");
    expect((await t.auditFor(alert.id)).map((e) => e.action)).toEqual(["alert.raised", "alert.promoted"]);
  });

  it("street lighting: a faulty lamp after dark is a dark street; the same fault by day is not", async () => {
    const night = sensor("street-lighting", 0);
    const day = sensor("street-lighting", 1);
    // The tiny city is in Michigan: 05:00 UTC is midnight, 17:00 UTC mid-day (December).
    const fault = (entityId: string, startIso: string) =>
      series(startIso, 150, 3).map((observedAt, i) => ({
        id: `${entityId}-${startIso}-${i}`,
        entityId,
        observedAt,
        type: "Streetlight",
        powerState: "fault",
        powerConsumption: 0,
        dimmingLevel: 0,
      }));
    await produce("city.street-lighting", [...fault(day.id, "2026-12-02T17:00:00Z"), ...fault(night.id, "2026-12-03T05:00:00Z")]);
    const alert = await openAlert("street-lighting.dark-street", night.id);
    expect(alert).toMatchObject({ domain: "street-lighting", ruleName: "Dark street at night", value: "fault" });
    expect(alert.message).toContain("Status fault after dark");
    const all = (await t.app.request("/api/alerts?status=open", { cookie: t.cookies.operator })).body as TAlert[];
    expect(all.filter((a) => a.entityId === day.id)).toEqual([]);
    expect(await promote(alert)).toMatchObject({ type: "hazard" });
  });

  it("water network: pressure held under 2 bar is a suspected leak; an invalid reading is a dead letter", async () => {
    const meter = sensor("water-network");
    const readings = series("2026-12-02T16:00:00Z", 60, 3).map((observedAt, i) => ({
      id: `wm-e${i}`,
      entityId: meter.id,
      observedAt,
      type: "WaterObserved",
      pressure: 1.4,
      flow: 140,
    }));
    const outcomesBefore = t.app.city.stats.outcomesByTopic().get("city.water-network")?.dead_lettered ?? 0;
    await produce("city.water-network", [
      ...readings,
      { id: "bad-1", entityId: meter.id, observedAt: readings[0]!.observedAt, type: "WaterObserved", pressure: -3, flow: 10 },
      { id: "bad-2", entityId: "wm-nowhere", observedAt: readings[0]!.observedAt, type: "WaterObserved", pressure: 3, flow: 10 },
    ]);
    const alert = await openAlert("water-network.pressure-drop", meter.id);
    expect(alert).toMatchObject({
      domain: "water-network",
      ruleName: "Pressure drop (suspected leak)",
      value: 1.4,
      location: meter.position,
    });
    const incident = await promote(alert);
    expect(incident).toMatchObject({ type: "hazard" });
    // The definition's run card, not the hazard type's default (fire + police); crews acknowledge in the hazard type's time.
    const recommendation = await t.app.request(`/api/incidents/${incident.id}/recommendation`, { cookie: t.cookies.operator });
    expect(recommendation.status).toBe(200);
    expect(recommendation.body.runCard).toEqual({ incidentType: "hazard", units: { utility: 1, police: 1 }, ackWithinSeconds: 90 });
    await waitFor(
      () => (t.app.city.stats.outcomesByTopic().get("city.water-network")?.dead_lettered ?? 0) === outcomesBefore + 2,
      "the two invalid readings dead-lettered",
    );
  });

  it("reaches browsers over the hub: a snapshot of the subscribed domains, then deltas; built-in subscribers get none of it", async () => {
    const meter = sensor("water-network", 1);
    const socket = t.app.socket(t.cookies.operator);
    const builtinOnly = t.app.socket(t.cookies.operator);
    const deltas: TCityDelta[] = [];
    const builtinDeltas: TCityDelta[] = [];
    socket.on("city:delta", (d) => deltas.push(d));
    builtinOnly.on("city:delta", (d) => builtinDeltas.push(d));
    const snapshot = await new Promise<TAck<TCitySnapshot | TColumnarSnapshot>>((resolve) =>
      socket.emit("city:subscribe", { layers: ["waste"], domains: ["water-network", "air-quality"] }, resolve),
    );
    await new Promise((resolve) => builtinOnly.emit("city:subscribe", { layers: ["waste"] }, resolve));
    expect(snapshot.ok).toBe(true);
    if (!snapshot.ok) return;
    const data = jsonSnapshot(snapshot.data);
    expect(data.declared?.["air-quality"]?.map((e) => e.entityId)).toContain(sensor("air-quality").id);
    // No bin has reported in this city: a layer with nothing to send is left out of the snapshot.
    expect(data.layers.waste ?? []).toEqual([]);
    expect(Object.keys(data.layers).filter((layer) => layer !== "waste")).toEqual([]);

    const reading = {
      id: "wm-hub",
      entityId: meter.id,
      observedAt: "2026-12-02T18:00:00Z",
      type: "WaterObserved",
      pressure: 3.7,
      flow: 55,
    };
    await produce("city.water-network", [reading]);
    await waitFor(
      () => deltas.some((d) => d.declared?.["water-network"]?.some((e) => e.id === "wm-hub")),
      "the delta with the new reading",
    );
    expect(deltas.find((d) => d.declared)?.layers).toEqual({});
    expect(builtinDeltas.filter((d) => d.declared)).toEqual([]);
    socket.disconnect();
    builtinOnly.disconnect();
  });
});
