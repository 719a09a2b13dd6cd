import { loadCatalogue } from "./load-catalogue";
import type { Catalogue } from "./types";

let cached: Catalogue | undefined;

/** The app's catalogue, loaded and checked once per process (content ships with the build). */
export function getCatalogue(): Catalogue {
  if (process.env.NODE_ENV === "development") return loadCatalogue();
  cached ??= loadCatalogue();

  return cached;
}
