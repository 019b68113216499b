import { ZCapWarningList } from "@/lib/contracts/cap-warnings";
import { listActiveCapWarnings } from "@/server/cap/list-active-cap-warnings";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Other agencies' active warnings, the map's first picture before "cap:warnings" pushes (→ ZCapWarningList). */
export const GET = defineRoute({ roles: ["operator", "supervisor"], response: ZCapWarningList }, async ({ runtime }) => ({
  warnings: await listActiveCapWarnings(runtime.database.prisma),
}));
