import { z } from "zod";
import { CapFormatError, parseCapXml } from "./parse-cap-xml";
import { type TCapMessage, ZCapMessage } from "./cap-message";

/** What a CAP document holds: messages inline, and (in an Atom feed) links to messages to fetch. */
export type TCapDocument = { messages: TCapMessage[]; links: string[] };

/** An Atom feed lists at most this many entries per poll; the rest wait for the next one. */
export const CAP_FEED_MAX_ENTRIES = 200;

/**
 * Reads a single CAP <alert> or an Atom <feed> whose entries carry an <alert> in their <content> or link to
 * one (a link of type application/cap+xml, else the entry's first link). Throws CapFormatError with a
 * sentence a sender can act on.
 */
export function readCapDocument(text: string): TCapDocument {
  const root = parseCapXml(text);
  if ("alert" in root) return { messages: [readAlert(root.alert, "alert")], links: [] };
  if (!("feed" in root)) throw new CapFormatError("Expected a CAP <alert> or an Atom <feed>");
  const feed = asObject(root.feed);
  const entries = (Array.isArray(feed.entry) ? feed.entry : []).slice(0, CAP_FEED_MAX_ENTRIES);
  const messages: TCapMessage[] = [];
  const links: string[] = [];
  entries.forEach((raw, index) => {
    const entry = asObject(raw);
    const content = asObject(entry.content);
    if (content.alert !== undefined) {
      messages.push(readAlert(content.alert, `entry ${index + 1}`));
      return;
    }
    const link = capLinkOf(entry.link);
    if (link) links.push(link);
  });
  return { messages, links };
}

/** Reads one message; the single place a CAP <alert> object becomes a TCapMessage. */
export function readCapMessage(text: string): TCapMessage {
  const { messages } = readCapDocument(text);
  if (messages.length !== 1) throw new CapFormatError("Expected one CAP <alert>");
  return messages[0];
}

function readAlert(raw: unknown, where: string): TCapMessage {
  const result = ZCapMessage.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new CapFormatError(`Invalid CAP message (${where})${path}: ${issue.message}`);
}

const ZLink = z.object({ "@_href": z.url({ protocol: /^https?$/ }), "@_type": z.string().optional(), "@_rel": z.string().optional() });

function capLinkOf(raw: unknown): string | undefined {
  const links = (Array.isArray(raw) ? raw : []).flatMap((link) => {
    const parsed = ZLink.safeParse(link);
    return parsed.success ? [parsed.data] : [];
  });
  return (links.find((link) => link["@_type"]?.includes("cap+xml")) ??
    links.find((link) => (link["@_rel"] ?? "alternate") === "alternate"))?.["@_href"];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
