import { pageOfPath, pageUrl } from '../../../dev/host/framePage';

describe('page host paths', () => {
  it('open a page at its own path, with the app at its root route', () => {
    expect(pageOfPath(pageUrl('global'))).toEqual({ kind: 'global', projectKey: null, route: '/' });
    expect(pageOfPath(pageUrl('admin'))).toEqual({ kind: 'admin', projectKey: null, route: '/' });
    expect(pageOfPath(pageUrl('project', 'PAY'))).toEqual({ kind: 'project', projectKey: 'PAY', route: '/' });
  });

  it('open the same page below it, handing the rest to the app as its route (a deep link)', () => {
    expect(pageOfPath(`${pageUrl('global')}/box/DTO-3`)).toEqual({ kind: 'global', projectKey: null, route: '/box/DTO-3' });
    expect(pageOfPath(`${pageUrl('project', 'PAY')}/box/project%3APAY`)).toEqual({ kind: 'project', projectKey: 'PAY', route: '/box/project%3APAY' });
  });

  it('open nothing for another app\'s path or one that only starts alike', () => {
    expect(pageOfPath(`${pageUrl('global')}-other`)).toBeNull();
    expect(pageOfPath('/jira/apps/someone-else/box/DTO-3')).toBeNull();
    expect(pageOfPath('/jira/projects/PAY/apps/someone-else')).toBeNull();
  });
});
