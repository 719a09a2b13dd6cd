import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messages } from "@/lib/i18n/messages";

/**
 * The convention: a placeholder that counts something is named `count`, `n`, `total`, `done`,
 * ends in `Count`, or is a unit of time (`minutes`, `hours`, `days`, `weeks`, `months`, `years`).
 * Written as a plain `{count}` it may only stand alone: at the end, before punctuation, a unit
 * abbreviation (« 5 min ») or a ratio (« 3 sur 5 »). Followed by a word, it must be the selector
 * of a plural, `{count, plural, one {# …} other {# …}}`, so that the word agrees with the number.
 */
const COUNT_NAME = /^(count|n|total|done|minutes|hours|days|weeks|months|years|\w+Count)$/;
const MAY_FOLLOW = new Set(["sur", "of", "min", "h"]);

function texts(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === "string") return [[path, value]];

  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => texts(child, `${path}.${key}`));
}

/** Where a counted placeholder is followed by a word outside a plural, as `path: {name} word`. */
function countsOutsidePlurals(path: string, text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}(\s+)([\p{L}%]+)/gu)]
    .filter(([, name, , word]) => COUNT_NAME.test(name!) && !MAY_FOLLOW.has(word!))
    .map(([match]) => `${path}: ${match}`);
}

const all = Object.entries(messages).flatMap(([locale, catalogue]) => texts(catalogue, locale));

describe("counts in the interface messages", () => {
  it("puts every counted word in a plural, in French and in English", () => {
    expect(all.flatMap(([path, text]) => countsOutsidePlurals(path, text))).toEqual([]);
  });

  it("spots a count placed before a word by hand", () => {
    expect(countsOutsidePlurals("x", "{done} affectations terminées sur {total}")).toEqual(["x: {done} affectations"]);
    expect(countsOutsidePlurals("x", "{count} min, {position} sur {total}, Étape {current} sur {total}")).toEqual([]);
  });
});

describe("plural messages", () => {
  const fr = createTranslator({ locale: "fr", messages: messages.fr });
  const en = createTranslator({ locale: "en", messages: messages.en });

  it("agrees with 0 and 1 in the singular in French, from 2 in the plural", () => {
    const detail = (done: number) => fr("managerReports.dashboard.completionDetail", { done, total: 3 });
    expect([0, 1, 2].map(detail)).toEqual([
      "0 affectation terminée sur 3",
      "1 affectation terminée sur 3",
      "2 affectations terminées sur 3",
    ]);

    const reauth = (minutes: number) => fr("secondFactor.reauth.intro", { minutes });
    expect(reauth(1)).toContain("pendant 1 minute.");
    expect(reauth(2)).toContain("pendant 2 minutes.");
  });

  it("uses the singular for 1 only in English", () => {
    const detail = (done: number) => en("managerReports.dashboard.completionDetail", { done, total: 3 });
    expect([0, 1, 2].map(detail)).toEqual([
      "0 assignments done out of 3",
      "1 assignment done out of 3",
      "2 assignments done out of 3",
    ]);
  });

  it("agrees in messages with several counts", () => {
    const result = (sent: number, days: number) =>
      fr("reminders.remind.result", { sent, notSent: 1, days, recent: 1, done: 0, unreachable: 0 });
    expect(result(0, 1)).toMatch(/^Aucune relance envoyée\s; 1 non envoyée \(déjà relancés il y a moins de 1 jour\s/);
    expect(result(2, 7)).toMatch(/^2 relances envoyées\s; 1 non envoyée \(déjà relancés il y a moins de 7 jours\s/);
    const chart = (total: number) =>
      fr("regionReport.chartDescription", { first: "janv.", last: "déc.", total, best: "mars", bestCount: total });
    expect(chart(1)).toContain(" 1 module terminé au total");
    expect(chart(2)).toContain(" 2 modules terminés au total");
  });

  it("formats every message with placeholders without an ICU error", () => {
    const broken: string[] = [];
    for (const [path, text] of all) {
      if (!text.includes("{")) continue;
      const [locale, ...key] = path.split(".");
      const t = createTranslator({
        locale: locale!,
        messages: messages[locale as "fr" | "en"],
        onError: (error) => broken.push(`${path}: ${error.message}`),
      });
      const values = Object.fromEntries([...text.matchAll(/\{(\w+)/g)].map(([, name]) => [name!, 2]));
      t(key.join(".") as never, values as never);
    }

    expect(broken).toEqual([]);
  });
});
