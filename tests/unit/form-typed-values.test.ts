import { describe, expect, it } from "vitest";
import { typedValues } from "@/lib/forms";

describe("typedValues", () => {
  it("keeps what was typed for the form shown again, never a secret", () => {
    const form = new FormData();
    form.set("email", "claire.martin@ch-calanques.fr");
    form.set("name", "Claire Martin");
    form.set("password", "une phrase de passe assez longue");
    form.set("confirmation", "une phrase de passe assez longue");
    form.set("passwordConfirmation", "une phrase de passe assez longue");
    form.set("clientSecret", "s3cr3t");
    form.set("token", "abc");
    form.set("$ACTION_ID_123", "");

    expect(typedValues(form)).toEqual({ email: "claire.martin@ch-calanques.fr", name: "Claire Martin" });
  });
});
