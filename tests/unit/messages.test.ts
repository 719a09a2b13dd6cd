import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];

  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("messages", () => {
  it("has every French text in English too, and nothing more", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.fr).sort());
  });

  it("has no empty text", () => {
    const empty = [messages.fr, messages.en].flatMap((locale) =>
      keys(locale).filter(
        (key) => key.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], locale) === "",
      ),
    );

    expect(empty).toEqual([]);
  });
});
