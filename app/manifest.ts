import type { MetadataRoute } from "next";
import { FIELD_COLOR } from "@/lib/design/tokens";

/**
 * Web app manifest (served at /manifest.webmanifest without sign-in): crews install the field page on
 * their phone's home screen. Scope is the whole origin so the sign-in redirect stays inside the app.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/field",
    name: "CityNerve Field",
    short_name: "CN Field",
    description: "The field crew's phone view: your unit's assignment, status buttons that work offline.",
    start_url: "/field",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: FIELD_COLOR.bg,
    theme_color: FIELD_COLOR.bg,
    icons: [
      { src: "/icons/field-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/field-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/field-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/field.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
