import type { TIncidentHistoryRow } from "@/lib/contracts/history";
import { csvRow } from "./csv";

/** How an exported incident list is written: what comes first, each row, and what closes the file. */
type TExportFormat = {
  contentType: string;
  extension: string;
  head: string;
  row(row: TIncidentHistoryRow, index: number): string;
  tail: string;
};

const CSV_COLUMNS = [
  "number",
  "type",
  "priority",
  "status",
  "zone",
  "address",
  "description",
  "lon",
  "lat",
  "created_at",
  "acknowledged_at",
  "first_dispatched_at",
  "first_on_scene_at",
  "resolved_at",
  "units",
  "id",
] as const;

const csv: TExportFormat = {
  contentType: "text/csv; charset=utf-8",
  extension: "csv",
  head: csvRow(CSV_COLUMNS),
  row: (r) =>
    csvRow([
      r.number,
      r.type,
      r.priority,
      r.status,
      r.zone,
      r.address,
      r.description,
      r.location[0],
      r.location[1],
      r.createdAt,
      r.acknowledgedAt,
      r.firstDispatchedAt,
      r.firstOnSceneAt,
      r.resolvedAt,
      r.units.join(" "),
      r.id,
    ]),
  tail: "",
};

/** A FeatureCollection written feature by feature: one Point per incident, the row's fields as properties. */
const geojson: TExportFormat = {
  contentType: "application/geo+json",
  extension: "geojson",
  head: '{"type":"FeatureCollection","features":[\n',
  row: ({ location, ...properties }, index) =>
    (index === 0 ? "" : ",\n") +
    JSON.stringify({ type: "Feature", id: properties.id, geometry: { type: "Point", coordinates: location }, properties }),
  tail: "\n]}\n",
};

export const EXPORT_FORMATS = { csv, geojson } as const;
export type TExportFormatName = keyof typeof EXPORT_FORMATS;
