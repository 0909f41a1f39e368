// mammoth's writer factory (CommonJS, no types): document-to-html.js asks it for the writer that
// its HTML tree is written through.
declare module 'mammoth/lib/writers/index.js' {
  const writers: {
    writer(options?: { outputFormat?: string; prettyPrint?: boolean }): unknown;
  };
  export default writers;
}
