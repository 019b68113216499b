import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "maplibre-gl/dist/maplibre-gl.css";
import "./globals.css";
import "./styles/maplibre.css";
import { renderCssVariables } from "@/lib/design/css-variables";
import { THEME_COLOR } from "@/lib/design/tokens";
import { serverEnv } from "@/server/env";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "CityNerve — city operations", template: "%s — CityNerve" },
  description: "Real-time city operations dashboard: traffic, parking, waste, energy and responder units on one live map.",
};

export const viewport: Viewport = {
  themeColor: THEME_COLOR,
  colorScheme: "dark",
  width: "device-width",
  initialScale: 1,
};

const CSS_VARIABLES = renderCssVariables();

export default function RootLayout({ children }: { children: ReactNode }) {
  // Every screen shows the city's clock in the city's locale (components/format/date-time.ts reads these).
  const { CITY_TIME_ZONE, CITY_LOCALE } = serverEnv();
  return (
    <html lang={CITY_LOCALE} data-city-time-zone={CITY_TIME_ZONE} data-city-locale={CITY_LOCALE}>
      <head>
        {/* The design tokens as CSS custom properties, rendered from the same module the map layers and charts read. */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own constant CSS, built at startup from lib/design, no user input. */}
        <style id="design-tokens" dangerouslySetInnerHTML={{ __html: CSS_VARIABLES }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
