import { parseArgs } from 'node:util';
import { startDevServer } from '../dev/dev-server.ts';
import type { Command } from './command.ts';

export const devCommand: Command = {
  name: 'dev',
  summary: 'Preview the site on localhost, rebuilding and reloading on every change',
  usage: `jianbao dev [--content DIR] [--templates DIR] [--port N]

  --content DIR    content folder (default: content)
  --templates DIR  templates folder (default: ./templates, else the bundled ones)
  --port N         port on 127.0.0.1 (default: 4321)`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        content: { type: 'string', default: 'content' },
        templates: { type: 'string' },
        port: { type: 'string', default: '4321' },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Expected --port to be a port number, got “${values.port}”`);
    const server = await startDevServer({
      contentDir: values.content,
      templatesDir: values.templates,
      port,
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
