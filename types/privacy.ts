/**
 * Personal data typed into free text that others will read (rating comments today; every free
 * text shown beyond its author later). People write their own or a neighbour's phone number and
 * door into a complaint; the text is kept as written for its author and the record, and what
 * others see has these parts replaced by a label that says something was hidden (the criticism
 * stays). Zod-free, so the client can show the author what others will see.
 */

/** A digit as typed on a phone: ASCII or full-width. */
const D = '[0-9０-９]';
/** What people put between digit groups: spaces (also full-width), dashes, dots. */
const SEP = '[ \\t\\u3000\\-－–—_.·]{0,2}';
const NOT_DIGIT_BEFORE = '(?<![0-9０-９])';
const NOT_DIGIT_AFTER = '(?![0-9０-９])';

/** 18-digit resident ID numbers (the last may be X), possibly spaced in groups. */
const ID_NUMBER = new RegExp(`${NOT_DIGIT_BEFORE}${D}(?:${SEP}${D}){16}${SEP}[0-9０-９XxＸｘ]${NOT_DIGIT_AFTER}`, 'g');
/** Mainland mobile numbers 1[3-9]x xxxx xxxx, with an optional +86 / 86, spaced or dashed, ASCII or full-width. */
const MOBILE = new RegExp(`(?:${NOT_DIGIT_BEFORE}[+＋]?[8８][6６]${SEP}(?=[1１])|${NOT_DIGIT_BEFORE})[1１]${SEP}[3-9３-９](?:${SEP}${D}){9}${NOT_DIGIT_AFTER}`, 'g');
/** A number as written in an address: digits or Chinese numerals. */
const N = '[0-9０-９一二三四五六七八九十零〇两]+';
/**
 * Room addresses: 3栋1单元101 / 3号楼2单元501室 / 3幢101 / 1单元502 / 3-1-101室 / 3栋1-101; a
 * building alone ("3栋") is left: it names no household.
 */
const ROOM = new RegExp(
  [
    `${N}\\s*(?:栋|幢|座|号楼|楼)\\s*(?:${N}\\s*单元\\s*)?(?:${N}\\s*[-－]\\s*)?${D}{2,4}\\s*(?:室|号|房)?`,
    `${N}\\s*单元\\s*${D}{2,4}\\s*(?:室|号|房)?`,
    `${NOT_DIGIT_BEFORE}${D}{1,3}\\s*[-－]\\s*${D}{1,2}\\s*[-－]\\s*${D}{2,4}\\s*(?:室|号|房)?${NOT_DIGIT_AFTER}`,
    `${NOT_DIGIT_BEFORE}${D}{3,4}\\s*(?:室|房间)`,
  ].join('|'),
  'g',
);

export const MASK_LABELS = { idNumber: '【证件号已隐去】', mobile: '【电话已隐去】', room: '【门牌已隐去】', moderator: '＊' } as const;

/** The text as others may read it: ID numbers, mobile numbers and room addresses replaced. */
export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, MASK_LABELS.idNumber).replace(MOBILE, MASK_LABELS.mobile).replace(ROOM, MASK_LABELS.room);
}

/**
 * A moderator hides one more fragment (a name, a plate number) of the public text: each
 * occurrence becomes ＊ per character, so the rest of the criticism stays as written. Null when
 * the fragment does not occur.
 */
export function maskFragment(publicText: string, fragment: string): string | null {
  const f = fragment.trim();
  if (!f || !publicText.includes(f)) return null;
  return publicText.split(f).join(MASK_LABELS.moderator.repeat([...f].length));
}

/** The longest public text a comment of `max` characters can become (labels are longer than what they hide). */
export const maskedMax = (max: number) => max * 2;
