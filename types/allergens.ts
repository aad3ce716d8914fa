/**
 * Food allergens: one vocabulary for the dishes a centre publishes and the allergies an elder
 * declares at registration (free text, e.g. 「对花生过敏，不吃虾」). Both sides are read through
 * `readAllergens`, so 「花生米」 on a dish and 「花生过敏」 in a profile meet as 花生, and a warning
 * never depends on how someone happened to spell it. Words outside the list stay as written and
 * match by containment (「芒果」 ↔ 「芒果过敏」).
 */

/** The common allergens a dish form offers as choices (the major food allergens as Chinese kitchens name them). */
export const COMMON_ALLERGENS = ['花生', '坚果', '鸡蛋', '牛奶', '大豆', '小麦/麸质', '鱼', '虾蟹贝类', '芝麻'] as const;
export type CommonAllergen = (typeof COMMON_ALLERGENS)[number];

/**
 * Words that mean a common allergen, longest first within each. A word of one allergen is never
 * part of another's (鸡蛋 is not 鸡; 花生 is 花生, not 坚果, as kitchens and labels keep them apart).
 */
const SYNONYMS: Record<CommonAllergen, readonly string[]> = {
  花生: ['花生', '落花生'],
  坚果: ['坚果', '核桃', '杏仁', '腰果', '榛子', '开心果', '松子', '碧根果', '夏威夷果', '栗子'],
  鸡蛋: ['鸡蛋', '鸭蛋', '蛋类', '蛋清', '蛋黄', '蛋白', '禽蛋', '蛋'],
  牛奶: ['牛奶', '牛乳', '奶制品', '乳制品', '乳糖', '奶粉', '奶酪', '芝士', '黄油', '酸奶', '奶'],
  大豆: ['大豆', '黄豆', '豆制品', '豆腐', '豆浆', '豆干', '腐竹', '豆类'],
  '小麦/麸质': ['小麦', '麸质', '面筋', '面粉', '麦麸', '谷蛋白'],
  鱼: ['鱼类', '鱼'],
  虾蟹贝类: ['虾蟹贝类', '海鲜', '甲壳', '贝类', '虾', '蟹', '贝', '蛤', '蚌', '螺', '牡蛎', '蚝', '扇贝'],
  芝麻: ['芝麻', '麻酱', '香油'],
};

/** Bounds the dish form and the save schema share. */
export const ALLERGEN_RULES = { perDishMax: 8, wordMax: 10 } as const;

/** How an elder's or a dish's text separates its allergens. */
const SEPARATORS = /[、，,；;。.\/／\s和及与或]+/;
/** Words around an allergy that are not the allergen (「对…过敏」「不吃…」「…类」). */
const NOISE = /^(对|不能吃|不吃|忌|忌口|禁食|禁)|(过敏|过敏史|不耐受|忌口)$/g;

/** The common allergen a word names (「花生米」 → 花生, 「对虾过敏」 → 虾蟹贝类), or null. */
export function commonAllergenOf(word: string): CommonAllergen | null {
  const w = word.trim();
  if (!w) return null;
  if ((COMMON_ALLERGENS as readonly string[]).includes(w)) return w as CommonAllergen;
  for (const allergen of COMMON_ALLERGENS) if (SYNONYMS[allergen].some((s) => w.includes(s))) return allergen;
  return null;
}

/**
 * Allergens in a text or a list, in the shared vocabulary and without repeats: common ones by
 * their list name, others as written (trimmed, without 「过敏」「对」「不吃」 around them).
 * 「对花生过敏，不吃虾」 → ['花生', '虾蟹贝类']; 「芒果过敏」 → ['芒果']. 小麦/麸质 is one allergen:
 * the slash inside it is not a separator.
 */
export function readAllergens(input: string | readonly string[] | null | undefined): string[] {
  if (!input) return [];
  const words = typeof input === 'string' ? input.replace(/小麦\/麸质/g, '小麦').split(SEPARATORS) : input;
  const out: string[] = [];
  for (const raw of words) {
    const word = (COMMON_ALLERGENS as readonly string[]).includes(raw.trim()) ? raw.trim() : raw.replace(NOISE, '').trim();
    if (!word || word === '无') continue;
    const name = commonAllergenOf(word) ?? word;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Which of a dish's allergens an elder declared (in the dish's words): the same common allergen,
 * or a free-text word that contains or is contained in one of the elder's.
 */
export function allergenClashes(dishAllergens: readonly string[], elderAllergies: string): string[] {
  const mine = readAllergens(elderAllergies);
  if (!mine.length) return [];
  return readAllergens(dishAllergens).filter((a) => mine.some((m) => m === a || (a.length > 1 && m.includes(a)) || (m.length > 1 && a.includes(m))));
}
