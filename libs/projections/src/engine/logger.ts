export interface ProjectionLogger {
  log(message: string): void;
  error(message: string): void;
}

export const silentLogger: ProjectionLogger = { log: () => undefined, error: () => undefined };

export const consoleLogger: ProjectionLogger = {
  log: (message) => console.log(`[projector] ${message}`),
  error: (message) => console.error(`[projector] ${message}`),
};
