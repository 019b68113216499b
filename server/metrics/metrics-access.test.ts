import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { installHttpEdge } from "@/server/app/http-edge";
import { createMetricsRegistry } from "./metrics-registry";

/** Without METRICS_TOKEN, /metrics answers scrapers on this host only: real requests from real addresses. */
describe("GET /metrics without METRICS_TOKEN", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  async function startEdge(trustProxy: boolean): Promise<number> {
    server = createServer();
    installHttpEdge(server, (_req, res) => res.writeHead(404).end(), { maxRequestBodyBytes: 1024, trustProxy }, createMetricsRegistry());
    await new Promise<void>((resolve) => server!.listen(0, "0.0.0.0", resolve));
    return (server.address() as AddressInfo).port;
  }
  const externalIpv4 = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

  it("answers a scraper on loopback", async () => {
    const port = await startEdge(false);
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("nodejs_eventloop_lag_seconds");
  });

  it.skipIf(!externalIpv4)("refuses a request from another address", async () => {
    const port = await startEdge(false);
    const response = await fetch(`http://${externalIpv4}:${port}/metrics`);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe("");
  });

  it("refuses a request relayed by a proxy on this host, trusted or not", async () => {
    for (const trustProxy of [false, true]) {
      const port = await startEdge(trustProxy);
      const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { "x-forwarded-for": "203.0.113.7" } });
      expect(response.status, `trustProxy ${trustProxy}`).toBe(403);
      await new Promise((resolve) => server?.close(resolve));
    }
  });
});
