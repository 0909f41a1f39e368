import { detached, TextMemo } from './memo.js';

export interface TextMatch {
  index: number;
  text: string;
}

/** One memo per pattern (source and flags), so a rule's options can change its pattern. */
const memos = new Map<string, TextMemo<readonly TextMatch[]>>();

/**
 * Every match of a global regex in a text, remembered by pattern and text (see `TextMemo`):
 * rules that scan each paragraph with a fixed pattern re-scan only the paragraphs that changed.
 */
export function allMatches(re: RegExp, text: string): readonly TextMatch[] {
  const id = `${re.flags}/${re.source}`;
  let memo = memos.get(id);
  if (!memo) {
    memo = new TextMemo();
    memos.set(id, memo);
  }
  return memo.get(text, () => {
    const out: TextMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push({ index: m.index, text: detached(m[0]) });
      if (m[0].length === 0) re.lastIndex++;
    }
    return out;
  });
}
