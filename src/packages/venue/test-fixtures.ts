import type { CentreDTO, MeDTO, ReservationDTO, VenueSlotDTO } from '@hg/types';

/** Test data of the venue pages (times in Beijing, far enough ahead to be open). */

export const centre: CentreDTO = { id: 3, name: '南街社区日间照料中心', hotline: '0817-1234567', community: { id: 1, name: '南街社区' } };

export function venueSlot(id: number, over: Partial<VenueSlotDTO> = {}): VenueSlotDTO {
  return {
    id,
    centreId: 3,
    kind: 'room',
    title: '书画室',
    day: '2099-03-06',
    startsAt: '2099-03-06T06:00:00.000Z',
    endsAt: '2099-03-06T09:00:00.000Z',
    cutoffAt: '2099-03-06T04:00:00.000Z',
    opensAt: null,
    status: 'published',
    capacity: 6,
    left: 4,
    quotaPerWeek: null,
    waitlist: true,
    waiting: 0,
    asksWhereAndWhat: false,
    myReservationId: null,
    myStatus: null,
    editable: false,
    ...over,
  };
}

export function reservation(id: number, over: Partial<ReservationDTO> = {}): ReservationDTO {
  return {
    id,
    slotId: 10,
    centreId: 3,
    kind: 'room',
    title: '书画室',
    day: '2099-03-06',
    startsAt: '2099-03-06T06:00:00.000Z',
    endsAt: '2099-03-06T09:00:00.000Z',
    status: 'booked',
    code: 'K7M3QX',
    place: null,
    purpose: null,
    offerExpiresAt: null,
    checkedInAt: null,
    checkedOutAt: null,
    holderName: null,
    can: { cancel: true, accept: false, checkIn: false, checkOut: false },
    ...over,
  };
}

export function profile(over: Partial<MeDTO> = {}): MeDTO {
  return {
    id: 1,
    name: '赵建国',
    phone: null,
    roles: [],
    memberships: [
      {
        id: 1,
        householdId: 7,
        status: 'verified',
        statusLabel: '已认证',
        relation: 'owner',
        compound: { id: 1, name: '锦屏花园' },
        building: { id: 1, name: '3栋' },
        unit: { id: 1, name: '2单元' },
        room: '301',
        address: '3栋2单元301',
        rejectReason: null,
        createdAt: '2099-01-01T00:00:00.000Z',
        verifiedAt: '2099-01-01T00:00:00.000Z',
      },
    ],
    verifiedResident: true,
    can: {} as MeDTO['can'],
    ...over,
  };
}
