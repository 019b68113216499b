import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "maplibre-gl/dist/maplibre-gl.css";
import "./globals.css";
import "./styles/maplibre.css";
import { renderCssVariables } from "@/lib/design/css-variables";
import { THEME_COLOR } from "@/lib/design/tokens";
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
  return (
    <html lang="en">
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
