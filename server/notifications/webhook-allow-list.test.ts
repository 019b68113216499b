import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_RECEIVER } from "@/test/fixtures/local-receiver";
import { ChannelError } from "./channel-error";
import { createWebhookAgent, sendWebhook } from "./send-webhook";
import {
  DEFAULT_WEBHOOK_ALLOW,
  isAddressAllowed,
  parseWebhookAllowList,
  WEBHOOK_TARGET_REFUSED,
  whyWebhookRefused,
} from "./webhook-allow-list";

const DEFAULT = parseWebhookAllowList(DEFAULT_WEBHOOK_ALLOW);
const octet = fc.integer({ min: 0, max: 255 });
const ipv4 = (a: fc.Arbitrary<number>, b: fc.Arbitrary<number> = octet) => fc.tuple(a, b, octet, octet).map((parts) => parts.join("."));
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
const ipv6 = (first: fc.Arbitrary<number>) =>
  fc.tuple(first, fc.array(hextet, { minLength: 7, maxLength: 7 })).map(([f, rest]) => [f.toString(16), ...rest].join(":"));

/** Internal IPv4 space an attacker would aim a webhook at. */
const INTERNAL_V4 = fc.oneof(
  ipv4(fc.constant(127)),
  ipv4(fc.constant(10)),
  ipv4(fc.constant(172), fc.integer({ min: 16, max: 31 })),
  ipv4(fc.constant(192), fc.constant(168)),
  ipv4(fc.constant(169), fc.constant(254)),
  ipv4(fc.constant(100), fc.integer({ min: 64, max: 127 })),
  ipv4(fc.constant(0)),
  fc.constant("169.254.169.254"),
);
const INTERNAL_V6 = fc.oneof(
  fc.constant("::1"),
  fc.constant("::"),
  ipv6(fc.integer({ min: 0xfc00, max: 0xfdff })),
  ipv6(fc.integer({ min: 0xfe80, max: 0xfebf })),
  fc.constant("fd00:ec2::254"),
);
/** 8.0.0.0/8 and 2606:4700::/32 are globally routable. */
const PUBLIC_V4 = ipv4(fc.constant(8));
const PUBLIC_V6 = fc.array(hextet, { minLength: 6, maxLength: 6 }).map((rest) => `2606:4700:${rest.join(":")}`);

function toMappedHex(v4: string): string {
  const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
  return `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

describe("webhook allow-list (SSRF)", () => {
  it("by default refuses loopback, private, link-local (metadata), CGNAT and unique-local addresses, however they are written", () => {
    fc.assert(
      fc.property(INTERNAL_V4, (address) => {
        expect(isAddressAllowed(DEFAULT, address)).toBe(false);
        expect(isAddressAllowed(DEFAULT, `::ffff:${address}`)).toBe(false);
        expect(isAddressAllowed(DEFAULT, toMappedHex(address))).toBe(false);
      }),
    );
    fc.assert(
      fc.property(INTERNAL_V6, (address) => {
        expect(isAddressAllowed(DEFAULT, address)).toBe(false);
      }),
    );
  });

  it("by default admits public addresses, IPv4 also when mapped into IPv6", () => {
    fc.assert(
      fc.property(PUBLIC_V4, (address) => {
        expect(isAddressAllowed(DEFAULT, address)).toBe(true);
        expect(isAddressAllowed(DEFAULT, `::ffff:${address}`)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(PUBLIC_V6, (address) => {
        expect(isAddressAllowed(DEFAULT, address)).toBe(true);
      }),
    );
  });

  it("a mapped address is judged exactly as the IPv4 address it carries, for any list", () => {
    const list = parseWebhookAllowList(["public", "10.20.0.0/16", "127.0.0.1"]);
    fc.assert(
      fc.property(ipv4(octet), (address) => {
        expect(isAddressAllowed(list, `::ffff:${address}`)).toBe(isAddressAllowed(list, address));
        expect(isAddressAllowed(list, toMappedHex(address))).toBe(isAddressAllowed(list, address));
      }),
    );
  });

  it("a CIDR entry admits exactly its range; without `public` nothing else passes", () => {
    const list = parseWebhookAllowList(["10.20.0.0/16", "fd12:3456::/32"]);
    fc.assert(
      fc.property(ipv4(fc.constant(10)), (address) => {
        expect(isAddressAllowed(list, address)).toBe(address.startsWith("10.20."));
      }),
    );
    expect(isAddressAllowed(list, "fd12:3456::9")).toBe(true);
    expect(isAddressAllowed(list, "fd12:3457::9")).toBe(false);
    expect(isAddressAllowed(list, "8.8.8.8")).toBe(false);
  });

  it("anything that is not an address is refused, and a list entry that parses as nothing is an error", () => {
    fc.assert(
      fc.property(
        fc.string().filter((text) => !ipaddr.isValid(text)),
        (text) => {
          expect(isAddressAllowed(DEFAULT, text)).toBe(false);
        },
      ),
    );
    expect(() => parseWebhookAllowList(["10.0.0.0/99"])).toThrow();
    expect(() => parseWebhookAllowList(["http://x"])).toThrow();
  });

  it("a name is refused when any address it resolves to is internal, and admitted by name when the admin listed it", async () => {
    const answers = (addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    expect(await whyWebhookRefused(DEFAULT, "https://hooks.example.com/x", answers(["8.8.8.8"]))).toBeNull();
    expect(await whyWebhookRefused(DEFAULT, "https://hooks.example.com/x", answers(["8.8.8.8", "169.254.169.254"]))).toBe(
      WEBHOOK_TARGET_REFUSED,
    );
    expect(await whyWebhookRefused(DEFAULT, "https://[::ffff:127.0.0.1]/x", answers([]))).toBe(WEBHOOK_TARGET_REFUSED);
    const byName = parseWebhookAllowList(["*.corp.example"]);
    expect(await whyWebhookRefused(byName, "https://pager.corp.example/x", answers(["10.0.0.5"]))).toBeNull();
    expect(await whyWebhookRefused(byName, "https://corp.example.evil/x", answers(["8.8.8.8"]))).toBe(WEBHOOK_TARGET_REFUSED);
  });
});

describe("sending a webhook through the allow-list", () => {
  let receiver: Server;
  let port: number;
  let received = 0;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received++;
      req.resume();
      res.end("ok");
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const send = (target: string, entries: readonly string[]) => {
    const allow = parseWebhookAllowList(entries);
    return sendWebhook(
      { target, secret: "s" },
      { type: "test", deliveryId: "d-1", alert: null },
      { now: () => new Date(), timeoutMs: 2_000, allow, agent: createWebhookAgent(allow) },
    );
  };

  it("a receiver on this machine gets nothing by default, and the refusal is final", async () => {
    const before = received;
    const failure = await send(`http://127.0.0.1:${port}/`, DEFAULT_WEBHOOK_ALLOW).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ChannelError);
    expect((failure as ChannelError).permanent).toBe(true);
    expect((failure as Error).message).toBe(WEBHOOK_TARGET_REFUSED);
    expect(received).toBe(before);
  });

  it("a name checked as public when added but resolving to loopback when sent (DNS rebinding) is refused on the connection", async () => {
    const publicThen = async () => [{ address: "8.8.8.8", family: 4 }];
    const target = `http://localhost:${port}/`;
    expect(await whyWebhookRefused(DEFAULT, target, publicThen)).toBeNull();
    const before = received;
    const failure = await send(target, DEFAULT_WEBHOOK_ALLOW).catch((e: unknown) => e);
    expect((failure as Error).message).toBe(WEBHOOK_TARGET_REFUSED);
    expect((failure as ChannelError).permanent).toBe(true);
    expect(received).toBe(before);
  });

  it("the allow-list setting admits the local receiver, by address and by name", async () => {
    const before = received;
    await send(`http://127.0.0.1:${port}/`, LOCAL_RECEIVER);
    await send(`http://localhost:${port}/`, ["localhost"]);
    expect(received).toBe(before + 2);
  });
});
