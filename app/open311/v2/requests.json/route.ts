import { defineApiKeyRoute } from "@/server/http/define-api-key-route";
import { open311Error } from "@/server/open311/open311-error";
import { answerReport, answerServiceRequests } from "@/server/open311/open311-requests";

export const dynamic = "force-dynamic";

/** GeoReport v2 "POST Service Request": a citizen's report, form-encoded or JSON, becomes an alert on the map. */
export const POST = defineApiKeyRoute({ scope: "open311", error: open311Error }, answerReport);

/** GeoReport v2 "GET Service Requests": the reports named by service_request_id=a,b (else this app's latest). */
export const GET = defineApiKeyRoute({ scope: "open311", error: open311Error }, answerServiceRequests);
