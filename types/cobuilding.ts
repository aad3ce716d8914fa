/**
 * 契约化共建 (co-building agreements): what a city department commits to a street or a community for
 * a period — people, money, projects, service days — and what it delivered, counted only once the
 * street or community confirmed it. Statuses, item kinds, labels, limits, DTOs and the `cobuilding`
 * function's catalogue. Values only; the zod schemas live in ./cobuilding-schemas.ts.
 */
import type { Page, PhotoDTO } from './dto';
import type { Role } from './enums';
import type {
  TAgreementRequest,
  TCloseAgreementRequest,
  TCreateAgreementRequest,
  TDeclineDeliveryRequest,
  TDeliveryRequest,
  TDepartmentProgressRequest,
  TEditAgreementRequest,
  TListAgreementsRequest,
  TListDeliveriesRequest,
  TRecordDeliveryRequest,
  TSignAgreementRequest,
} from './cobuilding-schemas';

/**
 * An agreement's life: 草拟 draft (items may change; each side signs the version it read) → 已签订
 * signed (the second side's signature; items frozen, deliveries recorded) → 已结束 closed (by the
 * street or community, once no delivery waits for confirmation).
 */
export const AgreementStatus = { draft: 'draft', signed: 'signed', closed: 'closed' } as const;
export type AgreementStatus = (typeof AgreementStatus)[keyof typeof AgreementStatus];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = { draft: '草拟中', signed: '已签订', closed: '已结束' };

/** The other party: a street (街道) or a community (社区). */
export const AgreementParty = { street: 'street', community: 'community' } as const;
export type AgreementParty = (typeof AgreementParty)[keyof typeof AgreementParty];
export const AGREEMENT_PARTY_LABELS: Record<AgreementParty, string> = { street: '街道', community: '社区' };

/**
 * Who acts for the street or the community in an agreement (drafts, signs, confirms or declines
 * deliveries, closes): its community staff, or street staff over it. A street's agreement is the
 * street staff's alone. The module's policy and 我的 (待确认交付) read this list.
 */
export const AGREEMENT_PARTY_ROLES: readonly Role[] = ['community_staff', 'street_staff'];

/** What a department commits: people (人次), money (amounts in 分), projects, service days. */
export const ItemKind = { people: 'people', money: 'money', project: 'project', service_day: 'service_day' } as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = { people: '人员', money: '资金', project: '项目', service_day: '服务日' };
/** The unit a quantity is counted in; money is stored and sent in 分 and shown in 元. */
export const ITEM_KIND_UNITS: Record<ItemKind, string> = { people: '人次', money: '元', project: '个', service_day: '天' };

/** A delivery waits for the street's or community's confirmation; only a confirmed one counts. */
export const DeliveryStatus = { pending: 'pending', confirmed: 'confirmed', declined: 'declined' } as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: '待确认', confirmed: '已确认', declined: '未认可' };

export const COBUILDING_LIMITS = {
  titleMax: 60,
  descriptionMax: 200,
  noteMax: 500,
  reasonMax: 200,
  itemsMin: 1,
  itemsMax: 20,
  photosMax: 9,
  /** A quantity or an amount (分) per item or delivery: at most 1,000,000,000 (1000万元). */
  quantityMax: 1_000_000_000,
  /** An agreement lasts at most this many days (five years). */
  periodDaysMax: 5 * 366,
} as const;

/** One item as drafted, and as the detail shows it with its progress. */
export interface AgreementItemDTO {
  id: number;
  /** 1-based, the order in the agreement. */
  position: number;
  kind: ItemKind;
  kindLabel: string;
  unit: string;
  /** Promised: a count, or 分 for money. */
  promised: number;
  /** Confirmed deliveries only. */
  delivered: number;
  /** Recorded, waiting for confirmation (never counted in `delivered`). */
  pending: number;
  /** min(100, ⌊delivered × 100 / promised⌋). */
  percent: number;
  dueOn: string;
  description: string;
  /** Signed, due before today (Beijing) and not fully delivered. */
  overdue: boolean;
}

export interface AgreementProgressDTO {
  items: number;
  /** Items whose confirmed delivery reached the promise. */
  done: number;
  overdue: number;
}

export interface AgreementSummaryDTO {
  id: number;
  title: string;
  departmentId: number;
  departmentName: string;
  party: AgreementParty;
  partyId: number;
  /** "保宁街道" or "南街社区". */
  partyName: string;
  startsOn: string;
  endsOn: string;
  status: AgreementStatus;
  statusLabel: string;
  progress: AgreementProgressDTO;
}

/** One dated step of an agreement (the subject log's `cobuilding_agreement` events). */
export interface AgreementEventDTO {
  event: string;
  label: string;
  at: string;
  by: string | null;
  note: string | null;
}

export const AGREEMENT_EVENT_LABELS: Record<string, string> = {
  drafted: '起草协议',
  edited: '修改协议',
  endorsed: '一方签字',
  signed: '双方签订',
  closed: '协议结束',
};

export interface AgreementDTO extends AgreementSummaryDTO {
  /** +1 at every edit; a signature names the version it signs. */
  version: number;
  departmentSignedAt: string | null;
  partySignedAt: string | null;
  signedAt: string | null;
  closedAt: string | null;
  closeNote: string | null;
  items: AgreementItemDTO[];
  timeline: AgreementEventDTO[];
  /** What the caller may do: edit, sign, close, deliver, confirm. */
  can: string[];
}

export interface DeliveryDTO {
  id: number;
  agreementId: number;
  agreementTitle: string;
  departmentName: string;
  itemId: number;
  itemPosition: number;
  itemKind: ItemKind;
  itemLabel: string;
  unit: string;
  quantity: number;
  note: string;
  photos: PhotoDTO[];
  status: DeliveryStatus;
  statusLabel: string;
  recordedBy: string;
  recordedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why the street or community did not accept it. */
  declineReason: string | null;
  /** confirm, decline: for the street or community staff while it waits. */
  can: string[];
}

/** A department's commitments and delivery across its signed (and closed) agreements that the caller sees. */
export interface DepartmentProgressDTO {
  departmentId: number;
  departmentName: string;
  agreements: number;
  items: number;
  done: number;
  overdue: number;
  /** Promised vs confirmed, per kind of item present (money in 分). */
  byKind: { kind: ItemKind; kindLabel: string; unit: string; promised: number; delivered: number }[];
}

/** The `cobuilding` cloud function's actions: [request, response] per action (see api.ts). */
export interface CobuildingApi {
  cobuilding: {
    list: [TListAgreementsRequest, Page<AgreementSummaryDTO>];
    get: [TAgreementRequest, AgreementDTO];
    create: [TCreateAgreementRequest, AgreementDTO];
    /** Draft only: the fields given replace the draft's (items as a whole); signatures so far are cleared. */
    edit: [TEditAgreementRequest, AgreementDTO];
    /** The caller's side signs the version it read; the second side's signature makes it signed. */
    sign: [TSignAgreementRequest, AgreementDTO];
    close: [TCloseAgreementRequest, AgreementDTO];
    deliver: [TRecordDeliveryRequest, DeliveryDTO];
    confirm: [TDeliveryRequest, DeliveryDTO];
    decline: [TDeclineDeliveryRequest, DeliveryDTO];
    deliveries: [TListDeliveriesRequest, Page<DeliveryDTO>];
    departments: [TDepartmentProgressRequest, DepartmentProgressDTO[]];
  };
}
