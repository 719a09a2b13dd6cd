import { YAMLParseError, parse as parseYaml } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./content-error";

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

/** Parses YAML text and checks it against a schema; every problem names its field. */
export function parseYamlWith<T>(file: string, source: string, schema: z.ZodType<T>): Parsed<T> {
  let data: unknown;
  try {
    data = parseYaml(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof YAMLParseError ? `invalid YAML: ${error.message.split("\n")[0]}` : String(error);
    return { ok: false, issues: [{ file, field: "", reason }] };
  }

  return checkWith(file, data, schema);
}

export function checkWith<T>(file: string, data: unknown, schema: z.ZodType<T>): Parsed<T> {
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };

  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      file,
      field: issue.path.map(String).join(".") || "(root)",
      reason: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";

  return issue.message;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown step into its YAML front matter and its body. */
export function splitFrontMatter(file: string, source: string): Parsed<{ data: unknown; body: string }> {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    return { ok: false, issues: [{ file, field: "", reason: "must start with front matter between --- lines (kind, title)" }] };
  }
  try {
    return { ok: true, value: { data: parseYaml(match[1]!, { uniqueKeys: true }), body: match[2]!.trim() } };
  } catch (error) {
    const reason = error instanceof YAMLParseError ? `invalid front matter: ${error.message.split("\n")[0]}` : String(error);
    return { ok: false, issues: [{ file, field: "", reason }] };
  }
}
