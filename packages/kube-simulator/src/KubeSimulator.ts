import { createServer, Server } from 'node:http';
import { Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { createRequestHandler } from './api/createRequestHandler';
import { Fault } from './api/Fault';
import { ResourceRegistry } from './api/ResourceRegistry';
import { VeleroController } from './controllers/VeleroController';
import { buildScenario } from './scenarios/buildScenario';
import { ScenarioName } from './scenarios/Scenario';
import { KubeObject } from './store/KubeObject';
import { ObjectStore } from './store/ObjectStore';
import { validateObject } from './validateObject';

export type KubeSimulatorOptions = {
  /** 0 picks a free port. Default 0. */
  port?: number;
  host?: string;
  token?: string;
  scenario?: ScenarioName;
  now?: () => Date;
  /** How long each Velero controller step takes. Default 1000 ms. */
  controllerTickMs?: number;
};

/** A Kubernetes API server for tests and the demo, speaking the real REST API. */
export class KubeSimulator {
  readonly url: string;
  readonly token: string;
  readonly scenario: ScenarioName;
  readonly #server: Server;
  readonly #store: ObjectStore;
  readonly #faults: Fault[];
  readonly #controller: VeleroController;
  readonly #sockets = new Set<Socket>();

  static async start(
    options: KubeSimulatorOptions = {},
  ): Promise<KubeSimulator> {
    const now = options.now ?? (() => new Date());
    const scenarioName = options.scenario ?? 'healthy';
    const scenario = buildScenario(scenarioName, now());
    const registry = ResourceRegistry.create({
      missingGroups: scenario.missingGroups,
    });
    const store = ObjectStore.create({ now });
    for (const object of scenario.objects) store.put(object);
    const faults = [...(scenario.faults ?? [])];
    const token = options.token ?? 'simulator-token';
    const server = createServer(
      createRequestHandler({
        registry,
        store,
        token,
        faults,
        validate: validateObject,
      }),
    );
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    const controller = VeleroController.start({
      store,
      registry,
      tickMs: options.controllerTickMs ?? 1000,
      now,
    });
    return new KubeSimulator({
      url: `http://${host}:${port}`,
      token,
      scenario: scenarioName,
      server,
      store,
      faults,
      controller,
    });
  }

  private constructor(parts: {
    url: string;
    token: string;
    scenario: ScenarioName;
    server: Server;
    store: ObjectStore;
    faults: Fault[];
    controller: VeleroController;
  }) {
    this.url = parts.url;
    this.token = parts.token;
    this.scenario = parts.scenario;
    this.#server = parts.server;
    this.#store = parts.store;
    this.#faults = parts.faults;
    this.#controller = parts.controller;
    this.#server.on('connection', socket => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  /** Creates or replaces an object, as a controller would; watchers see the change. */
  apply(object: KubeObject): KubeObject {
    return this.#store.put(object);
  }

  get(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    return this.#store.get(apiVersion, kind, namespace, name);
  }

  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    return this.#store.list(apiVersion, kind, namespace);
  }

  remove(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name: string,
  ) {
    this.#store.delete(apiVersion, kind, namespace, name);
  }

  /** Makes matching requests fail with a real Status, until cleared. */
  injectFault(fault: Fault) {
    this.#faults.push(fault);
  }

  clearFaults() {
    this.#faults.splice(0, this.#faults.length);
  }

  async stop(): Promise<void> {
    this.#controller.stop();
    const closed = new Promise<void>(resolve =>
      this.#server.close(() => resolve()),
    );
    // Open watch streams would keep the server alive.
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}
