import type { TMetroReport } from "./build-metro";

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** "built in 41.2 s; segments 50,112, ...; 100,000 sensor entities; 61.0 MiB on disk (entities.json 38.2 MiB)" */
export function formatMetroReport(r: TMetroReport): string {
  const counts = Object.entries(r.counts)
    .map(([kind, n]) => `${kind} ${n.toLocaleString("en-US")}`)
    .join(", ");
  return (
    `built in ${(r.buildMs / 1000).toFixed(1)} s; ${counts}; ${r.sensorEntities.toLocaleString("en-US")} sensor entities; ` +
    `${mib(r.bytes.total)} on disk (entities.json ${mib(r.bytes.entities)})`
  );
}
