"use client";

import { type MouseEvent, type ReactNode, useState } from "react";

type Props = { token: string; label: string; failed: string; children: ReactNode };

type UserActivation = { isActive: boolean; hasBeenActive: boolean };

/**
 * The one step that counts as a click: a person pressing the button. Robots that run the page's
 * JavaScript without interacting never get here; a scripted `element.click()` is not trusted
 * (`isTrusted` false) and gives no user activation, so nothing is posted for it.
 */
export function RevealOnActivation({ token, label, failed, children }: Props) {
  const [state, setState] = useState<"waiting" | "shown" | "failed">("waiting");

  async function reveal(event: MouseEvent<HTMLButtonElement>) {
    const activation = (navigator as Navigator & { userActivation?: UserActivation }).userActivation;
    if (!event.isTrusted || activation?.isActive === false) return;
    setState("shown");
    const response = await fetch(`/exercice/${encodeURIComponent(token)}/clic`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ activated: true }),
    }).catch(() => null);
    if (!response?.ok) setState("failed");
  }

  return (
    <>
      {state === "waiting" && (
        <p>
          <button type="button" className="button" onClick={(event) => void reveal(event)}>
            {label}
          </button>
        </p>
      )}
      {state === "failed" && <p role="alert">{failed}</p>}
      <div hidden={state === "waiting"}>{children}</div>
    </>
  );
}
