import { describe, expect, it } from "vitest";
import { renderSuspectMessageMail } from "@/lib/incident/render-suspect-message-mail";
import { REMOVED_EXERCISE_LINK, withoutControlCharacters } from "@/lib/phishing/suspect-message-text";

describe("renderSuspectMessageMail", () => {
  const pasted = `Objet : Votre badge\n<a href="https://badge.example.com/x">Cliquez</a> <img src=x onerror=alert(1)> & "ok"`;
  const mail = renderSuspectMessageMail({
    reporter: { name: "Françoise Lefèvre-Nguyễn\r\nBcc: x@example.com", email: "f.lefevre@vigie.test" },
    establishmentName: "EHPAD Les Oliviers",
    pasted,
    at: new Date("2026-12-07T09:30:00Z"),
  });

  it("names the reporter and the establishment, and quotes the text as it was pasted", () => {
    expect(mail.subject).toBe("Message suspect signalé par Françoise Lefèvre-Nguyễn Bcc: x@example.com");
    expect(mail.text).toContain(
      "Françoise Lefèvre-Nguyễn Bcc: x@example.com (f.lefevre@vigie.test), de EHPAD Les Oliviers",
    );
    expect(mail.text).toContain("7 décembre 2026");
    expect(mail.text).toContain(`----- Message signalé -----\n\n${pasted}\n\n----- Fin du message signalé -----`);
  });

  it("escapes every tag and entity of the pasted text in the HTML version", () => {
    expect(mail.html).not.toContain('<a href="https://badge');
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;a href=&quot;https://badge.example.com/x&quot;&gt;Cliquez&lt;/a&gt;");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;ok&quot;");
  });
});

describe("renderSuspectMessageMail of a colleague's exercise message", () => {
  const mail = renderSuspectMessageMail({
    reporter: { name: "Karim Benali", email: "k.benali@vigie.test" },
    establishmentName: "EHPAD Les Oliviers",
    pasted: `Votre colis : ${REMOVED_EXERCISE_LINK}`,
    at: new Date("2026-12-07T09:30:00Z"),
    exerciseLinksRemoved: true,
  });

  it("says that it is a Vigie exercise message whose link was removed, without naming anyone else", () => {
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain("hameçonnage de Vigie, reçu par un collègue");
      expect(body).toContain("à ce lien près");
    }
    expect(mail.text).toContain(`Votre colis : ${REMOVED_EXERCISE_LINK}`);
  });
});

describe("withoutControlCharacters", () => {
  it("keeps lines and tabs and drops NUL and other control characters", () => {
    expect(withoutControlCharacters("a\r\nb\rc\td\u0000e\u001bf\u007f")).toBe("a\nb\nc\tdef");
  });
});
