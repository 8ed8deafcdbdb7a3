import { ListThenWatch } from './ListThenWatch';

type Call = {
  resourceVersion: string;
  emit: (phase: string, object: any) => void;
  end: (error?: unknown) => void;
  controller: AbortController;
};

/** A Watch whose streams the test drives. */
function fakeWatch() {
  const calls: Call[] = [];
  return {
    calls,
    watch: {
      watch: async (
        _path: string,
        query: Record<string, any>,
        emit: (phase: string, object: any) => void,
        done: (error: unknown) => void,
      ) => {
        const controller = new AbortController();
        calls.push({
          resourceVersion: query.resourceVersion,
          emit,
          end: error => done(error ?? null),
          controller,
        });
        return controller;
      },
    },
  };
}

const item = (name: string, resourceVersion: string) => ({
  metadata: { name, namespace: 'velero', resourceVersion },
});

describe('ListThenWatch', () => {
  function setup() {
    const { calls, watch } = fakeWatch();
    const lists: string[] = [];
    const events: string[] = [];
    const errors: unknown[] = [];
    let listVersion = '10';
    const lw = new ListThenWatch({
      path: '/apis/velero.io/v1/namespaces/velero/backups',
      watch,
      list: async () => {
        lists.push(listVersion);
        return { resourceVersion: listVersion };
      },
      onEvent: (phase, o) =>
        events.push(
          `${phase} ${o.metadata.name}@${o.metadata.resourceVersion}`,
        ),
      onError: error => errors.push(error),
    });
    return {
      lw,
      calls,
      lists,
      events,
      errors,
      setListVersion: (v: string) => {
        listVersion = v;
      },
    };
  }

  const settle = () => new Promise(resolve => setImmediate(resolve));

  it('lists, watches from the list, forwards changes, and resumes from the newest version after a clean end, without listing', async () => {
    const t = setup();
    await t.lw.start();
    expect(t.lists).toEqual(['10']);
    expect(t.calls.map(c => c.resourceVersion)).toEqual(['10']);
    t.calls[0].emit('ADDED', item('a', '11'));
    t.calls[0].emit('MODIFIED', item('a', '12'));
    t.calls[0].emit('DELETED', item('a', '13'));
    t.calls[0].emit('BOOKMARK', { metadata: { resourceVersion: '20' } });
    expect(t.events).toEqual(['ADDED a@11', 'MODIFIED a@12', 'DELETED a@13']);
    t.calls[0].end();
    await settle();
    expect(t.lists).toEqual(['10']);
    expect(t.calls.map(c => c.resourceVersion)).toEqual(['10', '20']);
    expect(t.calls[0].controller.signal.aborted).toBe(true);
    expect(t.errors).toEqual([]);
  });

  it('lists again after 410 Gone, as an ERROR event or as the end of the stream', async () => {
    const t = setup();
    await t.lw.start();
    t.calls[0].emit('ERROR', { code: 410, reason: 'Expired' });
    t.setListVersion('30');
    t.calls[0].end();
    await settle();
    expect(t.lists).toEqual(['10', '30']);
    expect(t.calls.map(c => c.resourceVersion)).toEqual(['10', '30']);
    t.setListVersion('40');
    t.calls[1].end({ statusCode: 410 });
    await settle();
    expect(t.lists).toEqual(['10', '30', '40']);
    expect(t.calls.map(c => c.resourceVersion)).toEqual(['10', '30', '40']);
    expect(t.errors).toEqual([]);
  });

  it('reports any other failure and waits to be started again, which resumes the watch', async () => {
    const t = setup();
    await t.lw.start();
    t.calls[0].emit('ADDED', item('a', '15'));
    const refused = { statusCode: 403 };
    t.calls[0].end(refused);
    await settle();
    expect(t.errors).toEqual([refused]);
    expect(t.calls).toHaveLength(1);
    await t.lw.start();
    expect(t.lists).toEqual(['10']);
    expect(t.calls.map(c => c.resourceVersion)).toEqual(['10', '15']);
  });

  it('reports a failed list, and never watches without one', async () => {
    const { watch, calls } = fakeWatch();
    const errors: unknown[] = [];
    const lw = new ListThenWatch({
      path: '/x',
      watch,
      list: async () => {
        throw Object.assign(new Error('forbidden'), { statusCode: 403 });
      },
      onEvent: () => undefined,
      onError: error => errors.push(error),
    });
    await lw.start();
    expect(errors).toEqual([expect.objectContaining({ statusCode: 403 })]);
    expect(calls).toEqual([]);
  });

  it('keeps the stream of the newest step when a refused watch ends before it is answered', async () => {
    const controllers: AbortController[] = [];
    const lists: number[] = [];
    let watches = 0;
    const lw = new ListThenWatch({
      path: '/x',
      watch: {
        watch: async (_path, _query, _emit, done) => {
          const controller = new AbortController();
          controllers.push(controller);
          // The first watch is refused with 410 before it resolves, as
          // client-node's Watch does for a non-200 answer.
          if (watches++ === 0) await done({ statusCode: 410 });
          return controller;
        },
      },
      list: async () => {
        lists.push(lists.length);
        return { resourceVersion: String(10 + lists.length) };
      },
      onEvent: () => undefined,
      onError: () => undefined,
    });
    await lw.start();
    await settle();
    expect(lists).toEqual([0, 1]);
    expect(controllers).toHaveLength(2);
    await lw.stop();
    // Stopping aborts the live stream, the second one.
    expect(controllers[1].signal.aborted).toBe(true);
  });

  it('stops: the open stream is aborted and an ended one is not renewed', async () => {
    const t = setup();
    await t.lw.start();
    await t.lw.stop();
    expect(t.calls[0].controller.signal.aborted).toBe(true);
    t.calls[0].end();
    await settle();
    expect(t.calls).toHaveLength(1);
  });
});
