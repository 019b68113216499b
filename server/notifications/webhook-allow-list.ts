import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { ChannelError } from "./channel-error";

/**
 * Where webhooks may be sent (NOTIFY_WEBHOOK_ALLOW). Anyone signed in can add a webhook, so without this a
 * user could make the server POST to the database, the cloud metadata service or an admin port behind the
 * firewall (SSRF). Entries: `public` (any globally routable address), a CIDR or single address
 * (`10.20.0.0/16`, `::1`), or a host name pattern (`hooks.example.com`, `*.example.com`). Default: `public`.
 */
export type TWebhookAllowList = {
  isPublicAllowed: boolean;
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
  hosts: string[];
};

export const DEFAULT_WEBHOOK_ALLOW = ["public"];

export function parseWebhookAllowList(entries: readonly string[]): TWebhookAllowList {
  const list: TWebhookAllowList = { isPublicAllowed: false, ranges: [], hosts: [] };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === "") continue;
    if (entry === "public") list.isPublicAllowed = true;
    else if (entry.includes("/")) list.ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.process(entry);
      list.ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else if (/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(entry)) list.hosts.push(entry);
    else throw new Error(`"${raw}" is not "public", a CIDR, an IP address or a host name pattern`);
  }
  return list;
}

/** Whether the name itself was allowed by the admin (then any address it resolves to is theirs to choose). */
export function isHostAllowed(list: TWebhookAllowList, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return list.hosts.some((pattern) => (pattern.startsWith("*.") ? host.endsWith(pattern.slice(1)) : host === pattern));
}

/**
 * Whether one resolved address may be connected to. IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4
 * address it is; "public" means ipaddr.js's `unicast` range only, which leaves out loopback, private (RFC 1918),
 * link-local (incl. 169.254.169.254 metadata), unique-local fc00::/7, CGNAT, multicast, reserved and the rest.
 */
export function isAddressAllowed(list: TWebhookAllowList, address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  for (const [network, bits] of list.ranges) {
    if (network.kind() === parsed.kind() && parsed.match(network, bits)) return true;
  }
  return list.isPublicAllowed && parsed.range() === "unicast";
}

export const WEBHOOK_TARGET_REFUSED = "the webhook's address is not allowed on this server (NOTIFY_WEBHOOK_ALLOW)";

type TLookup = (hostname: string) => Promise<LookupAddress[]>;
const lookupAll: TLookup = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** Strips the brackets a URL puts around an IPv6 literal. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/**
 * The check when a webhook is added: every address its host resolves to now must be allowed. Not enough on
 * its own (the name can resolve elsewhere later: DNS rebinding), so sending checks again on the connection.
 * Returns why not, or null.
 */
export async function whyWebhookRefused(list: TWebhookAllowList, target: string, lookup: TLookup = lookupAll): Promise<string | null> {
  const url = new URL(target);
  const host = hostOf(url);
  if (isHostAllowed(list, host)) return null;
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host)).map((a) => a.address);
    } catch {
      return `the host ${host} was not found`;
    }
  }
  return addresses.length > 0 && addresses.every((a) => isAddressAllowed(list, a)) ? null : WEBHOOK_TARGET_REFUSED;
}

type TLookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the socket that sends the webhook: the address checked is the address connected to, so a
 * name that resolved to a public address when the webhook was added cannot be pointed at an internal one
 * afterwards. Every answer must be allowed (the socket may try any of them).
 */
export function guardedLookup(list: TWebhookAllowList) {
  return (hostname: string, options: { all?: boolean }, callback: TLookupCallback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const isAllowed =
        isHostAllowed(list, hostname) || (addresses.length > 0 && addresses.every((a) => isAddressAllowed(list, a.address)));
      if (!isAllowed) return callback(new ChannelError(WEBHOOK_TARGET_REFUSED, true), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** An IP literal in the URL is connected to without any lookup: it is checked here instead. */
export function isLiteralTargetRefused(list: TWebhookAllowList, target: string): boolean {
  const host = hostOf(new URL(target));
  return isIP(host) !== 0 && !isHostAllowed(list, host) && !isAddressAllowed(list, host);
}
