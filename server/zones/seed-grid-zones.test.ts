import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_ZONE, ZZoneGeometry } from "@/lib/contracts/zones";
import { type TBounds, zoneName } from "@/lib/zones";
import { cityBounds } from "@/server/city/zones";
import { TEST_BACKENDS } from "@/test/fixtures/test-databases";
import { TINY_CITY } from "@/test/fixtures/tiny-city";
import { listZones } from "./list-zones";
import { gridZones, seedGridZones } from "./seed-grid-zones";
import { buildZoneIndex } from "./zone-index";

const bounds = fc
  .tuple(
    fc.double({ min: -170, max: 170, noNaN: true }),
    fc.double({ min: -80, max: 80, noNaN: true }),
    fc.double({ min: 0.001, max: 5, noNaN: true }),
    fc.double({ min: 0.001, max: 5, noNaN: true }),
  )
  .map(([west, south, width, height]): TBounds => [west, south, west + width, south + height]);

describe("the seeded grid", () => {
  it("places every position within a city's size of its bounds where the old 3×3 grid did", () => {
    fc.assert(
      fc.property(
        bounds,
        fc.double({ min: -0.99, max: 1.99, noNaN: true }),
        fc.double({ min: -0.99, max: 1.99, noNaN: true }),
        (b, fx, fy) => {
          const position: [number, number] = [b[0] + fx * (b[2] - b[0]), b[1] + fy * (b[3] - b[1])];
          const zones = gridZones(b);
          for (const zone of zones) expect(ZZoneGeometry.safeParse(zone.geometry).success).toBe(true);
          expect(buildZoneIndex(zones).zoneOf(position)).toBe(zoneName(b, position));
        },
      ),
    );
  });

  it("still has nine cells for a city that is a single point", () => {
    const index = buildZoneIndex(gridZones([1, 1, 1, 1]));
    expect(index.zoneOf([1, 1])).toBe("Central");
    expect(index.zoneOf([0.99, 1.01])).toBe("North-West");
    expect(index.zoneOf([5, 5])).toBe(NO_ZONE);
  });
});

describe.each(TEST_BACKENDS)("seeding the grid ($kind)", (backend) => {
  it("stores the nine districts once, even when instances start together, and never again once zones existed", async () => {
    const { db, cleanup } = await backend.open();
    try {
      const cityBox = cityBounds(TINY_CITY);
      // The app's start has seeded already if this database came through it; start from none either way.
      await db.prisma.zoneRevision.deleteMany();
      await db.prisma.zone.deleteMany();
      const seeded = await Promise.all([
        seedGridZones(db.prisma, cityBox),
        seedGridZones(db.prisma, cityBox),
        seedGridZones(db.prisma, cityBox),
      ]);
      expect(seeded.filter(Boolean)).toHaveLength(1);
      const zones = await listZones(db.prisma);
      expect(zones.map((z) => z.name).sort()).toEqual(
        gridZones(cityBox)
          .map((z) => z.name)
          .sort(),
      );
      expect(zones.every((z) => z.kind === "district" && z.updatedBy === null && z.version === 1)).toBe(true);
      expect(await db.prisma.zoneRevision.count({ where: { change: "created", changedById: null } })).toBe(9);

      // Every zone removed by an admin: the city chose no zones, the grid does not come back.
      await db.prisma.zone.updateMany({ data: { removedAt: new Date() } });
      expect(await seedGridZones(db.prisma, cityBox)).toBe(false);
      expect(await listZones(db.prisma)).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
