import type { Document, Element } from '@xmldom/xmldom';
import { wAttr, wChild, wChildren, wDescendants } from './xml.js';

/**
 * Word automatic numbering, reconstructed: mammoth drops the numbers Word displays, so we compute
 * the label of every numbered paragraph the way Word does (abstract definitions, overrides, shared
 * counters, restarts) and the loader writes it into the text.
 */

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** w:lvlRestart: restart when a level with ilvl < restart is used; 0 = never. Default: the level's own index. */
  restart?: number;
  pStyle?: string;
  suff: 'tab' | 'space' | 'nothing';
}

interface NumDef {
  abstractId: string;
  levels: Map<number, LevelDef>;
  startOverrides: Map<number, number>;
}

interface StyleDef {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface NumberingModel {
  nums: Map<string, NumDef>;
  styles: Map<string, StyleDef>;
  defaultParagraphStyle?: string;
}

/** What a numbered paragraph shows. `label` is empty for bullets and levels whose format is "none". */
export interface ParagraphNumber {
  numId: string;
  ilvl: number;
  bullet: boolean;
  label: string;
  /** What Word puts between the label and the text, already reduced to "" or " ". */
  separator: string;
}

const MAX_LEVELS = 9;

export function readNumberingModel(
  numbering: Document | undefined,
  styles: Document | undefined,
): NumberingModel {
  const model: NumberingModel = { nums: new Map(), styles: new Map() };
  const numberingStyles = new Map<string, string>();
  if (styles) {
    for (const style of wDescendants(styles, 'style')) {
      const id = wAttr(style, 'styleId');
      if (!id) continue;
      const type = wAttr(style, 'type') ?? 'paragraph';
      const numPr = wChild(wChild(style, 'pPr'), 'numPr');
      const numId = wAttr(wChild(numPr, 'numId'), 'val');
      if (type === 'numbering') {
        if (numId) numberingStyles.set(id, numId);
        continue;
      }
      if (type !== 'paragraph') continue;
      const def: StyleDef = {};
      const basedOn = wAttr(wChild(style, 'basedOn'), 'val');
      if (basedOn) def.basedOn = basedOn;
      if (numId) def.numId = numId;
      const ilvl = toInt(wAttr(wChild(numPr, 'ilvl'), 'val'));
      if (ilvl !== undefined) def.ilvl = ilvl;
      model.styles.set(id, def);
      if (isOn(wAttr(style, 'default'))) model.defaultParagraphStyle = id;
    }
  }
  if (!numbering) return model;

  const abstracts = new Map<string, Element>();
  for (const el of wDescendants(numbering, 'abstractNum')) {
    const id = wAttr(el, 'abstractNumId');
    if (id !== undefined) abstracts.set(id, el);
  }
  const numAbstract = new Map<string, string>();
  const numElements = wDescendants(numbering, 'num');
  for (const el of numElements) {
    const numId = wAttr(el, 'numId');
    const abstractId = wAttr(wChild(el, 'abstractNumId'), 'val');
    if (numId !== undefined && abstractId !== undefined) numAbstract.set(numId, abstractId);
  }

  // An abstractNum may only point at a numbering style (w:numStyleLink) whose num holds the real levels.
  const resolveAbstract = (abstractId: string): string => {
    let current = abstractId;
    for (let hops = 0; hops < 5; hops++) {
      const link = wAttr(wChild(abstracts.get(current), 'numStyleLink'), 'val');
      const linkedNum = link ? numberingStyles.get(link) : undefined;
      const next = linkedNum ? numAbstract.get(linkedNum) : undefined;
      if (!next || next === current) break;
      current = next;
    }
    return current;
  };

  for (const el of numElements) {
    const numId = wAttr(el, 'numId');
    const declared = numId === undefined ? undefined : numAbstract.get(numId);
    if (numId === undefined || declared === undefined) continue;
    const abstractId = resolveAbstract(declared);
    const levels = readLevels(abstracts.get(abstractId));
    const startOverrides = new Map<number, number>();
    for (const override of wChildren(el, 'lvlOverride')) {
      const ilvl = toInt(wAttr(override, 'ilvl'));
      if (ilvl === undefined) continue;
      const lvl = wChild(override, 'lvl');
      if (lvl) levels.set(ilvl, readLevel(lvl));
      const start = toInt(wAttr(wChild(override, 'startOverride'), 'val'));
      if (start !== undefined) startOverrides.set(ilvl, start);
    }
    model.nums.set(numId, { abstractId, levels, startOverrides });
  }
  return model;
}

function readLevels(abstract: Element | undefined): Map<number, LevelDef> {
  const levels = new Map<number, LevelDef>();
  if (!abstract) return levels;
  for (const lvl of wChildren(abstract, 'lvl')) {
    levels.set(toInt(wAttr(lvl, 'ilvl')) ?? 0, readLevel(lvl));
  }
  return levels;
}

function readLevel(lvl: Element): LevelDef {
  const isLglEl = wChild(lvl, 'isLgl');
  const suff = wAttr(wChild(lvl, 'suff'), 'val');
  const def: LevelDef = {
    start: toInt(wAttr(wChild(lvl, 'start'), 'val')) ?? 0,
    numFmt: wAttr(wChild(lvl, 'numFmt'), 'val') ?? 'decimal',
    // An absent lvlText shows nothing; wAttr treats val="" as absent, which is the same thing.
    lvlText: wAttr(wChild(lvl, 'lvlText'), 'val') ?? '',
    isLgl: isLglEl !== undefined && isOn(wAttr(isLglEl, 'val') ?? 'true'),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
  const restart = toInt(wAttr(wChild(lvl, 'lvlRestart'), 'val'));
  if (restart !== undefined) def.restart = restart;
  const pStyle = wAttr(wChild(lvl, 'pStyle'), 'val');
  if (pStyle) def.pStyle = pStyle;
  return def;
}

/** The numbering a paragraph asks for: its own w:numPr, else its style chain's. */
export function paragraphNumPr(
  p: Element,
  model: NumberingModel,
): { numId: string; ilvl: number } | undefined {
  const pPr = wChild(p, 'pPr');
  const numPr = wChild(pPr, 'numPr');
  let numId = wAttr(wChild(numPr, 'numId'), 'val');
  let ilvl = toInt(wAttr(wChild(numPr, 'ilvl'), 'val'));
  const chain = styleChain(wAttr(wChild(pPr, 'pStyle'), 'val') ?? model.defaultParagraphStyle, model);
  let numStyle: string | undefined;
  for (const id of chain) {
    const style = model.styles.get(id);
    if (numId === undefined && style?.numId !== undefined) {
      numId = style.numId;
      numStyle = id;
    }
    if (ilvl === undefined && style?.ilvl !== undefined) ilvl = style.ilvl;
  }
  // numId 0 is Word's explicit "no numbering" (it also switches off numbering a style would give).
  if (numId === undefined || numId === '0') return undefined;
  if (ilvl === undefined) {
    const num = model.nums.get(numId);
    const linked = [...(num?.levels ?? [])].find(
      ([, lvl]) => lvl.pStyle !== undefined && lvl.pStyle === numStyle,
    );
    ilvl = linked?.[0] ?? 0;
  }
  return { numId, ilvl: Math.max(0, Math.min(MAX_LEVELS - 1, ilvl)) };
}

function styleChain(styleId: string | undefined, model: NumberingModel): string[] {
  const chain: string[] = [];
  let current = styleId;
  while (current && !chain.includes(current) && chain.length < 20) {
    chain.push(current);
    current = model.styles.get(current)?.basedOn;
  }
  return chain;
}

/**
 * Walks numbered paragraphs in document order, keeping Word's counters: one set per abstract
 * numbering (so every w:num on it continues the same list), deeper levels reset when a shallower
 * level is used (subject to w:lvlRestart), and a w:num's startOverride restarts the list the
 * first time that w:num is used.
 */
export class NumberingCounter {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly pendingStarts = new Map<string, Map<number, number>>();
  private readonly seenNums = new Set<string>();

  constructor(private readonly model: NumberingModel) {}

  next(numId: string, ilvl: number): ParagraphNumber | undefined {
    const num = this.model.nums.get(numId);
    const lvl = num?.levels.get(ilvl);
    if (!num || !lvl) return undefined;
    const bullet = lvl.numFmt === 'bullet';
    const counters = this.countersFor(num.abstractId);
    const pending = this.pendingFor(num.abstractId);
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [level, start] of num.startOverrides) {
        counters[level] = undefined;
        pending.set(level, start);
      }
    }
    const restartAt = pending.get(ilvl);
    if (restartAt !== undefined) {
      counters[ilvl] = restartAt;
      pending.delete(ilvl);
    } else {
      const current = counters[ilvl];
      counters[ilvl] = current === undefined ? lvl.start : current + 1;
    }
    for (let deeper = ilvl + 1; deeper < MAX_LEVELS; deeper++) {
      const restart = num.levels.get(deeper)?.restart ?? deeper;
      if (restart !== 0 && ilvl < restart) counters[deeper] = undefined;
    }
    if (bullet) return { numId, ilvl, bullet, label: '', separator: '' };
    const label = lvl.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const level = Number(digit) - 1;
      const def = num.levels.get(level);
      // A level that never appeared shows its start value, as Word does.
      const value = counters[level] ?? def?.start ?? 1;
      const format = lvl.isLgl && def?.numFmt !== 'none' ? 'decimal' : (def?.numFmt ?? 'decimal');
      return formatNumber(value, format);
    });
    return { numId, ilvl, bullet, label: label.trim(), separator: lvl.suff === 'nothing' ? '' : ' ' };
  }

  private countersFor(abstractId: string): Array<number | undefined> {
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = new Array<number | undefined>(MAX_LEVELS).fill(undefined);
      this.counters.set(abstractId, counters);
    }
    return counters;
  }

  private pendingFor(abstractId: string): Map<number, number> {
    let pending = this.pendingStarts.get(abstractId);
    if (!pending) {
      pending = new Map();
      this.pendingStarts.set(abstractId, pending);
    }
    return pending;
  }
}

/** Renders a counter value in a w:numFmt. Unknown formats fall back to decimal rather than fail. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value >= 0 && value < 10 ? `0${value}` : String(value);
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperRoman':
      return roman(value);
    case 'ordinal':
      return `${value}${ordinalSuffix(value)}`;
    default:
      return String(value);
  }
}

/** Word letters: a..z, then aa..zz, then aaa.. (the letter repeats, it is not base 26). */
function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

function ordinalSuffix(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}

function toInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

function isOn(value: string | undefined): boolean {
  return value === '1' || value === 'true' || value === 'on';
}
