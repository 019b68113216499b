import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

describe("server environment", () => {
  it("defaults PUBLIC_URL to localhost on PORT and sign-in settings to one shift, 5 tries a minute", () => {
    const env = parseServerEnv({ PORT: "4100" });
    expect(env).toMatchObject({
      PUBLIC_URL: "http://localhost:4100",
      SESSION_MAX_AGE_HOURS: 8,
      AUTH_SIGN_IN_MAX_PER_MINUTE: 5,
      DEMO_USERS: false,
    });
    expect(parseServerEnv({ PUBLIC_URL: "https://ops.example.org/" }).PUBLIC_URL).toBe("https://ops.example.org");
  });

  it("escalates unacknowledged critical alerts after 2 minutes unless told otherwise", () => {
    expect(parseServerEnv({}).ALERT_ESCALATION_SECONDS).toBe(120);
    expect(parseServerEnv({ ALERT_ESCALATION_SECONDS: "300" }).ALERT_ESCALATION_SECONDS).toBe(300);
    expect(() => parseServerEnv({ ALERT_ESCALATION_SECONDS: "0" })).toThrow(/ALERT_ESCALATION_SECONDS/);
  });

  it("requires BETTER_AUTH_SECRET with a real database", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "postgres://db/citynerve" })).toThrow(/BETTER_AUTH_SECRET: required when DATABASE_URL/);
    expect(() => parseServerEnv({ DATABASE_URL: "postgres://db/citynerve", BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32/);
    expect(parseServerEnv({ DATABASE_URL: "postgres://db/citynerve", BETTER_AUTH_SECRET: "x".repeat(32) }).BETTER_AUTH_SECRET).toHaveLength(
      32,
    );
  });

  it("refuses demo accounts on a production database unless explicitly allowed", () => {
    const base = { DATABASE_URL: "postgres://db/citynerve", BETTER_AUTH_SECRET: "x".repeat(32), DEMO_USERS: "true" };
    expect(() => parseServerEnv({ ...base, NODE_ENV: "production" })).toThrow(/DEMO_USERS: refusing to create demo accounts/);
    expect(parseServerEnv({ ...base, NODE_ENV: "production", ALLOW_DEMO_USERS_IN_PRODUCTION: "true" }).DEMO_USERS).toBe(true);
    expect(parseServerEnv({ ...base, NODE_ENV: "development" }).DEMO_USERS).toBe(true);
    expect(() => parseServerEnv({ DEMO_USERS: "yes" })).toThrow(/DEMO_USERS/);
  });

  it("configures OIDC only as a pair of issuer and client id, with a valid default role", () => {
    expect(() => parseServerEnv({ OIDC_ISSUER: "https://idp.example.org" })).toThrow(/OIDC_ISSUER and OIDC_CLIENT_ID go together/);
    expect(() => parseServerEnv({ OIDC_DEFAULT_ROLE: "mayor" })).toThrow(/OIDC_DEFAULT_ROLE/);
    const env = parseServerEnv({ OIDC_ISSUER: "https://idp.example.org", OIDC_CLIENT_ID: "citynerve", OIDC_SCOPES: "openid  email roles" });
    expect(env).toMatchObject({ OIDC_ROLE_CLAIM: "roles", OIDC_DEFAULT_ROLE: "operator", OIDC_SCOPES: ["openid", "email", "roles"] });
  });

  it("runs as one process unless REDIS_URL names a Redis (redis:// or rediss://)", () => {
    expect(parseServerEnv({}).REDIS_URL).toBeUndefined();
    expect(parseServerEnv({}).REDIS_PREFIX).toBe("citynerve");
    expect(parseServerEnv({ REDIS_URL: "rediss://cache.internal:6380", REDIS_PREFIX: "city-b" })).toMatchObject({
      REDIS_URL: "rediss://cache.internal:6380",
      REDIS_PREFIX: "city-b",
    });
    expect(() => parseServerEnv({ REDIS_URL: "http://cache.internal" })).toThrow(/REDIS_URL/);
    expect(() => parseServerEnv({ REDIS_PREFIX: "a b" })).toThrow(/REDIS_PREFIX/);
  });

  it("leaves /metrics to loopback without METRICS_TOKEN, and refuses a guessable token", () => {
    expect(parseServerEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(() => parseServerEnv({ METRICS_TOKEN: "secret" })).toThrow(/METRICS_TOKEN: at least 16/);
    expect(parseServerEnv({ METRICS_TOKEN: "0123456789abcdef" }).METRICS_TOKEN).toBe("0123456789abcdef");
  });

  it("reaches people off-screen: email only with an smtp(s) SMTP_URL, VAPID keys as a pair, a subject push services accept", () => {
    const plain = parseServerEnv({});
    expect(plain.SMTP_URL).toBeUndefined();
    expect(plain.NOTIFY_POLL_MS).toBe(2_000);
    expect(parseServerEnv({ SMTP_URL: "smtps://u:p@mail.city.test:465" }).SMTP_URL).toBe("smtps://u:p@mail.city.test:465");
    expect(() => parseServerEnv({ SMTP_URL: "http://mail.city.test" })).toThrow(/SMTP_URL/);
    expect(() => parseServerEnv({ VAPID_PUBLIC_KEY: "B".repeat(87) })).toThrow(/VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together/);
    expect(() => parseServerEnv({ VAPID_SUBJECT: "http://city.test" })).toThrow(/VAPID_SUBJECT/);
    expect(parseServerEnv({ VAPID_SUBJECT: "mailto:ops@city.test" }).VAPID_SUBJECT).toBe("mailto:ops@city.test");
  });

  it("sends webhooks to public addresses only unless NOTIFY_WEBHOOK_ALLOW lists more, and refuses entries that mean nothing", () => {
    expect(parseServerEnv({}).NOTIFY_WEBHOOK_ALLOW).toEqual(["public"]);
    expect(parseServerEnv({ NOTIFY_WEBHOOK_ALLOW: "public, 10.20.0.0/16,*.corp.example" }).NOTIFY_WEBHOOK_ALLOW).toEqual([
      "public",
      "10.20.0.0/16",
      "*.corp.example",
    ]);
    expect(() => parseServerEnv({ NOTIFY_WEBHOOK_ALLOW: "10.0.0.0/99" })).toThrow(/NOTIFY_WEBHOOK_ALLOW/);
  });

  it("turns the MQTT edge on with MQTT_URL, with a topic pattern of two `+` levels and TLS files only over TLS", () => {
    expect(parseServerEnv({}).MQTT_URL).toBeUndefined();
    expect(parseServerEnv({ MQTT_URL: "mqtt://127.0.0.1:1883" })).toMatchObject({
      MQTT_URL: "mqtt://127.0.0.1:1883",
      MQTT_TOPIC_PATTERN: "city/+/+",
    });
    expect(() => parseServerEnv({ MQTT_URL: "http://broker" })).toThrow(/MQTT_URL/);
    expect(() => parseServerEnv({ MQTT_TOPIC_PATTERN: "city/#" })).toThrow(/MQTT_TOPIC_PATTERN: an MQTT topic with exactly two/);
    expect(() => parseServerEnv({ MQTT_URL: "mqtt://broker", MQTT_CA_FILE: "/etc/ca.pem" })).toThrow(
      /MQTT_URL: the MQTT TLS files need an mqtts/,
    );
    expect(() => parseServerEnv({ MQTT_URL: "mqtts://broker", MQTT_CERT_FILE: "/etc/c.pem" })).toThrow(
      /MQTT_CERT_FILE and MQTT_KEY_FILE go together/,
    );
    expect(() => parseServerEnv({ MQTT_CLIENT_ID: "has space" })).toThrow(/MQTT_CLIENT_ID/);
  });
});
