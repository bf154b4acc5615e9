// Vite's `?raw` import: the file's text, bundled into the importing chunk (here, the spelling worker).
declare module '*?raw' {
  const text: string;
  export default text;
}
