// Vite's `?raw` suffix imports a file's text; the README example test reads the README this way, which
// works in Node and in the browser-like test environment alike.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
