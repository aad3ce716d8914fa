import { View } from '@tarojs/components';
import type { CompoundHomeDTO, MembershipDTO, NeedCategoryDTO } from '@hg/types';
import { ROUTES, openPage, withQuery } from '../../routes';
import { FOCUSABLE } from '../a11y';
import PhoneLink from '../PhoneLink';

/** Where a person stands in one compound, which decides the first thing offered to them. */
export type ResidentState = 'stranger' | 'pending' | 'verified';

/**
 * What a verifier usually takes (building head, then compound head or community): shown to a
 * pending resident so the wait has an end. A product promise, written in docs/api.md (households).
 */
export const VERIFY_EXPECTED = '一般在 2 个工作日内审核完成';

/** The categories most residents file (repairs and pipes first); offered as one-tap tiles. */
const COMMON_CATEGORY_CODES = ['repair', 'pipe', 'appliance', 'environment'];
const QUICK_TILES = 4;

/** A verified binding wins over a pending one; rejected bindings count as none. */
export function residentStateIn(compoundId: number, memberships: MembershipDTO[]): ResidentState {
  const here = memberships.filter((m) => m.compound.id === compoundId);
  if (here.some((m) => m.status === 'verified')) return 'verified';
  if (here.some((m) => m.status === 'pending')) return 'pending';
  return 'stranger';
}

/** Common categories first, in the residents' order, then whatever else is active, up to four. */
export function quickCategories(categories: NeedCategoryDTO[]): NeedCategoryDTO[] {
  const common = COMMON_CATEGORY_CODES.map((code) => categories.find((c) => c.code === code)).filter((c): c is NeedCategoryDTO => !!c);
  const rest = categories.filter((c) => !common.includes(c));
  return [...common, ...rest].slice(0, QUICK_TILES);
}

export interface ResidentActionsProps {
  compound: CompoundHomeDTO;
  state: ResidentState;
  /** Active categories, for the one-tap tiles (omitted: only the 我要点单 button). */
  categories?: NeedCategoryDTO[] | null;
  /** Whether a pending resident may already file (as 待核实); otherwise they see the hotline and the wait. */
  pendingMayFile?: boolean;
}

/** The compound goes along so 我要点单 picks the person's home in it when they have several. */
function openCreate(compoundId: number, categoryId?: number) {
  openPage(withQuery(ROUTES.needCreate, { compoundId, categoryId }));
}

/** The property firm's hotline: the number a resident rings for anything urgent in the compound. */
function hotlineOf(compound: CompoundHomeDTO): { label: string; phone: string } | null {
  if (compound.propertyFirm?.hotline) return { label: '物业电话', phone: compound.propertyFirm.hotline };
  return null;
}

/**
 * The first actions on a compound's home and on the QR entry page, by where the person stands:
 * a verified resident files a need (one tap on a common category) or rings the property firm;
 * a pending one learns when the check will be done and may file as 待核实; a stranger binds a home.
 */
export default function ResidentActions({ compound, state, categories, pendingMayFile = true }: ResidentActionsProps) {
  const hotline = hotlineOf(compound);
  const bind = () => openPage(withQuery(ROUTES.bind, { compoundId: compound.id, buildingId: compound.building?.id ?? undefined }));
  const mayFile = state === 'verified' || (state === 'pending' && pendingMayFile);
  const tiles = mayFile && categories ? quickCategories(categories) : [];

  return (
    <View className='resident-actions' data-testid={`resident-actions-${state}`}>
      {state === 'pending' ? (
        <View className='notice' role='status' data-testid='resident-pending-notice'>
          您的房屋绑定正在审核，{VERIFY_EXPECTED}。
          {pendingMayFile ? '审核期间也可以点单，需求会标为「待核实」，由楼栋长和社区一并核实。' : '审核通过后即可点单；急事请直接拨打物业电话。'}
        </View>
      ) : null}

      {mayFile ? (
        <>
          {tiles.length ? (
            <View className='resident-actions__quick' role='group' aria-label='常用点单'>
              {tiles.map((c) => (
                <View
                  key={c.id}
                  className='resident-actions__tile'
                  role='button'
                  {...FOCUSABLE}
                  aria-label={`我要点单：${c.name}`}
                  data-testid={`quick-category-${c.code}`}
                  onClick={() => openCreate(compound.id, c.id)}
                >
                  <View className='resident-actions__icon' aria-hidden='true'>
                    {c.icon}
                  </View>
                  <View>{c.name}</View>
                </View>
              ))}
            </View>
          ) : null}
          <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='resident-create-need' onClick={() => openCreate(compound.id)}>
            我要点单
          </View>
        </>
      ) : null}

      {state === 'stranger' ? (
        <View className='btn btn--primary' role='button' {...FOCUSABLE} data-testid='resident-bind' onClick={bind}>
          绑定房屋
        </View>
      ) : null}

      {hotline ? (
        <PhoneLink phone={hotline.phone} label={hotline.label} testId='resident-hotline' className={state === 'stranger' ? '' : 'phone-link--primary'} />
      ) : null}

      {state !== 'stranger' ? (
        <View className='resident-actions__more' role='link' {...FOCUSABLE} data-testid='resident-bind-more' onClick={bind}>
          绑定其他房屋
        </View>
      ) : null}
    </View>
  );
}
