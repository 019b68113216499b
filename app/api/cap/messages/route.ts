import { ZCapIngestResult } from "@/lib/contracts/cap-warnings";
import { publishCapWarnings } from "@/server/cap/publish-cap-warnings";
import { readCapBody } from "@/server/cap/read-cap-body";
import { CapFormatError } from "@/server/cap/parse-cap-xml";
import { readCapMessage } from "@/server/cap/read-cap-document";
import { storeCapMessage } from "@/server/cap/store-cap-message";
import { readClientIp } from "@/server/http/client-ip";
import { defineApiKeyRoute } from "@/server/http/define-api-key-route";
import { apiError, json } from "@/server/http/responses";

export const dynamic = "force-dynamic";

/**
 * Another agency pushes one CAP 1.2 message (application/cap+xml). A partner system, not a person, sends
 * these: an API key with the cap:write scope fits it (no browser session, no CSRF), and admins revoke it
 * like any partner key. 201 when stored, 200 when already known (senders retry), 400 with the reason.
 */
export const POST = defineApiKeyRoute(
  { scope: "cap:write", error: (status, detail, headers) => json({ error: detail }, status, headers) },
  async ({ request, runtime, caller }) => {
    const body = await readCapBody(request);
    if (!body.ok) return apiError(body.status, body.detail);
    let message: ReturnType<typeof readCapMessage>;
    try {
      message = readCapMessage(body.text);
    } catch (error) {
      if (error instanceof CapFormatError) return apiError(400, error.message);
      throw error;
    }
    const { prisma } = runtime.database;
    const result = await storeCapMessage(prisma, message, {
      name: caller.name,
      // A key is no user: the audit row names it in its `after` (as Open311's reports do).
      actor: null,
      apiKey: caller,
      ip: readClientIp(request.headers),
    });
    if (result.outcome === "stored") await publishCapWarnings(prisma, runtime.city.hub);
    return json(ZCapIngestResult.parse(result), result.outcome === "stored" ? 201 : 200);
  },
);
