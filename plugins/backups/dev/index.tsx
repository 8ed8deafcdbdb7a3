import { createDevApp } from '@backstage/dev-utils';
import { backupsPlugin, BackupsPage } from '../src/plugin';

createDevApp()
  .registerPlugin(backupsPlugin)
  .addPage({
    element: <BackupsPage />,
    title: 'Root Page',
    path: '/backups',
  })
  .render();
