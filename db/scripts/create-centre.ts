import { eq } from "drizzle-orm";
import { createDb } from "../client";
import { memberships, organisations, users } from "../schema";
import { env } from "@/lib/env";
import { runScript } from "./run-script";

// npm run db:create-centre -- --name="Centre régional…" --slug=centre-regional --admin=prenom.nom@example.org --admin-name="Prénom Nom"
// The first centre and its platform admin, in production as in demo: the admin has no password
// and signs in with a link sent by mail ("Recevoir un lien de connexion", or "Mot de passe oublié").
runScript(async () => {
  const option = (name: string) =>
    process.argv
      .find((arg) => arg.startsWith(`--${name}=`))
      ?.slice(name.length + 3)
      .trim();
  const [name, slug, email, adminName] = [
    option("name"),
    option("slug"),
    option("admin")?.toLowerCase(),
    option("admin-name"),
  ];
  if (!name || !slug || !/^[a-z0-9-]{3,60}$/.test(slug) || !email || !/^[^@\s]+@[^@\s]+$/.test(email) || !adminName) {
    throw new Error(
      'usage: npm run db:create-centre -- --name="Centre régional…" --slug=centre-regional --admin=prenom.nom@example.org --admin-name="Prénom Nom" (slug: lower-case letters, digits and dashes)',
    );
  }
  const config = env();
  const handle = await createDb({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await handle.db.transaction(async (tx) => {
      await tx
        .insert(organisations)
        .values({ name, slug, kind: "centre", parentId: null })
        .onConflictDoNothing({ target: organisations.slug });
      const [centre] = await tx
        .select({ id: organisations.id, kind: organisations.kind })
        .from(organisations)
        .where(eq(organisations.slug, slug));
      if (centre!.kind !== "centre") throw new Error(`the slug ${slug} belongs to an establishment, not a centre`);
      await tx.insert(users).values({ email, name: adminName }).onConflictDoNothing({ target: users.email });
      const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      await tx
        .insert(memberships)
        .values({ userId: admin!.id, organisationId: centre!.id, role: "admin" })
        .onConflictDoNothing();
    });
    console.log(
      `[db] centre ${slug} ready, with ${email} as its platform admin: they sign in with a link sent by mail.`,
    );
  } finally {
    await handle.close();
  }
});
