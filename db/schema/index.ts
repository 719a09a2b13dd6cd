export * from "./auth";
export * from "./organisations";
export * from "./learning";
export * from "./certificates";
export * from "./rate-limits";
export * from "./accounts-admin";
export * from "./assignments";
export * from "./relations";
