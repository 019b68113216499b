import { expect, test, type Page } from "@playwright/test";
import type { TCityConfigResponse } from "../../lib/contracts/city-api";
import { SCREENSHOTS, horizontalOverflow, signInAs } from "../fixtures/auth";
import { openControlRoom } from "../fixtures/control-room";
import { api } from "../fixtures/operations";

/** A weather service's CAP 1.2 warning over the middle of the city, pushed with its partner key. */
function capMessage(identifier: string, sent: string, [lng, lat]: readonly number[]): string {
  const ring = [
    [lat - 0.004, lng - 0.006],
    [lat + 0.004, lng - 0.006],
    [lat + 0.004, lng + 0.006],
    [lat - 0.004, lng + 0.006],
    [lat - 0.004, lng - 0.006],
  ]
    .map(([la, lo]) => `${la.toFixed(5)},${lo.toFixed(5)}`)
    .join(" ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}</identifier>
  <sender>warnings@weather.example.org</sender>
  <sent>${sent}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <category>Met</category>
    <event>Flash flood</event>
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <expires>2099-01-01T00:00:00-00:00</expires>
    <senderName>County Weather Service</senderName>
    <headline>Flash flood warning for the river district</headline>
    <area><areaDesc>River district</areaDesc><polygon>${ring}</polygon></area>
  </info>
</alert>`;
}

/** The same service cancelling it (CAP references: "sender,identifier,sent"). */
function capCancel(identifier: string, sent: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${identifier}-cancel</identifier>
  <sender>warnings@weather.example.org</sender>
  <sent>${capTime(new Date())}</sent>
  <status>Actual</status>
  <msgType>Cancel</msgType>
  <scope>Public</scope>
  <references>warnings@weather.example.org,${identifier},${sent}</references>
</alert>`;
}

const capTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "-00:00");

async function capPolygonsOnMap(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const layer = window.__citynerve!.deckLayers().find((l) => l.id === "cap-warnings");
    return ((layer?.props.data ?? []) as { warning: { identifier: string } }[]).map((area) => area.warning.identifier);
  });
}

/** Moves the pointer over the warning's area until its tooltip shows: a sensor or unit under the pointer takes the hover first. */
async function hoverWarning(page: Page, [lng, lat]: readonly number[]): Promise<void> {
  for (const [dLng, dLat] of [
    [0, 0],
    [0.003, 0.002],
    [-0.003, -0.002],
    [0.004, -0.003],
    [-0.004, 0.003],
    [0.002, -0.001],
  ]) {
    const point = await page.evaluate(
      ([lo, la]) => {
        const map = window.__citynerve!.map;
        const projected = map.project([lo, la]);
        const rect = map.getContainer().getBoundingClientRect();
        return { x: rect.left + projected.x, y: rect.top + projected.y };
      },
      [lng + dLng, lat + dLat],
    );
    await page.mouse.move(point.x, point.y);
    const shows = await expect(page.getByTestId("cap-warning-tooltip"))
      .toBeVisible({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      );
    if (shows) return;
  }
  throw new Error("no point of the warning's area showed its tooltip");
}

test("a warning another agency posts over CAP appears on the operator's map, with its key in the layer panel", async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  const { secret } = await api<{ secret: string }>(admin, "POST", "/api/admin/api-keys", {
    name: `Weather service ${Date.now()}`,
    scopes: ["cap:write"],
  });
  const { manifest } = await api<TCityConfigResponse>(admin, "GET", "/api/city");
  await admin.context().close();

  const operator = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(operator, "operator");
  await openControlRoom(operator);

  const identifier = `FLOOD-${Date.now()}`;
  const sent = capTime(new Date());
  const agency = await browser.newContext();
  const post = (xml: string) =>
    agency.request.post("/api/cap/messages", {
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/cap+xml" },
      data: xml,
    });
  const posted = await post(capMessage(identifier, sent, manifest.center));
  expect(posted.status(), await posted.text()).toBe(201);

  // Pushed over the socket: no reload.
  await expect.poll(() => capPolygonsOnMap(operator)).toContain(identifier);
  await expect(operator.getByTestId("cap-warnings-key")).toContainText("Severe");
  await operator.screenshot({ path: `${SCREENSHOTS}/cap-1440-map.png` });
  await hoverWarning(operator, manifest.center);
  await expect(operator.getByTestId("cap-warning-tooltip")).toContainText("Flash flood warning for the river district");
  await expect(operator.getByRole("tooltip")).toContainText("County Weather Service");
  await operator.screenshot({ path: `${SCREENSHOTS}/cap-1440-tooltip.png` });

  await operator.setViewportSize({ width: 360, height: 740 });
  expect(await horizontalOverflow(operator)).toBeLessThanOrEqual(0);
  await operator.screenshot({ path: `${SCREENSHOTS}/cap-360-map.png` });
  await hoverWarning(operator, manifest.center);
  expect(await horizontalOverflow(operator)).toBeLessThanOrEqual(0);
  await operator.screenshot({ path: `${SCREENSHOTS}/cap-360-tooltip.png` });

  // Cancelled by the agency: it leaves the map, again without a reload.
  const cancelled = await post(capCancel(identifier, sent));
  expect(cancelled.status(), await cancelled.text()).toBe(201);
  await expect.poll(() => capPolygonsOnMap(operator)).not.toContain(identifier);
  await agency.close();
  await operator.context().close();
});
