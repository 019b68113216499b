import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { ChannelError, reasonOf } from "./channel-error";
import { createNotificationChannels } from "./channels";
import { EMAIL_NOT_CONFIGURED } from "./send-email";
import { isValidWebhookSignature, signWebhook } from "./send-webhook";
import { meetsSeverity } from "./should-notify";

/** The channels without a database: missing settings, receivers that fail in each way, and the signature's algebra. */
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:test@citynerve.invalid" };
const message = { title: "t", text: "x", link: "http://localhost/", deliveryId: "d-1", type: "test" as const, payload: null };

let silent: Server;
let silentUrl: string;
beforeAll(async () => {
  // Accepts the request and never answers: only the timeout ends it.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

describe("notification channels", () => {
  it("without SMTP_URL, email points name the problem and every email fails for good with that reason", async () => {
    const channels = createNotificationChannels({ vapid });
    expect(channels.emailConfigured).toBe(false);
    expect(channels.problemOf("email")).toBe(EMAIL_NOT_CONFIGURED);
    expect(channels.problemOf("webhook")).toBeNull();
    const failure = await channels.deliver({ kind: "email", target: "a@b.test", secret: null }, message).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).permanent).toBe(true);
    expect(reasonOf(failure)).toBe(EMAIL_NOT_CONFIGURED);
  });

  it("a webhook receiver that is down or silent is a temporary failure with a readable reason", async () => {
    const channels = createNotificationChannels({ vapid, timeoutMs: 200, webhookAllow: LOCAL_RECEIVER });
    const refused = await channels
      .deliver({ kind: "webhook", target: "http://127.0.0.1:1/", secret: "s" }, message)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(refused instanceof ChannelError && refused.permanent).toBe(false);
    const timedOut = await channels.deliver({ kind: "webhook", target: silentUrl, secret: "s" }, message).catch((e: unknown) => e);
    expect(reasonOf(timedOut)).toBe("no answer in time");
  });

  it("an SMTP server that is not there fails temporarily (the delivery is tried again)", async () => {
    const channels = createNotificationChannels({ vapid, smtp: { url: "smtp://127.0.0.1:1", from: "x@y.test" }, timeoutMs: 500 });
    const failure = await channels.deliver({ kind: "email", target: "a@b.test", secret: null }, message).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).permanent).toBe(false);
  });

  it("a stored push subscription that does not parse fails for good", async () => {
    const channels = createNotificationChannels({ vapid });
    const failure = await channels.deliver({ kind: "push", target: "{}", secret: null }, message).catch((e: unknown) => e);
    expect((failure as ChannelError).permanent).toBe(true);
  });

  it("a signature verifies for its own secret, timestamp and body only", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.string(), fc.string({ minLength: 1 }), (secret, timestamp, body, extra) => {
        const signature = signWebhook(secret, timestamp, body);
        expect(isValidWebhookSignature(secret, timestamp, body, signature)).toBe(true);
        expect(isValidWebhookSignature(secret, timestamp, body + extra, signature)).toBe(false);
        expect(isValidWebhookSignature(secret + extra, timestamp, body, signature)).toBe(false);
        expect(isValidWebhookSignature(secret, `${timestamp}${extra}`, body, signature)).toBe(false);
      }),
    );
  });

  it("severity thresholds: a point hears its own level and anything more severe", () => {
    expect(meetsSeverity("critical", "warning")).toBe(true);
    expect(meetsSeverity("major", "major")).toBe(true);
    expect(meetsSeverity("minor", "major")).toBe(false);
    expect(meetsSeverity("warning", "critical")).toBe(false);
  });
});
