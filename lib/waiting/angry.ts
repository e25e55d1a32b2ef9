/**
 * "Clearly angry": a small heuristic on the buyer's own words, next to the intent engine rather than
 * inside it. It only has to be right when it fires; a calm question must never turn the popup urgent.
 */

/** Words of a buyer who threatens or insults: a bad review, a complaint, the regulator, fraud. */
const ANGRY_WORDS = [
  '差评',
  '投诉',
  '骗子',
  '举报',
  '12315',
  '工商局',
  '消协',
  '曝光',
  '黑店',
  '坑人',
  '垃圾',
  '什么破',
  '气死',
  '报警',
  '维权',
  '退一赔三',
  '假一赔',
  '太过分',
];

/** "不会给差评", "没有要投诉": the word negated right before it. */
const NEGATED = /(不|没|别|无)(会|想|要|打算|是)?(给|去|来)?$/;

/** Three or more ！ or ？ in a row, in any mix: "怎么回事？？？", "到底发不发！！". */
const SHOUTING = /[!！?？]{3,}/;

export function isAngry(text: string): boolean {
  const squashed = text.replace(/\s+/g, '');
  if (SHOUTING.test(squashed)) return true;
  return ANGRY_WORDS.some((word) => {
    let from = 0;
    for (;;) {
      const at = squashed.indexOf(word, from);
      if (at < 0) return false;
      if (!NEGATED.test(squashed.slice(Math.max(0, at - 4), at))) return true;
      from = at + word.length;
    }
  });
}
