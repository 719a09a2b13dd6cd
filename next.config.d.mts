// Types of next.config.mjs, which is plain JavaScript so that starting the server compiles nothing.
import type { NextConfig } from "next";

export declare const nextConfig: NextConfig;
export default function config(phase: string): Promise<NextConfig>;
