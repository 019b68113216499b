import { build } from "esbuild";

/**
 * Builds the field page's service worker (components/field/service-worker/field-sw.ts, Serwist) into
 * public/field-sw.js before `next build`. Next 16 builds with Turbopack, which has no hook for a worker
 * bundle; Serwist's runtime needs no build manifest here (the page tells the worker what to cache), so a
 * plain esbuild step is the whole integration.
 */
await build({
  entryPoints: ["components/field/service-worker/field-sw.ts"],
  outfile: "public/field-sw.js",
  bundle: true,
  format: "iife",
  target: "es2022",
  minify: true,
  sourcemap: false,
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
console.log("built public/field-sw.js");
