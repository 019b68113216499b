import { z } from "zod";

/**
 * What one instance tells the others (server to server, never to browsers). Parsed on receipt: during a
 * rolling deploy an instance may hear a notice from a newer version it does not know yet.
 */
export const ZClusterNotice = z.discriminatedUnion("type", [
  /** A rule was changed and committed: every instance reads the rules again. */
  z.object({ type: z.literal("rules:changed") }),
  /** Zones changed and committed: every instance reloads its zone index. */
  z.object({ type: z.literal("zones:changed") }),
]);

export type TClusterNotice = z.infer<typeof ZClusterNotice>;
export type TClusterNoticeType = TClusterNotice["type"];

/** socket.io's server-side events (`io.serverSideEmit`), typed for the hub's Server. */
export type TServerSideEvents = {
  "cluster:notice": (notice: TClusterNotice) => void;
};
