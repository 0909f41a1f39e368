import mammothWriters from 'mammoth/lib/writers/index.js';

/**
 * mammoth builds an HTML tree and then writes it, through a writer, as a string. Asked for the
 * output format below, it gets a writer that keeps the tree instead (the same calls, in the same
 * order), so the text view need not parse mammoth's HTML back. `toHtml` writes the kept tree with
 * mammoth's own HTML writer, for the trees that must still go through an HTML parser
 * (direct-hast.ts).
 */
export const CAPTURE_FORMAT = 'contract-lint-html-tree';

export interface HtmlElement {
  type: 'element';
  tagName: string;
  attributes: Record<string, string>;
  children: HtmlNode[];
  /** Written as `<br />`: mammoth does so for childless void elements only. */
  selfClosing: boolean;
}

export interface HtmlText {
  type: 'text';
  value: string;
}

export type HtmlNode = HtmlElement | HtmlText;

/** What mammoth's writers offer (lib/writers/html-writer.js). */
interface MammothWriter {
  open(tagName: string, attributes: Record<string, string>): void;
  close(tagName: string): void;
  text(value: string): void;
  selfClosing(tagName: string, attributes: Record<string, string>): void;
  asString(): unknown;
}

let installed = false;

/** Makes mammoth answer CAPTURE_FORMAT with a TreeWriter; every other format is left alone. */
export function installTreeWriter(): void {
  if (installed) return;
  const writer = mammothWriters.writer;
  mammothWriters.writer = (options) =>
    options?.outputFormat === CAPTURE_FORMAT ? new TreeWriter() : writer(options);
  installed = true;
}

/** Keeps what mammoth writes as a tree; `asString` hands mammoth the root, which it returns as its value. */
class TreeWriter implements MammothWriter {
  private readonly root = element('#root', {}, false);
  private readonly open_: HtmlElement[] = [this.root];

  open(tagName: string, attributes: Record<string, string>): void {
    const node = element(tagName, attributes, false);
    this.current().children.push(node);
    this.open_.push(node);
  }

  close(): void {
    // mammoth closes what it opened, in order (it writes a tree).
    this.open_.pop();
  }

  text(value: string): void {
    if (!value) return;
    // The HTML parser reads adjacent texts as one node.
    const children = this.current().children;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value += value;
    else children.push({ type: 'text', value });
  }

  selfClosing(tagName: string, attributes: Record<string, string>): void {
    this.current().children.push(element(tagName, attributes, true));
  }

  asString(): HtmlElement {
    return this.root;
  }

  private current(): HtmlElement {
    return this.open_[this.open_.length - 1] ?? this.root;
  }
}

function element(tagName: string, attributes: Record<string, string>, selfClosing: boolean): HtmlElement {
  for (const value of Object.values(attributes)) {
    // mammoth's HTML writer escapes every value as a string (and would fail on anything else).
    if (typeof value !== 'string')
      throw new TypeError(`mammoth wrote a ${typeof value} attribute on <${tagName}>`);
  }
  return { type: 'element', tagName, attributes, children: [], selfClosing };
}

/** The tree as mammoth's own HTML writer writes it (the root's children). */
export function toHtml(root: HtmlElement): string {
  const writer = mammothWriters.writer({}) as MammothWriter;
  const write = (node: HtmlNode): void => {
    if (node.type === 'text') writer.text(node.value);
    else if (node.selfClosing) writer.selfClosing(node.tagName, node.attributes);
    else {
      writer.open(node.tagName, node.attributes);
      for (const child of node.children) write(child);
      writer.close(node.tagName);
    }
  };
  for (const child of root.children) write(child);
  return writer.asString() as string;
}
