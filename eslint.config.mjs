// ESLint flat config for `npm run lint` (office-addin-lint 3 picks this file up from the
// project root). It starts from Microsoft's Office add-in rules (which include Prettier,
// with the office-addin-prettier-config named in package.json) and adds what this
// project needs: TypeScript in .tsx files too, React 17+'s JSX transform, Node and
// browser globals, and jest's globals in tests.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

// The recommended set applies its parser, plugins and rules to .js/.ts-style files only;
// widen it to .tsx and .jsx so the task pane's components are checked the same way.
const officeRules = officeAddins.configs.react.map((config) =>
  Array.isArray(config.files) && config.files.includes("**/*.{js,mjs,cjs,ts,cts,mts}")
    ? { ...config, files: ["**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}"] }
    : config
);

export default [
  {
    ignores: [
      "dist/**",
      "out/**",
      "coverage/**",
      "node_modules/**",
      ".tmp/**",
      "test-results/**",
      "**/*.d.ts",
    ],
  },
  // The react set holds the recommended rules plus eslint-plugin-react's.
  ...officeRules,
  {
    files: TS_FILES,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // TypeScript checks names itself (and knows Office, Excel, NodeJS, JSX ...).
      "no-undef": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // The automatic JSX runtime (tsconfig "jsx": "react-jsx") needs no React in scope,
      // and props are typed by TypeScript rather than prop-types.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    // The Office.js rules (load before read, sync before read ...) know nothing of exceljs,
    // whose worksheets and cells are plain objects: in the Node-only code they only misfire.
    files: [
      "src/plan/**",
      "src/report/**",
      "src/xlsx/**",
      "src/cli/**",
      "scripts/**",
      "bin/**",
      "test/unit/**",
      "test/report/**",
      "test/cli/**",
      "test/xlsx-summary/**",
    ],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
  {
    files: ["test/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
];
