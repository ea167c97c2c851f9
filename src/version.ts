/** The toolkit's version, as package.json says (test/architecture.test.ts checks they agree): one place for the CLI and the API. */
export const VERSION = '0.1.0';
