import { useApiQuery } from '../../api/hooks';

/** Names for the records entries point at (accounts, staff, services, stations, grid nodes), from the lists the admin may read. */
export function useTargetNames() {
  const users = useApiQuery('users.list', {});
  const staff = useApiQuery('staff.list', {});
  const services = useApiQuery('services.list', {});
  const stations = useApiQuery('stations.list', {});
  const grid = useApiQuery('grid.tree', {});
  const maps: Record<string, Map<string, string>> = {
    user: new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`])),
    staff: new Map((staff.data ?? []).map((s) => [s.id, s.name])),
    service: new Map((services.data ?? []).map((s) => [s.id, `${s.prefix} ${s.name}`])),
    station: new Map((stations.data ?? []).map((s) => [s.id, s.name])),
    grid: new Map((grid.data ?? []).map((n) => [n.id, n.name])),
  };
  const displayName = new Map((users.data ?? []).map((u) => [u.username.toLowerCase(), u.displayName]));
  return {
    /** 王主任（admin）: who did it, by the name people know them by. */
    actor: (username: string): string => {
      const name = displayName.get(username.toLowerCase());
      return name && name !== username ? `${name}（${username}）` : username;
    },
    target: (type: string | null, id: string | null): string | undefined => (type && id ? maps[type]?.get(id) : undefined),
    station: (id: string) => maps.station!.get(id),
    gridNode: (id: string) => maps.grid!.get(id),
  };
}
