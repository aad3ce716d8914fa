/** The 代办 room picker: ids are null until picked. ZLookupHouseholdRequest (types/schemas) checks the unit and room. */
export interface ProxyForm {
  compoundId: number | null;
  buildingId: number | null;
  unitId: number | null;
  room: string;
}

export type ProxyField = keyof ProxyForm;
