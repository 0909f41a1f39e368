import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildReviewCopy } from '../engine/index.js';
import { alignText } from '../engine/review/align.js';
import {
  commentsOf,
  entries,
  expectFaithfulReviewCopy,
  findingKeys,
  lintBytes,
} from './helpers/review-copy.js';

const fixtures = new URL('../fixtures/docx/', import.meta.url).pathname;
const files = readdirSync(fixtures).filter((f) => f.endsWith('.docx'));
const NOW = new Date('2026-01-02T03:04:05Z');

async function annotate(file: string, redline = false) {
  const path = join(fixtures, file);
  const bytes = new Uint8Array(readFileSync(path));
  const before = await lintBytes(bytes, path);
  const copy = buildReviewCopy(bytes, before.doc, before.result.findings, { redline, now: NOW });
  return { path, bytes, before, copy };
}

describe('alignText', () => {
  it('maps view characters to Word characters past a numbering label, escapes and emphasis', () => {
    const view = '2.1 Licensor **grants** Licensee\\* a licence';
    const word = 'Licensor grants Licensee* a licence';
    const map = alignText(view, word) as Int32Array;
    const at = (s: string) => map[view.indexOf(s)];
    expect(at('Licensor')).toBe(0);
    expect(at('grants')).toBe(word.indexOf('grants'));
    expect(at('* a')).toBe(word.indexOf('*'));
    expect(map[0]).toBe(-1); // "2" of the label is not Word text
    expect(map[view.indexOf('**')]).toBe(-1);
  });

  it('treats curly and straight quotes, dashes and whitespace as the same', () => {
    const map = alignText('"Fees" - net  30', '\u201cFees\u201d \u2013 net\u00a030') as Int32Array;
    expect([...map].filter((j) => j >= 0)).toHaveLength(15);
  });
});

describe('review copy of the Word fixtures', () => {
  for (const file of files) {
    it(`${file}: one comment per finding on its words, same findings and text after, other parts unchanged`, async () => {
      await expectFaithfulReviewCopy(join(fixtures, file), { now: NOW });
    });
    it(`${file} with --redline: the same, tracked changes included`, async () => {
      await expectFaithfulReviewCopy(join(fixtures, file), { now: NOW, redline: true });
    });
  }

  it('anchors nearly every fixture finding on its exact words (list-numbering-gap flags a number Word generates)', async () => {
    let exact = 0;
    let total = 0;
    for (const file of files) {
      const { copy } = await annotate(file);
      total += copy.placed.length;
      exact += copy.placed.filter((p) => p.anchor === 'exact').length;
      for (const p of copy.placed.filter((x) => x.anchor !== 'exact'))
        expect(p.ruleId).toBe('list-numbering-gap');
    }
    expect(total).toBeGreaterThan(50);
    expect(exact).toBeGreaterThanOrEqual(total - 1);
  });

  it('keeps an existing comment (a suppression) as it was, with new ids that do not collide', async () => {
    const { copy, bytes } = await annotate('numbered-agreement.docx');
    const original = commentsOf(entries(bytes)['word/comments.xml']);
    const comments = commentsOf(entries(copy.bytes)['word/comments.xml']);
    expect(original).toHaveLength(1);
    expect(comments[0]).toEqual(original[0]);
    expect(comments[0]?.text).toMatch(/^contract-lint-disable undefined-term/);
    const ids = comments.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(comments.length).toBe(1 + copy.comments);
  });

  it('adds a comments part, its relationship and content type when the document has none', async () => {
    // The fixtures all have a comments part (the docx package always writes one): take it out.
    const path = join(fixtures, 'cross-license-defects.docx');
    const files = entries(new Uint8Array(readFileSync(path)));
    delete files['word/comments.xml'];
    delete files['word/_rels/comments.xml.rels'];
    const strip = (name: string, pattern: RegExp) => {
      const xml = strFromU8(files[name] as Uint8Array);
      expect(xml).toMatch(pattern);
      files[name] = strToU8(xml.replace(pattern, ''));
    };
    strip('word/_rels/document.xml.rels', /<Relationship [^>]*relationships\/comments"[^>]*\/>/);
    strip('[Content_Types].xml', /<Override [^>]*PartName="\/word\/comments.xml"[^>]*\/>/);
    const bytes = zipSync(files);
    const { doc, result } = await lintBytes(bytes, path);
    const copy = buildReviewCopy(bytes, doc, result.findings);
    const out = entries(copy.bytes);
    expect(commentsOf(out['word/comments.xml'])).toHaveLength(result.findings.length);
    expect(strFromU8(out['word/_rels/document.xml.rels'] as Uint8Array)).toMatch(
      /Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/comments" Target="comments.xml"/,
    );
    expect(strFromU8(out['[Content_Types].xml'] as Uint8Array)).toContain(
      'PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"',
    );
  });

  it('gives back the same bytes when there is nothing to say', async () => {
    const { copy, bytes, before } = await annotate('patent-cross-license.docx');
    expect(before.result.findings).toEqual([]);
    expect(copy.bytes).toEqual(bytes);
  });

  it('writes the clause a missing-clause fix would insert into its comment', async () => {
    const { copy } = await annotate('royalty-license-no-exit.docx');
    expect(copy.placed.map((p) => p.ruleId)).toContain('missing-termination-clause');
    const path = join(fixtures, 'royalty-license-no-exit.docx');
    const bytes = new Uint8Array(readFileSync(path));
    const { doc, result } = await lintBytes(bytes, path);
    const withClause = buildReviewCopy(bytes, doc, result.findings, {
      clauseFor: (f) =>
        f.ruleId === 'missing-termination-clause'
          ? { title: 'Termination', paragraphs: ['Either Party may terminate.'] }
          : undefined,
    });
    const texts = commentsOf(entries(withClause.bytes)['word/comments.xml']).map((c) => c.text);
    expect(texts.find((t) => t.includes('missing-termination-clause'))).toContain(
      'Suggested clause (Termination):\nEither Party may terminate.',
    );
  });
});

describe('--redline', () => {
  it('turns a single-edit fix into a tracked deletion and insertion by contract-lint, and still lints like the original', async () => {
    const { path, copy, before } = await annotate('cross-license-defects.docx', true);
    expect(copy.trackedChanges).toBe(1);
    const finding = before.result.findings[copy.placed.findIndex((p) => p.trackedChange)];
    const edit = finding?.fixes?.[0]?.edits[0];
    expect(edit).toBeDefined();
    const xml = strFromU8(entries(copy.bytes)['word/document.xml'] as Uint8Array);
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const text = (tag: string) => {
      const list = doc.getElementsByTagName(tag);
      const out: string[] = [];
      for (let i = 0; i < list.length; i++) {
        const el = list.item(i) as Element;
        expect(el.getAttribute('w:author')).toBe('contract-lint');
        const ts = el.getElementsByTagName(tag === 'w:del' ? 'w:delText' : 'w:t');
        for (let k = 0; k < ts.length; k++) out.push(ts.item(k)?.textContent ?? '');
      }
      return out.join('');
    };
    const comment = commentsOf(entries(copy.bytes)['word/comments.xml']).find(
      (c) => c.id === copy.placed.find((p) => p.trackedChange)?.commentId,
    );
    expect(comment?.text).toContain(`Fix made as a tracked change: ${finding?.fixes?.[0]?.label}`);
    expect(text('w:del')).toBe(before.doc.textView.slice(edit?.range.start, edit?.range.end));
    expect(text('w:ins')).toBe(edit?.newText);
    const after = await lintBytes(copy.bytes, path);
    expect(after.doc.textView).toBe(before.doc.textView);
    expect(findingKeys(after.result)).toEqual(findingKeys(before.result));
  });

  it('leaves fixes with a choice as comments only', async () => {
    const { copy, before } = await annotate('cross-license-defects.docx', true);
    before.result.findings.forEach((f, i) => {
      if ((f.fixes?.length ?? 0) !== 1) expect(copy.placed[i]?.trackedChange).toBe(false);
    });
  });
});

describe('a reviewer answering in Word', () => {
  it('a reply "contract-lint-disable rule -- reason" on the commented words suppresses the finding next time', async () => {
    const { path, copy, before } = await annotate('cross-license-defects.docx');
    const index = before.result.findings.findIndex(
      (f) => f.ruleId !== 'ambiguous-exclusivity' && f.range.end > f.range.start,
    );
    const target = before.result.findings[index];
    const id = copy.placed[index]?.commentId as string;
    const files = entries(copy.bytes);
    // Word writes a reply as a comment of its own, with range marks beside its parent's.
    const documentXml = strFromU8(files['word/document.xml'] as Uint8Array)
      .replace(
        `<w:commentRangeStart w:id="${id}"/>`,
        `<w:commentRangeStart w:id="${id}"/><w:commentRangeStart w:id="9000"/>`,
      )
      .replace(
        `<w:commentRangeEnd w:id="${id}"/>`,
        `<w:commentRangeEnd w:id="${id}"/><w:commentRangeEnd w:id="9000"/><w:r><w:commentReference w:id="9000"/></w:r>`,
      );
    const commentsXml = strFromU8(files['word/comments.xml'] as Uint8Array).replace(
      '</w:comments>',
      `<w:comment w:id="9000" w:author="Jane Reviewer" w:initials="JR"><w:p><w:r><w:t>contract-lint-disable ${target?.ruleId} -- agreed with the other side</w:t></w:r></w:p></w:comment></w:comments>`,
    );
    expect(documentXml).toContain('w:id="9000"');
    const replied = zipSync({
      ...files,
      'word/document.xml': strToU8(documentXml),
      'word/comments.xml': strToU8(commentsXml),
    });
    const after = await lintBytes(replied, path);
    expect(after.result.findings.length).toBe(before.result.findings.length - 1);
    expect(findingKeys(after.result)).not.toContain(findingKeys(before.result)[index]);
    expect(after.result.suppressedCount).toBe((before.result.suppressedCount ?? 0) + 1);
  });
});

describe('what is already in the document', () => {
  it('annotating a review copy again replaces contract-lint’s comments and tracked changes: the same copy', async () => {
    const { path, copy } = await annotate('cross-license-defects.docx', true);
    const again = await lintBytes(copy.bytes, path);
    const second = buildReviewCopy(copy.bytes, again.doc, again.result.findings, { redline: true, now: NOW });
    const first = entries(copy.bytes);
    const out = entries(second.bytes);
    expect(second.comments).toBe(copy.comments);
    expect(second.trackedChanges).toBe(1);
    expect(strFromU8(out['word/document.xml'] as Uint8Array)).toBe(
      strFromU8(first['word/document.xml'] as Uint8Array),
    );
    expect(strFromU8(out['word/comments.xml'] as Uint8Array)).toBe(
      strFromU8(first['word/comments.xml'] as Uint8Array),
    );
  });

  it('keeps another author’s tracked changes, and reads them as the loader does', async () => {
    const path = join(fixtures, 'cross-license-defects.docx');
    const files = entries(new Uint8Array(readFileSync(path)));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    // Jane proposed a change in the preamble: "entered into" inserted, "made" deleted.
    const edited = xml.replace(
      /(<w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t[^>]*>This Patent Cross-License Agreement)/,
      '<w:del w:id="7001" w:author="Jane" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">Drafted: </w:delText></w:r></w:del>' +
        '<w:ins w:id="7002" w:author="Jane" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">Final: </w:t></w:r></w:ins>$1',
    );
    expect(edited).not.toBe(xml);
    const bytes = zipSync({ ...files, 'word/document.xml': strToU8(edited) });
    const before = await lintBytes(bytes, path);
    expect(before.doc.textView).toContain('Final: This Patent Cross-License Agreement');
    expect(before.doc.textView).not.toContain('Drafted');
    const copy = buildReviewCopy(bytes, before.doc, before.result.findings, { redline: true, now: NOW });
    const out = strFromU8(entries(copy.bytes)['word/document.xml'] as Uint8Array);
    expect(out).toContain(
      '<w:del w:id="7001" w:author="Jane" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">Drafted: </w:delText></w:r></w:del>',
    );
    expect(out).toContain(
      '<w:ins w:id="7002" w:author="Jane" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">Final: </w:t></w:r></w:ins>',
    );
    expect(copy.placed.every((p) => p.anchor === 'exact')).toBe(true);
    const after = await lintBytes(copy.bytes, path);
    expect(after.doc.textView).toBe(before.doc.textView);
    expect(findingKeys(after.result)).toEqual(findingKeys(before.result));
  });
});

describe('Strict Office Open XML', () => {
  it('writes the comments part, its relationship and ids in the document’s own (strict) vocabulary', async () => {
    const path = join(fixtures, 'cross-license-defects.docx');
    const files = entries(new Uint8Array(readFileSync(path)));
    delete files['word/comments.xml'];
    delete files['word/_rels/comments.xml.rels'];
    const strict = (xml: string) =>
      xml.replaceAll(
        'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
        'http://purl.oclc.org/ooxml/wordprocessingml/main',
      );
    for (const name of Object.keys(files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      let xml = strict(strFromU8(files[name] as Uint8Array));
      xml = xml
        .replace(/<Relationship [^>]*relationships\/comments"[^>]*\/>/, '')
        .replace(/<Override [^>]*comments.xml"[^>]*\/>/, '');
      files[name] = strToU8(xml);
    }
    const bytes = zipSync(files);
    const before = await lintBytes(bytes, path);
    expect(before.result.findings.length).toBeGreaterThan(10);
    const copy = buildReviewCopy(bytes, before.doc, before.result.findings, { redline: true });
    const out = entries(copy.bytes);
    const comments = strFromU8(out['word/comments.xml'] as Uint8Array);
    expect(comments).toMatch(
      /^<\?xml[^>]*\?>\s*<w:comments xmlns:w="http:\/\/purl.oclc.org\/ooxml\/wordprocessingml\/main"/,
    );
    expect(strFromU8(out['word/_rels/document.xml.rels'] as Uint8Array)).toContain(
      'Type="http://purl.oclc.org/ooxml/officeDocument/relationships/comments" Target="comments.xml"',
    );
    expect(strFromU8(out['word/document.xml'] as Uint8Array)).not.toContain(
      'schemas.openxmlformats.org/wordprocessingml',
    );
    const after = await lintBytes(copy.bytes, path);
    expect(after.doc.textView).toBe(before.doc.textView);
    expect(findingKeys(after.result)).toEqual(findingKeys(before.result));
    expect(after.doc.comments).toEqual([]);
  });
});
