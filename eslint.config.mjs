// ESLint: Next.js's rules (React, hooks, accessibility, imports) with its TypeScript set, and
// nothing that Prettier decides (layout is Prettier's alone).
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  { ignores: [".next/**", "node_modules/**", "tests/.output/**", ".data/**", "bench/floor-app/.next/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // `module` is a course module throughout: ESM files have no CommonJS `module` to clobber.
      "@next/next/no-assign-module-variable": "off",
      // A leading underscore names what is left out on purpose (`const { a: _a, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright's fixtures call `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  prettier,
];

export default config;
