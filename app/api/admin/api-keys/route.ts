import { ZApiKeyList, ZCreateApiKeyRequest, ZIssuedApiKey } from "@/lib/contracts/api-keys";
import { issueApiKey } from "@/server/api-keys/issue-api-key";
import { listApiKeys } from "@/server/api-keys/list-api-keys";
import { actorOf } from "@/server/http/actor";
import { defineRoute, withStatus } from "@/server/http/define-route";

export const dynamic = "force-dynamic";

/** Every partner app's key, without secrets (ZApiKey[]). */
export const GET = defineRoute({ roles: ["admin"], response: ZApiKeyList }, async ({ runtime }) => listApiKeys(runtime.database.prisma));

/** Issues a key (ZCreateApiKeyRequest → 201 ZIssuedApiKey): the answer holds the secret, shown this once. */
export const POST = defineRoute(
  { roles: ["admin"], body: ZCreateApiKeyRequest, response: ZIssuedApiKey },
  async ({ runtime, user, ip, body }) =>
    withStatus(await issueApiKey({ prisma: runtime.database.prisma, actor: actorOf(user), ip }, body), 201),
);
