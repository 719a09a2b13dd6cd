// One file per namespace and locale, so that features add their texts without touching others'.
import enCatalogue from "./en/catalogue.json";
import enHome from "./en/home.json";
import enMeta from "./en/meta.json";
import enPlayer from "./en/player.json";
import enShell from "./en/shell.json";
import enSignIn from "./en/signIn.json";
import frCatalogue from "./fr/catalogue.json";
import frHome from "./fr/home.json";
import frMeta from "./fr/meta.json";
import frPlayer from "./fr/player.json";
import frShell from "./fr/shell.json";
import frSignIn from "./fr/signIn.json";
import type { Locale } from "../locales";

export const messages = {
  fr: { meta: frMeta, shell: frShell, home: frHome, signIn: frSignIn, catalogue: frCatalogue, player: frPlayer },
  en: { meta: enMeta, shell: enShell, home: enHome, signIn: enSignIn, catalogue: enCatalogue, player: enPlayer },
} satisfies Record<Locale, Record<string, unknown>>;
