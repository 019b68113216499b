import { queryOptions } from "@tanstack/react-query";
import { requestJson } from "@/components/api/request-json";
import { historyKeys } from "@/components/history/history-queries";
import { ZPoints } from "@/lib/contracts/history";
import { pointsApiUrl, type THotspotKind } from "./analysis-params";

/** Positions of the incidents or alerts in a range, for heatmap / hexagon aggregation. */
export const hotspotPointsQuery = (kind: THotspotKind, range: { from: string; to: string }) =>
  queryOptions({
    queryKey: historyKeys.points(kind, range.from, range.to),
    queryFn: ({ signal }) => requestJson(pointsApiUrl(kind, range), ZPoints, { signal }),
    staleTime: 60_000,
  });
