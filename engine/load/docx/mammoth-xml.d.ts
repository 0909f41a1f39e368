// mammoth's XML module (CommonJS, no types): every part mammoth reads goes through its readString,
// which parses the text and converts the DOM into mammoth's own element tree.
declare module 'mammoth/lib/xml/index.js' {
  /** mammoth's element: a name ("w:p", "{uri}local" or "local"), attributes by name, children. */
  export interface MammothElement {
    type: 'element';
    name: string;
    attributes: Record<string, string>;
    children: MammothNode[];
  }
  export type MammothNode = MammothElement | { type: 'text'; value: string };
  const xml: {
    readString(xml: string, namespaceMap?: Record<string, string>): Promise<MammothElement | Error>;
    Element: new (
      name: string,
      attributes: Record<string, string>,
      children: MammothNode[],
    ) => MammothElement;
    text(value: string): MammothNode;
  };
  export default xml;
}
