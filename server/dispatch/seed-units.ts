import type { TUnit } from "@/lib/contracts/city-pack";
import type { PrismaClient } from "@/server/db/generated/client";
import { DEFAULT_CAPABILITIES } from "./unit-capabilities";

/**
 * Creates the pack's units that are not in the database yet. Existing ones are left alone, so changes
 * made by admins (call sign, crew, capabilities) and the live status survive restarts.
 */
export async function seedUnits(prisma: PrismaClient, units: readonly TUnit[]): Promise<number> {
  if (units.length === 0) return 0;
  const { count } = await prisma.unit.createMany({
    data: units.map((u) => ({
      id: u.id,
      callSign: u.callSign,
      type: u.type,
      stationId: u.stationId,
      capabilities: [...DEFAULT_CAPABILITIES[u.type]],
    })),
    skipDuplicates: true,
  });
  return count;
}
