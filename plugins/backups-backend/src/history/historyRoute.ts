import {
  historyQuerySchema,
  type BackupsHistory,
} from '@internal/plugin-backups-common';
import { parseInput } from '../parseInput';
import type { Route } from '../router';
import type { HistoryService } from './HistoryService';

/** `GET .../history?from=&to=`: validates the range and delegates. */
export function historyRoute(service: HistoryService): Route<BackupsHistory> {
  return async c => {
    const query = parseInput(historyQuerySchema, c.req.query, 'query');
    const history = await service.getHistory(c.entityRef, query, c);
    return {
      body: history,
      meta: {
        from: history.from,
        to: history.to,
        points: history.items.length,
      },
    };
  };
}
