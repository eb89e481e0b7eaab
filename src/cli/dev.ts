import { parseArgs } from 'node:util';
import { startDevServer } from '../dev/dev-server.ts';
import type { Command } from './command.ts';

export const devCommand: Command = {
  name: 'dev',
  summary: 'Preview the site on localhost, rebuilding and reloading on every change',
  usage: `jianbao dev [--content DIR] [--templates DIR] [--port N] [--host NAME]

  --content DIR    content folder (default: content)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)
  --port N         port to listen on (default: 4321)
  --host NAME      address to listen on (default: 127.0.0.1); requests are answered only
                   for this name, localhost, 127.0.0.1 and [::1]`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        templates: { type: 'string' },
        port: { type: 'string', default: '4321' },
        host: { type: 'string', default: '127.0.0.1' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Expected --port to be a port number, got “${values.port}”`);
    if (values.host.trim() === '') throw new Error('Expected --host to be a host name or address, like 127.0.0.1, got an empty one');
    const server = await startDevServer({
      contentDir: values.content,
      templatesDir: values.templates,
      port,
      host: values.host,
      log: (line) => io.stdout(`${line}\n`),
      logError: (line) => io.stderr(`${line}\n`),
    });
    // Runs until interrupted.
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};
