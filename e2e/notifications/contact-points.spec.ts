import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { SCREENSHOTS, signInAs } from "../fixtures/auth";

type TReceived = { headers: IncomingHttpHeaders; body: string };

/** A team's webhook receiver on this machine: loopback http, which the test server allows (NOTIFY_WEBHOOK_ALLOW in playwright.config.ts). */
async function startReceiver() {
  const received: TReceived[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/citynerve`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.describe("contact points", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("an operator adds a webhook, keeps its secret, and a test message arrives signed with it", async ({ page }) => {
    const receiver = await startReceiver();
    const name = `Duty pager ${Date.now().toString(36)}`;
    try {
      await signInAs(page, "operator");
      await page.goto("/me/notifications");
      const form = page.getByTestId("add-contact-point-form");
      await form.getByLabel("Webhook").check();
      await form.getByLabel("Name").fill(name);
      await form.getByLabel("Receiver URL (https)").fill(receiver.url);
      await form.getByLabel("Alerts to send").selectOption({ label: "Critical only" });
      await form.getByRole("button", { name: "Add contact point" }).click();
      const secret = await page.getByTestId("webhook-secret").getByRole("textbox").inputValue();
      expect(secret).toMatch(/^whsec_/);

      const row = page.getByTestId("contact-point-row").filter({ hasText: name });
      await expect(row).toContainText("Critical only");
      await page.screenshot({ path: `${SCREENSHOTS}/contact-points-1440.png`, fullPage: true });
      await row.getByRole("button", { name: "Send test" }).click();
      await expect(page.getByTestId("feedback")).toContainText(`Test message sent to ${name}`);

      expect(receiver.received).toHaveLength(1);
      const [{ headers, body }] = receiver.received;
      const timestamp = String(headers["x-citynerve-timestamp"]);
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
      expect(headers["x-citynerve-signature"]).toBe(expected);

      await page.setViewportSize({ width: 360, height: 800 });
      await expect(row).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `${SCREENSHOTS}/contact-points-360.png`, fullPage: true });

      await row.getByRole("button", { name: "Remove" }).click();
      await expect(row).toHaveCount(0);
    } finally {
      await receiver.close();
    }
  });
});
