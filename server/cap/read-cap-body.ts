import { CAP_MAX_BYTES } from "./parse-cap-xml";

const CAP_MEDIA_TYPES = new Set(["application/cap+xml", "application/xml", "text/xml"]);

export type TCapBody = { ok: true; text: string } | { ok: false; status: 413 | 415; detail: string };

/** The XML text of a POSTed CAP message, refused by its headers when they already say it is wrong. */
export async function readCapBody(request: Request): Promise<TCapBody> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!CAP_MEDIA_TYPES.has(mediaType))
    return { ok: false, status: 415, detail: "Send the CAP message as application/cap+xml or application/xml" };
  if (Number(request.headers.get("content-length") ?? "0") > CAP_MAX_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > CAP_MAX_BYTES) return tooLarge();
  return { ok: true, text };
}

function tooLarge(): TCapBody {
  return { ok: false, status: 413, detail: `The message is too large (at most ${CAP_MAX_BYTES} bytes)` };
}
