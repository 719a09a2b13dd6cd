import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatMessage } from "@/lib/i18n/format-message";
import { messages } from "@/lib/i18n/messages";

describe("formatMessage (the player's light translator)", () => {
  it("fills simple arguments and formats numbers for the locale", () => {
    expect(formatMessage("Étape {current} sur {total}", { current: 2, total: 7 }, "fr")).toBe("Étape 2 sur 7");
    expect(formatMessage("{n} apprenants", { n: 12500 }, "fr")).toBe(
      `${new Intl.NumberFormat("fr").format(12500)} apprenants`,
    );
    expect(formatMessage("Code : {digest}", {}, "fr")).toBe("Code : {digest}");
  });

  it("picks plural branches, with # and exact matches", () => {
    const message = "({count, plural, =0 {aucune} one {# question sans réponse} other {# questions sans réponse}})";
    expect(formatMessage(message, { count: 1 }, "fr")).toBe("(1 question sans réponse)");
    expect(formatMessage(message, { count: 3 }, "fr")).toBe("(3 questions sans réponse)");
    expect(formatMessage(message, { count: 0 }, "fr")).toBe("(aucune)");
    expect(formatMessage("{count, plural, one {# answer} other {# answers}}", { count: 1 }, "en")).toBe("1 answer");
  });

  it("does not read the values as messages", () => {
    expect(formatMessage("Bravo « {title} »", { title: "{x} #1" }, "fr")).toBe("Bravo « {x} #1 »");
  });

  it("formats every player and error message of both locales as next-intl does", () => {
    const values = { count: 2, current: 1, total: 3, title: "T", answers: "A", correct: 1, score: 50, passMark: 80 };
    let compared = 0;
    for (const locale of ["fr", "en"] as const) {
      for (const namespace of ["player", "errors.error"] as const) {
        const t = createTranslator({ locale, messages: messages[locale], namespace });
        const texts = namespace === "player" ? messages[locale].player : messages[locale].errors.error;
        for (const [key, text] of leaves(texts)) {
          for (const count of [0, 1, 2, 1500]) {
            const each = { ...values, count, digest: "d" };
            expect(formatMessage(text, each, locale), `${locale} ${namespace}.${key}`).toBe(
              (t as unknown as (key: string, values: object) => string)(key, each),
            );
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

/** Every message of a namespace, with its dotted key. */
function leaves(tree: unknown, prefix = ""): [string, string][] {
  if (typeof tree === "string") return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}
