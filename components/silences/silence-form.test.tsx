// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ZONE_FIELD_ERROR } from "@/lib/matcher-names";
import { jsonResponse as json, zoneInUse as zone } from "@/test/fixtures/browser-api";
import { SilenceForm } from "./silence-form";

/** The zones in use and what POST /api/silences answers; every other endpoint is not there (the form falls back). */
function renderForm(silenceAnswer: () => Response) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === "/api/zones") return json(200, { zones: [zone("Central", 1), zone("Riverside West", 2)] });
      if (url === "/api/silences" && init?.method === "POST") {
        posted.push(JSON.parse(String(init.body)));
        return silenceAnswer();
      }
      return json(404, { error: "Not found" });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SilenceForm defaultTimeZone="America/Detroit" onCreated={() => {}} />
    </QueryClientProvider>,
  );
  return { posted };
}

const zoneField = () => screen.getByTestId("silence-zone") as HTMLInputElement;

async function fillAndSubmit(zoneName: string) {
  // The zones in use have arrived when they are offered in the field's suggestions.
  await waitFor(() => expect(document.querySelector('datalist option[value="Riverside West"]')).not.toBeNull());
  fireEvent.change(zoneField(), { target: { value: zoneName } });
  fireEvent.change(screen.getByTestId("silence-reason"), { target: { value: "Road works" } });
  fireEvent.submit(screen.getByTestId("silence-form"));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SilenceForm's zone", () => {
  it("refuses a zone not in use before sending, on the field, in the server's words, and focuses it", async () => {
    const { posted } = renderForm(() => json(201, {}));
    await fillAndSubmit("  Riverside ");
    const error = await screen.findByTestId("silence-zone-error");
    expect(error.textContent).toBe('Unknown zone "Riverside": choose one of Central, Riverside West, No zone');
    expect(zoneField().getAttribute("aria-invalid")).toBe("true");
    expect(zoneField().getAttribute("aria-describedby")).toBe(error.id);
    expect(document.activeElement).toBe(zoneField());
    expect(posted).toEqual([]);

    // Typing again takes the complaint away until the next submit.
    fireEvent.change(zoneField(), { target: { value: "Riverside West" } });
    expect(screen.queryByTestId("silence-zone-error")).toBeNull();
    expect(zoneField().getAttribute("aria-invalid")).toBeNull();
  });

  it("shows the server's refusal on the field when a zone went out of use after the list was read", async () => {
    const refusal = 'Unknown zone "Central": choose one of Riverside West, No zone';
    const { posted } = renderForm(() => json(400, { error: refusal, fieldErrors: { matchers: [ZONE_FIELD_ERROR] } }));
    await fillAndSubmit("Central");
    expect((await screen.findByTestId("silence-zone-error")).textContent).toBe(refusal);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ matchers: { zone: "Central" } });
    await waitFor(() => expect(document.activeElement).toBe(zoneField()));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps any other refusal for the form as a whole", async () => {
    renderForm(() => json(403, { error: "Your role is not allowed to do this." }));
    await fillAndSubmit("Central");
    expect((await screen.findByRole("alert")).textContent).toContain("Your role is not allowed to do this.");
    expect(screen.queryByTestId("silence-zone-error")).toBeNull();
  });
});
