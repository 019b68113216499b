// The original health URL, kept for existing probes (and the e2e runner): liveness.
export { GET } from "./live/route";

export const dynamic = "force-dynamic";
