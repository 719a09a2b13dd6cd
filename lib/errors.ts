export const errorCodes = {
  bad_request: { status: 400, fr: "La demande est invalide.", en: "The request is invalid." },
  unauthenticated: { status: 401, fr: "Veuillez vous connecter.", en: "Please sign in." },
  forbidden: {
    status: 403,
    fr: "Vous n'avez pas accès à cette ressource.",
    en: "You do not have access to this resource.",
  },
  not_found: { status: 404, fr: "Page ou ressource introuvable.", en: "Page or resource not found." },
  conflict: {
    status: 409,
    fr: "Cette action entre en conflit avec l'état actuel.",
    en: "This action conflicts with the current state.",
  },
  payload_too_large: { status: 413, fr: "La demande est trop volumineuse.", en: "The request is too large." },
  stale_content: {
    status: 409,
    fr: "Ce module a été mis à jour : rechargez la page.",
    en: "This module was updated: reload the page.",
  },
  establishment_not_chosen: {
    status: 409,
    fr: "Choisissez d'abord l'établissement pour lequel vous suivez la formation (en haut de la page).",
    en: "First choose the establishment you are training for (at the top of the page).",
  },
  reauthentication_required: {
    status: 403,
    fr: "Pour cette action, confirmez d'abord votre identité (mot de passe ou code de votre application d'authentification), puis recommencez.",
    en: "For this action, first confirm your identity (password or code from your authenticator app), then try again.",
  },
  rate_limited: {
    status: 429,
    fr: "Trop de tentatives : réessayez dans quelques minutes.",
    en: "Too many attempts: try again in a few minutes.",
  },
  unavailable: {
    status: 503,
    fr: "Le service est momentanément indisponible : réessayez dans quelques secondes. Ce qui était déjà enregistré n'est pas perdu.",
    en: "The service is briefly unavailable: try again in a few seconds. What was already saved is not lost.",
  },
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * A failure the user may be told about: a code with a French (and English) message and an
 * HTTP status, plus an internal detail for logs. Outsiders get `not_found`, never `forbidden`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = "AppError";
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  userMessage(locale: "fr" | "en" = "fr"): string {
    return errorCodes[this.code][locale];
  }
}
