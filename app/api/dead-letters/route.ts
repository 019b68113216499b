import { ZDeadLetterPage, ZDeadLetterQuery } from "@/lib/contracts/dead-letters";
import { listDeadLetterPage } from "@/server/dead-letters/list-dead-letter-page";
import { defineRoute } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Dead letters, newest first, filtered by reason, source and handled, keyset-paged (ZDeadLetterQuery → ZDeadLetterPage). */
export const GET = defineRoute(
  { roles: ["admin", "supervisor"], query: ZDeadLetterQuery, response: ZDeadLetterPage },
  async ({ runtime, query }) => listDeadLetterPage(runtime.database.prisma, query),
);
