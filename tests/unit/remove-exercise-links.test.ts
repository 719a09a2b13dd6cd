import { describe, expect, it } from "vitest";
import { newRecipientToken } from "@/lib/phishing/recipient-token";
import { withoutLinksOf } from "@/lib/phishing/remove-exercise-links";
import { REMOVED_EXERCISE_LINK } from "@/lib/phishing/suspect-message-text";

const token = newRecipientToken();
const other = newRecipientToken();
const link = `https://vigie.example.org/exercice/${token}`;

describe("withoutLinksOf", () => {
  it("replaces the whole link of a token, in text and in HTML, and keeps everything else", () => {
    expect(withoutLinksOf(`Validez ici : ${link}\nMerci`, [token])).toBe(
      `Validez ici : ${REMOVED_EXERCISE_LINK}\nMerci`,
    );
    expect(withoutLinksOf(`<a href="${link}">ici</a> (${link})`, [token])).toBe(
      `<a href="${REMOVED_EXERCISE_LINK}">ici</a> (${REMOVED_EXERCISE_LINK})`,
    );
    expect(withoutLinksOf(` ${token}\n`, [token])).toBe(` ${REMOVED_EXERCISE_LINK}\n`);
  });

  it("finds the token cut by quoted-printable soft line breaks and inside a gateway's rewritten link", () => {
    const wrapped = `<a href=3D"${link.slice(0, 40)}=\n${link.slice(40, 60)}=\r\n${link.slice(60)}">`;
    const safeLink = `https://eur01.safelinks.protection.outlook.invalid/?url=${encodeURIComponent(link)}&data=05%7C02`;

    const unwrapped = withoutLinksOf(wrapped, [token]);
    expect(unwrapped).not.toContain(token.slice(-20));
    expect(unwrapped).toContain(REMOVED_EXERCISE_LINK);
    expect(withoutLinksOf(`Lien : ${safeLink} fin`, [token])).toBe(`Lien : ${REMOVED_EXERCISE_LINK} fin`);
  });

  it("leaves other tokens, a longer run of token characters and a text without the token as they are", () => {
    const text = `https://vigie.example.org/exercice/${other} et x${token} et ${token}y`;

    expect(withoutLinksOf(text, [token])).toBe(text);
    expect(withoutLinksOf("Un message ordinaire", [token])).toBe("Un message ordinaire");
  });
});
