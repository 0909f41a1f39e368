import { buildModel, describeModel, isLoadError, loadFile } from '../engine/index.js';

/** `contract-lint inspect [--text] <file>`: the model as JSON, or the text view itself. */
export async function inspectFile(path: string, textOnly: boolean): Promise<number> {
  try {
    const doc = await loadFile(path);
    if (textOnly) {
      process.stdout.write(doc.textView.endsWith('\n') ? doc.textView : `${doc.textView}\n`);
      return 0;
    }
    const model = buildModel(doc);
    process.stdout.write(`${JSON.stringify(describeModel(model, doc.textView), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (isLoadError(error)) {
      process.stderr.write(`contract-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
