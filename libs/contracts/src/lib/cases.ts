export interface CaseListItem {
  source: string;
  caseId: string;
  createdAt: string;
  team: string | null;
  channel: string | null;
  category: string | null;
  transfers: number;
  repeated: boolean;
  reopened: boolean;
}

export interface CasesPage {
  total: number;
  items: CaseListItem[];
}
