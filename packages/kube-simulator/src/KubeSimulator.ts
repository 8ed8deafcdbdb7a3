import { createServer, Server } from 'node:http';
import { Socket } from 'node:net';
import { AddressInfo } from 'node:net';
import { createRequestHandler } from './api/createRequestHandler';
import { Fault } from './api/Fault';
import { Faults } from './api/Faults';
import { RequestLog, RequestLogEntry } from './api/RequestLog';
import { ResourceRegistry } from './api/ResourceRegistry';
import { CnpgController } from './controllers/CnpgController';
import {
  ControllerFault,
  ControllerFaults,
} from './controllers/ControllerFaults';
import { FluxController } from './controllers/FluxController';
import { GarbageCollector } from './controllers/GarbageCollector';
import { NamespaceController } from './controllers/NamespaceController';
import { VolsyncController } from './controllers/VolsyncController';
import { WorkloadController } from './controllers/WorkloadController';
import { VeleroController } from './controllers/VeleroController';
import { VeleroObjectStorage } from './controllers/VeleroObjectStorage';
import { buildScenario } from './scenarios/buildScenario';
import {
  buildScaleScenario,
  ScaleOptions,
} from './scenarios/buildScaleScenario';
import { ScenarioName } from './scenarios/Scenario';
import { KubeObject } from './store/KubeObject';
import { ObjectStore } from './store/ObjectStore';
import { validateObject } from './validateObject';

/** The env var naming a folder where every simulator appends its request log. */
export const REQUEST_LOG_DIR_ENV = 'KUBE_SIMULATOR_REQUEST_LOG_DIR';

export type KubeSimulatorOptions = {
  /** 0 picks a free port. Default 0. */
  port?: number;
  host?: string;
  /** The default identity's bearer token. Default `simulator-token`. */
  token?: string;
  /** The default identity's name. Default `backups`. */
  identity?: string;
  /** More identities: name → bearer token, e.g. `{ kubernetes: '…' }`. */
  tokens?: Record<string, string>;
  scenario?: ScenarioName;
  /**
   * Seeds a fleet at scale instead (`buildScaleScenario`): the healthy Odoo
   * cluster among `schedules` apps, with `backups` Velero Backups.
   */
  scale?: ScaleOptions;
  now?: () => Date;
  /**
   * Where resourceVersions start. Default 1. A simulator that replaces
   * another at the same address (the demo switching scenarios) starts past
   * the old one's versions, and without the scenario's load in its event
   * history, so that a client watching from an old resourceVersion gets
   * 410 Gone and relists, as after etcd's compaction, instead of resuming
   * in a history that is not its own.
   */
  firstResourceVersion?: number;
  /** How long each Velero controller step takes. Default 1000 ms. */
  controllerTickMs?: number;
  /** How often the Flux controllers reconcile every object. Default: controllerTickMs. */
  fluxTickMs?: number;
  /** How often expired DownloadRequests are deleted. Default 60 000 ms, as Velero. */
  downloadRequestSyncMs?: number;
  /**
   * How long a created Deployment, StatefulSet or Pending pod takes to be
   * ready once its PVCs are Bound. Default: two controller ticks.
   */
  workloadReadyDelayMs?: number;
  /** How long a recovery CNPG Cluster's full-recovery Job runs. Default: three controller ticks. */
  cnpgRecoveryMs?: number;
  /** How long the restic mover of a ReplicationDestination runs. Default: three controller ticks. */
  volsyncMoverMs?: number;
  /**
   * How long a deleted Namespace stays Terminating before its content and
   * it are gone. Default: one controller tick.
   */
  namespaceTerminationMs?: number;
  /**
   * Appends every request as a JSON line to `requests-<pid>-<port>.jsonl`
   * in this folder. Default: the `KUBE_SIMULATOR_REQUEST_LOG_DIR` env var;
   * '' turns it off.
   */
  requestLogDir?: string;
};

/** Token → identity, refusing a token given to two identities. */
function identityMap(
  defaultIdentity: string,
  defaultToken: string,
  tokens: Record<string, string>,
): Map<string, string> {
  const map = new Map<string, string>([[defaultToken, defaultIdentity]]);
  for (const [identity, token] of Object.entries(tokens)) {
    if (!identity || !token)
      throw new Error('kube-simulator: an identity needs a name and a token');
    const holder = map.get(token);
    if (holder && holder !== identity)
      throw new Error(
        `kube-simulator: identities "${holder}" and "${identity}" have the same token`,
      );
    map.set(token, identity);
  }
  return map;
}

/** A Kubernetes API server for tests and the demo, speaking the real REST API. */
export class KubeSimulator {
  readonly url: string;
  /** The default identity's token. */
  readonly token: string;
  /** The default identity's name. */
  readonly identity: string;
  /** Every identity's token, the default one's included. */
  readonly tokens: Readonly<Record<string, string>>;
  readonly scenario: ScenarioName;
  /** Where the request log is written, if anywhere. */
  readonly requestLogFile?: string;
  readonly #server: Server;
  readonly #store: ObjectStore;
  readonly #faults: Faults;
  readonly #log: RequestLog;
  readonly #watches: Set<() => void>;
  readonly #controller: VeleroController;
  readonly #flux: FluxController;
  readonly #lifecycle: Array<{ stop(): void }>;
  readonly #controllerFaults: ControllerFaults;
  readonly #sockets = new Set<Socket>();
  #stopping?: Promise<void>;

  static async start(
    options: KubeSimulatorOptions = {},
  ): Promise<KubeSimulator> {
    const now = options.now ?? (() => new Date());
    const scenarioName = options.scenario ?? 'healthy';
    if (options.scale && scenarioName !== 'healthy')
      throw new Error('kube-simulator: a scale scenario is the healthy one');
    const scenario = options.scale
      ? buildScaleScenario({ ...options.scale, now: now() })
      : buildScenario(scenarioName, now());
    const registry = ResourceRegistry.create({
      missingGroups: scenario.missingGroups,
    });
    const store = ObjectStore.create({
      now,
      firstResourceVersion: options.firstResourceVersion,
    });
    for (const object of scenario.objects) store.put(object);
    if (options.firstResourceVersion !== undefined) store.compact();
    const faults = new Faults(scenario.faults ?? []);
    const token = options.token ?? 'simulator-token';
    const identity = options.identity ?? 'backups';
    const identities = identityMap(identity, token, options.tokens ?? {});
    const log = new RequestLog();
    const watches = new Set<() => void>();
    const controllerFaults = new ControllerFaults();
    const storage = new VeleroObjectStorage(
      o =>
        registry.byKind(o.apiVersion, o.kind)?.plural ??
        `${o.kind.toLowerCase()}s`,
    );
    for (const archive of scenario.backupArchives ?? [])
      storage.putBackup(archive);
    // The controller starts once the port is known; signed URLs need it.
    const started: { controller?: VeleroController } = {};
    const server = createServer(
      createRequestHandler({
        registry,
        store,
        identities,
        faults,
        log,
        watches,
        validate: validateObject,
        now,
        serveDownload: (req, res, pathname) =>
          started.controller?.downloads.serve(req, res, pathname) ?? false,
      }),
    );
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, resolve);
    });
    const { port } = server.address() as AddressInfo;
    // The file is named by the port, known only now; no request came before.
    log.writeTo(
      options.requestLogDir ?? process.env[REQUEST_LOG_DIR_ENV],
      port,
    );
    const tickMs = options.controllerTickMs ?? 1000;
    const url = `http://${host}:${port}`;
    const controller = VeleroController.start({
      store,
      registry,
      tickMs,
      now,
      storage,
      baseUrl: () => url,
      downloadRequestSyncMs: options.downloadRequestSyncMs,
      faults: controllerFaults,
    });
    started.controller = controller;
    const lifecycle = [
      NamespaceController.start({
        store,
        registry,
        tickMs: options.namespaceTerminationMs ?? tickMs,
      }),
      GarbageCollector.start({ store, registry }),
      WorkloadController.start({
        store,
        now,
        readyDelayMs: options.workloadReadyDelayMs ?? 2 * tickMs,
      }),
      CnpgController.start({
        store,
        now,
        tickMs,
        recoveryMs: options.cnpgRecoveryMs ?? 3 * tickMs,
        faults: controllerFaults,
      }),
      VolsyncController.start({
        store,
        now,
        tickMs,
        moverMs: options.volsyncMoverMs ?? 3 * tickMs,
        faults: controllerFaults,
      }),
    ];
    const flux = FluxController.start({
      store,
      tickMs: options.fluxTickMs ?? tickMs,
      now,
    });
    const tokens: Record<string, string> = {};
    for (const [t, name] of identities) tokens[name] ??= t;
    return new KubeSimulator({
      url,
      token,
      identity,
      tokens,
      scenario: scenarioName,
      server,
      store,
      faults,
      log,
      watches,
      controller,
      flux,
      lifecycle,
      controllerFaults,
    });
  }

  private constructor(parts: {
    url: string;
    token: string;
    identity: string;
    tokens: Record<string, string>;
    scenario: ScenarioName;
    server: Server;
    store: ObjectStore;
    faults: Faults;
    log: RequestLog;
    watches: Set<() => void>;
    controller: VeleroController;
    flux: FluxController;
    lifecycle: Array<{ stop(): void }>;
    controllerFaults: ControllerFaults;
  }) {
    this.url = parts.url;
    this.token = parts.token;
    this.identity = parts.identity;
    this.tokens = parts.tokens;
    this.scenario = parts.scenario;
    this.requestLogFile = parts.log.file;
    this.#server = parts.server;
    this.#store = parts.store;
    this.#faults = parts.faults;
    this.#log = parts.log;
    this.#watches = parts.watches;
    this.#controller = parts.controller;
    this.#flux = parts.flux;
    this.#lifecycle = parts.lifecycle;
    this.#controllerFaults = parts.controllerFaults;
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

  /**
   * The objects a backup took, as Velero stored them in its bucket (what a
   * restore brings back), or undefined when it uploaded nothing.
   */
  backupContents(name: string): KubeObject[] | undefined {
    const archive = this.#controller.storage.backup(name);
    return archive && JSON.parse(JSON.stringify(archive.items));
  }

  /**
   * Makes matching requests fail, wait or page badly (see `Fault`) until the
   * fault is removed: call the function returned, `removeFault` or `clearFaults`.
   */
  injectFault(fault: Fault): () => void {
    return this.#faults.add(fault);
  }

  removeFault(fault: Fault): boolean {
    return this.#faults.remove(fault);
  }

  /**
   * Makes a simulated controller fail (see `ControllerFault`: a PVC that
   * stays Pending, a CNPG recovery that fails) until the function returned
   * is called.
   */
  injectControllerFault(fault: ControllerFault): () => void {
    return this.#controllerFaults.add(fault);
  }

  /** Removes every fault, the scenario's own included. */
  clearFaults() {
    this.#faults.clear();
  }

  faults(): Fault[] {
    return this.#faults.list();
  }

  /**
   * Ends every open watch, as an API server restart or a dropped
   * connection does; clients watch again from their resourceVersion.
   */
  closeWatches() {
    for (const end of [...this.#watches]) end();
  }

  /** The cluster's current resourceVersion (that of its newest change). */
  get resourceVersion(): number {
    return this.#store.resourceVersion;
  }

  /** Forgets the event history: watches from before now get 410 Gone. */
  compactEvents() {
    this.#store.compact();
  }

  /** Every request answered so far (the newest 20 000), oldest first. */
  requestLog(): RequestLogEntry[] {
    return this.#log.entries();
  }

  clearRequestLog() {
    this.#log.clear();
  }

  /**
   * Stops the controllers, ends waits and open watches, closes every
   * connection and the listening socket: nothing of the simulator keeps a
   * process alive afterwards. Calling it again waits for the same stop.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    this.#controller.stop();
    this.#flux.stop();
    for (const controller of this.#lifecycle) controller.stop();
    this.#faults.stop();
    for (const end of [...this.#watches]) end();
    const closed = new Promise<void>(resolve =>
      this.#server.close(() => resolve()),
    );
    // Open watch streams and keep-alive connections would keep the server alive.
    this.#server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    await closed;
  }
}
