import { boxIdOfRoute, pathnameOf, routeOfBox } from '../../../static/src/navigation/boxRoute';

describe('box routes', () => {
  it('name a box below the page, or the page itself', () => {
    expect(routeOfBox(null)).toBe('/');
    expect(routeOfBox('DTO-3')).toBe('/box/DTO-3');
    expect(routeOfBox('project:PAY')).toBe('/box/project%3APAY');
  });

  it('read back the box they name', () => {
    for (const id of ['DTO-3', 'project:PAY', 'root']) expect(boxIdOfRoute(routeOfBox(id))).toBe(id);
    expect(boxIdOfRoute('/box/DTO-3/')).toBe('DTO-3');
  });

  it('name no box for the page itself, another route, or one that cannot be read', () => {
    for (const route of ['/', '', '/box/', '/boxes/DTO-3', '/box/DTO-3/roadmap', '/box/%E0%A4%A']) expect(boxIdOfRoute(route)).toBeNull();
  });
});

describe('the location Forge\'s history reports', () => {
  it('is read whether a listener gets the location or { location, action }', () => {
    expect(pathnameOf({ pathname: '/box/DTO-3', search: '' })).toBe('/box/DTO-3');
    expect(pathnameOf({ location: { pathname: '/box/DTO-3' }, action: 'POP' })).toBe('/box/DTO-3');
    expect(pathnameOf(null)).toBe('/');
    expect(pathnameOf({ pathname: 7 })).toBe('/');
  });
});
