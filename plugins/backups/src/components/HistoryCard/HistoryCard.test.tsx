import {
  MockFetchApi,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { historyAnswer } from '../../__fixtures__/historyFixtures';
import {
  backendError,
  baseUrl,
  odooUrl,
} from '../../__testUtils__/renderBackupsTab';
import { backupsApiRef, BackupsClient } from '../../api';
import { HistoryCard } from './HistoryCard';
import { MAX_SAMPLES } from './historySeries';

const server = setupServer();
const entityRef = { kind: 'Component', namespace: 'default', name: 'odoo' };

async function renderCard() {
  const discoveryApi = { getBaseUrl: async () => baseUrl };
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          backupsApiRef,
          new BackupsClient({ discoveryApi, fetchApi: new MockFetchApi() }),
        ],
      ]}
    >
      <HistoryCard entityRef={entityRef} />
    </TestApiProvider>,
  );
}

/** The maxPoints of each history request. */
let asked: Array<string | null> = [];

/** Answers the history, noting the days each request spans. */
function answer(body: ReturnType<typeof historyAnswer>) {
  const spans: number[] = [];
  server.use(
    http.get(`${odooUrl}/history`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      asked.push(query.get('maxPoints'));
      spans.push(
        Math.round(
          DateTime.fromISO(query.get('to')!)
            .diff(DateTime.fromISO(query.get('from')!), 'days')
            .as('days'),
        ),
      );
      return HttpResponse.json(body);
    }),
  );
  return spans;
}

describe('HistoryCard', () => {
  registerMswTestHooks(server);

  it('charts each tier’s RPO actual against its target, with the share of time it met it', async () => {
    asked = [];
    const spans = answer(historyAnswer());
    const { container } = await renderCard();
    const velero = await screen.findByTestId('history-velero-odoo-daily');
    expect(
      within(velero).getByTestId('history-velero-odoo-daily-share'),
    ).toHaveTextContent(
      'Met its RPO target 66.7% of the observed time (45m in 3 points)',
    );
    expect(screen.getByTestId('history-cnpg-odoo-pg')).toBeInTheDocument();
    expect(spans).toEqual([30]);
    // The chart draws at most this many points per tier: the backend merges.
    expect(asked).toEqual([String(MAX_SAMPLES)]);
    // recharts draws both lines and a dot per recorded point of each tier.
    expect(
      velero.querySelectorAll('.recharts-line-curve').length,
    ).toBeGreaterThanOrEqual(2);
    expect(velero.querySelectorAll('.recharts-line-dot')).toHaveLength(3);
    expect(container.querySelectorAll('.recharts-legend-item')).toHaveLength(4);
  });

  it('asks for the last 90 days when toggled', async () => {
    const spans = answer(historyAnswer());
    await renderCard();
    await screen.findByTestId('history-velero-odoo-daily');
    fireEvent.click(screen.getByRole('button', { name: 'Last 90 days' }));
    await waitFor(() => expect(spans).toEqual([30, 90]));
    expect(
      await screen.findByTestId('history-velero-odoo-daily'),
    ).toBeInTheDocument();
  });

  it('marks drills, passed and failed, on their tier', async () => {
    answer(
      historyAnswer({
        drills: [
          {
            at: '2026-11-30T10:30:00Z',
            tier: { kind: 'velero', name: 'odoo-daily' },
            outcome: 'passed',
          },
          {
            at: '2026-11-30T11:30:00Z',
            tier: { kind: 'velero', name: 'odoo-daily' },
            outcome: 'failed',
          },
        ],
      }),
    );
    await renderCard();
    const velero = await screen.findByTestId('history-velero-odoo-daily');
    expect(
      within(velero).getByTestId('history-velero-odoo-daily-share'),
    ).toHaveTextContent('drills: 1 passed, 1 failed');
    expect(velero.querySelectorAll('.history-drill-passed')).toHaveLength(1);
    expect(velero.querySelectorAll('.history-drill-failed')).toHaveLength(1);
    const cnpg = screen.getByTestId('history-cnpg-odoo-pg');
    expect(cnpg.querySelectorAll('[class*="history-drill-"]')).toHaveLength(0);
    expect(cnpg).not.toHaveTextContent('drills');
  });

  it('says when nothing was recorded yet', async () => {
    answer(historyAnswer({ items: [], summary: [] }));
    await renderCard();
    expect(
      await screen.findByText(/Nothing recorded in the last 30 days yet/),
    ).toBeInTheDocument();
  });

  it('shows the backend’s refusal', async () => {
    server.use(
      http.get(`${odooUrl}/history`, () =>
        backendError(403, 'NotAllowedError', 'Not allowed'),
      ),
    );
    await renderCard();
    expect(await screen.findByText(/History unavailable/)).toBeInTheDocument();
  });
});
