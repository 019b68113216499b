import { CAP_MAX_BYTES, CapFormatError } from "./parse-cap-xml";

/** A feed that does not answer in this time is tried again at the next poll. */
const FETCH_TIMEOUT_MS = 15_000;

export type TConditional = { etag: string | null; lastModified: string | null };
export type TFetchedCap = { status: 304 } | { status: 200; text: string; etag: string | null; lastModified: string | null };

/**
 * GETs a feed or message, conditionally when validators are known, and reads at most CAP_MAX_BYTES of it: the
 * body is counted as it streams, so a feed that lies about (or omits) its length cannot make the leader buffer more.
 */
export async function fetchCapText(url: string, conditional: TConditional = { etag: null, lastModified: null }): Promise<TFetchedCap> {
  const headers = new Headers({ accept: "application/cap+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1" });
  if (conditional.etag) headers.set("if-none-match", conditional.etag);
  if (conditional.lastModified) headers.set("if-modified-since", conditional.lastModified);
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: "follow" });
  if (response.status === 304) return { status: 304 };
  if (!response.ok) {
    await response.body?.cancel();
    throw new CapFormatError(`The feed answered ${response.status} ${response.statusText}`.trim());
  }
  return {
    status: 200,
    text: await readBounded(response),
    etag: response.headers.get("etag"),
    lastModified: response.headers.get("last-modified"),
  };
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > CAP_MAX_BYTES) {
      await response.body.cancel().catch(() => {});
      throw new CapFormatError(`The feed is too large (at most ${CAP_MAX_BYTES} bytes)`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
