import { describe, expect, it } from 'vitest';
import { buildModel, classifyClauses, loadText, profileAgreement } from '../engine/index.js';
import { runCli } from './helpers/run-cli.js';

/** The agreement profile of a Markdown text (engine only). */
function profile(text: string) {
  const model = buildModel(loadText(text, 'example.md', 'markdown'));
  return profileAgreement(model, classifyClauses(model));
}

const PARTIES = 'This Agreement is made between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").\n\n';

describe('contract-lint inspect shows the agreement profile and its grants (real CLI)', () => {
  it('the well-drafted patent cross-licence', () => {
    const run = runCli(['inspect', 'fixtures/markdown/patent-cross-license.md']);
    expect(run.code).toBe(0);
    const { profile: p } = JSON.parse(run.stdout);
    expect(p.kinds).toEqual(expect.arrayContaining(['cross-licence', 'patent-licence']));
    expect(p.patentsLicensed).toBe(true);
    expect(p.grantsRunBothWays).toBe(true);
    expect(p.money).toMatchObject({ model: 'royalty', royaltyOnPayerFigures: true });
    expect(p.money.evidence.royalty.line).toBe(43);
    expect(p.ending.kind).toBe('patent-life');
    expect(p.ending.rights).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ by: 'either', grounds: ['breach'], cureDays: 60, line: 65 }),
        expect.objectContaining({ grounds: ['patent-challenge'], line: 67 }),
      ]),
    );
    // The recital "The Parties wish to grant each other licences" is not a grant.
    expect(p.grants.map((g: { line: number }) => g.line)).toEqual([29, 31, 37]);
    expect(p.grants[0]).toMatchObject({
      kind: 'grant',
      grantor: 'Northwind',
      grantee: 'Contoso',
      exclusivity: 'non-exclusive',
      subjects: ['patents'],
      subjectTerms: expect.arrayContaining(['Licensed Patents', 'Licensed Products']),
      rights: ['make', 'use', 'sell', 'offer', 'import'],
      field: 'in the Field',
      territory: 'Territory',
      transferable: 'no',
    });
    expect(p.grants[1]).toMatchObject({ grantor: 'Contoso', grantee: 'Northwind' });
    expect(p.grants[2]).toMatchObject({ mutual: true, royalty: 'free' });
  });

  it('a one-way licence titled a cross-licence, with a contradictory grant', () => {
    const { profile: p } = JSON.parse(
      runCli(['inspect', 'fixtures/markdown/cross-license-one-way.md']).stdout,
    );
    expect(p).toMatchObject({ saysCrossLicence: true, grantsRunBothWays: false });
    expect(p.grants).toHaveLength(1);
    expect(p.grants[0]).toMatchObject({ grantor: 'Cedar', grantee: 'Dune', exclusivity: 'both' });
  });

  it('a royalty-bearing software licence with no term', () => {
    const { profile: p } = JSON.parse(
      runCli(['inspect', 'fixtures/markdown/royalty-license-no-exit.md']).stdout,
    );
    expect(p.kinds).toContain('software-licence');
    expect(p.money.royaltyOnPayerFigures).toBe(true);
    expect(p.ending.kind).toBe('unstated');
    expect(p.grants[0]).toMatchObject({
      grantor: 'Licensor',
      grantee: 'Licensee',
      subjects: expect.arrayContaining(['software']),
    });
  });
});

describe('grants as structured data', () => {
  it('reads exclusivity anywhere in the adjective chain, however a filing copy broke the word', () => {
    const p = profile(
      `${PARTIES}## 2. Licence\n\nAlpha hereby grants to Beta a worldwide, non-transferable (except as set forth herein), non- exclusive, fully paid-up license under the Licensed Patents to make and sell Products.\n`,
    );
    expect(p.grants[0]).toMatchObject({
      grantor: 'Alpha',
      grantee: 'Beta',
      exclusivity: 'non-exclusive',
      transferable: 'no',
      royalty: 'free',
      territory: 'worldwide',
    });
  });

  it('"(x) exclusive in its field and (y) non-exclusive elsewhere" is a defined split', () => {
    const p = profile(
      `${PARTIES}## 2. Licence\n\nAlpha hereby grants to Beta (x) a perpetual, exclusive license to use the Licensed Know-How in the Beta Field and (y) a perpetual, non-exclusive license to use it in all other fields.\n`,
    );
    expect(p.grants[0]?.exclusivity).toBe('partial');
  });

  it('denials, covenants not to sue and promises to license are told apart', () => {
    const p = profile(
      `${PARTIES}## 2. Rights\n\n2.1 Except as expressly set out in this Agreement, neither Party grants to the other Party any right or license under any patent.\n\n2.2 Alpha hereby covenants not to sue Beta under the Alpha Patents for making Products.\n\n2.3 To the extent it is able, each party will grant a non-exclusive license to the other party under its patents on components.\n`,
    );
    expect(p.grants.map((g) => g.kind)).toEqual(['denial', 'covenant', 'undertaking']);
    expect(p.grants[1]).toMatchObject({ grantor: 'Alpha', grantee: 'Beta' });
  });

  it('grants between groups of parties run both ways across sections', () => {
    const p = profile(
      'This Agreement is entered into by and between Armstrong Flooring, Inc., a Delaware corporation ("Seller") and AFI Licensing LLC, a Delaware limited liability company ("Licensing" and together with Seller, "Arizona") and AHF Holding, Inc., a Delaware corporation ("Buyer").\n\n## 3. Copyright Licence\n\n3.1 Arizona hereby grants to Buyer a perpetual, non-exclusive license under the Arizona Licensed Copyrights.\n\n## 4. Know-How Licence\n\n4.2 Buyer hereby grants to Seller a perpetual, non-exclusive license under the Buyer Licensed Know-How.\n',
    );
    expect(p.grants.map((g) => [g.grantor, g.grantee])).toEqual([
      ['Arizona', 'Buyer'],
      ['Buyer', 'Arizona'],
    ]);
    expect(p.grantsRunBothWays).toBe(true);
  });

  it('a grant-back of improvements alone does not make a cross-licence', () => {
    const p = profile(
      `${PARTIES}## 2. Licence\n\n2.1 Alpha grants Beta a non-exclusive licence under the patents listed in Schedule A.\n\n2.2 Beta grants Alpha a non-exclusive licence under its Improvements.\n`,
    );
    expect(p.grants[1]?.grantBack).toBe(true);
    expect(p.crossLicence).toBe(false);
  });
});

describe('money, ending and master agreement', () => {
  it('royalty-free and fully paid licences: nothing rests on the payer’s figures', () => {
    const p = profile(
      `${PARTIES}## 2. Licence\n\nAlpha grants Beta a royalty-free, fully paid-up, non-exclusive licence under the Licensed Patents. Beta shall pay any royalties owed to third parties under its own licences.\n`,
    );
    expect(p.money).toMatchObject({ model: 'royalty-free', royaltyOnPayerFigures: false });
  });

  it('a perpetual, irrevocable grant; a licence that may not be terminated; a completed assignment', () => {
    expect(
      profile(
        `${PARTIES}## 2. Licence\n\nAlpha hereby grants Beta a perpetual, irrevocable, non-exclusive licence under the Licensed Patents.\n`,
      ).ending.kind,
    ).toBe('perpetual');
    expect(
      profile(
        `${PARTIES}## 2. Licence\n\nAlpha hereby grants Beta a non-exclusive licence under the Licensed Patents. The licences granted in this Agreement shall not be terminable or revocable for any reason.\n`,
      ).ending.kind,
    ).toBe('not-terminable');
    expect(
      profile(
        `# Patent Assignment\n\n${PARTIES}1. Alpha hereby assigns to Beta all right, title and interest in the patents listed in Schedule A.\n`,
      ).ending.kind,
    ).toBe('completed');
  });

  it('termination rights with grounds, notice and cure', () => {
    const p = profile(
      `${PARTIES}## 9. Termination\n\n9.1 Either party may terminate this Agreement if the other party materially breaches it and fails to cure the breach within thirty (30) days after written notice.\n\n9.2 Alpha may terminate this Agreement on ninety (90) days' written notice for convenience.\n`,
    );
    expect(p.ending.rights).toEqual([
      expect.objectContaining({ by: 'either', grounds: ['breach'], cureDays: 30 }),
      expect.objectContaining({ by: 'Alpha', grounds: ['convenience'], noticeDays: 90 }),
    ]);
  });

  it('an agreement under a purchase agreement, with terms defined there and schedules omitted', () => {
    const p = profile(
      `${PARTIES}This Intellectual Property Agreement is subject in all respects to the terms and conditions of the Asset Purchase Agreement. Capitalized terms used but not defined herein have the meanings given to them in the Asset Purchase Agreement. The schedules to this Agreement have been omitted.\n`,
    );
    expect(p.master).toMatchObject({
      name: 'Asset Purchase Agreement',
      subjectTo: true,
      termsByReference: true,
      omittedSchedules: true,
    });
  });
});

describe('cross-licences among more than two parties', () => {
  it('each of three parties grants and receives: an exchange', () => {
    const p = profile(
      'This Agreement is made among Alpha Ltd. ("Alpha"), Beta Inc. ("Beta") and Gamma GmbH ("Gamma").\n\n## 2. Licences\n\n2.1 Alpha hereby grants to Beta a non-exclusive licence under the Alpha Patents.\n\n2.2 Beta hereby grants to Gamma a non-exclusive licence under the Beta Patents.\n\n2.3 Gamma hereby grants to Alpha a non-exclusive licence under the Gamma Patents.\n',
    );
    expect(p.grants.map((g) => [g.grantor, g.grantee])).toEqual([
      ['Alpha', 'Beta'],
      ['Beta', 'Gamma'],
      ['Gamma', 'Alpha'],
    ]);
    expect(p.grantsRunBothWays).toBe(true);
  });
});
