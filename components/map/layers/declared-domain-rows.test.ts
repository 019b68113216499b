import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LiveCityStore } from "@/components/live/live-city-store";
import { type TDomainEntity, type TDomainEvent, ZDomainDefinition } from "@/lib/contracts/domain-definition";
import air from "@/lib/domains/definitions/air-quality.json";
import type { TRowRange } from "./changed-row-ranges";
import type { TRgba } from "./color-scales";
import { createDeclaredDomainLayer, declaredColor, declaredRamp } from "./declared-domain-layer";
import { LIVE_ROWS_EXTENSION } from "./live-rows-extension";

const airQuality = ZDomainDefinition.parse(air);
const DOMAIN = airQuality.id;

const sensorsOf = (count: number): TDomainEntity[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `aq-${i}`,
    domain: DOMAIN,
    name: `Air sensor ${i}`,
    street: "Main St",
    position: [-85.6 + i * 1e-3, 41.9],
  }));

const reading = (entityId: string, minute: number, pm25: number | null): TDomainEvent => ({
  id: `${entityId}@${minute}`,
  entityId,
  observedAt: new Date(Date.UTC(2026, 11, 3, 0, minute)).toISOString(),
  type: airQuality.eventType,
  ...(pm25 === null ? {} : { pm25 }),
});

type TDeclaredLayer = ReturnType<typeof createDeclaredDomainLayer>;
type TInvalidation = { accessor: string; range?: TRowRange };

function drawLayer(store: LiveCityStore, sensors: readonly TDomainEntity[]): TDeclaredLayer {
  return createDeclaredDomainLayer(airQuality, sensors, { store, version: store.getDeclaredVersions()[DOMAIN] ?? 0, visible: true });
}

/** What the live-rows extension asks deck.gl's attribute manager to recompute when `next` replaces `previous`. */
function invalidationsBetween(previous: TDeclaredLayer, next: TDeclaredLayer): TInvalidation[] {
  const invalidations: TInvalidation[] = [];
  const attributeManager = {
    invalidate: (accessor: string, range?: TRowRange) => invalidations.push(range ? { accessor, range } : { accessor }),
  };
  const layer = { getAttributeManager: () => attributeManager };
  const update = { props: next.props, oldProps: previous.props, changeFlags: { dataChanged: false } };
  LIVE_ROWS_EXTENSION.updateState.call(layer as never, update as never);
  return invalidations;
}

describe("declared domain layers: changed rows only", () => {
  const ramp = declaredRamp(airQuality);
  const fullColors = (store: LiveCityStore, sensors: readonly TDomainEntity[]) =>
    sensors.map((sensor) => declaredColor(airQuality, ramp, store.getDeclared(DOMAIN, sensor.id)));

  it("recomputing only the invalidated rows after random deltas and snapshots gives the colours a full recomputation gives", () => {
    const pm25 = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null });
    const delta = fc.record({
      kind: fc.constant("delta" as const),
      // Some sensors the layer does not draw; some readings older than what the store holds.
      readings: fc.array(fc.record({ sensor: fc.nat(), minuteBack: fc.nat({ max: 3 }), pm25 }), { maxLength: 40 }),
    });
    const snapshot = fc.record({
      kind: fc.constant("snapshot" as const),
      // A snapshot without the domain (switched off) empties it.
      readings: fc.option(fc.array(fc.record({ sensor: fc.nat(), pm25 }), { maxLength: 40 }), { nil: null }),
    });
    const draw = fc.record({ kind: fc.constant("draw" as const) });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.oneof({ arbitrary: delta, weight: 6 }, { arbitrary: snapshot, weight: 1 }, { arbitrary: draw, weight: 3 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (sensorCount, steps) => {
          const sensors = sensorsOf(sensorCount);
          const idOf = (n: number) => `aq-${n % (sensorCount + 3)}`;
          const store = new LiveCityStore();
          let minute = 10;
          let shown = drawLayer(store, sensors);
          const colors = fullColors(store, sensors);
          const redraw = () => {
            const next = drawLayer(store, sensors);
            const fillColor = next.props.getFillColor as (sensor: TDomainEntity) => TRgba;
            for (const { accessor, range } of invalidationsBetween(shown, next)) {
              expect(accessor).toBe("getFillColor");
              const { startRow, endRow } = range ?? { startRow: 0, endRow: sensors.length };
              for (let row = startRow; row < endRow; row++) colors[row] = fillColor(sensors[row]!);
            }
            shown = next;
          };
          for (const step of steps) {
            minute += 5;
            if (step.kind === "draw") redraw();
            else if (step.kind === "delta") {
              const events = step.readings.map((r) => reading(idOf(r.sensor), minute - r.minuteBack, r.pm25));
              store.applyDelta({ seq: minute, layers: {}, declared: { [DOMAIN]: events } });
            } else {
              const declared = step.readings && { [DOMAIN]: step.readings.map((r) => reading(idOf(r.sensor), minute, r.pm25)) };
              store.applySnapshot({ seq: minute, at: "", layers: {}, ...(declared ? { declared } : {}) });
            }
          }
          redraw();
          expect(colors).toEqual(fullColors(store, sensors));
        },
      ),
    );
  });

  it("a delta touching one sensor invalidates that sensor's row only; another domain's delta invalidates nothing", () => {
    const sensors = sensorsOf(10);
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: {}, declared: { [DOMAIN]: sensors.map((s) => reading(s.id, 0, 10)) } });
    const drawn = drawLayer(store, sensors);

    store.applyDelta({ seq: 2, layers: {}, declared: { [DOMAIN]: [reading("aq-6", 1, 80)] } });
    const next = drawLayer(store, sensors);
    expect(invalidationsBetween(drawn, next)).toEqual([{ accessor: "getFillColor", range: { startRow: 6, endRow: 7 } }]);

    store.applyDelta({ seq: 3, layers: {}, declared: { "street-lighting": [{ ...reading("sl-1", 2, null), powerState: "fault" }] } });
    expect(invalidationsBetween(next, drawLayer(store, sensors))).toEqual([]);
  });

  it("recomputes every row after a snapshot", () => {
    const sensors = sensorsOf(4);
    const store = new LiveCityStore();
    store.applySnapshot({ seq: 1, at: "", layers: {}, declared: { [DOMAIN]: [reading("aq-0", 0, 10)] } });
    const drawn = drawLayer(store, sensors);
    store.applySnapshot({ seq: 2, at: "", layers: {}, declared: { [DOMAIN]: [reading("aq-1", 1, 10)] } });
    expect(invalidationsBetween(drawn, drawLayer(store, sensors))).toEqual([{ accessor: "getFillColor" }]);
  });
});
