"use client";

/**
 * The last resort, when even the root layout failed: it replaces the whole document, without
 * the translations, so it says it in both languages.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: "40rem",
          margin: "2rem auto",
          padding: "0 1rem",
          lineHeight: 1.5,
        }}
      >
        <main>
          <h1>Vigie est momentanément indisponible</h1>
          <p>
            Une erreur s&apos;est produite de notre côté. Votre progression déjà enregistrée n&apos;est pas perdue.
            Réessayez dans un instant.
          </p>
          <p lang="en">
            Vigie is unavailable for a moment. Progress already saved is not lost. Please try again shortly.
          </p>
          {error.digest && <p>Code : {error.digest}</p>}
          <button type="button" onClick={reset}>
            Réessayer / Try again
          </button>
        </main>
      </body>
    </html>
  );
}
