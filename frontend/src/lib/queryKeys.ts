/** Every query key in the app. Live messages invalidate by these prefixes. */
export const qk = {
  me: ['me'] as const,
  incidents: ['incidents'] as const,
  incidentList: (params: Record<string, unknown>) => ['incidents', 'list', params] as const,
  myIncidents: ['incidents', 'mine'] as const,
  incident: (id: string) => ['incidents', 'detail', id] as const,
  offers: ['offers'] as const,
  engineers: ['engineers'] as const,
  engineerList: (params: Record<string, unknown>) => ['engineers', 'list', params] as const,
  engineer: (id: string) => ['engineers', 'detail', id] as const,
  engineerSearch: (params: Record<string, unknown>) => ['engineers', 'search', params] as const,
  suggest: (prefix: string) => ['engineers', 'suggest', prefix] as const,
  recommend: (incidentId: string) => ['engineers', 'recommend', incidentId] as const,
  systems: ['systems'] as const,
  system: (id: string) => ['systems', id] as const,
  customers: ['customers'] as const,
  users: ['users'] as const,
};
