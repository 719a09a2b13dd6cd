import { DEMO_INCIDENT_CONTACT } from "@/db/seed/demo";
import { E2E_MATRIX } from "@/db/seed/e2e-establishments";
import { newRecipientToken } from "@/lib/phishing/recipient-token";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "../../support/page-checks";
import { expect, signInViaApi, test } from "../fixtures";
import { pressButton, tabTo } from "../player/keyboard";

// "Signaler un message suspect" on the shared server. The report of a real exercise message
// (whose token only the mail carries) is in exercise-loop.spec.ts, which has the SMTP server.
const ESTABLISHMENT = "Centre hospitalier des Calanques (démo)";
const SENT = `Merci : votre signalement a été envoyé à ${DEMO_INCIDENT_CONTACT.name}, contact en cas d'incident de ${ESTABLISHMENT}.`;

/** The seeded name of an e2e learner: e2e-desktop-3@vigie.test is "Apprenant desktop 3". */
const learnerName = (email: string) => {
  const [, group, n] = /^e2e-(.+)-(\d+)@/.exec(email)!;
  return `Apprenant ${group} ${n}`;
};

test.describe("reporting a suspect message", () => {
  test("is reached from the header and sends a pasted message to the establishment's contact, with the keyboard alone", async ({
    learnerPage: page,
    learnerEmail,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/");
    await tabTo(page, page.getByRole("link", { name: "Signaler un message suspect" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Signaler un message suspect" })).toBeVisible();
    await expect(
      page.getByText(`Votre signalement ira au contact en cas d'incident de ${ESTABLISHMENT}.`),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // Nothing pasted: a clear message on the field, and nothing sent.
    const field = page.getByLabel("Le lien ou le message suspect");
    await pressButton(page, page.getByRole("button", { name: "Signaler le message" }));
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(/Collez le lien ou le texte du message suspect\./);
    await expectNoAxeViolations(page);

    // A message with markup and a forged exercise link: a real report, as any other message.
    await page.keyboard.press("Shift+Tab");
    await expect(field).toBeFocused();
    const pasted = `De : Services techniques <badge@parking.example.com>\nObjet : Votre badge expire\n<b>Renouvelez</b> : https://vigie.example.org/exercice/${newRecipientToken()}`;
    await page.keyboard.insertText(pasted);
    await pressButton(page, page.getByRole("button", { name: "Signaler le message" }));
    await expect(page.getByRole("status").filter({ hasText: SENT })).toBeVisible();
    await expect(field).toHaveValue("");
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);

    // The contact got it in the local mailbox, the text quoted as text.
    await page.goto("/boite-mail");
    await expect(
      page
        .getByRole("listitem")
        .filter({ hasText: `À ${DEMO_INCIDENT_CONTACT.email}` })
        .filter({ hasText: `Message suspect signalé par ${learnerName(learnerEmail)}` }),
    ).toHaveCount(1);
  });

  test("is linked from the incident page, and sends a person whose establishment has no contact to its steps", async ({
    page,
  }) => {
    await signInViaApi(page.request, E2E_MATRIX.c.learner.email);
    await page.goto("/signaler-un-incident");
    await page.getByRole("link", { name: "Signalez le message suspect" }).click();
    await expect(page).toHaveURL(/\/signaler-un-message$/);

    await page.getByLabel("Le lien ou le message suspect").fill("Un message bizarre reçu ce matin.");
    await page.getByRole("button", { name: "Signaler le message" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "n'a pas encore indiqué de contact pour les incidents" });
    await expect(alert).toBeVisible();
    await expect(page.getByLabel("Le lien ou le message suspect")).toHaveValue("Un message bizarre reçu ce matin.");
    await alert.getByRole("link", { name: "Signaler un incident" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Signaler un incident" })).toBeVisible();
  });

  test("is in English for a person who reads English", async ({ learnerPage: page }) => {
    await page.goto("/signaler-un-message");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Report a suspect message" })).toBeVisible();
    await page.getByRole("button", { name: "Report the message" }).click();
    await expect(page.getByText("Paste the link or the text of the suspect message.")).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
