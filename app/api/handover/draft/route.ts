import { ZHandoverDraft } from "@/lib/contracts/history";
import { buildHandoverSummary } from "@/server/handover/build-summary";
import { draftHandoverNote } from "@/server/handover/draft-note";
import { defineRoute } from "@/server/http/define-route";
import { OPERATIONS_ROLES } from "@/server/http/route-deps";

export const dynamic = "force-dynamic";

/** The caller's shift so far and a note pre-filled from it (ZHandoverDraft). Nothing is stored. */
export const GET = defineRoute({ roles: OPERATIONS_ROLES, response: ZHandoverDraft }, async ({ runtime, user }) => {
  const build = await buildHandoverSummary(runtime.database.prisma, { authorId: user.id, now: new Date() });
  return { summary: build.summary, note: draftHandoverNote(build) };
});
