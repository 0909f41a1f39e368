import { describe, expect, it } from 'vitest';
import type { EffectiveRule } from '../engine/config/resolve.js';
import { lintDocument } from '../engine/lint/lint.js';
import type { Rule } from '../engine/lint/rule.js';
import { loadText } from '../engine/load/text.js';
import { inconsistentTermCase } from '../rules/inconsistent-term-case.js';

const rule = inconsistentTermCase as unknown as Rule<object>;

function found(text: string): string[] {
  const effective: EffectiveRule = {
    rule,
    severity: rule.defaultSeverity,
    options: { singleWords: false, ignore: [] },
  };
  const result = lintDocument(loadText(text, 'test.md', 'markdown'), [effective]);
  return result.findings.map((f) => f.message.match(/^"([^"]+)"/)?.[1] ?? '');
}

const DEFINITIONS =
  '"Kelvin Scale" means the scale. "Scale Rules" means the rules. "Asset Rules" means others. "Rules Book" means the book.\n\n';

describe('inconsistent-term-case matcher', () => {
  it('finds a lower-case use at a word start', () => {
    expect(found(`${DEFINITIONS}Apply the kelvin scale and the asset rules.\n`)).toEqual([
      'kelvin scale',
      'asset rules',
    ]);
  });

  it('reads the Kelvin sign as k, and the long s as s, as a case-insensitive regex does', () => {
    // The Kelvin sign starts a match of "Kelvin Scale" (not reported: it is no lower-case form),
    // which takes "scale" from "scale rules"; a long s second in a word starts a match of
    // "Asset Rules", which takes "rules" from "rules book".
    expect(found(`${DEFINITIONS}Apply the \u212aelvin scale rules.\n`)).toEqual([]);
    expect(found(`${DEFINITIONS}Apply the kelvin scale rules.\n`)).toEqual(['kelvin scale']);
    expect(found(`${DEFINITIONS}Apply the a\u017fset rules book.\n`)).toEqual([]);
    expect(found(`${DEFINITIONS}Apply the aset rules book.\n`)).toEqual(['rules book']);
  });
});
