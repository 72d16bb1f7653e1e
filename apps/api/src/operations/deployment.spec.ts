import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { InvalidConfigurationError, loadConfig } from '@channel-ledger/application';

const ROOT = resolve(__dirname, '../../../..');

interface Healthcheck {
  test: string | string[];
  interval?: string;
  retries?: number;
}
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: Healthcheck;
  depends_on?: Record<string, { condition: string; required?: boolean }>;
  profiles?: string[];
  pull_policy?: string;
  networks?: string[] | Record<string, unknown>;
}
interface ComposeFile {
  services: Record<string, Service>;
  networks?: Record<string, unknown>;
  volumes?: Record<string, unknown>;
}

/** `${NAME:-default}` / `${NAME}` as compose interpolates them with NAME unset. */
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (_m, _name: string, fallback?: string) => fallback ?? '');
}

const testOf = (healthcheck: Healthcheck | undefined) => [healthcheck?.test ?? []].flat().join(' ');

/**
 * docker-compose.yml and the Dockerfile, checked without a Docker engine (none runs in CI): the
 * compose file is parsed as YAML (merge keys resolved, as compose does) and every promise the
 * README makes about the stack is checked against it.
 */
describe('docker-compose.yml (validated without an engine)', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
  const services = compose.services;
  const defaultStack = Object.entries(services).filter(([, s]) => !s.profiles);
  const clusterStack = Object.entries(services).filter(([, s]) => s.profiles?.includes('cluster'));

  it('runs EventStoreDB, MongoDB, the API and the projector by default, and a 3-node EventStoreDB cluster in the second profile', () => {
    expect(defaultStack.map(([name]) => name).sort()).toEqual(['api', 'eventstore', 'mongodb', 'projector']);
    expect(clusterStack.map(([name]) => name).sort()).toEqual([
      'api-cluster',
      'esdb-node1',
      'esdb-node2',
      'esdb-node3',
      'projector-cluster',
    ]);
    const nodes = clusterStack.filter(([name]) => name.startsWith('esdb-node')).map(([, s]) => s);
    for (const node of nodes) {
      expect(node.image).toMatch(/^eventstore\/eventstore:/);
      expect(node.environment).toMatchObject({ EVENTSTORE_CLUSTER_SIZE: '3', EVENTSTORE_DISCOVER_VIA_DNS: 'false' });
      // Each node's gossip seeds are the two others.
      const own = node.environment!.EVENTSTORE_REPLICATION_IP;
      const seeds = node.environment!.EVENTSTORE_GOSSIP_SEED.split(',').map((s) => s.split(':')[0]);
      expect(seeds).not.toContain(own);
      expect(new Set([own, ...seeds]).size).toBe(3);
      expect(Object.keys(node.networks as Record<string, unknown>)).toEqual(['esdb-cluster']);
    }
    expect(compose.networks).toHaveProperty('esdb-cluster');
    expect(services['api-cluster'].environment!.EVENTSTORE_CONNECTION_STRING.split('//')[1].split('?')[0].split(',')).toHaveLength(3);
    // Its own read models: two projectors never write one database.
    expect(services['api-cluster'].environment!.MONGODB_DATABASE).not.toBe(services.api.environment!.MONGODB_DATABASE);
  });

  it('builds the app image once, from the Dockerfile, and runs it without installing anything or mounting the source', () => {
    const builders = defaultStack.filter(([, s]) => s.build);
    expect(builders.map(([name]) => name)).toEqual(['api']);
    expect(services.api.build).toEqual({ context: '.', dockerfile: 'Dockerfile' });
    expect(existsSync(join(ROOT, services.api.build!.context, services.api.build!.dockerfile))).toBe(true);
    const image = services.api.image;
    for (const name of ['projector', 'api-cluster', 'projector-cluster']) expect(services[name].image).toBe(image);
    for (const name of ['projector', 'projector-cluster']) expect(services[name].pull_policy).toBe('never');
    for (const [name, service] of [...defaultStack, ...clusterStack]) {
      expect({ name, command: (service.command ?? []).join(' ') }).toEqual({
        name,
        command: expect.not.stringMatching(/npm (install|ci)/),
      });
      for (const volume of service.volumes ?? [])
        expect({ name, volume }).toEqual({ name, volume: expect.not.stringMatching(/^\.{1,2}(\/|:)/) });
    }
    // The projector's entry point is the compiled one of a real source file.
    const entry = services.projector.command!.find((part) => part.startsWith('dist/') && part.endsWith('.js'))!;
    expect(existsSync(join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });

  it('gives MongoDB a health check that initiates the replica set and fails until a primary exists', () => {
    const mongo = services.mongodb;
    expect(mongo.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    const check = testOf(mongo.healthcheck);
    expect(check).toMatch(/rs\.initiate\(\{ _id: 'rs0', members: \[\{ _id: 0, host: 'mongodb:27017' \}\] \}\)/);
    expect(check).toMatch(/NotYetInitialized/);
    expect(check).toMatch(/quit\(db\.hello\(\)\.isWritablePrimary \? 0 : 1\)/);
    expect(mongo.healthcheck!.retries).toBeGreaterThanOrEqual(30);
    // The member name resolves for the apps (same network); the host connects directly.
    expect(services.api.environment!.MONGODB_URI).toBe('mongodb://mongodb:27017/?replicaSet=rs0');
  });

  it('has every service that others wait for healthy, and makes them wait for health, so `up -d --wait` returns on a working stack', () => {
    for (const name of ['eventstore', 'mongodb', 'api', 'esdb-node1', 'esdb-node2', 'esdb-node3', 'api-cluster']) {
      expect({ name, healthcheck: Boolean(services[name].healthcheck) }).toEqual({ name, healthcheck: true });
    }
    expect(testOf(services.eventstore.healthcheck)).toContain('/health/live');
    expect(testOf(services.api.healthcheck)).toContain('/health/ready');
    for (const [name, service] of [...defaultStack, ...clusterStack]) {
      for (const [dependency, rule] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency]).toBeDefined();
        // A dependency of the default stack is in the default stack (profiles never leak into it).
        if (!service.profiles)
          expect({ name, dependency, profiles: services[dependency].profiles }).toEqual({ name, dependency, profiles: undefined });
        if (services[dependency].healthcheck)
          expect({ name, dependency, condition: rule.condition }).toEqual({ name, dependency, condition: 'service_healthy' });
      }
    }
    expect(Object.keys(services.api.depends_on!).sort()).toEqual(['eventstore', 'mongodb']);
    expect(Object.keys(services.projector.depends_on!).sort()).toEqual(['eventstore', 'mongodb']);
    expect(Object.keys(services['api-cluster'].depends_on!).sort()).toEqual(['esdb-node1', 'esdb-node2', 'esdb-node3', 'mongodb']);
  });

  it('publishes each host port once, the ones the README names', () => {
    const published = Object.values(services).flatMap((s) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(new Set(published).size).toBe(published.length);
    expect(services.eventstore.ports).toEqual(['2113:2113']);
    expect(services.mongodb.ports).toEqual(['27017:27017']);
    expect(services.api.ports).toEqual(['3000:3000']);
  });

  it("gives the apps a configuration the API's own start-up check accepts", () => {
    for (const name of ['api', 'projector', 'api-cluster', 'projector-cluster']) {
      const env = Object.fromEntries(Object.entries(services[name].environment!).map(([k, v]) => [k, interpolate(String(v))]));
      let config;
      try {
        config = loadConfig(env);
      } catch (error) {
        throw new Error(`${name}: ${(error as InvalidConfigurationError).message}`);
      }
      expect(config.eventStore.kind).toBe('eventstoredb');
      expect(config.readStore.kind).toBe('mongodb');
      expect(config.runProjectionsInProcess).toBe(false);
    }
    expect(interpolate(services.api.environment!.HOST)).toBe('0.0.0.0');
  });

  it('declares every named volume it mounts', () => {
    const named = Object.values(services).flatMap((s) => (s.volumes ?? []).map((v) => v.split(':')[0]));
    for (const volume of named) expect(compose.volumes).toHaveProperty(volume);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split('\n').filter((line) => /^FROM /.test(line));
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('is multi-stage on the Node major CI tests, with production dependencies only and a non-root user at run time', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(dockerfile).toMatch(/ARG NODE_IMAGE=node:20-/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('>=20');
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=deps \/app\/node_modules/);
    expect(runtime).not.toMatch(/COPY --from=build \/app\/node_modules/);
    expect(runtime).toMatch(/\nUSER node\n/);
    expect(runtime).toMatch(/ENV NODE_ENV=production/);
    const cmd = /CMD \[(.*)\]/.exec(runtime)![1];
    const entry = JSON.parse(`[${cmd}]`).find((part: string) => part.endsWith('.js') && part.startsWith('dist/'));
    expect(existsSync(join(ROOT, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    expect(existsSync(join(ROOT, 'scripts/register-paths.js'))).toBe(true);
    // Assets read at run time (the dashboard's public/ folder) travel beside the compiled modules.
    expect(dockerfile).toMatch(/find apps libs -type f ! -name '\*\.ts' -exec cp --parents \{\} dist\//);
  });

  it('keeps local state and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['node_modules', 'dist', 'data', '.git', '*.sqlite']) expect(ignored).toContain(entry);
  });
});
