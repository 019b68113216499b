import { request as httpRequest, type ClientRequest, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, IN_MEMORY_DATA_DIR, type TDatabase } from "@/server/db/client";
import { startTestApp, type TTestApp } from "@/test/fixtures/test-app";

const LIMIT_BYTES = 64 * 1024;
const HUGE_BYTES = 100 * 1024 * 1024;
const SIGN_IN = "/api/auth/sign-in/email";

let db: TDatabase;
let app: TTestApp;

beforeAll(async () => {
  db = await createDatabase({ dataDir: IN_MEMORY_DATA_DIR });
  app = await startTestApp({ db, seedDemoUsers: false, maxRequestBodyBytes: LIMIT_BYTES });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** A raw POST whose headers the test controls (fetch would fix Content-Length itself). */
function post(headers: Record<string, string | number>): { request: ClientRequest; response: Promise<{ status: number; body: unknown }> } {
  const request = httpRequest(`${app.origin}${SIGN_IN}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.origin, ...headers },
  });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    request.on("error", reject);
    request.on("response", (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || "null") }));
      res.on("error", reject);
    });
  });
  return { request, response };
}

/** A sign-in body of exactly `bytes` bytes (padding in a field better-auth ignores). */
function signInBody(bytes: number): string {
  const base = JSON.stringify({ email: "nobody@citynerve.local", password: "not-the-password", pad: "" });
  return base.replace(`"pad":""`, `"pad":"${"x".repeat(bytes - base.length)}"`);
}

describe("request body limit", () => {
  it("refuses a 100 MB sign-in from its Content-Length: 413 while almost all of the body is still unsent", async () => {
    const { request, response } = post({ "content-length": HUGE_BYTES });
    const sent = Buffer.alloc(16 * 1024, "x");
    request.write(sent);
    // The client sends nothing more until it has the answer: a server that read the body first would never answer.
    const answer = await response;
    request.destroy();
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ error: `The request body is too large (at most ${LIMIT_BYTES} bytes)` });
    expect(sent.length).toBeLessThan(HUGE_BYTES);
  });

  it("cuts off a client that keeps sending, after discarding no more than the limit", async () => {
    const { request, response } = post({ "content-length": HUGE_BYTES });
    const chunk = Buffer.alloc(64 * 1024, "x");
    let written = 0;
    const ended = new Promise<void>((resolve) => request.on("close", () => resolve()));
    const outcome = response.catch((error: Error) => error); // the answer, or the reset that followed it
    const pump = () => {
      while (!request.destroyed && written < HUGE_BYTES) {
        written += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
    };
    pump();
    await ended;
    const result = await outcome;
    if (!(result instanceof Error)) expect(result.status).toBe(413);
    // Whatever the kernel buffers held, the server stopped long before the declared body ended.
    expect(written).toBeLessThan(HUGE_BYTES);
  });

  it("answers 413 to a whole body one byte over the limit, and passes one at the limit to sign-in", async () => {
    const over = await app.request(SIGN_IN, { body: signInBody(LIMIT_BYTES + 1) });
    expect(over.status).toBe(413);
    const atLimit = await app.request(SIGN_IN, { body: signInBody(LIMIT_BYTES) });
    expect(atLimit.status).toBe(401); // reached better-auth: an unknown account
  });

  it("refuses a body without a Content-Length (chunked) with 411", async () => {
    const { request, response } = post({ "transfer-encoding": "chunked" });
    request.write(signInBody(100));
    const answer = await response;
    request.destroy();
    expect(answer.status).toBe(411);
    expect(answer.body).toEqual({ error: "Send the request body with a Content-Length" });
  });

  it("leaves requests without a body alone", async () => {
    expect((await app.request("/api/health/live")).status).toBe(200);
  });
});
