import { ZOpen311ReportRequest, ZOpen311RequestsQuery, type TOpen311Created } from "@/lib/contracts/open311";
import type { TApiKeyCaller } from "@/server/api-keys/authenticate-api-key";
import { AppError } from "@/server/errors";
import { alertRuntimeOf } from "@/server/http/route-deps";
import { hubPublisher } from "@/server/realtime/publisher";
import type { TRegisteredRuntime } from "@/server/runtime-registry";
import { open311Error } from "./open311-error";
import { readCitizenReports } from "./read-citizen-reports";
import { readReportBody } from "./read-report-body";
import { submitCitizenReport } from "./submit-citizen-report";

type TOpen311Input = { request: Request; runtime: TRegisteredRuntime; caller: TApiKeyCaller };

const NOTICE_NEW = "Thank you: your report is on the city's operations map.";
const NOTICE_ATTACHED = "Thank you: this problem was already reported nearby; your report was added to it.";

/** POST requests.json: read, validate, count against the key's report budget, then raise or join an alert. */
export async function answerReport({ request, runtime, caller }: TOpen311Input): Promise<Response> {
  const body = await readReportBody(request);
  if (!body.ok) return open311Error(body.status, body.detail);
  const parsed = ZOpen311ReportRequest.safeParse(body.fields);
  if (!parsed.success) return open311Error(400, describeIssues(parsed.error.issues));
  const budget = await runtime.open311ReportRateLimit.consume(caller.id);
  if (!budget.allowed) {
    return open311Error(429, "Too many reports with this API key", { "Retry-After": String(budget.retryAfterSeconds) });
  }
  try {
    const submitted = await submitCitizenReport(
      {
        prisma: runtime.database.prisma,
        services: runtime.city.domains.citizenServices,
        publish: hubPublisher(runtime.city.hub),
        zoneOf: alertRuntimeOf(runtime).zoneOf,
        entities: runtime.city.entities,
        caller,
      },
      parsed.data,
    );
    const answer: TOpen311Created = [
      { service_request_id: submitted.reportId, service_notice: submitted.isAttached ? NOTICE_ATTACHED : NOTICE_NEW, account_id: null },
    ];
    return Response.json(answer, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID") return open311Error(400, error.message);
    throw error;
  }
}

/** GET requests.json?service_request_id=a,b: those reports (unknown ones left out), else this app's latest. */
export async function answerServiceRequests({ request, runtime, caller }: TOpen311Input): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const query = ZOpen311RequestsQuery.safeParse({ service_request_id: params.get("service_request_id") ?? undefined });
  if (!query.success) return open311Error(400, describeIssues(query.error.issues));
  const requests = await readCitizenReports(
    runtime.database.prisma,
    runtime.city.domains.citizenServices,
    caller.id,
    query.data.service_request_id,
  );
  return Response.json(requests, { headers: { "Cache-Control": "no-store" } });
}

/** "lat: …; description: …": field names first, so a client developer sees which field to fix. */
function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}
