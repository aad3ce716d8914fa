import { SLOT_KIND_LABEL, type SlotKind } from '@hg/types/bookings';
import type { BookingDTO, CentreDTO, DeliveryListDTO, ElderDTO, FamilyLinkDTO, KitchenReportDTO, SlotDTO, StandingOrderDTO, SubsidyReportDTO } from '@hg/types';

/** DTOs for the bookings page tests, shaped like the server's answers. */

export const centre = (id = 7, name = '南街社区日间照料中心'): CentreDTO => ({ id, name, hotline: '0817-6221234', community: { id: 1, name: '南街社区' } });

export const elder = (over: Partial<ElderDTO> = {}): ElderDTO => ({
  id: 31,
  centreId: 7,
  name: '王秀英',
  phoneMasked: '138****0001',
  landlineMasked: '',
  guardian: null,
  age: 82,
  address: '锦屏花园2栋1单元101',
  livesAlone: true,
  dibao: false,
  tekun: false,
  diets: ['低盐'],
  allergies: '',
  tier: 'age80',
  tierLabel: '80岁以上',
  tierFen: 400,
  hasAccount: true,
  verification: { status: 'verified', statusLabel: '已核实', at: '2026-01-05T02:00:00.000Z', byName: '刘敏' },
  ...over,
});

export const slot = (id: number, over: Partial<SlotDTO> = {}): SlotDTO => ({
  id,
  centreId: 7,
  kind: 'meal',
  kindLabel: '助餐',
  day: '2030-03-05',
  sitting: 'lunch',
  title: '午餐',
  startsAt: '2030-03-05T03:30:00.000Z',
  endsAt: '2030-03-05T05:00:00.000Z',
  cutoffAt: '2030-03-05T01:30:00.000Z',
  open: true,
  priceFen: 1200,
  dishes: [
    { name: '清蒸鲈鱼', tags: ['低盐'], allergens: ['鱼'] },
    { name: '南瓜粥', tags: ['软烂', '低糖'], allergens: [] },
  ],
  seats: { dineIn: { capacity: 30, left: 12 }, delivery: { capacity: 10, left: 4 } },
  opensAt: null,
  quotaPerWeek: null,
  waitlisted: 0,
  myBooking: null,
  allergyWarnings: [],
  ...over,
});

/** A room / consultation / visit slot: a title, one capacity, no sitting, no dishes, free unless priced. */
export const serviceSlot = (id: number, kind: Exclude<SlotKind, 'meal'> = 'room', over: Partial<SlotDTO> = {}): SlotDTO =>
  slot(id, {
    kind,
    kindLabel: SLOT_KIND_LABEL[kind],
    sitting: null,
    title: { room: '棋牌室', consult: '健康咨询', visit: '家电维修上门' }[kind],
    startsAt: '2030-03-05T06:00:00.000Z',
    endsAt: '2030-03-05T09:00:00.000Z',
    cutoffAt: '2030-03-05T04:00:00.000Z',
    priceFen: 0,
    dishes: [],
    seats: { dineIn: { capacity: 8, left: 3 }, delivery: { capacity: 0, left: 0 } },
    ...over,
  });

export const booking = (id: number, over: Partial<BookingDTO> = {}): BookingDTO => ({
  id,
  slotId: 101,
  status: 'booked',
  statusLabel: '已预订',
  mode: 'dine_in',
  modeLabel: '堂食',
  code: 'K7M3QX',
  elder: { id: 31, name: '王秀英' },
  slot: {
    kind: 'meal',
    day: '2030-03-05',
    title: '午餐',
    startsAt: '2030-03-05T03:30:00.000Z',
    cutoffAt: '2030-03-05T01:30:00.000Z',
    centreName: '南街社区日间照料中心',
  },
  channel: 'self',
  channelLabel: '本人预订',
  price: { priceFen: 1200, subsidyFen: 400, payFen: 800, tier: 'age80' },
  tierLabel: '80岁以上',
  waitlistPosition: null,
  offerExpiresAt: null,
  redeemedAt: null,
  paidBy: null,
  createdAt: '2030-03-04T01:00:00.000Z',
  can: ['cancel'],
  remark: null,
  ...over,
});

export const kitchen = (over: Partial<KitchenReportDTO> = {}): KitchenReportDTO => ({
  slot: slot(101),
  total: 3,
  byMode: { dine_in: 2, delivery: 1 },
  byDiet: [
    { tag: '低盐', count: 2 },
    { tag: '软烂', count: 1 },
  ],
  allergies: [{ name: '李德明', allergies: '花生' }],
  allergyAlerts: [],
  people: [
    { bookingId: 1, name: '王秀英', mode: 'dine_in', status: 'booked', address: '锦屏花园2栋1单元101', diets: ['低盐'], remark: { text: '饭要软', voiceNote: null } },
    { bookingId: 2, name: '李德明', mode: 'delivery', status: 'booked', address: '锦屏花园3栋2单元502', diets: ['低盐', '软烂'], remark: null },
    { bookingId: 3, name: '张桂兰', mode: 'dine_in', status: 'redeemed', address: '', diets: [], remark: null },
  ],
  ...over,
});

export const link = (id: number, over: Partial<FamilyLinkDTO> = {}): FamilyLinkDTO => ({
  id,
  centreId: 7,
  elder: { id: 31, name: '王秀英' },
  member: { id: 8, name: '赵建国', phoneMasked: '100****0002' },
  relationNote: '儿子',
  status: 'pending',
  statusLabel: '待中心核实',
  createdAt: '2030-03-04T01:00:00.000Z',
  ...over,
});

export const standing = (id: number, over: Partial<StandingOrderDTO> = {}): StandingOrderDTO => ({
  id,
  elder: { id: 31, name: '王秀英' },
  sitting: 'lunch',
  weekdays: [1, 2, 3, 4, 5],
  summary: '周一、周二、周三、周四、周五 午餐 送餐',
  mode: 'delivery',
  status: 'active',
  statusLabel: '进行中',
  missed: [],
  ...over,
});

export const deliveries = (over: Partial<DeliveryListDTO> = {}): DeliveryListDTO => ({
  slot: { id: 101, day: '2030-03-05', title: '午餐' },
  total: 3,
  routes: [
    {
      compound: '锦屏花园',
      buildings: [
        {
          building: '2栋',
          stops: [
            { bookingId: 1, name: '王秀英', address: '锦屏花园2栋1单元101', phone: '13800000001', diets: ['低盐'], allergies: '', status: 'booked', livesAlone: true, payFen: 800, paidBy: null, missed: null, remark: { text: '送餐请敲门', voiceNote: { fileId: 'local:voice-1.wav', url: '/uploads/voice-1.wav', durationSec: 6 } } },
            { bookingId: 2, name: '李德明', address: '锦屏花园2栋2单元502', phone: '13800000002', diets: [], allergies: '花生', status: 'redeemed', livesAlone: false, payFen: 0, paidBy: 'none', missed: null, remark: null },
          ],
        },
      ],
    },
    {
      compound: '南街老院子',
      buildings: [
        {
          building: '1栋',
          stops: [{ bookingId: 3, name: '张桂兰', address: '南街老院子1栋3号', phone: '13800000003', diets: ['软烂'], allergies: '', status: 'booked', livesAlone: false, payFen: 0, paidBy: null, missed: null, remark: null }],
        },
      ],
    },
  ],
  ...over,
});

export const subsidy = (over: Partial<SubsidyReportDTO> = {}): SubsidyReportDTO => ({
  centre: { id: 7, name: '南街社区日间照料中心' },
  month: '2030-03',
  paid: [
    { paidBy: 'cash', label: '现金', payFen: 20000 },
    { paidBy: 'wechat', label: '微信', payFen: 12000 },
  ],
  tiers: [
    { tier: 'age80', label: '80岁以上', meals: 40, elders: 6, subsidyFen: 16000 },
    { tier: 'alone', label: '独居/空巢', meals: 12, elders: 2, subsidyFen: 3600 },
    { tier: 'dibao', label: '低保', meals: 5, elders: 1, subsidyFen: 3000 },
  ],
  total: { meals: 57, subsidyFen: 22600, payFen: 45800 },
  noSubsidy: { meals: 0, payFen: 0 },
  unverified: { meals: 0, elders: 0, subsidyFen: 0 },
  scopeLabel: '南街社区日间照料中心',
  centres: [{ id: 7, name: '南街社区日间照料中心', meals: 57, subsidyFen: 22600, payFen: 45800 }],
  elders: [
    { elderId: 1, name: '王秀兰', centre: '南街社区日间照料中心', tierLabel: '80岁以上', meals: 40, subsidyFen: 16000, payFen: 32000 },
    { elderId: 2, name: '李桂芳', centre: '南街社区日间照料中心', tierLabel: '独居/空巢、低保', meals: 17, subsidyFen: 6600, payFen: 13800 },
  ],
  ...over,
});
