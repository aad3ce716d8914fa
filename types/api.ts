/**
 * The catalogue of cloud functions and their actions: the contract between src/services and
 * cloud/functions. Inputs are the T*Request types from ./schemas, outputs the DTOs from ./dto.
 */
import type {
  BuildingDTO,
  CompoundHomeDTO,
  CompoundSummaryDTO,
  MeDTO,
  MembershipDTO,
  Page,
  PosterDTO,
  VerifyQueueItemDTO,
} from './dto';
import type {
  TBindHouseholdRequest,
  TCompoundRequest,
  TEmptyRequest,
  TListCompoundsRequest,
  TResolveSceneRequest,
  TUpdateMeRequest,
  TVerifyMembershipRequest,
  TVerifyQueueRequest,
} from './schemas';

export interface Api {
  me: {
    get: [TEmptyRequest, MeDTO];
    update: [TUpdateMeRequest, MeDTO];
  };
  community: {
    resolveScene: [TResolveSceneRequest, CompoundHomeDTO];
    getCompound: [TCompoundRequest, CompoundHomeDTO];
    listCompounds: [TListCompoundsRequest, CompoundSummaryDTO[]];
    listBuildings: [TCompoundRequest, BuildingDTO[]];
    posters: [TCompoundRequest, PosterDTO[]];
  };
  households: {
    bind: [TBindHouseholdRequest, MembershipDTO];
    mine: [TEmptyRequest, MembershipDTO[]];
    verifyQueue: [TVerifyQueueRequest, Page<VerifyQueueItemDTO>];
    verify: [TVerifyMembershipRequest, MembershipDTO];
  };
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [infer I, unknown] ? I : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends [unknown, infer O] ? O : never;
