import type { z } from "zod";

/** A definition file's first problems, one a line: the field as a path into the JSON, and why. */
export function formatDefinitionIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("\n");
}
