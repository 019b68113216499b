import type { NextConfig } from "next";

// The environment is validated by server.ts (serverEnv()) before Next starts.
// It is not imported here: Next compiles this file to CommonJS on its own and
// cannot resolve the repo's extension-less TypeScript imports when started from server.ts.
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dev badge would sit on top of the layer sheet on phones.
  devIndicators: false,
};

export default nextConfig;
