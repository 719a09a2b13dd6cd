import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : [];
  });
}

describe("audit writes", () => {
  it("all go through recordAudit: no other code inserts into the audit log", () => {
    const writers = ["app", "lib", "pages", "db/scripts"]
      .flatMap(sourceFiles)
      .filter((file) => /insert\(auditLog\)/.test(readFileSync(path.join(root, file), "utf8")));

    expect(writers).toEqual([path.join("lib", "audit", "record-audit.ts")]);
  });
});
