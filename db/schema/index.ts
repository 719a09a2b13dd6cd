export * from "./auth";
export * from "./organisations";
export * from "./learning";
export * from "./certificates";
export * from "./relations";
