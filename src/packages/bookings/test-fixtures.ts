import type { BookingDTO, CentreDTO, ElderDTO, KitchenReportDTO, SlotDTO } from '@hg/types';

/** DTOs for the bookings page tests, shaped like the server's answers. */

export const centre = (id = 7, name = '南街社区日间照料中心'): CentreDTO => ({ id, name, hotline: '0817-6221234', community: { id: 1, name: '南街社区' } });

export const elder = (over: Partial<ElderDTO> = {}): ElderDTO => ({
  id: 31,
  centreId: 7,
  name: '王秀英',
  phoneMasked: '138****0001',
  age: 82,
  address: '锦屏花园2栋1单元101',
  livesAlone: true,
  dibao: false,
  diets: ['低盐'],
  allergies: '',
  tier: 'age80',
  hasAccount: true,
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
    { name: '清蒸鲈鱼', tags: ['低盐'], allergens: '鱼' },
    { name: '南瓜粥', tags: ['软烂', '低糖'], allergens: '' },
  ],
  seats: { dineIn: { capacity: 30, left: 12 }, delivery: { capacity: 10, left: 4 } },
  waitlisted: 0,
  myBooking: null,
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
  slot: { day: '2030-03-05', title: '午餐', startsAt: '2030-03-05T03:30:00.000Z', cutoffAt: '2030-03-05T01:30:00.000Z', centreName: '南街社区日间照料中心' },
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
  people: [
    { bookingId: 1, name: '王秀英', mode: 'dine_in', status: 'booked', address: '锦屏花园2栋1单元101', diets: ['低盐'] },
    { bookingId: 2, name: '李德明', mode: 'delivery', status: 'booked', address: '锦屏花园3栋2单元502', diets: ['低盐', '软烂'] },
    { bookingId: 3, name: '张桂兰', mode: 'dine_in', status: 'redeemed', address: '', diets: [] },
  ],
  ...over,
});
