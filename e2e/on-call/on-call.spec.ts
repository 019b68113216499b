import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import type { TAlert } from "../../lib/contracts/alerts";
import type { TWebhookPayload } from "../../lib/contracts/notifications";
import type { TOnCallOverview } from "../../lib/contracts/on-call";
import { currentPath, DEMO_EMAIL, DEMO_PASSWORD, SCREENSHOTS, signInAs, submitSignInForm } from "../fixtures/auth";
import { api, resolveAlertsOf, tuneRule } from "../fixtures/operations";

/**
 * A rule no other spec tunes: the silences spec tunes "Feeder overloaded", and resolving alerts by hand leaves their
 * episodes open until the condition clears, so two specs sharing one rule would starve the second of new alerts.
 */
const RULE_ID = "energy.voltage-out-of-band";

/** The operator's pager: a webhook receiver on this machine (loopback http is allowed for receivers under test). */
async function startReceiver() {
  const received: TWebhookPayload[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push(JSON.parse(body) as TWebhookPayload);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pager`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test.describe("on call", () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  test.setTimeout(360_000);

  test("a supervisor sets up a rota and a policy; a matching alert pages the on-call operator, shows the step on its timeline, and the link acknowledges it", async ({
    browser,
    page,
  }) => {
    const suffix = Date.now().toString(36);
    const rotaName = `Energy desk ${suffix}`;
    const policyName = `Grid voltage ${suffix}`;
    const receiver = await startReceiver();
    await signInAs(page, "supervisor");
    await page.goto("/on-call");

    // The rota: Olivia alone, 8-hour shifts from yesterday 00:00, so she is on call now and next.
    const rotaForm = page.getByTestId("rota-form");
    await rotaForm.getByTestId("rota-name").fill(rotaName);
    await rotaForm.getByTestId("rota-members").getByText("Olivia Operator").click();
    const yesterday = new Date(Date.now() - 24 * 60 * 60_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    await rotaForm
      .getByTestId("rota-start")
      .fill(`${yesterday.getFullYear()}-${pad(yesterday.getMonth() + 1)}-${pad(yesterday.getDate())}T00:00`);
    await rotaForm.getByTestId("rota-submit").click();
    const rotaRow = page.getByTestId("rota-row").filter({ hasText: rotaName });
    await expect(rotaRow.getByTestId("rota-now")).toContainText("Olivia Operator");
    await expect(rotaRow.getByTestId("rota-next")).toContainText("Olivia Operator");

    // The policy: critical energy alerts page whoever is on call, then every supervisor after a minute.
    const policyForm = page.getByTestId("policy-form");
    await policyForm.getByTestId("policy-name").fill(policyName);
    await policyForm.getByTestId("policy-severity").selectOption("critical");
    await policyForm.getByTestId("policy-domain").selectOption("energy");
    await policyForm
      .getByTestId("policy-step-target")
      .first()
      .selectOption({ label: `On call: ${rotaName}` });
    await policyForm.getByTestId("policy-step-wait").first().fill("1");
    await policyForm.getByTestId("policy-add-step").click();
    await policyForm.getByTestId("policy-step-target").nth(1).selectOption({ label: "Every supervisor" });
    await policyForm.getByTestId("policy-submit").click();
    const policyRow = page.getByTestId("policy-row").filter({ hasText: policyName });
    await expect(policyRow).toContainText("Critical · Energy");
    await expect(policyRow).toContainText(`On call: ${rotaName}`);
    await page.screenshot({ path: `${SCREENSHOTS}/on-call-1440.png`, fullPage: true });

    const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAs(operator, "operator");
    const pager = await api<{ contactPoint: { id: string } }>(operator, "POST", "/api/me/contact-points", {
      kind: "webhook",
      label: `Pager ${suffix}`,
      minSeverity: "critical",
      target: receiver.url,
    });
    const overview = await api<TOnCallOverview>(page, "GET", "/api/on-call");
    const restoreRule = await tuneRule(page, RULE_ID, {
      severity: "critical",
      sustainSeconds: 0,
      params: { metric: "voltageShare", min: 1.5, max: 2, clearMargin: 0.01 },
    });
    try {
      // Every grid asset's voltage "out of band" at once: the policy covers each alert, and its first step pages Olivia.
      // (Other critical alerts no policy covers reach her pager too: the voltage one is the one to look at.)
      const isVoltageAlert = (m: TWebhookPayload) => m.alert?.rule === "Voltage out of band";
      await expect
        .poll(() => receiver.received.some(isVoltageAlert), { timeout: 60_000, message: "the on-call operator is paged" })
        .toBe(true);
      const message = receiver.received.find(isVoltageAlert)!;
      expect(message.type).toBe("alert.raised");
      const alertId = message.group ? message.group.alerts[0]!.id : message.alert!.id;

      await operator.goto(`/?alert=${alertId}`);
      const drawer = operator.getByTestId("alert-drawer");
      await expect(drawer).toBeVisible({ timeout: 60_000 });
      const step = drawer.getByTestId("alert-escalation").getByTestId("escalation-step").first();
      // Generous: the control room draws the live map in software (SwiftShader) beside it on a busy machine.
      await expect(step).toContainText("Step 1 of 2", { timeout: 60_000 });
      await expect(step).toContainText(`${rotaName} (on call: Olivia Operator)`);
      await expect(step).toContainText("notified Olivia Operator");

      // The one-tap link, opened signed out: sign in, come back, and it acknowledges as Olivia.
      const link = new URL(message.acknowledgeLink!);
      const phone = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
      await phone.goto(link.pathname);
      await expect.poll(() => currentPath(phone)).toBe("/sign-in");
      await submitSignInForm(phone, DEMO_EMAIL.operator, DEMO_PASSWORD);
      await expect(phone.getByTestId("ack-headline")).toHaveText("Acknowledged");
      await expect(phone.getByTestId("ack-alert").first()).toContainText("acknowledged by you");
      await phone.screenshot({ path: `${SCREENSHOTS}/on-call-ack-link-360.png`, fullPage: true });
      const acknowledged = await api<TAlert>(page, "GET", `/api/alerts/${alertId}`);
      expect(acknowledged.status).toBe("acknowledged");
      expect(acknowledged.acknowledgedBy?.name).toBe("Olivia Operator");
      // Single use: opened again, it says so.
      await phone.reload();
      await expect(phone.getByTestId("ack-headline")).toHaveText("This link was already used");
      await phone.context().close();
    } finally {
      await restoreRule(page);
      const policy = overview.policies.find((p) => p.name === policyName);
      if (policy) await api(page, "POST", `/api/on-call/policies/${policy.id}/remove`, {});
      const rota = overview.rotas.find((r) => r.name === rotaName);
      if (rota) await api(page, "POST", `/api/on-call/rotas/${rota.id}/remove`, {});
      await resolveAlertsOf(page, RULE_ID);
      await api(operator, "POST", `/api/me/contact-points/${pager.contactPoint.id}/remove`, {});
      await operator.context().close();
      await receiver.close();
    }
  });

  test("the on-call page at 360 px", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAs(page, "supervisor");
    await page.goto("/on-call");
    await expect(page.getByTestId("rota-form")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/on-call-360.png`, fullPage: true });
  });
});
