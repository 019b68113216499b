// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, expect, it, vi } from "vitest";
import { jsonResponse, zoneInUse } from "@/test/fixtures/browser-api";
import { PolicyForm } from "./policy-form";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it("the escalation-policy form refuses a zone not in use on the field before sending, as the silence form does", async () => {
  const post = vi.fn();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === "POST") post(url);
      return url === "/api/zones" ? jsonResponse(200, { zones: [zoneInUse("Central", 1)] }) : jsonResponse(404, { error: "Not found" });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <PolicyForm overview={{ rotas: [], policies: [], people: [], timeZone: "America/Detroit" }} onCreated={() => {}} />
    </QueryClientProvider>,
  );
  await waitFor(() => expect(document.querySelector('datalist option[value="Central"]')).not.toBeNull());
  await waitFor(() => expect(document.querySelector('datalist option[value="North-West"]')).toBeNull());
  const field = screen.getByTestId("policy-zone");
  fireEvent.change(screen.getByTestId("policy-name"), { target: { value: "Night waste" } });
  fireEvent.change(field, { target: { value: "central" } });
  fireEvent.submit(screen.getByTestId("policy-form"));
  expect((await screen.findByTestId("policy-zone-error")).textContent).toBe('Unknown zone "central": choose one of Central, No zone');
  expect(field.getAttribute("aria-invalid")).toBe("true");
  expect(document.activeElement).toBe(field);
  expect(post).not.toHaveBeenCalled();
});
