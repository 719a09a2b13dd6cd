import { describe, expect, it } from "vitest";
import { MAX_TOKENS_PER_REPORT, findExerciseTokens } from "@/lib/phishing/find-exercise-tokens";
import { newRecipientToken } from "@/lib/phishing/recipient-token";

const token = newRecipientToken();

describe("findExerciseTokens", () => {
  it("finds the token of an exercise link in a pasted link or message", () => {
    expect(findExerciseTokens(`https://vigie.example.org/exercice/${token}`)).toEqual([token]);
    expect(
      findExerciseTokens(
        `De : Service informatique\nObjet : DPI\n\nValidez ici : https://vigie.example.org/exercice/${token}.\nMerci`,
      ),
    ).toEqual([token]);
    expect(findExerciseTokens(`<a href="http://localhost:3000/exercice/${token}">ici</a>`)).toEqual([token]);
  });

  it("finds it in a quoted-printable source, in a gateway's rewritten link, and alone", () => {
    const link = `https://vigie.example.org/exercice/${token}`;
    const wrapped = `<a href=3D"${link.slice(0, 40)}=\r\n${link.slice(40)}">`;
    const safeLink = `https://eur01.safelinks.protection.outlook.invalid/?url=${encodeURIComponent(link)}&data=05%7C02`;

    expect(findExerciseTokens(wrapped)).toEqual([token]);
    expect(findExerciseTokens(safeLink)).toEqual([token]);
    expect(findExerciseTokens(`  ${token}\n`)).toEqual([token]);
  });

  it("finds nothing in an ordinary message, a cut token or a longer run", () => {
    expect(findExerciseTokens("Votre colis vous attend : https://colis.example.com/suivi/12345")).toEqual([]);
    expect(findExerciseTokens(`https://vigie.example.org/exercice/${token.slice(0, 42)}`)).toEqual([]);
    expect(findExerciseTokens(`https://vigie.example.org/exercice/${token}x`)).toEqual([]);
    expect(findExerciseTokens(`le jeton ${token} dans une phrase`)).toEqual([]);
  });

  it("keeps each token once and no more than the limit", () => {
    const many = Array.from({ length: 8 }, () => newRecipientToken());
    const text = [token, ...many, token].map((t) => `https://vigie.example.org/exercice/${t}`).join("\n");

    expect(findExerciseTokens(`${text}\n${text}`)).toEqual([token, ...many].slice(0, MAX_TOKENS_PER_REPORT));
  });
});
