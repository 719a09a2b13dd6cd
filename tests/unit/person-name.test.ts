import { describe, expect, it } from "vitest";
import { checkPersonName } from "@/lib/people/person-name";

describe("checkPersonName", () => {
  it.each([
    ["Françoise Lefèvre-Nguyễn", "Françoise Lefèvre-Nguyễn"],
    ["  Zoë   Œuvray ", "Zoë Œuvray"],
    ["Anne\u00A0Martin", "Anne Martin"],
    ["Cafe\u0301 Noir", "Café Noir"], // NFC
    ["Анна Каренина", "Анна Каренина"],
    ["فاطمة الزهراء", "فاطمة الزهراء"],
    ["王小明", "王小明"],
    ["می\u200Cخواهم Rezaei", "می\u200Cخواهم Rezaei"], // ZWNJ inside a Persian word
    ["O'Brien d'Arc", "O'Brien d'Arc"],
  ])("accepts %j as %j", (input, expected) => {
    expect(checkPersonName(input)).toEqual({ ok: true, name: expected });
  });

  it.each([
    ["only spaces and zero-width characters", " \u200B\u200D\uFEFF \u200B ", "invisible"],
    ["letters hidden among zero-width spaces", "A\u200BB\u200BC", "invisible"],
    ["a right-to-left override", "Marie\u202Eeiram", "invisible"],
    ["a control character", "Jean\u0007Paul", "invisible"],
    ["a Hangul filler posing as a letter", "\u3164\u3164", "invisible"],
    ["a braille blank", "Jo\u2800hn", "invisible"],
    ["a soft hyphen", "Jean\u00ADPaul", "invisible"],
    ["a joiner at the edge of a word", "\u200DJean", "invisible"],
    ["no letter at all", "1234 -- ..", "no_letter"],
    ["emoji only", "🎉🎉", "no_letter"],
    ["one letter", "A", "too_short"],
    ["121 characters", "a".repeat(121), "too_long"],
  ])("refuses %s", (_, input, problem) => {
    expect(checkPersonName(input)).toEqual({ ok: false, problem });
  });

  it("counts characters, not UTF-16 units: 120 Cyrillic or astral letters are allowed", () => {
    expect(checkPersonName("Щ".repeat(120)).ok).toBe(true);
    expect(checkPersonName("𝒜".repeat(120)).ok).toBe(true);
  });
});
