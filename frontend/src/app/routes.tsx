import type { ReactNode } from 'react';
import { AdminHome } from '../features/admin/AdminHome';
import { ImportPage } from '../features/admin/ImportPage';
import { CustomerHome } from '../features/customer/CustomerHome';
import { CustomerIncidentPage } from '../features/customer/CustomerIncidentPage';
import { NewIncidentPage } from '../features/customer/NewIncidentPage';
import { SystemsPage } from '../features/customer/SystemsPage';
import { BoardPage } from '../features/dispatcher/BoardPage';
import { DispatchIncidentPage } from '../features/dispatcher/DispatchIncidentPage';
import { EngineerPage } from '../features/dispatcher/EngineerPage';
import { EngineerSearchPage } from '../features/dispatcher/EngineerSearchPage';
import { EngineerConsole } from '../features/engineer/EngineerConsole';
import { EngineerIncidentPage } from '../features/engineer/EngineerIncidentPage';
import { MySchedulePage } from '../features/engineer/MySchedulePage';
import type { Params } from '../lib/router';
import type { Me, Role } from '../lib/types';

export interface RouteDef {
  path: string;
  roles: Role[];
  render: (p: Params, me: Me) => ReactNode;
}

/** Every signed-in page and who may open it. Anything else is the 404 page. */
export const ROUTES: RouteDef[] = [
  { path: '/customer', roles: ['CUSTOMER'], render: (_p, me) => <CustomerHome me={me} /> },
  { path: '/customer/new', roles: ['CUSTOMER'], render: () => <NewIncidentPage /> },
  { path: '/customer/systems', roles: ['CUSTOMER'], render: () => <SystemsPage /> },
  { path: '/customer/incidents/:id', roles: ['CUSTOMER'], render: (p) => <CustomerIncidentPage id={p.id} /> },
  { path: '/engineer', roles: ['ENGINEER'], render: (_p, me) => <EngineerConsole me={me} /> },
  { path: '/engineer/schedule', roles: ['ENGINEER'], render: () => <MySchedulePage /> },
  { path: '/engineer/incidents/:id', roles: ['ENGINEER'], render: (p) => <EngineerIncidentPage id={p.id} /> },
  { path: '/dispatch', roles: ['DISPATCHER', 'ADMIN'], render: () => <BoardPage /> },
  { path: '/dispatch/engineers', roles: ['DISPATCHER', 'ADMIN'], render: () => <EngineerSearchPage /> },
  { path: '/dispatch/engineers/:id', roles: ['DISPATCHER', 'ADMIN'], render: (p) => <EngineerPage id={p.id} /> },
  { path: '/dispatch/incidents/:id', roles: ['DISPATCHER', 'ADMIN'], render: (p) => <DispatchIncidentPage id={p.id} /> },
  { path: '/admin', roles: ['ADMIN'], render: () => <AdminHome section="customers" /> },
  { path: '/admin/customers', roles: ['ADMIN'], render: () => <AdminHome section="customers" /> },
  { path: '/admin/systems', roles: ['ADMIN'], render: () => <AdminHome section="systems" /> },
  { path: '/admin/engineers', roles: ['ADMIN'], render: () => <AdminHome section="engineers" /> },
  { path: '/admin/users', roles: ['ADMIN'], render: () => <AdminHome section="users" /> },
  { path: '/admin/import', roles: ['ADMIN'], render: () => <ImportPage /> },
];
