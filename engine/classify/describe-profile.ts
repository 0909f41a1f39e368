import { LineIndex } from '../text/line-index.js';
import type { Grant } from './grants.js';
import type { AgreementProfile, Evidence } from './profile.js';

/**
 * The agreement profile as JSON for `contract-lint inspect`: what kind of agreement, what it
 * licenses, how money flows and how it ends, with the line of each piece of evidence, and every
 * grant as structured data.
 */
export function describeProfile(profile: AgreementProfile, textView: string) {
  const lines = new LineIndex(textView);
  const line = (offset: number) => lines.position(offset).line;
  const quote = (e: Evidence | undefined) => (e ? { line: line(e.range.start), text: e.text } : undefined);
  const { money, ending, master } = profile;
  return {
    kinds: profile.kinds,
    licenses: profile.licenses,
    patentsLicensed: profile.patentsLicensed,
    exclusive: profile.exclusive,
    crossLicence: profile.crossLicence,
    saysCrossLicence: profile.saysCrossLicence,
    grantsRunBothWays: profile.grantsRunBothWays,
    money: {
      model: money.model,
      royaltyOnPayerFigures: money.royaltyOnPayerFigures,
      fixedFees: money.fixedFees,
      milestones: money.milestones,
      royaltyFree: money.royaltyFree,
      evidence: Object.fromEntries(Object.entries(money.evidence).map(([k, e]) => [k, quote(e)])),
    },
    ending: {
      kind: ending.kind,
      perpetual: ending.perpetual,
      irrevocable: ending.irrevocable,
      notTerminable: ending.notTerminable,
      patentLife: ending.patentLife,
      fixedTerm: ending.fixedTerm,
      terminable: ending.terminable,
      rights: ending.rights.map((r) => ({
        by: r.by,
        grounds: r.grounds,
        ...(r.noticeDays !== undefined ? { noticeDays: r.noticeDays } : {}),
        ...(r.cureDays !== undefined ? { cureDays: r.cureDays } : {}),
        line: line(r.evidence.range.start),
      })),
      evidence: ending.evidence.map(quote),
    },
    master: {
      ...(master.name ? { name: master.name } : {}),
      termsByReference: master.termsByReference,
      subjectTo: master.subjectTo,
      omittedSchedules: master.omittedSchedules,
      evidence: master.evidence.map(quote),
    },
    grants: profile.grants.map((g) => describeGrant(g, line)),
  };
}

function describeGrant(g: Grant, line: (offset: number) => number) {
  return {
    kind: g.kind,
    line: line(g.range.start),
    ...(g.grantor !== undefined ? { grantor: g.grantor } : {}),
    ...(g.grantee !== undefined ? { grantee: g.grantee } : {}),
    mutual: g.mutual,
    exclusivity: g.exclusivity,
    subjects: g.subjects,
    ...(g.subjectTerms.length ? { subjectTerms: g.subjectTerms } : {}),
    rights: g.rights,
    ...(g.field !== undefined ? { field: g.field } : {}),
    ...(g.territory !== undefined ? { territory: g.territory } : {}),
    duration: g.duration,
    ...(g.sublicensable ? { sublicensable: g.sublicensable } : {}),
    ...(g.transferable ? { transferable: g.transferable } : {}),
    ...(g.royalty ? { royalty: g.royalty } : {}),
    grantBack: g.grantBack,
    conditional: g.conditional,
    text: g.segment.length > 240 ? `${g.segment.slice(0, 239)}…` : g.segment,
  };
}
