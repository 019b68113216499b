import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO_ROOT } from "@/test/fixtures/app-routes";

/** Docker does not run here: the compose file is checked by parsing it (anchors and merge keys resolved). */
type TService = {
  image?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  command?: string[];
  volumes?: string[];
  depends_on?: Record<string, unknown>;
};

const compose = parse(await readFile(path.join(REPO_ROOT, "docker-compose.yml"), "utf8"), { merge: true }) as {
  services: Record<string, TService>;
};
const services = compose.services;
const inProfile = (profile: string) =>
  Object.entries(services)
    .filter(([, s]) => s.profiles?.includes(profile))
    .map(([name]) => name);

describe("docker-compose.yml", () => {
  it("keeps the default services (Kafka, PostgreSQL) outside any profile", () => {
    expect(services.kafka.profiles).toBeUndefined();
    expect(services.postgres.profiles).toBeUndefined();
    expect(services.kafka.image).toMatch(/^apache\/kafka:/);
  });

  it("has a scale-out profile with Redis, the simulator, two instances and nginx", () => {
    expect(inProfile("scale-out").sort()).toEqual(["citynerve-1", "citynerve-2", "kafka-topics", "nginx", "redis", "simulator"]);
    expect(services.simulator.command).toEqual(["npm", "run", "simulate", "--", "--rate", "1000"]);
    expect(services.simulator.environment?.KAFKA_BROKERS).toBe("kafka:19092");
    expect(services.nginx.volumes).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
  });

  it("gives each instance its own id and the same shared settings", () => {
    const [one, two] = [services["citynerve-1"].environment!, services["citynerve-2"].environment!];
    expect([one.INSTANCE_ID, two.INSTANCE_ID]).toEqual(["citynerve-1", "citynerve-2"]);
    const shared = ["DATABASE_URL", "KAFKA_BROKERS", "REDIS_URL", "METRICS_TOKEN", "BETTER_AUTH_SECRET", "PUBLIC_URL", "TRUST_PROXY"];
    for (const name of shared) {
      expect(one[name], name).toBeDefined();
      expect(one[name], name).toBe(two[name]);
    }
    expect(one.DATABASE_URL).toContain("@postgres:5432/");
    expect(one.REDIS_URL).toBe("redis://redis:6379");
  });

  it("balances over both instances and passes WebSocket upgrades through", async () => {
    const nginx = await readFile(path.join(REPO_ROOT, "deploy/nginx.conf"), "utf8");
    expect(nginx).toMatch(/server citynerve-1:3000/);
    expect(nginx).toMatch(/server citynerve-2:3000/);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).not.toMatch(/^\s*(ip_hash|hash|sticky)\b/m);
  });
});
