// ESLint: Next.js's rules (React, hooks, imports) with its TypeScript set, jsx-a11y's recommended, and
// nothing that Prettier decides (layout is Prettier's alone).
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import prettier from "eslint-config-prettier/flat";

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "tests/.output/**",
      ".data/**",
      "bench/floor-app/.next/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      // `module` is a course module throughout: ESM files have no CommonJS `module` to clobber.
      "@next/next/no-assign-module-variable": "off",
      // A leading underscore names what is left out on purpose (`const { a: _a, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // Every accessibility rule jsx-a11y recommends, beyond the few Next.js turns on.
  { files: ["**/*.tsx"], rules: jsxA11y.flatConfigs.recommended.rules },
  {
    // Playwright's fixtures call `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  prettier,
];

export default config;
