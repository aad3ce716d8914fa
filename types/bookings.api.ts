/** The `bookings` cloud function's actions: [request, response] per action (see api.ts). */
import type {
  BookingDTO,
  MyNextMealDTO,
  CentreDTO,
  ClosedDayDTO,
  ReopenDayDTO,
  ClosePreviewDTO,
  CopyWeekDTO,
  DeliveryListDTO,
  ElderDTO,
  ProxyElderDTO,
  FamilyLinkDTO,
  KitchenReportDTO,
  QuoteDTO,
  RepeatWeekDTO,
  SlotDTO,
  StandingOrderDTO,
  SubsidyReportDTO,
} from './bookings.dto';
import type { MealRosterDTO } from './meal-roster';
import type { TMealRosterRequest, TMissDeliveryRequest, TRedeemByIdRequest } from './meal-roster-schemas';
import type {
  TBookingRequest,
  TBookRequest,
  TDecideLinkRequest,
  TDeliveryListRequest,
  TLinkFamilyRequest,
  TLinkQueueRequest,
  TStandingOrderRequest,
  TStandingOrderStepRequest,
  TSubsidyReportRequest,
  TSubsidyExportRequest,
  TCentresRequest,
  TEldersRequest,
  TVerifyElderRequest,
  TMyBookingsRequest,
  TQuoteRequest,
  TRedeemRequest,
  TRegisterElderRequest,
  TStaffLinkFamilyRequest,
  TProxyEldersRequest,
  TRepeatWeekRequest,
  TSaveSlotRequest,
  TCopyWeekRequest,
  TEditMenuRequest,
  TClosedDaysRequest,
  TClosePreviewRequest,
  TReopenDayRequest,
  TRemarkBookingRequest,
  TSlotRequest,
  TWeekRequest,
} from './bookings-schemas';

import type {
  TCheckInRequest,
  TCloseDayRequest,
  TEditSlotRequest,
  TMyReservationsRequest,
  TPublishSlotRequest,
  TReservationRequest,
  TReserveRequest,
  TRosterRequest,
  TVenueSlotsRequest,
  TWithdrawSlotRequest,
} from './slots-schemas';
import type { CloseDayDTO, ReservationDTO, VenueGroupDTO, VenueSlotDTO } from './slots.dto';
import type { TEmptyRequest } from './schemas';
import type { ExportFileDTO, Page } from './dto';

export interface BookingsApi {
  bookings: {
    centres: [TCentresRequest, CentreDTO[]];
    week: [TWeekRequest, SlotDTO[]];
    quote: [TQuoteRequest, QuoteDTO];
    book: [TBookRequest, BookingDTO];
    cancel: [TBookingRequest, BookingDTO];
    confirm: [TBookingRequest, BookingDTO];
    mine: [TMyBookingsRequest, Page<BookingDTO>];
    redeem: [TRedeemRequest, BookingDTO];
    deliver: [TBookingRequest, BookingDTO];
    // The counter's roster: today's sittings by name, redeemed by name; 不在家 / 拒收 on the round.
    mealRoster: [TMealRosterRequest, MealRosterDTO];
    redeemById: [TRedeemByIdRequest, BookingDTO];
    missDelivery: [TMissDeliveryRequest, BookingDTO];
    registerElder: [TRegisterElderRequest, ElderDTO];
    myElders: [TEmptyRequest, ElderDTO[]];
    myNextMeal: [TEmptyRequest, MyNextMealDTO];
    elders: [TEldersRequest, Page<ElderDTO>];
    verifyElder: [TVerifyElderRequest, ElderDTO];
    saveSlot: [TSaveSlotRequest, SlotDTO];
    kitchen: [TSlotRequest, KitchenReportDTO];
    linkFamily: [TLinkFamilyRequest, FamilyLinkDTO];
    linkQueue: [TLinkQueueRequest, FamilyLinkDTO[]];
    decideLink: [TDecideLinkRequest, FamilyLinkDTO];
    standingOrder: [TStandingOrderRequest, StandingOrderDTO];
    standingOrderStep: [TStandingOrderStepRequest, StandingOrderDTO];
    myStandingOrders: [TEmptyRequest, StandingOrderDTO[]];
    deliveries: [TDeliveryListRequest, DeliveryListDTO];
    subsidyReport: [TSubsidyReportRequest, SubsidyReportDTO];
    exportSubsidyReport: [TSubsidyExportRequest, ExportFileDTO];
    repeatWeek: [TRepeatWeekRequest, RepeatWeekDTO];
    // A week of menus: copy last week's sittings, swap a dish, see and preview closed days (休息日).
    copyWeek: [TCopyWeekRequest, CopyWeekDTO];
    editMenu: [TEditMenuRequest, SlotDTO];
    closedDays: [TClosedDaysRequest, ClosedDayDTO[]];
    closePreview: [TClosePreviewRequest, ClosePreviewDTO];
    myLinks: [TEmptyRequest, FamilyLinkDTO[]];
    staffLinkFamily: [TStaffLinkFamilyRequest, FamilyLinkDTO];
    proxyElders: [TProxyEldersRequest, ProxyElderDTO[]];
    // Rooms, consultations, visits, meetings and activities on the slot engine (no elder needed).
    venueSlots: [TVenueSlotsRequest, VenueSlotDTO[]];
    venueGroups: [TEmptyRequest, VenueGroupDTO[]];
    reserve: [TReserveRequest, ReservationDTO];
    myReservations: [TMyReservationsRequest, Page<ReservationDTO>];
    cancelReservation: [TReservationRequest, ReservationDTO];
    acceptReservation: [TReservationRequest, ReservationDTO];
    publishSlot: [TPublishSlotRequest, VenueSlotDTO];
    editSlot: [TEditSlotRequest, VenueSlotDTO];
    withdrawSlot: [TWithdrawSlotRequest, VenueSlotDTO];
    closeDay: [TCloseDayRequest, CloseDayDTO];
    reopenDay: [TReopenDayRequest, ReopenDayDTO];
    remark: [TRemarkBookingRequest, BookingDTO];
    roster: [TRosterRequest, ReservationDTO[]];
    checkIn: [TCheckInRequest, ReservationDTO];
    checkOut: [TReservationRequest, ReservationDTO];
  };
}
