import {
  buildModel,
  CLAUSE_TYPES,
  ConfigResolver,
  classifyClauses,
  clauseChecklist,
  describeModel,
  describeProfile,
  isLoadError,
  lintDocument,
  loadFile,
  looksLikeAgreement,
  profileAgreement,
} from '../engine/index.js';
import { catalog } from '../rules/index.js';

/** `contract-lint inspect [--text] <file>`: the model as JSON, or the text view itself. */
export async function inspectFile(path: string, textOnly: boolean): Promise<number> {
  try {
    const doc = await loadFile(path);
    if (textOnly) {
      process.stdout.write(doc.textView.endsWith('\n') ? doc.textView : `${doc.textView}\n`);
      return 0;
    }
    // The checklist marks clauses incomplete from the findings, so lint with the file's config.
    const resolver = new ConfigResolver(catalog);
    const result = lintDocument(doc, resolver.effectiveRules(resolver.forFile(path)));
    const model = result.model ?? buildModel(doc);
    const clauses = result.clauses ?? classifyClauses(model);
    const description = {
      ...describeModel(model, doc.textView),
      agreement: looksLikeAgreement(model),
      crossLicense: profileAgreement(model, clauses).crossLicence,
      profile: describeProfile(profileAgreement(model, clauses), doc.textView),
      clauses: Object.fromEntries(
        CLAUSE_TYPES.filter((t) => clauses.has(t)).map((t) => [
          t,
          {
            sections: clauses.sectionsOf(t),
            evidence: clauses
              .hits(t)
              .slice(0, 5)
              .map((h) => ({ line: lineOf(doc.textView, h.range.start), source: h.source })),
          },
        ]),
      ),
      paragraphLabels: model.paragraphs.flatMap((p, i) => {
        const labels = clauses.labelsOf(i);
        return labels.length ? [{ line: lineOf(doc.textView, p.range.start), labels }] : [];
      }),
      checklist: result.checklist ?? clauseChecklist(clauses, result.findings),
    };
    process.stdout.write(`${JSON.stringify(description, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (isLoadError(error)) {
      process.stderr.write(`contract-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
