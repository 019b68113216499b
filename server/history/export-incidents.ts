import type { TIncidentHistoryFilter } from "@/lib/contracts/history";
import type { PrismaClient } from "@/server/db/generated/client";
import { EXPORT_FORMATS, type TExportFormatName } from "./export-formats";
import { keyOf, queryIncidentHistory, type TIncidentKey } from "./incident-history-query";

/** Rows fetched per query while exporting: memory stays at one batch however long the export. */
export const EXPORT_BATCH = 1_000;

/**
 * The filtered incidents as a download, newest first, streamed: each batch is read (the same keyset
 * query as the history list) only when the client has taken the previous one, so 100k rows never sit
 * in memory and a client that goes away stops the reading.
 */
export function exportIncidents(
  prisma: PrismaClient,
  filter: TIncidentHistoryFilter,
  formatName: TExportFormatName,
  now = new Date(),
): Response {
  const format = EXPORT_FORMATS[formatName];
  const encoder = new TextEncoder();
  let after: TIncidentKey | null = null;
  let written = 0;
  let finished = false;
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(format.head));
      },
      async pull(controller) {
        if (finished) return;
        try {
          const rows = await queryIncidentHistory(prisma, filter, { sort: "newest", after, limit: EXPORT_BATCH });
          if (finished) return; // the client went away while this batch was read
          const chunk = rows.map((row) => format.row(row, written++)).join("");
          const last = rows.at(-1);
          if (last) after = keyOf(last);
          if (rows.length < EXPORT_BATCH) {
            finished = true;
            controller.enqueue(encoder.encode(chunk + format.tail));
            controller.close();
          } else {
            controller.enqueue(encoder.encode(chunk));
          }
        } catch (error) {
          // Headers are gone already: all that is left is to cut the download short (the client sees it fail).
          console.error("[history] export failed:", error);
          finished = true;
          controller.error(error);
        }
      },
      cancel() {
        finished = true;
      },
    },
    { highWaterMark: 0 },
  );
  const filename = `citynerve-incidents-${now.toISOString().slice(0, 10)}.${format.extension}`;
  return new Response(body, {
    headers: {
      "Content-Type": format.contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
