import { z } from "zod";
import type { THandover } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";
import { HANDOVER_INCLUDE, toHandover } from "./handover-view";

/** GET /api/handover?limit=: how many recent handovers (the answer is a ZHandover[]). */
export const ZHandoverListQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

/** The most recent handovers, newest first, with who confirmed them. */
export async function listHandovers(prisma: PrismaClient, limit: number): Promise<THandover[]> {
  const rows = await prisma.shiftHandover.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: HANDOVER_INCLUDE,
  });
  return rows.map(toHandover);
}
