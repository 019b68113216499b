import type { z } from "zod";

/** Query parameters through a zod schema; the first problem as a sentence for a ProblemDetails `detail`. */
export function parseNgsiParams<S extends z.ZodType>(
  schema: S,
  request: Request,
): { ok: true; value: z.output<S> } | { ok: false; detail: string } {
  const result = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, detail: `Invalid ${issue.path.join(".") || "query"}: ${issue.message}` };
}
