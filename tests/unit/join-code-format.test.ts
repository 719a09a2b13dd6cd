import { describe, expect, it } from "vitest";
import { JOIN_CODE_ALPHABET, formatJoinCode, generateJoinCode, normaliseJoinCode } from "@/lib/join/join-code-format";
import { usernameField, usernameMessages, usernameSchema } from "@/lib/join/username";

describe("join codes", () => {
  it("are 10 characters of an alphabet without 0/O, 1/I/L", () => {
    const codes = Array.from({ length: 200 }, generateJoinCode);

    expect(codes.every((code) => /^[A-Z2-9]{10}$/.test(code) && !/[01OIL]/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(200);
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
  });

  it("are read back whatever the case, spaces, dashes or dots around the groups", () => {
    for (const typed of ["ABCDE-FGHJK", "abcde fghjk", " abc.de-fg hjk ", "ABCDE–FGHJK"])
      expect(normaliseJoinCode(typed)).toBe("ABCDEFGHJK");
  });

  it("refuse what cannot be a code: wrong length or ambiguous letters", () => {
    for (const typed of ["", "ABCDE", "ABCDE-FGHJK-M", "ABCDE-FGHJ0", "ILOAB-CDEFG", "ABCDÉ-FGHJK"])
      expect(normaliseJoinCode(typed)).toBeNull();
  });

  it("are shown in two groups of five", () => {
    expect(formatJoinCode("ABCDEFGHJK")).toBe("ABCDE-FGHJK");
  });
});

describe("usernames", () => {
  it("are lower-cased letters, digits, dots, dashes and underscores, never an e-mail", () => {
    expect(usernameSchema.parse(" M.Dupont ")).toBe("m.dupont");
    expect(usernameSchema.parse("agent_42")).toBe("agent_42");
    for (const bad of ["ab", "m.dupont@ch.fr", ".dupont", "dupont.", "marie dupont", "élodie", "x".repeat(41)])
      expect(usernameSchema.safeParse(bad).success).toBe(false);
  });

  it("are refused with the rule's own sentence, in the reader's language, its lengths from the rule", () => {
    const problems = (locale: "fr" | "en", typed: string) => {
      const parsed = usernameField(usernameMessages(locale)).safeParse(typed);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };

    expect(problems("fr", "ab")).toEqual(["Choisissez un identifiant d'au moins 3 caractères."]);
    expect(problems("fr", "x".repeat(41))).toEqual(["Choisissez un identifiant de 40 caractères au plus."]);
    expect(problems("en", "m.dupont@ch.fr")).toEqual([
      "Use only letters without accents, digits, dots, dashes or underscores, not at the start or end, such as m.dupont.",
    ]);
  });
});
