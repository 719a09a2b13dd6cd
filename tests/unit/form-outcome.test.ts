import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormOutcome } from "@/app/_components/form-feedback";

type Props = Parameters<typeof FormOutcome>[0];

/** The text of each live region FormOutcome renders, by role. */
function regions(props: Props): Record<string, string> {
  const html = renderToStaticMarkup(createElement(FormOutcome, props));
  const found: Record<string, string> = {};
  for (const [, role, inner] of html.matchAll(/<div role="(alert|status)"[^>]*>(.*?)<\/div>/g))
    found[role!] = inner!.replace(/<[^>]+>/g, "");

  return found;
}

describe("a form's outcome", () => {
  it("announces a failure at once and a success politely, each region on the page before it speaks", () => {
    expect(regions({})).toEqual({ alert: "", status: "" });
    expect(regions({ message: "Service introuvable." })).toEqual({ alert: "Service introuvable.", status: "" });
    expect(regions({ ok: true, message: "Service supprimé." })).toEqual({ alert: "", status: "Service supprimé." });
  });

  it("offers to confirm one's identity with a failure only", () => {
    const reauthenticate = { path: "/confirmer-identite", label: "Confirmer mon identité" };

    expect(regions({ message: "Confirmez votre identité.", reauthenticate }).alert).toBe(
      "Confirmez votre identité. Confirmer mon identité",
    );
    expect(regions({ ok: true, message: "Fait.", reauthenticate })).toEqual({ alert: "", status: "Fait." });
  });

  it("keeps what follows the message in the message's region, and nothing without a message", () => {
    const link = createElement("code", null, "https://vigie.example.org/lien");

    expect(regions({ ok: true, message: "Lien créé.", children: link }).status).toBe(
      "Lien créé.https://vigie.example.org/lien",
    );
    expect(regions({ message: "Refusé.", children: link }).alert).toBe("Refusé.https://vigie.example.org/lien");
    expect(regions({ ok: true, children: link })).toEqual({ alert: "", status: "" });
  });

  it("looks like a line beside a button in a list, or a callout under a form", () => {
    const inline = renderToStaticMarkup(createElement(FormOutcome, { message: "Refusé.", look: "inline" }));
    const callout = renderToStaticMarkup(createElement(FormOutcome, { ok: true, message: "Fait." }));

    expect(inline).toContain('role="alert" aria-live="assertive" class="field-error"');
    expect(callout).toContain('<p class="callout">Fait.</p>');
  });
});
