import { NGSI_LD_ERROR_BASE, type TNgsiProblemDetails } from "@/lib/contracts/ngsi-ld";

/** The spec's error types by status; the rest (401, 403, 406, 429, 503) have none in NGSI-LD: RFC 7807's about:blank. */
const ERROR_BY_STATUS: Record<number, { type: string; title: string }> = {
  400: { type: `${NGSI_LD_ERROR_BASE}BadRequestData`, title: "Bad request data" },
  404: { type: `${NGSI_LD_ERROR_BASE}ResourceNotFound`, title: "Resource not found" },
  500: { type: `${NGSI_LD_ERROR_BASE}InternalError`, title: "Internal error" },
};
const TITLE_BY_STATUS: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  406: "Not acceptable",
  429: "Too many requests",
  503: "Service unavailable",
};

/** An NGSI-LD ProblemDetails answer. */
export function ngsiProblem(status: number, detail: string, headers: Record<string, string> = {}): Response {
  const known = ERROR_BY_STATUS[status] ?? { type: "about:blank", title: TITLE_BY_STATUS[status] ?? "Error" };
  const body: TNgsiProblemDetails = { ...known, detail, status };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}
