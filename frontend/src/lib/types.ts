export type Role = 'ADMIN' | 'DISPATCHER' | 'ENGINEER' | 'CUSTOMER';
export const ROLES: Role[] = ['ADMIN', 'DISPATCHER', 'ENGINEER', 'CUSTOMER'];

export interface Me {
  username: string;
  role: Role;
  customerId?: string | null;
  engineerId?: string | null;
}

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
export const SEVERITIES: Severity[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];

export type IncidentStatus = 'OPEN' | 'ROUTING' | 'ASSIGNED' | 'RESOLVED' | 'ESCALATED';
export const OPEN_STATUSES: IncidentStatus[] = ['ESCALATED', 'OPEN', 'ROUTING', 'ASSIGNED'];

export type EngineerStatus = 'AVAILABLE' | 'BUSY' | 'OFF_DUTY';
export const ENGINEER_STATUSES: EngineerStatus[] = ['AVAILABLE', 'BUSY', 'OFF_DUTY'];

/** The contract says only `assignee?`; accept an engineer id or a small object. */
export type Assignee = string | { id?: string; engineerId?: string; name?: string };

export interface TimelineEntry {
  at: string;
  type: string;
  detail?: string | null;
  actor?: string | null;
}

export interface Incident {
  id: string;
  systemId: string;
  customerId: string;
  severity: Severity;
  title: string;
  description: string;
  status: IncidentStatus;
  assignee?: Assignee | null;
  openedAt: string;
  ackBy?: string | null;
  resolveBy?: string | null;
  resolution?: string | null;
  timeline?: TimelineEntry[];
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface Site {
  label?: string | null;
  lat: number;
  lon: number;
}

export interface SystemInfo {
  id: string;
  customerId: string;
  name: string;
  product: string;
  version?: string | null;
  site?: Site | null;
  tags?: string[];
}

export interface Customer {
  id: string;
  name: string;
}

export interface Engineer {
  id: string;
  name: string;
  email?: string | null;
  skills?: string[];
  systems?: { systemId: string; level: number }[];
  certifications?: { name: string; expires?: string | null }[];
  base?: { lat: number; lon: number } | null;
  timeZone?: string | null;
  maxActive?: number;
  status?: EngineerStatus;
  activeIncidents?: number;
}

/** Where the engineer's schedule puts them now (GET /api/me/schedule → now); until is missing when it does not end soon. */
export interface DutyNow {
  onDuty: boolean;
  mode: 'WORKING' | 'ON_CALL' | 'OFF';
  until?: string | null;
}

export interface UserAccount {
  username: string;
  role: Role;
  customerId?: string | null;
  engineerId?: string | null;
}

export interface Offer {
  offerId: string;
  incidentId: string;
  severity: Severity;
  title: string;
  systemId: string;
  expiresAt: string;
}

export interface Suggestion {
  text: string;
  kind: 'ENGINEER' | 'SKILL' | 'SYSTEM';
  id?: string | null;
}

export interface SearchHit {
  engineer: Engineer;
  score: number;
  highlights?: Record<string, string[]>;
  reasons?: string[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets?: {
    skills?: Record<string, number>;
    status?: Record<string, number>;
    systems?: Record<string, number>;
  };
}

export interface Reason {
  signal: string;
  weight: number;
  detail: string;
}

export interface Recommendation {
  engineerId: string;
  name: string;
  score: number;
  reasons: Reason[];
}

export interface ImportResult {
  imported: Record<string, number>;
  rejected: { line: number; detail: string }[];
}

export function assigneeId(a: Assignee | null | undefined): string | undefined {
  if (!a) return undefined;
  if (typeof a === 'string') return a;
  return a.id ?? a.engineerId ?? undefined;
}

export function assigneeLabel(a: Assignee | null | undefined): string | undefined {
  if (!a) return undefined;
  if (typeof a === 'string') return a;
  return a.name ?? a.id ?? a.engineerId ?? undefined;
}
