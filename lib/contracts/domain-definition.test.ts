import fc from "fast-check";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDomainEventSchema, ZDomainDefinition, type TDomainDefinition, type TDomainField } from "./domain-definition";

const SHIPPED = ["air-quality", "street-lighting", "water-network"];
const load = async (id: string) =>
  ZDomainDefinition.parse(JSON.parse(await readFile(path.join(__dirname, "..", "domains", "definitions", `${id}.json`), "utf8")));

const inRange = (field: TDomainField): fc.Arbitrary<string | number | boolean> => {
  switch (field.kind) {
    case "number":
      return field.integer
        ? fc.integer({ min: Math.ceil(field.min), max: Math.floor(field.max) })
        : fc.double({ min: field.min, max: field.max, noNaN: true });
    case "enum":
      return fc.constantFrom(...field.values);
    case "boolean":
      return fc.boolean();
  }
};

/** A valid event of the definition, optional fields present or not. */
const validEvent = (def: TDomainDefinition) =>
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      entityId: fc.string({ minLength: 1, maxLength: 40 }),
      observedAt: fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
      type: fc.constant(def.eventType),
      values: fc.tuple(...def.fields.map((f) => fc.tuple(fc.constant(f), inRange(f), fc.boolean()))),
    })
    .map(({ values, ...envelope }) => {
      const event: Record<string, unknown> = { ...envelope };
      for (const [field, value, keepOptional] of values) if (field.required || keepOptional) event[field.name] = value;
      return event;
    });

describe("buildDomainEventSchema", () => {
  for (const id of SHIPPED) {
    it(`${id}: accepts every in-range event`, async () => {
      const def = await load(id);
      const schema = buildDomainEventSchema(def);
      fc.assert(
        fc.property(validEvent(def), (event) => {
          expect(schema.safeParse(event).success).toBe(true);
        }),
      );
    });

    it(`${id}: rejects an out-of-range, missing-required or wrongly typed field`, async () => {
      const def = await load(id);
      const schema = buildDomainEventSchema(def);
      const spoil = (field: TDomainField): fc.Arbitrary<unknown> => {
        const missing = field.required ? [fc.constant(undefined)] : [];
        switch (field.kind) {
          case "number":
            return fc.oneof(
              fc.double({ min: field.max, max: field.max * 10 + 1e6, noNaN: true }).filter((v) => v > field.max),
              fc.double({ min: field.min - 1e6, max: field.min, noNaN: true }).filter((v) => v < field.min),
              fc.string(),
              fc.boolean(),
              fc.constant(Number.NaN),
              ...missing,
            );
          case "enum":
            return fc.oneof(
              fc.string().filter((s) => !field.values.includes(s)),
              fc.integer(),
              ...missing,
            );
          case "boolean":
            return fc.oneof(fc.string(), fc.integer(), ...missing);
        }
      };
      const candidates = def.fields.filter((f) => f.required || f.kind !== "boolean");
      fc.assert(
        fc.property(
          validEvent(def),
          fc.constantFrom(...candidates).chain((field) => fc.tuple(fc.constant(field), spoil(field))),
          (event, [field, bad]) => {
            // An absent optional field is fine; spoil() only offers absence for required ones.
            fc.pre(!(bad === undefined && !field.required));
            const spoiled = { ...event, [field.name]: bad };
            if (bad === undefined) delete spoiled[field.name];
            const result = schema.safeParse(spoiled);
            expect(result.success).toBe(false);
            expect(result.error?.issues[0].path).toEqual([field.name]);
          },
        ),
      );
    });
  }

  it("rejects another event type and a missing envelope", async () => {
    const def = await load("water-network");
    const schema = buildDomainEventSchema(def);
    const event = { id: "e1", entityId: "wm-1", observedAt: "2026-12-03T09:00:00Z", type: "WaterObserved", pressure: 3, flow: 50 };
    expect(schema.safeParse(event).success).toBe(true);
    expect(schema.safeParse({ ...event, type: "AirQualityObserved" }).success).toBe(false);
    expect(schema.safeParse({ ...event, observedAt: "yesterday" }).success).toBe(false);
    const { entityId: _e, ...noEntity } = event;
    expect(schema.safeParse(noEntity).success).toBe(false);
  });
});
