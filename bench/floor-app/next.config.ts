import path from "node:path";
import type { NextConfig } from "next";

// Vigie's own settings that apply to every page (bench/floor-app/README.md).
const nextConfig: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: path.join(__dirname, "..", "..") },
};

export default nextConfig;
