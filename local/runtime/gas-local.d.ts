// gas-local 1.3.1 ships no types. Only `require` is used: it evaluates every .js file under a
// folder in a vm context built from `globals` and returns that context.
declare module 'gas-local' {
  export function require(
    folderPath: string,
    globals?: Record<string, unknown>,
    options?: { filter?: (file: string) => boolean },
  ): Record<string, unknown>;
  export const globalMockDefault: Record<string, unknown>;
}
