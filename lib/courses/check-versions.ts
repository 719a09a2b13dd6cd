import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ContentIssue } from "./content-error";
import type { Catalogue } from "./types";

type LockEntry = { version: number; hash: string };
export type VersionLock = { modules: Record<string, LockEntry>; paths: Record<string, LockEntry> };

const LOCK_FILE = "versions.lock.json";

export function readVersionLock(rootDir: string): VersionLock {
  try {
    return JSON.parse(readFileSync(path.join(rootDir, LOCK_FILE), "utf8")) as VersionLock;
  } catch {
    return { modules: {}, paths: {} };
  }
}

/**
 * Finds content that changed without a new version: progress and certificates name the
 * version a learner took, so the same version must always mean the same content.
 */
export function checkVersions(catalogue: Catalogue, lock: VersionLock): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const entries = [
    ...catalogue.modules.map((m) => ({ kind: "modules" as const, id: m.id, version: m.version, hash: m.contentHash, file: `courses/modules/${m.id}/module.yaml` })),
    ...catalogue.paths.map((p) => ({ kind: "paths" as const, id: p.id, version: p.version, hash: p.contentHash, file: `courses/paths/${p.id}.yaml` })),
  ];
  for (const entry of entries) {
    const locked = lock[entry.kind][entry.id];
    if (!locked) {
      issues.push({ file: entry.file, field: "version", reason: `not recorded in courses/${LOCK_FILE}: run npm run courses:lock` });
    } else if (locked.version === entry.version && locked.hash !== entry.hash) {
      issues.push({ file: entry.file, field: "version", reason: `content changed but version is still ${entry.version}: raise it to ${entry.version + 1}, then run npm run courses:lock` });
    } else if (entry.version < locked.version) {
      issues.push({ file: entry.file, field: "version", reason: `version ${entry.version} is lower than the recorded ${locked.version}` });
    } else if (entry.version > locked.version) {
      issues.push({ file: entry.file, field: "version", reason: `version ${entry.version} is new: run npm run courses:lock to record it` });
    }
  }

  return issues;
}

/** Records the current version and content hash of every module and path. */
export function writeVersionLock(rootDir: string, catalogue: Catalogue): void {
  const lock: VersionLock = {
    modules: Object.fromEntries(catalogue.modules.map((m) => [m.id, { version: m.version, hash: m.contentHash }])),
    paths: Object.fromEntries(catalogue.paths.map((p) => [p.id, { version: p.version, hash: p.contentHash }])),
  };
  writeFileSync(path.join(rootDir, LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
}
