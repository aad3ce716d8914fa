/** The `grids` function (红色网格与走访): [request, response] per action (see api.ts). */
import type { FiledFindingDTO, GridDTO, GridsDTO, PlannedVisitDTO, PlannedVisitsDTO, VisitDTO, VisitsDTO, VisitTargetDTO } from './grids';
import type {
  TAddCoverageRequest,
  TAssignWorkerRequest,
  TCancelPlanRequest,
  TCorrectVisitRequest,
  TCreateGridRequest,
  TEditVisitRequest,
  TEndCoverageRequest,
  TFileFindingRequest,
  TFlagTargetRequest,
  TGridRequest,
  TListGridsRequest,
  TListPlansRequest,
  TListTargetsRequest,
  TListVisitsRequest,
  TRecordVisitRequest,
  TUnassignWorkerRequest,
  TUnflagTargetRequest,
  TVisitRequest,
} from './grids-schemas';

export interface GridsApi {
  grids: {
    list: [TListGridsRequest, GridsDTO];
    get: [TGridRequest, GridDTO];
    create: [TCreateGridRequest, GridDTO];
    addCoverage: [TAddCoverageRequest, GridDTO];
    endCoverage: [TEndCoverageRequest, GridDTO];
    assign: [TAssignWorkerRequest, GridDTO];
    unassign: [TUnassignWorkerRequest, GridDTO];
    recordVisit: [TRecordVisitRequest, VisitDTO];
    editVisit: [TEditVisitRequest, VisitDTO];
    correctVisit: [TCorrectVisitRequest, VisitDTO];
    visit: [TVisitRequest, VisitDTO];
    visits: [TListVisitsRequest, VisitsDTO];
    fileFinding: [TFileFindingRequest, FiledFindingDTO];
    flagTarget: [TFlagTargetRequest, VisitTargetDTO];
    unflagTarget: [TUnflagTargetRequest, VisitTargetDTO];
    targets: [TListTargetsRequest, { items: VisitTargetDTO[] }];
    plans: [TListPlansRequest, PlannedVisitsDTO];
    cancelPlan: [TCancelPlanRequest, PlannedVisitDTO];
  };
}
