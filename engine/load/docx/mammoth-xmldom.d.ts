// mammoth's own XML entry point (CommonJS, no types): every part it reads goes through it.
declare module 'mammoth/lib/xml/xmldom.js' {
  const xmldom: {
    parseFromString(xml: string, mimeType?: string): unknown;
  };
  export default xmldom;
}
