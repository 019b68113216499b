import type { z } from "zod";
import { NGSI_LD_UNSUPPORTED_PARAMS } from "@/lib/contracts/ngsi-ld";

/** Query parameters through a zod schema; the first problem as a sentence for a ProblemDetails `detail`. */
export function parseNgsiParams<S extends z.ZodType>(
  schema: S,
  request: Request,
): { ok: true; value: z.output<S> } | { ok: false; detail: string } {
  const params = new URL(request.url).searchParams;
  const unsupported = NGSI_LD_UNSUPPORTED_PARAMS.find((name) => params.has(name));
  if (unsupported) return { ok: false, detail: `This server does not support the ${unsupported} parameter` };
  const result = schema.safeParse(Object.fromEntries(params));
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, detail: `Invalid ${issue.path.join(".") || "query"}: ${issue.message}` };
}
