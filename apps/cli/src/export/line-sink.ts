import { createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes lines to a file or stdout, waiting whenever the stream's buffer is full, so an export of
 * any length holds only what the disk or pipe has not taken yet.
 */
export class LineSink {
  private constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly ownsStream: boolean,
  ) {}

  static toFile(path: string): LineSink {
    return new LineSink(createWriteStream(path, { encoding: 'utf8' }), true);
  }

  static toStdout(): LineSink {
    return new LineSink(process.stdout, false);
  }

  async write(line: string): Promise<void> {
    if (!this.stream.write(`${line}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.ownsStream) return;
    const file = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}
