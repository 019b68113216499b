import type { PrismaClient } from "@/server/db/generated/client";
import type { TCapWarningList } from "@/lib/contracts/cap-warnings";
import { listActiveCapWarnings } from "./list-active-cap-warnings";

/** The realtime hub, as far as CAP warnings need it. */
export type TCapWarningsHub = { publish(event: "cap:warnings", list: TCapWarningList): void };

/**
 * Sends the control room the whole live set rather than a diff: it is small, an Update or Cancel can change
 * several warnings at once, and a client that missed one push is right again at the next.
 */
export async function publishCapWarnings(prisma: PrismaClient, hub: TCapWarningsHub): Promise<void> {
  hub.publish("cap:warnings", { warnings: await listActiveCapWarnings(prisma) });
}
