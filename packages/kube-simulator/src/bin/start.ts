import { KubeSimulator } from '../KubeSimulator';
import {
  scenarioDescriptions,
  scenarioNames,
} from '../scenarios/buildScenario';
import { ScenarioName } from '../scenarios/Scenario';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
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
  const simulator = await KubeSimulator.start({
    port: Number(arg('port') ?? 8001),
    token: arg('token') ?? process.env.KUBE_SIMULATOR_TOKEN,
    scenario,
  });
  process.stdout.write(
    `kube-simulator listening on ${simulator.url} (scenario ${scenario})\n`,
  );
  const shutdown = () => simulator.stop().then(() => process.exit(0));
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch(error => {
  process.stderr.write(`kube-simulator failed to start: ${error}\n`);
  process.exit(1);
});
