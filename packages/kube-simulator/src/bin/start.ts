import { KubeSimulator } from '../KubeSimulator';
import {
  scenarioDescriptions,
  scenarioNames,
} from '../scenarios/buildScenario';
import { ScenarioName } from '../scenarios/Scenario';
import { parseTokens } from './parseTokens';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function usageError(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

async function main() {
  const scenario = (arg('scenario') ??
    process.env.KUBE_SIMULATOR_SCENARIO ??
    'healthy') as ScenarioName;
  if (!scenarioNames.includes(scenario)) {
    process.stderr.write(`Unknown scenario "${scenario}". Scenarios:\n`);
    for (const name of scenarioNames)
      process.stderr.write(`  ${name}: ${scenarioDescriptions[name]}\n`);
    process.exit(2);
  }
  let tokens: Record<string, string>;
  try {
    tokens = parseTokens(
      arg('tokens') ?? process.env.KUBE_SIMULATOR_TOKENS ?? '',
    );
  } catch (error) {
    usageError((error as Error).message);
  }
  const backups = arg('backups');
  const schedules = arg('schedules');
  if ((backups === undefined) !== (schedules === undefined))
    usageError('--backups and --schedules go together (a scale scenario)');
  const latencyMs = Number(arg('latency-ms') ?? 0);
  if (!(latencyMs >= 0)) usageError('--latency-ms must be a number of ms');
  const simulator = await KubeSimulator.start({
    port: Number(arg('port') ?? 8001),
    token: arg('token') ?? process.env.KUBE_SIMULATOR_TOKEN,
    identity: arg('identity') ?? process.env.KUBE_SIMULATOR_IDENTITY,
    tokens,
    scenario,
    scale:
      backups === undefined
        ? undefined
        : { backups: Number(backups), schedules: Number(schedules) },
    // The demo restarts the simulator to switch scenarios while the backend
    // keeps watching: each run's versions start past the previous run's.
    firstResourceVersion: Date.now(),
    // Unset: KubeSimulator reads KUBE_SIMULATOR_REQUEST_LOG_DIR itself.
    requestLogDir: arg('request-log-dir'),
  });
  if (latencyMs > 0)
    simulator.injectFault({ kind: 'latency', delayMs: latencyMs });
  process.stdout.write(
    `kube-simulator listening on ${simulator.url} (scenario ${scenario}${
      backups === undefined
        ? ''
        : `, ${backups} backups over ${schedules} schedules`
    }${latencyMs > 0 ? `, ${latencyMs} ms latency` : ''})\n`,
  );
  process.stdout.write(
    `kube-simulator identities: ${Object.keys(simulator.tokens)
      .map(name => (name === simulator.identity ? `${name} (default)` : name))
      .join(', ')}\n`,
  );
  if (simulator.requestLogFile)
    process.stdout.write(
      `kube-simulator request log: ${simulator.requestLogFile}\n`,
    );
  const shutdown = () => simulator.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch(error => {
  process.stderr.write(`kube-simulator failed to start: ${error}\n`);
  process.exit(1);
});
